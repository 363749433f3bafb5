// The AWS client against a server that throttles, fails, hangs and sends broken bodies.

#include <gtest/gtest.h>

#include "aws/client/aws_client.hpp"
#include "support/fake_server.hpp"

using namespace std::chrono_literals;
using namespace drc::aws;
using drc::test::Behaviour;
using drc::test::FakeServer;

namespace {

std::unique_ptr<client::AwsClient> client_for(int port, std::map<std::string, std::string> extra = {}) {
  std::map<std::string, std::string> vars{{"AWS_ACCESS_KEY_ID", "AKIATEST"}, {"AWS_SECRET_ACCESS_KEY", "secret"},
                                          {"AWS_REGION", "us-east-1"}, {"AWS_EC2_METADATA_DISABLED", "true"},
                                          {"AWS_CONFIG_FILE", "/nonexistent/config"},
                                          {"AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials"}};
  for (auto& [k, v] : extra) vars[k] = v;
  client::ClientConfig cfg;
  cfg.env = [vars](const std::string& k) -> std::optional<std::string> {
    auto it = vars.find(k);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
  cfg.models_dir = DRC_MODELS_DIR;
  cfg.endpoint_url_flag = "http://127.0.0.1:" + std::to_string(port);
  cfg.jitter = [] { return 0.01; };  // backoff of 10 ms, 20 ms, ...
  cfg.read_timeout = 2s;
  auto c = client::AwsClient::create(cfg);
  EXPECT_TRUE(c.ok()) << (c.ok() ? "" : c.error().message);
  return std::move(c).value();
}

client::CallRequest describe_instances() {
  client::CallRequest r;
  r.service = "rds";
  r.operation = "DescribeDBInstances";
  return r;
}

const std::string kThrottled =
    "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>"
    "<RequestId>t1</RequestId></ErrorResponse>";
const std::string kEmpty =
    "<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances/></DescribeDBInstancesResult>"
    "<ResponseMetadata><RequestId>ok-1</RequestId></ResponseMetadata></DescribeDBInstancesResponse>";

}  // namespace

TEST(AwsClientFaults, ThrottlingThenSuccessRetriesVisibly) {
  FakeServer server;
  server.push(Behaviour::respond(400, kThrottled));
  server.push(Behaviour::respond(503, ""));
  server.push(Behaviour::respond(200, kEmpty));
  auto c = client_for(server.port());
  auto r = c->call_sync(describe_instances());
  ASSERT_TRUE(r.ok()) << r.error_text();
  EXPECT_EQ(r.attempts, 3);
  EXPECT_EQ(r.request_id, "ok-1");
  EXPECT_EQ(server.requests().size(), 3u);
  // Each attempt is signed afresh.
  EXPECT_NE(server.requests()[0].header("Authorization"), "");
}

TEST(AwsClientFaults, PersistentServerErrorsGiveUpAfterMaxAttempts) {
  FakeServer server;
  server.set_fallback(Behaviour::respond(500, "<ErrorResponse><Error><Code>InternalFailure</Code><Message>boom</Message></Error></ErrorResponse>"));
  auto c = client_for(server.port(), {{"AWS_MAX_ATTEMPTS", "4"}});
  auto r = c->call_sync(describe_instances());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.attempts, 4);
  EXPECT_EQ(server.requests().size(), 4u);
  EXPECT_EQ(r.error_text(),
            "An error occurred (InternalFailure) when calling the DescribeDBInstances operation (reached max retries: 3): boom");
}

TEST(AwsClientFaults, ClientErrorsAreNotRetried) {
  FakeServer server;
  server.set_fallback(Behaviour::respond(404, "<ErrorResponse><Error><Code>DBInstanceNotFound</Code><Message>nope</Message></Error></ErrorResponse>"));
  auto c = client_for(server.port());
  auto r = c->call_sync(describe_instances());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(r.error_text(), "An error occurred (DBInstanceNotFound) when calling the DescribeDBInstances operation: nope");
}

TEST(AwsClientFaults, ConnectionRefusedSaysWhere) {
  int port = 0;
  {
    FakeServer gone;
    port = gone.port();
  }
  auto c = client_for(port);
  auto r = c->call_sync(describe_instances());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.attempts, 3);  // connection failures are retried
  EXPECT_NE(r.failure.find("Could not connect to the endpoint URL: \"http://127.0.0.1:" + std::to_string(port)), std::string::npos)
      << r.failure;
}

TEST(AwsClientFaults, ABlackHoledEndpointGivesUpWithinItsTimeout) {
  FakeServer server;
  server.set_fallback(Behaviour::hang());
  auto c = client_for(server.port(), {{"AWS_MAX_ATTEMPTS", "1"}});
  auto r = c->call_sync(describe_instances());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.failure.find("Could not connect"), std::string::npos) << r.failure;
  EXPECT_NE(r.failure.find("imed out"), std::string::npos) << r.failure;  // curl: "Operation timed out"
}

TEST(AwsClientFaults, MalformedAndTruncatedBodiesNameTheOperation) {
  FakeServer server;
  server.push(Behaviour::respond(200, "<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance>"));
  server.push(Behaviour::truncate(200, "<DescribeDBInstancesResponse>", 400));
  server.push(Behaviour::truncate(200, "<DescribeDBInstancesResponse>", 400));
  server.push(Behaviour::truncate(200, "<DescribeDBInstancesResponse>", 400));
  auto c = client_for(server.port());
  auto malformed = c->call_sync(describe_instances());
  ASSERT_FALSE(malformed.ok());
  EXPECT_NE(malformed.failure.find("rds DescribeDBInstances response could not be read"), std::string::npos) << malformed.failure;
  auto truncated = c->call_sync(describe_instances());
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.attempts, 3);  // a cut-off body is a transient failure
  EXPECT_NE(truncated.failure.find("Could not connect"), std::string::npos) << truncated.failure;
}

TEST(AwsClientFaults, ParametersAreRedactedAndWritesClassified) {
  FakeServer server;
  auto c = client_for(server.port());
  client::CallRequest r;
  r.service = "rds";
  r.operation = "CreateDBInstance";
  r.params = {{"DBInstanceIdentifier", "x"}, {"DBInstanceClass", "db.t3.micro"}, {"Engine", "postgres"},
              {"MasterUserPassword", "hunter2-secret"}};
  server.push(Behaviour::respond(200, "<CreateDBInstanceResponse><CreateDBInstanceResult><DBInstance/></CreateDBInstanceResult></CreateDBInstanceResponse>"));
  auto res = c->call_sync(r);
  EXPECT_TRUE(res.ok()) << res.error_text();
  EXPECT_EQ(res.access, model::Access::Write);
  EXPECT_EQ(res.params_redacted.dump().find("hunter2"), std::string::npos);
  EXPECT_EQ(res.params_redacted["MasterUserPassword"], "*** redacted ***");
  EXPECT_EQ(res.params_redacted["DBInstanceIdentifier"], "x");
  // The password went to the service, of course: only what is shown is redacted.
  EXPECT_NE(server.requests().at(0).body.find("hunter2-secret"), std::string::npos);
}
