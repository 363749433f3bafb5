#pragma once
// Runs an Engine on a thread of its own, so a view never waits on the disk: the view submits commands and
// takes back, in order, their outcomes and every event the journal gained (its own and other writers').
// The thread also tails the journal, so what another shell writes reaches the view without it reading.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "incident/engine.hpp"

namespace drc::incident {

class EngineWorker {
 public:
  struct Outcome {
    std::uint64_t ticket = 0;
    Result<std::vector<Event>> written;  // the events this command wrote, or why it was refused
  };
  // Everything that happened since the last take().
  struct Report {
    std::vector<Event> events;  // in journal order, each exactly once
    std::vector<Outcome> outcomes;
    std::vector<std::string> notices;  // the journal's one-time notices, and tail errors
    bool empty() const { return events.empty() && outcomes.empty() && notices.empty(); }
  };

  // The engine should already have read its journal; what it holds is the first report.
  EngineWorker(std::unique_ptr<Engine> engine, std::chrono::milliseconds tail_every);
  ~EngineWorker();
  EngineWorker(const EngineWorker&) = delete;
  EngineWorker& operator=(const EngineWorker&) = delete;

  // Queues a command; its outcome comes back in a later report under this ticket.
  std::uint64_t submit(Command command);

  // Never blocks on the disk: only swaps what the worker has gathered.
  Report take();

  // Commands submitted whose outcomes have not yet been taken.
  std::size_t in_flight() const;

  // Writes every command already submitted, stops the thread and hands the engine back. Nothing submitted
  // is dropped. Events and outcomes not yet taken are lost to take(), but are in the engine and journal.
  std::unique_ptr<Engine> stop();

 private:
  void run();
  void publish_locked(std::vector<Outcome> outcomes, std::vector<std::string> notices);

  std::unique_ptr<Engine> engine_;
  const std::chrono::milliseconds tail_every_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<std::uint64_t, Command>> inbox_;
  Report outbox_;
  std::size_t published_ = 0;  // engine events already put in a report
  std::uint64_t next_ticket_ = 1;
  std::size_t in_flight_ = 0;
  bool stopping_ = false;
  std::string last_tail_error_;  // worker thread only
  std::thread thread_;
};

}  // namespace drc::incident
