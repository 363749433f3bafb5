#include <gtest/gtest.h>

#include <fstream>

#include "aws/config/shared_config.hpp"
#include "aws/endpoints/endpoints.hpp"
#include "support/temp_dir.hpp"

using namespace drc::aws;

namespace {

config::Env env_of(std::map<std::string, std::string> vars) {
  return [vars](const std::string& k) -> std::optional<std::string> {
    auto it = vars.find(k);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

}  // namespace

TEST(SharedConfig, ProfilesServicesNestingAndCredentialsOverlay) {
  drc::test::TempDir tmp;
  std::ofstream(tmp / "config") << "# comment\n[default]\nregion = us-east-1\n\n[profile prod]\nregion=eu-west-2\n"
                                   "role_arn = arn:aws:iam::123:role/dr\nsource_profile = default\nservices = local\n"
                                   "s3 =\n  addressing_style = path\n[services local]\nrds =\n  endpoint_url = http://127.0.0.1:5000\n"
                                   "[sso-session x]\nsso_region = us-east-1\n";
  std::ofstream(tmp / "credentials") << "[default]\naws_access_key_id = AKIADEFAULT\naws_secret_access_key = s3cret\n"
                                        "[prod]\nregion = ap-southeast-2\n";
  auto cfg = config::load_shared_config(env_of({{"AWS_CONFIG_FILE", (tmp / "config").string()},
                                                {"AWS_SHARED_CREDENTIALS_FILE", (tmp / "credentials").string()}}));
  ASSERT_TRUE(cfg.ok()) << cfg.error().message;
  const auto* d = cfg->profile("default");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->at("region"), "us-east-1");
  EXPECT_EQ(d->at("aws_access_key_id"), "AKIADEFAULT");
  const auto* prod = cfg->profile("prod");
  ASSERT_NE(prod, nullptr);
  EXPECT_EQ(prod->at("region"), "ap-southeast-2");  // the credentials file wins
  EXPECT_EQ(prod->at("source_profile"), "default");
  EXPECT_EQ(prod->at("s3.addressing_style"), "path");
  EXPECT_EQ(cfg->services.at("local").at("rds.endpoint_url"), "http://127.0.0.1:5000");
  EXPECT_EQ(cfg->profile("x"), nullptr);
}

TEST(SharedConfig, MissingFilesAreEmptyAndBadLinesNameTheLine) {
  drc::test::TempDir tmp;
  auto none = config::load_shared_config(env_of({{"AWS_CONFIG_FILE", (tmp / "nope").string()},
                                                 {"AWS_SHARED_CREDENTIALS_FILE", (tmp / "nope2").string()}}));
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->profiles.empty());
  std::ofstream(tmp / "bad") << "[default]\nregion = us-east-1\nthis line is wrong\n";
  auto bad = config::load_shared_config(env_of({{"AWS_CONFIG_FILE", (tmp / "bad").string()},
                                                {"AWS_SHARED_CREDENTIALS_FILE", (tmp / "nope2").string()}}));
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad:3"), std::string::npos) << bad.error().message;
}

TEST(SharedConfig, ProfileNameOrder) {
  EXPECT_EQ(config::profile_name(env_of({}), ""), "default");
  EXPECT_EQ(config::profile_name(env_of({{"AWS_DEFAULT_PROFILE", "a"}}), ""), "a");
  EXPECT_EQ(config::profile_name(env_of({{"AWS_DEFAULT_PROFILE", "a"}, {"AWS_PROFILE", "b"}}), ""), "b");
  EXPECT_EQ(config::profile_name(env_of({{"AWS_PROFILE", "b"}}), "flag"), "flag");
}

TEST(Endpoints, ExplicitUrlsInTheirOrder) {
  model::ServiceMetadata rds;
  rds.service_id = "RDS";
  model::ServiceMetadata asg;
  asg.service_id = "Auto Scaling";
  EXPECT_EQ(endpoints::endpoint_env_suffix("Auto Scaling"), "AUTO_SCALING");
  config::SharedConfig cfg;
  cfg.profiles["p"]["services"] = "local";
  cfg.profiles["p"]["endpoint_url"] = "http://profile:1";
  cfg.services["local"]["rds.endpoint_url"] = "http://services:2";
  auto env = env_of({{"AWS_ENDPOINT_URL", "http://global:3"}, {"AWS_ENDPOINT_URL_RDS", "http://rds:4"}});
  EXPECT_EQ(endpoints::configured_endpoint_url(rds, "http://flag:5", env, cfg, "p"), "http://flag:5");
  EXPECT_EQ(endpoints::configured_endpoint_url(rds, "", env, cfg, "p"), "http://rds:4");
  EXPECT_EQ(endpoints::configured_endpoint_url(asg, "", env, cfg, "p"), "http://global:3");
  EXPECT_EQ(endpoints::configured_endpoint_url(rds, "", env_of({}), cfg, "p"), "http://services:2");
  EXPECT_EQ(endpoints::configured_endpoint_url(asg, "", env_of({}), cfg, "p"), "http://profile:1");
  EXPECT_EQ(endpoints::configured_endpoint_url(rds, "", env_of({{"AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"}}), cfg, "p"),
            std::nullopt);
}

TEST(Endpoints, ParsesEndpointUrls) {
  auto e = endpoints::parse_endpoint_url("http://127.0.0.1:5000");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->host, "127.0.0.1");
  EXPECT_EQ(e->port, 5000);
  EXPECT_TRUE(e->custom);
  EXPECT_EQ(e->url(), "http://127.0.0.1:5000");
  auto p = endpoints::parse_endpoint_url("https://Proxy.Example.com/aws/");
  ASSERT_TRUE(p.ok());
  // As written: botocore shows the URL so in its errors, and the signature covers the Host sent.
  EXPECT_EQ(p->host, "Proxy.Example.com");
  EXPECT_EQ(p->base_path, "/aws");
  EXPECT_FALSE(endpoints::parse_endpoint_url("ftp://x").ok());
  EXPECT_FALSE(endpoints::parse_endpoint_url("http://h:99999").ok());
  EXPECT_FALSE(endpoints::parse_endpoint_url("127.0.0.1:5000").ok());
}
