// The journal: durable appends per second (each fsync'd), and reading a journal back with its chain checked.

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>

#include "timeline/file_journal.hpp"
#include "timeline/verify.hpp"

namespace {

using namespace drc;
using namespace drc::timeline;

std::filesystem::path temp_dir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "drc-bench-XXXXXX").string();
  if (::mkdtemp(tmpl.data()) == nullptr) std::abort();
  return tmpl;
}

incident::EventDraft note(std::size_t i) {
  return incident::EventDraft{Timestamp{std::chrono::milliseconds{1'790'000'000'000}}, "alice", incident::EventKind::Note,
                              {{"text", "restore progressing, step " + std::to_string(i) + " looks healthy"}}};
}

void BM_AppendFsynced(benchmark::State& state) {
  const auto dir = temp_dir();
  auto j = FileJournal::create(dir / "bench.jsonl");
  std::size_t i = 0;
  for (auto _ : state) {
    auto r = (*j)->append([&](std::span<const incident::Event>) -> Result<std::vector<incident::EventDraft>> {
      return std::vector<incident::EventDraft>{note(i++)};
    });
    if (!r.ok()) state.SkipWithError(r.error().message.c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_AppendFsynced)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_OpenAndVerify(benchmark::State& state) {
  const auto dir = temp_dir();
  const auto path = dir / "bench.jsonl";
  {
    auto j = FileJournal::create(path);
    for (std::int64_t i = 0; i < state.range(0); ++i) {
      (void)(*j)->append([&](std::span<const incident::Event>) -> Result<std::vector<incident::EventDraft>> {
        return std::vector<incident::EventDraft>{note(static_cast<std::size_t>(i))};
      });
    }
  }
  for (auto _ : state) {
    auto r = verify_journal(path);
    if (!r.ok() || r->bad) state.SkipWithError("journal did not verify");
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * state.range(0));
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_OpenAndVerify)->Arg(10'000)->Unit(benchmark::kMillisecond);

}  // namespace
