// The credential chain, with a local server standing in for the container and instance metadata
// services and a stand-in for STS.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>

#include <nlohmann/json.hpp>

#include "aws/credentials/provider.hpp"
#include "aws/credentials/sso_token.hpp"
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
    vars["HOME"] = tmp.path().string();  // the role cache: ~/.aws/cli/cache
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

// STS's answer for a role, expiring at `expires` (ISO 8601, as drconsole's parser gives timestamps).
static nlohmann::ordered_json sts_answer(const std::string& key_id, const std::string& expires) {
  return {{"Credentials", {{"AccessKeyId", key_id}, {"SecretAccessKey", "rolesecret"}, {"SessionToken", "roletoken"},
                           {"Expiration", expires}}},
          {"AssumedRoleUser", {{"AssumedRoleId", "AROA:s"}, {"Arn", "arn:aws:sts::123456789012:assumed-role/dr/s"}}}};
}

TEST(Credentials, AssumeRoleFromASourceProfileIsCachedUntilNearExpiry) {
  Harness s;
  s.config_text = "[profile dr]\nrole_arn = arn:aws:iam::123456789012:role/dr\nsource_profile = base\nexternal_id = ext-1\n";
  s.credentials_text = "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = basesecret\n";
  auto in = s.inputs("dr", true);
  int calls = 0;
  in.assume_role = [&](const Credentials& source, const RoleCall& call, std::function<void(drc::Result<nlohmann::ordered_json>)> done) {
    ++calls;
    EXPECT_EQ(source.access_key_id, "AKIABASE");
    EXPECT_EQ(call.params.role_arn, "arn:aws:iam::123456789012:role/dr");
    EXPECT_EQ(call.params.external_id, "ext-1");
    EXPECT_FALSE(call.params.duration_seconds);  // not configured: not sent
    // Made up at each call (botocore: botocore-session-<seconds>).
    EXPECT_EQ(call.session_name, "drconsole-session-" + std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                                              s.now.time_since_epoch()).count()));
    done(sts_answer("ASIAROLE" + std::to_string(calls), calls == 1 ? "2027-01-15T09:00:00Z" : "2027-01-15T10:00:00Z"));
  };
  auto chain = default_chain(in);
  auto first = get(*chain);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->access_key_id, "ASIAROLE1");
  EXPECT_EQ(get(*chain)->access_key_id, "ASIAROLE1");  // cached
  EXPECT_EQ(calls, 1);
  // botocore's key: sha1 of json.dumps({"ExternalId": "ext-1", "RoleArn": ...}, sort_keys=True); the
  // made-up session name stays out of it.
  const auto file = s.tmp / ".aws/cli/cache/10f551750773dfcb7429072b640ebf79faabc6aa.json";
  ASSERT_TRUE(std::filesystem::exists(file));
  std::ifstream cached(file);
  const auto j = nlohmann::json::parse(cached);
  EXPECT_EQ(j["Credentials"]["AccessKeyId"], "ASIAROLE1");
  EXPECT_EQ(j["Credentials"]["Expiration"], "2027-01-15T09:00:00UTC");  // botocore's strftime form
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  // A second process (a new chain) takes the role from the cache while it has 15 minutes or more.
  s.now += 40min;
  auto again = default_chain(s.inputs("dr", true));
  auto second = get(*again);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->access_key_id, "ASIAROLE1");
  EXPECT_EQ(second->source, "role arn:aws:iam::123456789012:role/dr (cached)");
  // Inside the last 15 minutes the cache is passed over, and inside the last five the chain refreshes.
  s.now += 16min;
  EXPECT_EQ(get(*chain)->access_key_id, "ASIAROLE2");
  EXPECT_EQ(calls, 2);
}

