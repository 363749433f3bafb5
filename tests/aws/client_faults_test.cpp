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

// A loopback port nobody listens on any more: connecting is refused at once.
int closed_port() {
  FakeServer gone;
  return gone.port();
}

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
  const int port = closed_port();
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

// The real cloud behind the one door: same CloudResult shape as SimCloud gives the inventory.
#include <future>

#include "cloud/aws_cloud.hpp"
#include "cloud/call_wait.hpp"
#include "inventory/collection.hpp"

namespace {

const char* kSnapshotsPage1 =
    "<DescribeDBSnapshotsResponse><DescribeDBSnapshotsResult><DBSnapshots><DBSnapshot><DBSnapshotIdentifier>s1"
    "</DBSnapshotIdentifier><DBInstanceIdentifier>db</DBInstanceIdentifier><SnapshotCreateTime>2026-11-23T03:00:00.123Z"
    "</SnapshotCreateTime><Status>available</Status></DBSnapshot></DBSnapshots><Marker>m2</Marker>"
    "</DescribeDBSnapshotsResult></DescribeDBSnapshotsResponse>";
const char* kSnapshotsPage2 =
    "<DescribeDBSnapshotsResponse><DescribeDBSnapshotsResult><DBSnapshots><DBSnapshot><DBSnapshotIdentifier>s2"
    "</DBSnapshotIdentifier><DBInstanceIdentifier>db</DBInstanceIdentifier><SnapshotCreateTime>2026-11-23T04:00:00Z"
    "</SnapshotCreateTime><Status>available</Status></DBSnapshot></DBSnapshots></DescribeDBSnapshotsResult>"
    "</DescribeDBSnapshotsResponse>";

client::ClientConfig cloud_config(int port) {
  std::map<std::string, std::string> vars{{"AWS_ACCESS_KEY_ID", "AKIATEST"}, {"AWS_SECRET_ACCESS_KEY", "secret"},
                                          {"AWS_EC2_METADATA_DISABLED", "true"}, {"AWS_CONFIG_FILE", "/nonexistent/c"},
                                          {"AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/k"}};
  client::ClientConfig cfg;
  cfg.env = [vars](const std::string& k) -> std::optional<std::string> {
    auto it = vars.find(k);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
  cfg.models_dir = DRC_MODELS_DIR;
  cfg.endpoint_url_flag = "http://127.0.0.1:" + std::to_string(port);
  return cfg;
}

// An AwsCloud whose endpoint refuses every connection, asked once per call.
drc::Result<std::unique_ptr<drc::cloud::AwsCloud>> dead_cloud() {
  auto cfg = cloud_config(closed_port());
  cfg.max_attempts = 1;
  return drc::cloud::AwsCloud::create(cfg);
}

const drc::cloud::CloudCall& call_named(const std::vector<drc::cloud::CloudCall>& calls, const std::string& operation) {
  for (const auto& c : calls) {
    if (c.operation == operation) return c;
  }
  ADD_FAILURE() << "no " << operation << " call";
  return calls.front();
}

}  // namespace

TEST(AwsCloud, AnswersThroughTheDoorAndPagesThrough) {
  FakeServer server;
  // Two pages of DescribeDBSnapshots: the door hands back both, merged.
  server.push(Behaviour::respond(200, kSnapshotsPage1));
  server.push(Behaviour::respond(200, kSnapshotsPage2));
  auto cloud = drc::cloud::AwsCloud::create(cloud_config(server.port()));
  ASSERT_TRUE(cloud.ok()) << cloud.error().message;
  EXPECT_EQ(*(*cloud)->access("rds", "DescribeDBSnapshots"), model::Access::Read);
  EXPECT_EQ(*(*cloud)->access("rds", "RestoreDBInstanceFromDBSnapshot"), model::Access::Write);
  std::promise<drc::cloud::CloudResult> p;
  (*cloud)->call({"rds", "DescribeDBSnapshots", "us-east-1", {{"DBInstanceIdentifier", "db"}}},
                 [&p](drc::cloud::CloudResult r) { p.set_value(std::move(r)); });
  auto r = p.get_future().get();
  ASSERT_TRUE(r.ok()) << r.error->code << ": " << r.error->message;
  ASSERT_EQ(r.output["DBSnapshots"].size(), 2u);
  EXPECT_EQ(r.output["DBSnapshots"][0]["SnapshotCreateTime"], "2026-11-23T03:00:00.123000+00:00");
  EXPECT_EQ(server.requests().size(), 2u);
  EXPECT_NE(server.requests()[1].body.find("Marker=m2"), std::string::npos);

  // No answer at all is an error the inventory can show as unreachable.
  auto dead = dead_cloud();
  std::promise<drc::cloud::CloudResult> q;
  (*dead)->call({"rds", "DescribeDBInstances", "us-east-1", {}}, [&q](drc::cloud::CloudResult x) { q.set_value(std::move(x)); });
  auto unreachable = q.get_future().get();
  ASSERT_FALSE(unreachable.ok());
  EXPECT_EQ(unreachable.error->code, "Unreachable");
}

// The inventory's Collection reads the real answers as it reads the simulated ones: a page at a time
// (the next page its follow-up), a call with no answer as a gap, a call never answered as a timeout.
TEST(AwsCloud, TheInventoryFoldsRealAnswersAndGaps) {
  FakeServer server;
  server.push(Behaviour::respond(200, kSnapshotsPage1));
  server.push(Behaviour::respond(200, kSnapshotsPage2));
  auto cloud = drc::cloud::AwsCloud::create(cloud_config(server.port()));
  ASSERT_TRUE(cloud.ok()) << cloud.error().message;
  drc::inventory::Scope scope;
  scope.region = "us-east-1";
  drc::inventory::Collection collection(scope);
  const drc::Timestamp t0{std::chrono::milliseconds{1'795'000'000'000}};
  const auto calls = collection.start(t0);
  const auto first = drc::cloud::call_wait(**cloud, call_named(calls, "DescribeDBSnapshots"), 10s);
  ASSERT_TRUE(first.ok()) << first.error->code << ": " << first.error->message;
  auto follow = collection.take(first, t0 + 1s);
  ASSERT_EQ(follow.size(), 1u);  // the next page
  EXPECT_EQ(follow[0].params.value("Marker", ""), "m2");
  EXPECT_TRUE(collection.take(drc::cloud::call_wait(**cloud, follow[0], 10s), t0 + 2s).empty());
  const auto* db = collection.inventory().find(drc::inventory::ResourceKind::RdsInstance, "db", "us-east-1");
  ASSERT_NE(db, nullptr);
  ASSERT_EQ(db->points.size(), 2u);
  EXPECT_EQ(db->points[0].id, "s2");  // newest first
  EXPECT_TRUE(db->points[0].usable);

  auto dead = dead_cloud();
  ASSERT_TRUE(dead.ok());
  collection.take(drc::cloud::call_wait(**dead, call_named(calls, "DescribeDBInstances"), 10s), t0 + 3s);
  const auto* gap = collection.inventory().gap_for("us-east-1", "rds");
  ASSERT_NE(gap, nullptr);
  EXPECT_EQ(gap->code, "Unreachable");
  EXPECT_EQ(gap->operation, "DescribeDBInstances");

  // Every other call is still out; at their deadline they are given up, each leaving a timeout.
  EXPECT_EQ(collection.outstanding(), calls.size() - 2);
  EXPECT_TRUE(collection.expire(t0 + scope.timeout - 1ms).empty());
  EXPECT_EQ(collection.outstanding(), calls.size() - 2);
  EXPECT_TRUE(collection.expire(t0 + scope.timeout).empty());  // every call went at once: none waits its turn
  EXPECT_TRUE(collection.complete());
  const auto* ec2 = collection.inventory().gap_for("us-east-1", "ec2");
  ASSERT_NE(ec2, nullptr);
  EXPECT_EQ(ec2->code, "Timeout");
  EXPECT_EQ(ec2->message, "no answer within 10s");
}
