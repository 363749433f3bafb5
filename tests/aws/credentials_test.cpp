// The credential chain, with a local server standing in for the container and instance metadata
// services and a stand-in for STS.

#include <gtest/gtest.h>

#include <fstream>
#include <future>

#include "aws/credentials/provider.hpp"
#include "support/fake_server.hpp"
#include "support/temp_dir.hpp"

using namespace std::chrono_literals;
using namespace drc::aws;
using namespace drc::aws::credentials;
using drc::test::Behaviour;
using drc::test::FakeServer;

namespace {

struct Harness {
  drc::test::TempDir tmp;
  std::map<std::string, std::string> vars{{"AWS_EC2_METADATA_DISABLED", "true"}};
  std::string config_text, credentials_text;
  std::unique_ptr<http::Client> http = std::move(http::Client::create()).value();
  drc::Timestamp now = drc::Timestamp{std::chrono::milliseconds{1'800'000'000'000}};

  ChainInputs inputs(const std::string& profile = "default", bool from_flag = false) {
    std::ofstream(tmp / "config") << config_text;
    std::ofstream(tmp / "credentials") << credentials_text;
    vars["AWS_CONFIG_FILE"] = (tmp / "config").string();
    vars["AWS_SHARED_CREDENTIALS_FILE"] = (tmp / "credentials").string();
    ChainInputs in;
    auto v = vars;
    in.env = [v](const std::string& k) -> std::optional<std::string> {
      auto it = v.find(k);
      if (it == v.end()) return std::nullopt;
      return it->second;
    };
    in.config = std::make_shared<config::SharedConfig>(*config::load_shared_config(in.env));
    in.profile = profile;
    in.profile_from_flag = from_flag;
    in.region = "us-east-1";
    in.http = http.get();
    in.now = [this] { return now; };
    return in;
  }
};

drc::Result<Credentials> get(Provider& p) {
  std::promise<drc::Result<Credentials>> promise;
  auto f = promise.get_future();
  p.get([&promise](drc::Result<Credentials> r) { promise.set_value(std::move(r)); });
  if (f.wait_for(20s) != std::future_status::ready) return drc::make_error("no answer within 20 s");
  return f.get();
}

}  // namespace

TEST(Credentials, EnvironmentWithSessionToken) {
  Harness s;
  s.vars["AWS_ACCESS_KEY_ID"] = "AKIAENV";
  s.vars["AWS_SECRET_ACCESS_KEY"] = "envsecret";
  s.vars["AWS_SESSION_TOKEN"] = "envtoken";
  auto c = get(*default_chain(s.inputs()));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "AKIAENV");
  EXPECT_EQ(c->secret_access_key.reveal(), "envsecret");
  EXPECT_EQ(c->session_token.reveal(), "envtoken");
  EXPECT_EQ(c->source, "environment");
}

TEST(Credentials, AKeyWithoutASecretIsAnError) {
  Harness s;
  s.vars["AWS_ACCESS_KEY_ID"] = "AKIAENV";
  auto c = get(*default_chain(s.inputs()));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("AWS_SECRET_ACCESS_KEY"), std::string::npos);
}

TEST(Credentials, AProfileFlagSkipsTheEnvironment) {
  Harness s;
  s.vars["AWS_ACCESS_KEY_ID"] = "AKIAENV";
  s.vars["AWS_SECRET_ACCESS_KEY"] = "envsecret";
  s.credentials_text = "[prod]\naws_access_key_id = AKIAPROD\naws_secret_access_key = prodsecret\n";
  auto c = get(*default_chain(s.inputs("prod", true)));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "AKIAPROD");
  auto missing = get(*default_chain(s.inputs("nope", true)));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("(nope) could not be found"), std::string::npos) << missing.error().message;
}

TEST(Credentials, CredentialProcess) {
  Harness s;
  s.config_text = "[default]\ncredential_process = printf '{\"Version\": 1, \"AccessKeyId\": \"AKIAPROC\", "
                  "\"SecretAccessKey\": \"procsecret\", \"SessionToken\": \"t\", \"Expiration\": \"2030-01-01T00:00:00Z\"}'\n"
                  "[profile broken]\ncredential_process = sh -c 'exit 3'\n";
  auto c = get(*default_chain(s.inputs()));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "AKIAPROC");
  ASSERT_TRUE(c->expiration);
  auto broken = get(*default_chain(s.inputs("broken")));
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("status 3"), std::string::npos) << broken.error().message;
}