TEST(Credentials, AnMfaCodeIsAskedForOnceAndTheRoleCached) {
  Harness s;
  s.config_text =
      "[profile dr]\nrole_arn = arn:aws:iam::123456789012:role/dr\nsource_profile = base\n"
      "mfa_serial = arn:aws:iam::123456789012:mfa/oncall\nduration_seconds = 900\nrole_session_name = oncall-\xc3\xa9\n";
  s.credentials_text = "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = basesecret\n";
  auto in = s.inputs("dr", true);
  std::vector<std::string> prompts;
  in.mfa_prompt = [&](const std::string& prompt) -> std::optional<std::string> {
    prompts.push_back(prompt);
    return "123456";
  };
  in.assume_role = [&](const Credentials&, const RoleCall& call, std::function<void(drc::Result<nlohmann::ordered_json>)> done) {
    EXPECT_EQ(call.params.mfa_serial, "arn:aws:iam::123456789012:mfa/oncall");
    EXPECT_EQ(call.token_code, "123456");
    EXPECT_EQ(call.session_name, "oncall-\xc3\xa9");
    EXPECT_EQ(call.params.duration_seconds, 900);
    done(sts_answer("ASIAMFA", "2027-01-15T09:00:00Z"));
  };
  auto c = get(*default_chain(in));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "ASIAMFA");
  ASSERT_EQ(prompts.size(), 1u);
  EXPECT_EQ(prompts[0], "Enter MFA code for arn:aws:iam::123456789012:mfa/oncall: ");
  // The key as botocore makes it (json.dumps escapes the é as \u00e9).
  EXPECT_TRUE(std::filesystem::exists(s.tmp / ".aws/cli/cache/6b9726f8139ed1b4e9efd58010f35646413c8c15.json"));
  // Where nobody can be asked (the console's screen), the cached role still serves...
  auto no_prompt = s.inputs("dr", true);
  auto cached = get(*default_chain(no_prompt));
  ASSERT_TRUE(cached.ok()) << cached.error().message;
  EXPECT_EQ(cached->access_key_id, "ASIAMFA");
  // ...and once it is gone, the error says how to enter the code.
  std::filesystem::remove_all(s.tmp / ".aws");
  auto without_terminal = s.inputs("dr", true);
  without_terminal.assume_role = in.assume_role;
  auto missing = get(*default_chain(without_terminal));
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("drconsole aws sts get-caller-identity --profile dr"), std::string::npos) << missing.error().message;
}

TEST(Credentials, WebIdentityFromTheEnvironmentAndTheProfile) {
  Harness s;
  std::ofstream(s.tmp / "token") << "eyJ.token.sig";
  s.config_text = "[default]\nrole_arn = arn:aws:iam::123456789012:role/from-profile\nweb_identity_token_file = /nonexistent\n";
  s.vars["AWS_WEB_IDENTITY_TOKEN_FILE"] = (s.tmp / "token").string();
  s.vars["AWS_ROLE_ARN"] = "arn:aws:iam::123456789012:role/irsa";
  s.vars["AWS_ROLE_SESSION_NAME"] = "pod-1";
  auto in = s.inputs();
  int calls = 0;
  in.assume_role = [&](const Credentials& source, const RoleCall& call, std::function<void(drc::Result<nlohmann::ordered_json>)> done) {
    ++calls;
    EXPECT_TRUE(source.access_key_id.empty());  // unsigned
    EXPECT_EQ(call.params.role_arn, "arn:aws:iam::123456789012:role/irsa");  // the environment over the profile
    EXPECT_EQ(call.session_name, "pod-1");
    EXPECT_EQ(call.web_identity_token, "eyJ.token.sig");
    done(sts_answer("ASIAIRSA", "2027-01-15T09:00:00Z"));
  };
  auto c = get(*default_chain(in));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "ASIAIRSA");
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(std::filesystem::exists(s.tmp / ".aws/cli/cache/ffae1d982d7ff8ef7cb01a8e66b8b23bfbc490a5.json"));
  // Only the profile's settings: its token file, unreadable here, is a clear error.
  s.vars.erase("AWS_WEB_IDENTITY_TOKEN_FILE");
  s.vars.erase("AWS_ROLE_ARN");
  auto bad = get(*default_chain(s.inputs()));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("/nonexistent could not be read"), std::string::npos) << bad.error().message;
}

