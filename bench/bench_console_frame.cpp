// One console frame drawn into the off-screen canvas at 200x60: the timeline holding 1,000 events, and
// (second argument) the inventory pane holding that many resources, judged and made into rows as the
// console does for every frame.
// (The terminal write is measured by bench/console_idle.sh against the real binary.)

#include <benchmark/benchmark.h>

#include "console/commander_view.hpp"
#include "console/inventory_rows.hpp"

namespace {

using namespace drc;

void BM_ConsoleFrame(benchmark::State& state) {
  incident::IncidentState st;
  nlohmann::json steps = nlohmann::json::array();
  for (int i = 1; i <= 12; ++i) steps.push_back({{"number", i}, {"title", "Recovery step number " + std::to_string(i)}});
  incident::Event declared;
  declared.seq = 1;
  declared.ts = Timestamp{std::chrono::milliseconds{1'790'000'000'000}};
  declared.kind = incident::EventKind::IncidentDeclared;
  declared.data = {{"id", "bench"}, {"scenario", {{"number", 1}, {"title", "Bench"}}}, {"objectives", {{"rto_s", 1800}, {"rpo_s", 300}}},
                   {"steps", steps}, {"severity", "P1"}, {"environment", "prod"}, {"commander", "alice"}};
  (void)incident::apply(st, declared);
  std::vector<ui::LogLine> timeline;
  for (int i = 0; i < static_cast<int>(state.range(0)); ++i) {
    ui::LogLine l;
    l.time = "18:46:40";
    l.text = "alice: event number " + std::to_string(i) + " with a note long enough to be ellipsized at narrow widths";
    timeline.push_back(std::move(l));
  }
  tui::ConsoleModel model;
  model.has_cloud = state.range(1) > 0;
  inventory::Inventory found;
  for (int i = 0; i < static_cast<int>(state.range(1)); ++i) {
    inventory::Resource r;
    r.kind = inventory::ResourceKind::EbsVolume;
    r.name = "vol-" + std::to_string(100000 + i);
    r.region = i % 2 ? "us-west-2" : "us-east-1";
    r.status = "in-use";
    for (int k = 0; k < 3; ++k) {
      inventory::RecoveryPoint p;
      p.id = "snap-" + std::to_string(100000 + i) + "-" + std::to_string(k);
      p.region = r.region;
      p.time = declared.ts - std::chrono::hours(i + 24 * k);
      p.status = "completed";
      p.usable = true;
      r.points.push_back(std::move(p));
    }
    found.resources.push_back(std::move(r));
  }
  inventory::Scope scope;
  scope.region = "us-east-1";
  scope.dr_region = "us-west-2";
  const auto now = declared.ts + std::chrono::minutes(7);
  for (auto _ : state) {
    if (model.has_cloud) tui::refresh_pane(model.inventory, found, scope, std::chrono::minutes(5), 0, now);
    ui::Canvas canvas(200, 60);
    tui::draw_console(canvas, tui::ViewInput{st, timeline, nullptr, model, now});
    benchmark::DoNotOptimize(canvas);
  }
}
BENCHMARK(BM_ConsoleFrame)->Args({1000, 0})->Args({1000, 500})->Unit(benchmark::kMicrosecond);

}  // namespace
