// The AWS client's hot paths: signing a request, and opening a service model and reaching one operation.

#include <benchmark/benchmark.h>

#include "aws/model/model_catalog.hpp"
#include "aws/sigv4/signer.hpp"

using namespace drc::aws;

namespace {

void BM_SignQueryRequest(benchmark::State& state) {
  Credentials c;
  c.access_key_id = "AKIDEXAMPLE";
  c.secret_access_key = Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  sigv4::Params p{"us-east-1", "rds", drc::Timestamp{std::chrono::milliseconds{1'700'000'000'000}}, false, false};
  http::Request base;
  base.method = "POST";
  base.host = "rds.us-east-1.amazonaws.com";
  base.headers = {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}};
  base.body = "Action=DescribeDBSnapshots&Version=2014-10-31&DBInstanceIdentifier=payments-prod-db&SnapshotType=automated";
  for (auto _ : state) {
    auto req = base;
    auto s = sigv4::sign(req, c, p);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_SignQueryRequest);

// What one `drconsole aws ec2 ...` pays before its request: open the largest model, reach an operation
// and its input shape.
void BM_OpenEc2ModelAndOneOperation(benchmark::State& state) {
  auto catalog = *model::ModelCatalog::open(DRC_MODELS_DIR);
  for (auto _ : state) {
    auto m = model::ServiceModel::open(std::filesystem::path(DRC_MODELS_DIR) / "ec2.jsonl");
    const auto* op = (*m)->operation("DescribeInstances");
    benchmark::DoNotOptimize((*m)->shape(op->input));
  }
}
BENCHMARK(BM_OpenEc2ModelAndOneOperation)->Unit(benchmark::kMillisecond);

}  // namespace

// The three: sign + serialize one request; parse a 1,000-snapshot DescribeDBSnapshots page;
// JMESPath over the parsed page.
#include "aws/cli/output.hpp"
#include "aws/jmespath/jmespath.hpp"
#include "aws/protocol/response.hpp"
#include "aws/protocol/serializer.hpp"

namespace {

std::shared_ptr<const model::ServiceModel> rds_model() {
  static auto m = *model::ServiceModel::open(std::filesystem::path(DRC_MODELS_DIR) / "rds.jsonl");
  return m;
}

std::string snapshots_page(int n) {
  std::string xml = "<DescribeDBSnapshotsResponse xmlns=\"http://rds.amazonaws.com/doc/2014-10-31/\"><DescribeDBSnapshotsResult><DBSnapshots>";
  for (int i = 0; i < n; ++i) {
    const auto id = std::to_string(i);
    xml += "<DBSnapshot><DBSnapshotIdentifier>rds:payments-db-" + id + "</DBSnapshotIdentifier>"
           "<DBInstanceIdentifier>payments-db</DBInstanceIdentifier><SnapshotCreateTime>2026-11-" +
           std::to_string(10 + i % 18) + "T03:" + std::to_string(10 + i % 50) + ":00.123Z</SnapshotCreateTime>"
           "<Engine>postgres</Engine><AllocatedStorage>100</AllocatedStorage><Status>" +
           (i % 7 == 0 ? "creating" : "available") + "</Status><Port>5432</Port><AvailabilityZone>us-east-1a</AvailabilityZone>"
           "<VpcId>vpc-123</VpcId><InstanceCreateTime>2025-01-01T00:00:00Z</InstanceCreateTime><MasterUsername>admin</MasterUsername>"
           "<EngineVersion>15.4</EngineVersion><LicenseModel>postgresql-license</LicenseModel><SnapshotType>automated</SnapshotType>"
           "<Encrypted>true</Encrypted><KmsKeyId>arn:aws:kms:us-east-1:123:key/abc</KmsKeyId>"
           "<DBSnapshotArn>arn:aws:rds:us-east-1:123:snapshot:rds:payments-db-" + id + "</DBSnapshotArn>"
           "<TagList><Tag><Key>tier</Key><Value>critical</Value></Tag></TagList></DBSnapshot>";
  }
  return xml + "</DBSnapshots></DescribeDBSnapshotsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeDBSnapshotsResponse>";
}

void BM_SerializeAndSignDescribeSnapshots(benchmark::State& state) {
  auto m = rds_model();
  const auto* op = m->operation("DescribeDBSnapshots");
  Credentials c;
  c.access_key_id = "AKIDEXAMPLE";
  c.secret_access_key = Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  const nlohmann::ordered_json params{{"DBInstanceIdentifier", "payments-db"}, {"SnapshotType", "automated"},
                                      {"Filters", {{{"Name", "engine"}, {"Values", {"postgres"}}}}}};
  for (auto _ : state) {
    auto s = protocol::serialize(*m, *op, params);
    s->request.host = "rds.us-east-1.amazonaws.com";
    sigv4::Params p{"us-east-1", "rds", drc::Timestamp{std::chrono::milliseconds{1'700'000'000'000}}, false, false};
    benchmark::DoNotOptimize(sigv4::sign(s->request, c, p));
  }
}
BENCHMARK(BM_SerializeAndSignDescribeSnapshots);

void BM_Parse1000Snapshots(benchmark::State& state) {
  auto m = rds_model();
  const auto* op = m->operation("DescribeDBSnapshots");
  protocol::HttpResponse resp{200, {}, snapshots_page(1000)};
  state.SetBytesProcessed(0);
  for (auto _ : state) {
    auto r = protocol::parse_response(*m, *op, resp);
    benchmark::DoNotOptimize(r);
  }
  state.counters["body_MB"] = static_cast<double>(resp.body.size()) / 1e6;
}
BENCHMARK(BM_Parse1000Snapshots)->Unit(benchmark::kMillisecond);

void BM_QueryOver1000Snapshots(benchmark::State& state) {
  auto m = rds_model();
  auto parsed = protocol::parse_response(*m, *m->operation("DescribeDBSnapshots"), protocol::HttpResponse{200, {}, snapshots_page(1000)});
  const auto doc = cli::to_plain(parsed->output);
  auto expr = *jmespath::Expression::compile(
      "DBSnapshots[?Status=='available'] | sort_by(@, &SnapshotCreateTime)[-1].DBSnapshotIdentifier");
  for (auto _ : state) benchmark::DoNotOptimize(expr.search(doc));
}
BENCHMARK(BM_QueryOver1000Snapshots)->Unit(benchmark::kMillisecond);

}  // namespace
