#pragma once
// Where cloud results wait for the UI loop: any thread pushes, the loop drains between frames.

#include <mutex>
#include <vector>

#include "cloud/cloud.hpp"

namespace drc::cloud {

class ResultQueue {
 public:
  void push(CloudResult r) {
    std::lock_guard lock(mutex_);
    items_.push_back(std::move(r));
  }
  std::vector<CloudResult> drain() {
    std::lock_guard lock(mutex_);
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
  std::vector<CloudResult> items_;
};

}  // namespace drc::cloud
