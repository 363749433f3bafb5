// Reading runbooks: the largest example, and a synthetic runbook many times its size.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "runbook/loader.hpp"

namespace {

std::string largest_example() {
  std::filesystem::path best;
  std::uintmax_t best_size = 0;
  for (const auto& e : std::filesystem::directory_iterator(DRC_EXAMPLES_DIR "/runbooks")) {
    if (e.path().extension() == ".md" && e.file_size() > best_size) {
      best = e.path();
      best_size = e.file_size();
    }
  }
  return best.string();
}

void BM_LintLargestExample(benchmark::State& state) {
  const auto path = largest_example();
  for (auto _ : state) {
    auto rb = drc::runbook::load_runbook(path);
    benchmark::DoNotOptimize(rb);
  }
  state.SetLabel(std::filesystem::path(path).filename().string());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(std::filesystem::file_size(path)));
}
BENCHMARK(BM_LintLargestExample)->Unit(benchmark::kMicrosecond);

// A runbook of `scenarios` scenarios, each six steps with a multi-line aws command.
std::string synthetic(int scenarios) {
  std::ostringstream out;
  out << "---\nenvironments:\n  prod: { rto: 30m, rpo: 5m }\n---\n# Synthetic\n\n";
  for (int s = 1; s <= scenarios; ++s) {
    out << "## Scenario " << s << ": Failure mode " << s << "\n\n**Detection:** alarms.\n\n**Recovery Steps:**\n\n";
    for (int k = 1; k <= 6; ++k) {
      out << k << ". **Do thing " << k << ":**\n   ```bash\n   aws rds describe-db-instances \\\n"
          << "     --db-instance-identifier db-" << s << " \\\n     --query 'DBInstances[0].Endpoint' --region us-east-1\n"
          << "   ```\n\n";
    }
    out << "**Estimated Time:** 30-60 minutes\n\n";
  }
  return out.str();
}

void BM_ParseSyntheticRunbook(benchmark::State& state) {
  const auto text = synthetic(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto rb = drc::runbook::parse_runbook(text, "synthetic.md");
    benchmark::DoNotOptimize(rb);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ParseSyntheticRunbook)->Arg(10)->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace
