#pragma once
// Runs a prepared AWS call for an incident, the engine recording it: the request is written to the
// timeline first and the call goes out only once it is (a refused request sends nothing), then the
// outcome is written when the answer comes (service, operation, region, redacted parameters, error code,
// request id, duration, attempts). A write in production goes out only when the operator has confirmed
// it by typing the environment's name; the guard in front of the cloud refuses it otherwise, and that
// refusal is recorded too. Nothing here blocks the view: it hands over the engine's outcomes and takes
// back finished actions between frames.

#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "actions/prepared_action.hpp"
#include "cloud/guarded_cloud.hpp"
#include "incident/engine_worker.hpp"

namespace drc::actions {

struct FinishedAction {
  std::string id;
  PreparedAction action;
  cloud::CloudResult result;  // for a request the engine refused: an error with its reason
};

struct ActionPolicy {
  bool production = false;
  std::string environment;  // the name a production write must be confirmed with
};

class ActionRunner {
 public:
  ActionRunner(cloud::Cloud& cloud, cloud::AccessOf access, incident::EngineWorker& worker, ActionPolicy policy);
  ~ActionRunner();
  ActionRunner(const ActionRunner&) = delete;
  ActionRunner& operator=(const ActionRunner&) = delete;

  // Whether this action needs the operator to type the environment's name first.
  bool needs_confirmation(const PreparedAction& a) const { return a.writes && policy_.production; }

  // Asks the engine to record the request; returns the action's id.
  std::string request(PreparedAction action, int step, std::string confirmation = {});
  // Every outcome the worker handed back: the runner's own requests are sent (or reported refused).
  void on_outcomes(const std::vector<incident::EngineWorker::Outcome>& outcomes);
  // Actions finished since the last look.
  std::vector<FinishedAction> take_finished();
  // Outcomes the timeline could not take (a full disk, say): the view must show them, as the record of
  // those actions is incomplete.
  std::vector<std::string> take_problems();
  std::size_t pending() const;

  // At quit: waits up to `limit` for calls still out, then records each one left as failed ("no answer
  // before drconsole quit"), so the timeline never holds a request without an outcome.
  void finish_all(std::chrono::milliseconds limit);

 private:
  struct Waiting {
    std::string id;
    PreparedAction action;
    std::string confirmation;
  };
  // What the cloud's thread shares with the view's.
  struct Shared {
    std::mutex mutex;
    std::condition_variable changed;
    std::map<std::string, PreparedAction> out;  // sent, no answer yet
    std::vector<FinishedAction> finished;
    std::map<std::uint64_t, std::string> closing;  // FinishAction tickets → action id, until written
  };
  void send(Waiting w);

  cloud::Cloud& cloud_;
  cloud::AccessOf access_;
  incident::EngineWorker& worker_;
  ActionPolicy policy_;
  std::map<std::uint64_t, Waiting> requested_;  // ticket → the request being written (view thread only)
  std::vector<std::string> problems_;           // view thread only
  std::shared_ptr<Shared> shared_ = std::make_shared<Shared>();
  std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace drc::actions
