#include "aws/client/retry.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace drc::aws::client {

namespace {

constexpr std::array<std::string_view, 14> kThrottling{
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
    "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
    "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown",
    "PriorRequestNotComplete", "EC2ThrottledException",
};
constexpr std::array<std::string_view, 3> kTransient{"RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"};

constexpr int kRetryCost = 5;
constexpr int kTimeoutRetryCost = 10;

}  // namespace

FailureKind classify_failure(http::Failure transport, int status, const std::string& code) {
  switch (transport) {
    case http::Failure::None: break;
    case http::Failure::ConnectFailed:
    case http::Failure::Timeout:
    case http::Failure::Reset: return FailureKind::Connection;
    default: return FailureKind::Other;  // TLS, too large, refused, cancelled: another try changes nothing
  }
  if (status < 300) return FailureKind::None;
  if (std::find(kThrottling.begin(), kThrottling.end(), code) != kThrottling.end() || status == 429) {
    return FailureKind::Throttling;
  }
  if (std::find(kTransient.begin(), kTransient.end(), code) != kTransient.end()) return FailureKind::Transient;
  if (status == 500 || status == 502 || status == 503 || status == 504) return FailureKind::Transient;
  return FailureKind::Other;
}

bool RetryQuota::acquire(FailureKind kind) {
  const int cost = kind == FailureKind::Connection ? kTimeoutRetryCost : kRetryCost;
  std::lock_guard lock(mutex_);
  if (tokens_ < cost) return false;
  tokens_ -= cost;
  return true;
}

void RetryQuota::on_success(bool was_retried, FailureKind last_kind) {
  std::lock_guard lock(mutex_);
  const int refund = !was_retried ? 1 : last_kind == FailureKind::Connection ? kTimeoutRetryCost : kRetryCost;
  tokens_ = std::min(500, tokens_ + refund);
}

bool gave_up_at_limit(const RetryPolicy& policy, int attempts, bool retryable) {
  if (attempts < policy.max_attempts) return false;
  const bool legacy_rule = policy.mode == RetryMode::Legacy || !policy.mode_configured;
  return retryable || !legacy_rule;
}

std::chrono::milliseconds backoff(int attempt, const std::function<double()>& random01) {
  const double base = std::pow(2.0, std::max(0, attempt - 2));
  const double seconds = std::min(20.0, random01() * base);
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000.0));
}

}  // namespace drc::aws::client
