#pragma once
// One call through the Cloud door, waited for on the calling thread: for command-line flows that must go
// step by step (create a snapshot, then poll it). Never for the UI thread.

#include <chrono>

#include "cloud/cloud.hpp"

namespace drc::cloud {

// The answer, or a "Timeout" error once `limit` passes (a late answer is then dropped harmlessly).
CloudResult call_wait(Cloud& cloud, CloudCall call, std::chrono::milliseconds limit);

}  // namespace drc::cloud
