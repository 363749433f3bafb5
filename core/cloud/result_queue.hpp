#pragma once
// Where cloud results wait for the UI loop: any thread pushes, the loop drains between frames. A command
// line tool (never the UI thread) may instead wait for the next answer.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "cloud/cloud.hpp"

namespace drc::cloud {

class ResultQueue {
 public:
  void push(CloudResult r) {
    {
      std::lock_guard lock(mutex_);
      items_.push_back(std::move(r));
    }
    arrived_.notify_all();
  }
  std::vector<CloudResult> drain() {
    std::lock_guard lock(mutex_);
    std::vector<CloudResult> out;
    out.swap(items_);
    return out;
  }
  // Waits until something is there or `limit` passes, then drains.
  std::vector<CloudResult> wait_drain(std::chrono::milliseconds limit) {
    std::unique_lock lock(mutex_);
    arrived_.wait_for(lock, limit, [this] { return !items_.empty(); });
    std::vector<CloudResult> out;
    out.swap(items_);
    return out;
  }
  // A Done that delivers here.
  Cloud::Done sink() {
    return [this](CloudResult r) { push(std::move(r)); };
  }

 private:
  std::mutex mutex_;
  std::condition_variable arrived_;
  std::vector<CloudResult> items_;
};

}  // namespace drc::cloud