TEST(Credentials, RoleWithoutASourceIsAClearError) {
  Harness s;
  s.config_text = "[profile dr]\nrole_arn = arn:aws:iam::1:role/x\n";
  auto c = get(*default_chain(s.inputs("dr", true)));
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("source_profile"), std::string::npos) << c.error().message;
}

namespace {

const char* kSsoConfig =
    "[profile modern]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = DRReader\n"
    "[sso-session corp]\nsso_start_url = https://d-1234.awsapps.com/start\nsso_region = eu-west-1\n";

// The token `aws sso login` caches for the sso-session "corp", with its refresh token and client registration.
void cache_sso_token(Harness& s, const std::string& expires_at, const std::string& refresh_token) {
  const auto dir = s.tmp / ".aws/sso/cache";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / (sso_token_key("corp") + ".json"))
      << nlohmann::json{{"startUrl", "https://d-1234.awsapps.com/start"}, {"region", "eu-west-1"}, {"accessToken", "tok-old"},
                        {"expiresAt", expires_at}, {"clientId", "client-7"}, {"clientSecret", "csecret"},
                        {"registrationExpiresAt", "2027-02-01T00:00:00Z"}, {"refreshToken", refresh_token}}
             .dump();
}

// The SSO portal, answering for any token with a role's keys and remembering the token it was given.
SsoGetRoleCredentials portal(std::string& token_seen) {
  return [&token_seen](const SsoRoleCall& call, std::function<void(drc::Result<nlohmann::ordered_json>)> done) {
    token_seen = call.access_token;
    done(nlohmann::ordered_json{{"roleCredentials", {{"accessKeyId", "ASIASSO"}, {"secretAccessKey", "s"}, {"sessionToken", "t"},
                                                     {"expiration", 1'800'003'600'000LL}}}});
  };
}

}  // namespace

TEST(Credentials, AnSsoSessionTokenNearExpiryIsRenewedAndCachedForTheCli) {
  Harness s;  // now: 2027-01-15T08:00:00Z
  s.config_text = kSsoConfig;
  cache_sso_token(s, "2027-01-15T08:10:00Z", "rt-1");  // ten minutes left: inside botocore's 15
  auto in = s.inputs("modern", true);
  std::string token_seen;
  in.sso_get_role_credentials = portal(token_seen);
  int renewals = 0;
  in.sso_create_token = [&](const SsoTokenCall& call, std::function<void(SsoTokenAnswer)> done) {
    ++renewals;
    EXPECT_EQ(call.region, "eu-west-1");
    EXPECT_EQ(call.client_id, "client-7");
    EXPECT_EQ(call.client_secret.reveal(), "csecret");
    EXPECT_EQ(call.refresh_token.reveal(), "rt-1");
    done({nlohmann::ordered_json{{"accessToken", "tok-new"}, {"tokenType", "Bearer"}, {"expiresIn", 28800}, {"refreshToken", "rt-2"}}, {}, false});
  };
  auto c = get(*default_chain(in));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(c->access_key_id, "ASIASSO");
  EXPECT_EQ(renewals, 1);
  EXPECT_EQ(token_seen, "tok-new");
  // Written back as botocore writes it, for the aws CLI (and the next drconsole) to find.
  const auto file = s.tmp / ".aws/sso/cache" / (sso_token_key("corp") + ".json");
  std::ifstream cached(file);
  const auto j = nlohmann::ordered_json::parse(cached);
  EXPECT_EQ(j["accessToken"], "tok-new");
  EXPECT_EQ(j["expiresAt"], "2027-01-15T16:00:00Z");  // now + expiresIn
  EXPECT_EQ(j["refreshToken"], "rt-2");
  EXPECT_EQ(j["clientSecret"], "csecret");
  EXPECT_EQ(j["registrationExpiresAt"], "2027-02-01T00:00:00Z");
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  // The renewed token is good for hours: the next lookup renews nothing.
  auto again = get(*default_chain(in));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(renewals, 1);
}