TEST(Credentials, ContainerCredentialsWithAuthorization) {
  Harness s;
  FakeServer server;
  server.push(Behaviour::respond(200, R"({"AccessKeyId":"AKIACONT","SecretAccessKey":"cs","Token":"ct","Expiration":"2030-01-01T00:00:00Z"})"));
  s.vars["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "http://127.0.0.1:" + std::to_string(server.port()) + "/creds";
  s.vars["AWS_CONTAINER_AUTHORIZATION_TOKEN"] = "Bearer abc";
  auto c = get(*default_chain(s.inputs()));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "AKIACONT");
  EXPECT_EQ(c->session_token.reveal(), "ct");
  ASSERT_EQ(server.requests().size(), 1u);
  EXPECT_EQ(server.requests()[0].target, "/creds");
  EXPECT_EQ(server.requests()[0].header("Authorization"), "Bearer abc");
}

TEST(Credentials, InstanceMetadataV2) {
  Harness s;
  FakeServer server;
  server.push(Behaviour::respond(200, "TOKEN123"));
  server.push(Behaviour::respond(200, "dr-role\n"));
  server.push(Behaviour::respond(200, R"({"Code":"Success","AccessKeyId":"AKIAIMDS","SecretAccessKey":"is","Token":"it","Expiration":"2030-01-01T00:00:00Z"})"));
  s.vars.erase("AWS_EC2_METADATA_DISABLED");
  s.vars["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = "http://127.0.0.1:" + std::to_string(server.port());
  auto c = get(*default_chain(s.inputs()));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "AKIAIMDS");
  const auto got = server.requests();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].method, "PUT");
  EXPECT_EQ(got[0].target, "/latest/api/token");
  EXPECT_EQ(got[0].header("X-aws-ec2-metadata-token-ttl-seconds"), "21600");
  EXPECT_EQ(got[1].header("X-aws-ec2-metadata-token"), "TOKEN123");
  EXPECT_EQ(got[2].target, "/latest/meta-data/iam/security-credentials/dr-role");
}

TEST(Credentials, NothingAnywhereSaysWhereItLooked) {
  Harness s;
  int port = 0;
  {
    FakeServer gone;
    port = gone.port();
  }
  s.vars.erase("AWS_EC2_METADATA_DISABLED");
  s.vars["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = "http://127.0.0.1:" + std::to_string(port);
  auto c = get(*default_chain(s.inputs()));
  ASSERT_FALSE(c.ok());
  const auto& m = c.error().message;
  EXPECT_NE(m.find("environment variables"), std::string::npos) << m;
  EXPECT_NE(m.find("profile default"), std::string::npos) << m;
  EXPECT_NE(m.find("container credentials"), std::string::npos) << m;
  EXPECT_NE(m.find("EC2 instance metadata"), std::string::npos) << m;
  EXPECT_EQ(m.find('\n'), std::string::npos);  // one line
}

TEST(Credentials, AssumeRoleFromASourceProfileIsCachedUntilNearExpiry) {
  Harness s;
  s.config_text = "[profile dr]\nrole_arn = arn:aws:iam::123456789012:role/dr\nsource_profile = base\nexternal_id = ext-1\n";
  s.credentials_text = "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = basesecret\n";
  auto in = s.inputs("dr", true);
  int calls = 0;
  in.assume_role = [&](const Credentials& source, const AssumeRoleParams& p, Done done) {
    ++calls;
    EXPECT_EQ(source.access_key_id, "AKIABASE");
    EXPECT_EQ(p.role_arn, "arn:aws:iam::123456789012:role/dr");
    EXPECT_EQ(p.external_id, "ext-1");
    Credentials c;
    c.access_key_id = "ASIAROLE" + std::to_string(calls);
    c.secret_access_key = Secret("rolesecret");
    c.session_token = Secret("roletoken");
    c.expiration = s.now + 1h;
    done(c);
  };
  auto chain = default_chain(in);
  auto first = get(*chain);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->access_key_id, "ASIAROLE1");
  EXPECT_EQ(get(*chain)->access_key_id, "ASIAROLE1");  // cached
  EXPECT_EQ(calls, 1);
  s.now += 56min;  // inside the five minutes before expiry: refreshed
  EXPECT_EQ(get(*chain)->access_key_id, "ASIAROLE2");
  EXPECT_EQ(calls, 2);
}

TEST(Credentials, RoleWithoutASourceIsAClearError) {
  Harness s;
  s.config_text = "[profile dr]\nrole_arn = arn:aws:iam::1:role/x\n";
  auto c = get(*default_chain(s.inputs("dr", true)));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("source_profile"), std::string::npos) << c.error().message;
}
