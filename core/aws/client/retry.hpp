#pragma once
// AWS's "standard" retry mode: which failures are worth another attempt, how long to wait (exponential
// backoff with full jitter, capped at 20 s), and a quota so a failing service is not hammered (each
// retry spends tokens, each success refunds some).

#include <chrono>
#include <functional>
#include <mutex>
#include <string>

#include "aws/http/client.hpp"

namespace drc::aws::client {

enum class RetryMode { Standard, Legacy, Adaptive };

struct RetryPolicy {
  int max_attempts = 3;  // AWS_MAX_ATTEMPTS / max_attempts: total attempts, the first included
  RetryMode mode = RetryMode::Standard;
  bool mode_configured = false;  // AWS_RETRY_MODE or retry_mode named it
};

// Why an attempt failed, as far as retrying goes.
enum class FailureKind { None, Throttling, Transient, Connection, Other };

FailureKind classify_failure(http::Failure transport, int status, const std::string& error_code);

// Whether botocore's retry handler marks a final failure "reached max retries": in standard and adaptive
// mode whenever the attempts are spent, in legacy mode (the aws CLI v1's own when no mode is configured)
// only for a failure it would have retried.
bool gave_up_at_limit(const RetryPolicy& policy, int attempts, bool retryable);

// Tokens shared by all calls of one client.
class RetryQuota {
 public:
  bool acquire(FailureKind kind);  // false: the quota is spent, give up now
  void on_success(bool was_retried, FailureKind last_kind);

 private:
  std::mutex mutex_;
  int tokens_ = 500;
};

// The wait before attempt `attempt` (2 for the first retry): random(0,1) × 2^(attempt-2) seconds, at most 20.
std::chrono::milliseconds backoff(int attempt, const std::function<double()>& random01);

}  // namespace drc::aws::client
