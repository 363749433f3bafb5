// Signs requests read as JSON lines on stdin and writes each stage of the signature as a JSON line, for
// check_sigv4.py to compare with botocore's signer.
//   in:  {"method","scheme","host","port"?, "path","query":[[k,v]],"headers":[[k,v]],"body","region",
//         "service","time","access_key","secret","token","s3","unsigned","expires"?}
//   out: {"canonical","string_to_sign","signature","headers":[[k,v]]}
// With "expires", the request is presigned instead (check_presign.py) and "query" is the URL's query.

#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/sigv4/presign.hpp"
#include "aws/sigv4/signer.hpp"

using nlohmann::json;
using namespace drc::aws;

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto in = json::parse(line);
    http::Request req;
    req.method = in.at("method");
    req.scheme = in.at("scheme");
    req.host = in.at("host");
    if (in.contains("port")) req.port = in.at("port").get<int>();
    req.path = in.at("path");
    for (const auto& q : in.at("query")) req.query.emplace_back(q.at(0), q.at(1));
    for (const auto& h : in.at("headers")) req.headers.emplace_back(h.at(0), h.at(1));
    req.body = in.at("body");
    sigv4::Params p;
    p.region = in.at("region");
    p.service = in.at("service");
    auto t = drc::parse_iso8601(in.at("time").get<std::string>());
    if (!t) {
      std::cerr << "bad time\n";
      return 2;
    }
    p.time = *t;
    p.s3 = in.value("s3", false);
    p.unsigned_payload = in.value("unsigned", false);
    Credentials c;
    c.access_key_id = in.at("access_key");
    c.secret_access_key = Secret(in.at("secret"));
    c.session_token = Secret(in.value("token", ""));
    if (in.contains("expires")) {
      const auto pre = sigv4::presign(req, c, p, in.at("expires").get<int>());
      std::cout << json{{"canonical", pre.stages.canonical_request}, {"string_to_sign", pre.stages.string_to_sign},
                        {"signature", pre.stages.signature}, {"query", pre.query}}.dump()
                << '\n';
      continue;
    }
    const auto s = sigv4::sign(req, c, p);
    json out{{"canonical", s.canonical_request}, {"string_to_sign", s.string_to_sign}, {"signature", s.signature},
             {"headers", json::array()}};
    for (const auto& [k, v] : req.headers) out["headers"].push_back({k, v});
    std::cout << out.dump() << '\n';
  }
  return 0;
}
