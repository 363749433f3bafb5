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
