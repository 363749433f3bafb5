// Replaying an incident: the reducer folding 100,000 events.

#include <benchmark/benchmark.h>

#include "incident/state.hpp"

namespace {

using namespace drc::incident;

std::vector<Event> make_events(std::size_t n) {
  std::vector<Event> out;
  out.reserve(n);
  nlohmann::json steps = nlohmann::json::array();
  for (int i = 1; i <= 20; ++i) steps.push_back({{"number", i}, {"title", "Step " + std::to_string(i)}});
  auto push = [&](EventKind k, nlohmann::json d) {
    Event e;
    e.seq = out.size() + 1;
    e.ts = drc::Timestamp{std::chrono::milliseconds{1'790'000'000'000 + static_cast<long>(out.size()) * 1000}};
    e.actor = "alice";
    e.kind = k;
    e.data = std::move(d);
    out.push_back(std::move(e));
  };
  push(EventKind::IncidentDeclared, {{"id", "bench"}, {"objectives", {{"rto_s", 1800}}}, {"steps", steps}});
  // A realistic mix: notes, action request/result pairs, comms, and steps moving.
  int action = 0;
  while (out.size() < n) {
    switch (out.size() % 5) {
      case 0: push(EventKind::Note, {{"text", "progress note"}}); break;
      case 1: push(EventKind::ActionRequested, {{"action", "a" + std::to_string(++action)}, {"service", "rds"}}); break;
      case 2: push(EventKind::ActionSucceeded, {{"action", "a" + std::to_string(action)}}); break;
      case 3: push(EventKind::CommsSent, {{"channel", "#inc"}}); break;
      default: push(EventKind::Decision, {{"text", "keep going"}}); break;
    }
  }
  return out;
}

void BM_FoldEvents(benchmark::State& state) {
  const auto events = make_events(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto st = fold(events);
    if (!st.ok()) state.SkipWithError(st.error().message.c_str());
    benchmark::DoNotOptimize(st);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_FoldEvents)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
