#pragma once
// Ctrl-C during a check that has made temporary copies must not leave them behind: while a watch lives,
// SIGINT and SIGTERM are taken by a thread of its own (sigtimedwait), which raises a flag the waiting
// loops read; they stop waiting and go on to clean up. A second Ctrl-C leaves at once (exit 130).

#include <atomic>
#include <csignal>
#include <thread>

namespace drc::cli {

class InterruptWatch {
 public:
  // Blocks the signals in the calling thread; create it before any other thread, so they inherit that.
  explicit InterruptWatch(const char* first_message);
  ~InterruptWatch();
  InterruptWatch(const InterruptWatch&) = delete;
  InterruptWatch& operator=(const InterruptWatch&) = delete;

  const std::atomic<bool>& interrupted() const { return interrupted_; }

 private:
  const char* message_;
  sigset_t set_{};
  sigset_t previous_{};
  std::atomic<bool> interrupted_{false};
  std::atomic<bool> done_{false};
  std::thread thread_;
};

}  // namespace drc::cli