TEST(Credentials, ARefusedSsoRenewalLeavesTheOldTokenWhileItLasts) {
  Harness s;
  s.config_text = kSsoConfig;
  auto refuse = [](const SsoTokenCall&, std::function<void(SsoTokenAnswer)> done) {
    done({std::nullopt, "An error occurred (InvalidGrantException) when calling the CreateToken operation: ", true});
  };
  cache_sso_token(s, "2027-01-15T08:10:00Z", "rt-revoked");
  auto in = s.inputs("modern", true);
  std::string token_seen;
  in.sso_get_role_credentials = portal(token_seen);
  in.sso_create_token = refuse;
  auto c = get(*default_chain(in));
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_EQ(token_seen, "tok-old");
  // Expired and refused: botocore's words, and no call to the portal with a dead token.
  cache_sso_token(s, "2027-01-15T07:59:00Z", "rt-revoked");
  token_seen.clear();
  auto expired = get(*default_chain(in));
  ASSERT_FALSE(expired.ok());
  EXPECT_EQ(expired.error().message.find("Error when retrieving token from sso: Token has expired and refresh failed"), 0u)
      << expired.error().message;
  EXPECT_TRUE(token_seen.empty());
  // No answer at all (the service out of reach) is the error itself, as in botocore.
  in.sso_create_token = [](const SsoTokenCall&, std::function<void(SsoTokenAnswer)> done) {
    done({std::nullopt, "Could not connect to the endpoint URL: \"https://oidc.eu-west-1.amazonaws.com/token\"", false});
  };
  cache_sso_token(s, "2027-01-15T08:10:00Z", "rt-1");
  auto unreachable = get(*default_chain(in));
  ASSERT_FALSE(unreachable.ok());
  EXPECT_NE(unreachable.error().message.find("Could not connect to the endpoint URL"), std::string::npos) << unreachable.error().message;
}

TEST(Credentials, AnSsoRenewalThatDoesNotRotateTheRefreshTokenDropsIt) {
  // botocore writes only what the answer gave: without a new refresh token, none is cached.
  SsoToken old;
  old.cached = {{"accessToken", "a"}, {"expiresAt", "2027-01-15T08:10:00Z"}, {"clientId", "c"}, {"clientSecret", "s"},
                {"registrationExpiresAt", "2027-02-01T00:00:00Z"}, {"refreshToken", "rt-1"}};
  const drc::Timestamp now{std::chrono::milliseconds{1'800'000'000'000}};
  auto renewed = sso_renewed_token(old, {{"accessToken", "b"}, {"expiresIn", 60}}, "https://x/start", "eu-west-1", now);
  ASSERT_TRUE(renewed.ok()) << renewed.error().message;
  EXPECT_FALSE(renewed->cached.contains("refreshToken"));
  EXPECT_EQ(renewed->cached["startUrl"], "https://x/start");
  EXPECT_EQ(renewed->expires, now + std::chrono::seconds{60});
  EXPECT_FALSE(sso_renewed_token(old, {{"tokenType", "Bearer"}}, "u", "r", now).ok());
  // A registration that has expired cannot renew anything.
  old.cached["registrationExpiresAt"] = "2027-01-15T07:00:00Z";
  EXPECT_FALSE(sso_refresh_call(old, "eu-west-1", now).has_value());
  old.cached["registrationExpiresAt"] = "2027-01-15T09:00:00Z";
  EXPECT_TRUE(sso_refresh_call(old, "eu-west-1", now).has_value());
  old.cached.erase("clientSecret");
  EXPECT_FALSE(sso_refresh_call(old, "eu-west-1", now).has_value());
}
