#pragma once
// A model's waiter (waiters-2.json) run as botocore runs it: poll the operation every `delay` seconds,
// check the acceptors in order (path, pathAll, pathAny, status, error), stop on success or failure,
// give up after maxAttempts. The polling is scheduled on the HTTP I/O thread: nothing sleeps.

#include <functional>
#include <string>

#include "aws/client/aws_client.hpp"

namespace drc::aws::client {

struct WaitProgress {
  int attempt = 0;
  int max_attempts = 0;
  std::string state;  // "retry" or the matched acceptor's explanation
};

struct WaitResult {
  bool success = false;
  std::string message;  // "Waiter DBInstanceAvailable failed: Max attempts exceeded", as the aws CLI says it
  int attempts = 0;
  CallResult last;
};

// `progress` (optional) hears about each poll; `done` once, at the end.
void wait_for(AwsClient& client, const std::string& waiter_name, const nlohmann::json& definition, CallRequest request,
              std::function<void(const WaitProgress&)> progress, std::function<void(WaitResult)> done);

}  // namespace drc::aws::client
