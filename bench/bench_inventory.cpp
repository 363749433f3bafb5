// The inventory's own cost at scale, from recorded answers (no network): 10,000 RDS snapshots of 150
// databases across 3 regions, in pages of 100 as DescribeDBSnapshots gives them, folded into a Collection,
// then the inventory view and the posture of every database.

#include <benchmark/benchmark.h>

#include "inventory/collection.hpp"
#include "inventory/posture.hpp"

using namespace drc;
using namespace drc::inventory;
using nlohmann::json;

namespace {

const Timestamp kNow = *parse_iso8601("2026-11-24T12:00:00Z");
constexpr int kSnapshots = 10000, kDatabases = 50, kPage = 100;

struct Recorded {
  Scope scope;
  std::vector<cloud::CloudResult> answers;
};

Recorded record() {
  Recorded r;
  r.scope.region = "us-east-1";
  r.scope.dr_region = "us-west-2";
  r.scope.backup_regions = {"eu-west-1"};
  r.scope.max_in_flight = 1000;  // the recorded answers come all at once
  Collection probe(r.scope);
  const auto calls = probe.start(kNow);
  const auto regions = r.scope.regions();
  for (const auto& call : calls) {
    cloud::CloudResult a;
    a.call = call;
    a.output = json::object();
    if (call.operation == "DescribeDBInstances") {
      json list = json::array();
      for (int d = 0; d < kDatabases; ++d) {
        list.push_back({{"DBInstanceIdentifier", "db-" + std::to_string(d)}, {"DBInstanceStatus", "available"},
                        {"BackupRetentionPeriod", d % 5}, {"LatestRestorableTime", format_iso8601(kNow - std::chrono::minutes(d))}});
      }
      a.output["DBInstances"] = list;
    }
    if (call.operation != "DescribeDBSnapshots") {
      r.answers.push_back(std::move(a));
      continue;
    }
    // This region's share of the snapshots, page by page; each page names the next.
    const int share = kSnapshots / static_cast<int>(regions.size()) + 1;
    int made = 0;
    for (int page = 0; made < share; ++page) {
      cloud::CloudResult p;
      p.call = call;
      if (page > 0) p.call.params["Marker"] = "m" + std::to_string(page);
      json snaps = json::array();
      for (int i = 0; i < kPage && made < share; ++i, ++made) {
        snaps.push_back({{"DBSnapshotIdentifier", call.region + "-snap-" + std::to_string(made)},
                         {"DBInstanceIdentifier", "db-" + std::to_string(made % kDatabases)},
                         {"SnapshotType", made % 3 ? "automated" : "manual"},
                         {"Status", "available"},
                         {"SnapshotCreateTime", format_iso8601(kNow - std::chrono::minutes(made))}});
      }
      p.output = {{"DBSnapshots", snaps}};
      if (made < share) {
        auto next = p.call;
        next.params["Marker"] = "m" + std::to_string(page + 1);
        p.next_page = next;
      }
      r.answers.push_back(std::move(p));
    }
  }
  return r;
}

void BM_InventoryTenThousandSnapshots(benchmark::State& state) {
  const auto rec = record();
  std::size_t points = 0;
  for (auto _ : state) {
    Collection c(rec.scope);
    (void)c.start(kNow);
    for (const auto& a : rec.answers) (void)c.take(a, kNow);
    const auto& inv = c.inventory();
    const auto posture = assess(inv, rec.scope, std::chrono::minutes(5), kNow);
    points = 0;
    for (const auto& res : inv.resources) points += res.points.size();
    benchmark::DoNotOptimize(posture.data());
    if (!c.complete()) state.SkipWithError("the recorded answers did not complete the collection");
  }
  state.counters["points"] = static_cast<double>(points);
  state.counters["answers"] = static_cast<double>(rec.answers.size());
}
BENCHMARK(BM_InventoryTenThousandSnapshots)->Unit(benchmark::kMillisecond);

}  // namespace
