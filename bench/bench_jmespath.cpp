// JMESPath --query: compiling a typical expression, and evaluating it over a 1,000-snapshot
// describe-db-snapshots response.

#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/jmespath/jmespath.hpp"

namespace {

constexpr const char* kQuery =
    "DBSnapshots[?Status=='available'] | sort_by(@, &SnapshotCreateTime)[-1].DBSnapshotIdentifier";

nlohmann::json snapshots(int count) {
  nlohmann::json list = nlohmann::json::array();
  for (int i = 0; i < count; ++i) {
    char created[32];
    // Times out of order, so the sort has work to do.
    const int day = (i * 7919) % 28 + 1;
    const int minute = (i * 104729) % 1440;
    std::snprintf(created, sizeof created, "2024-03-%02dT%02d:%02d:00Z", day, minute / 60, minute % 60);
    list.push_back({
        {"DBSnapshotIdentifier", "rds:payments-db-" + std::to_string(i)},
        {"DBInstanceIdentifier", "payments-db"},
        {"SnapshotCreateTime", created},
        {"Engine", "postgres"},
        {"AllocatedStorage", 100},
        {"Status", i % 5 == 0 ? "creating" : "available"},
        {"Port", 5432},
        {"AvailabilityZone", "eu-west-1a"},
        {"VpcId", "vpc-0abc"},
        {"SnapshotType", "automated"},
        {"Encrypted", true},
        {"TagList", nlohmann::json::array({{{"Key", "team"}, {"Value", "payments"}}})},
    });
  }
  return {{"DBSnapshots", list}};
}

void BM_JmespathCompile(benchmark::State& state) {
  for (auto _ : state) {
    auto e = drc::aws::jmespath::Expression::compile(kQuery);
    benchmark::DoNotOptimize(e);
  }
}
BENCHMARK(BM_JmespathCompile)->Unit(benchmark::kMicrosecond);

void BM_JmespathLatestSnapshot(benchmark::State& state) {
  const auto doc = snapshots(static_cast<int>(state.range(0)));
  const auto expr = drc::aws::jmespath::Expression::compile(kQuery);
  if (!expr) {
    state.SkipWithError(expr.error().message.c_str());
    return;
  }
  for (auto _ : state) {
    auto result = expr->search(doc);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_JmespathLatestSnapshot)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace
