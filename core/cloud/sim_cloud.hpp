#pragma once
// A simulated cloud for drills and the demo: answers from a JSON world file (examples/worlds/) with the
// real API's output shapes, after a simulated latency, on its own thread. Times in the world are written
// relative to when the world starts ("-4m") so a drill always looks fresh. Injected faults answer with the
// API's error codes. Operations it does not simulate get an honest "not simulated" error.

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <queue>
#include <thread>

#include "cloud/cloud.hpp"
#include "incident/clock.hpp"
#include "util/result.hpp"

namespace drc::cloud {

class SimCloud final : public Cloud {
 public:
  // Resolves the world's relative times against clock.now() at load.
  static Result<std::unique_ptr<SimCloud>> load(const std::filesystem::path& world_file, const incident::Clock& clock);
  ~SimCloud() override;
  SimCloud(const SimCloud&) = delete;
  SimCloud& operator=(const SimCloud&) = delete;

  void call(CloudCall call, Done done) override;

  // The answer without the latency or the thread: what call() delivers. Exposed for tests and tools.
  CloudResult answer(const CloudCall& call) const;

 private:
  SimCloud(nlohmann::json world, std::chrono::milliseconds default_latency);
  std::chrono::milliseconds latency_for(const CloudCall& call) const;
  void run();

  struct Pending {
    std::chrono::steady_clock::time_point due;
    std::uint64_t order;
    CloudCall call;
    Done done;
    std::chrono::steady_clock::time_point started;
    bool operator>(const Pending& o) const { return due != o.due ? due > o.due : order > o.order; }
  };

  nlohmann::json world_;
  std::chrono::milliseconds default_latency_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending_;
  std::uint64_t next_order_ = 0;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace drc::cloud
