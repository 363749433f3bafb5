// SigV4 stage by stage from data files (tests/data/sigv4, written by botocore's signer through
// tests/aws/gen_sigv4_cases.py): each stage is fed the previous stage's expected output, so a failure
// names the stage that is wrong.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "aws/http/uri.hpp"
#include "aws/sigv4/signer.hpp"

using namespace drc::aws;
using nlohmann::json;

namespace {

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Case {
  std::string name;
  http::Request request;
  sigv4::Params params;
  Credentials creds;
};

Case load(const std::filesystem::path& dir) {
  const auto j = json::parse(slurp(dir / "request.json"));
  Case c;
  c.name = dir.filename().string();
  auto& r = c.request;
  r.method = j.at("method");
  r.scheme = j.at("scheme");
  r.host = j.at("host");
  if (j.contains("port")) r.port = j.at("port").get<int>();
  r.path = j.at("path");
  for (const auto& q : j.at("query")) r.query.emplace_back(q.at(0), q.at(1));
  for (const auto& h : j.at("headers")) r.headers.emplace_back(h.at(0), h.at(1));
  r.body = j.at("body");
  c.params.region = j.at("region");
  c.params.service = j.at("service");
  c.params.time = *drc::parse_iso8601(j.at("time").get<std::string>());
  c.params.s3 = j.at("s3");
  c.params.unsigned_payload = j.at("unsigned");
  c.creds.access_key_id = j.at("access_key");
  c.creds.secret_access_key = Secret(j.at("secret"));
  c.creds.session_token = Secret(j.at("token"));
  return c;
}

std::vector<std::filesystem::path> case_dirs() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(DRC_TEST_DATA_DIR) / "sigv4")) {
    if (e.is_directory()) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST(SigV4, EveryStageOfEveryCaseMatchesBotocore) {
  const auto dirs = case_dirs();
  ASSERT_GE(dirs.size(), 20u);
  for (const auto& dir : dirs) {
    SCOPED_TRACE(dir.filename().string());
    auto c = load(dir);
    const auto expected_cr = slurp(dir / "canonical-request.txt");
    const auto expected_sts = slurp(dir / "string-to-sign.txt");
    const auto expected_sig = slurp(dir / "signature.txt");
    const auto expected_auth = slurp(dir / "authorization.txt");

    auto req = c.request;
    const auto payload = sigv4::prepare(req, c.creds, c.params);
    EXPECT_EQ(sigv4::canonical_request(req, c.params, payload), expected_cr) << "stage 1: canonical request";
    EXPECT_EQ(sigv4::string_to_sign(c.params, expected_cr), expected_sts) << "stage 2: string to sign";
    EXPECT_EQ(sigv4::signature(sigv4::signing_key(c.creds.secret_access_key, c.params), expected_sts), expected_sig)
        << "stage 3: signature";

    auto whole = c.request;
    sigv4::sign(whole, c.creds, c.params);
    ASSERT_NE(whole.header("Authorization"), nullptr);
    EXPECT_EQ(*whole.header("Authorization"), expected_auth) << "stage 4: the Authorization header";
  }
}

TEST(SigV4, ReSigningReplacesTheEarlierAttemptsHeaders) {
  auto c = load(std::filesystem::path(DRC_TEST_DATA_DIR) / "sigv4" / "post-session-token");
  auto req = c.request;
  sigv4::sign(req, c.creds, c.params);
  const auto first = *req.header("Authorization");
  c.params.time += std::chrono::seconds(30);  // a retry, half a minute later
  sigv4::sign(req, c.creds, c.params);
  int auth = 0, date = 0, token = 0;
  for (const auto& [k, v] : req.headers) {
    auth += http::iequals(k, "Authorization");
    date += http::iequals(k, "X-Amz-Date");
    token += http::iequals(k, "X-Amz-Security-Token");
  }
  EXPECT_EQ(auth, 1);
  EXPECT_EQ(date, 1);
  EXPECT_EQ(token, 1);
  EXPECT_NE(*req.header("Authorization"), first);
  // The retry's signature is what a fresh signing of the original request at the new time gives.
  auto fresh = c.request;
  sigv4::sign(fresh, c.creds, c.params);
  EXPECT_EQ(*req.header("Authorization"), *fresh.header("Authorization"));
}

TEST(SigV4, UriHelpers) {
  EXPECT_EQ(http::percent_encode("a b/c~d", "/~"), "a%20b/c~d");
  EXPECT_EQ(http::percent_encode("é+="), "%C3%A9%2B%3D");
  EXPECT_EQ(http::remove_dot_segments(""), "/");
  EXPECT_EQ(http::remove_dot_segments("/a//./c/../b"), "/a/b");
  EXPECT_EQ(http::remove_dot_segments("/a/b/"), "/a/b/");
  EXPECT_EQ(http::remove_dot_segments("/../.."), "/");
  http::Request r;
  r.host = "127.0.0.1";
  r.scheme = "http";
  r.port = 5000;
  r.path = "/bucket";
  r.query = {{"versioning", ""}, {"a b", "c&d"}};
  EXPECT_EQ(r.url(), "http://127.0.0.1:5000/bucket?versioning&a%20b=c%26d");
  r.port = 80;
  EXPECT_EQ(r.authority(), "127.0.0.1");
}

TEST(SigV4, SecretsAreNotInTheStagesOrHeaders) {
  auto c = load(std::filesystem::path(DRC_TEST_DATA_DIR) / "sigv4" / "post-session-token");
  auto req = c.request;
  const auto s = sigv4::sign(req, c.creds, c.params);
  const auto& secret = c.creds.secret_access_key.reveal();
  EXPECT_EQ(s.canonical_request.find(secret), std::string::npos);
  EXPECT_EQ(s.string_to_sign.find(secret), std::string::npos);
  for (const auto& [k, v] : req.headers) EXPECT_EQ(v.find(secret), std::string::npos) << k;
}
