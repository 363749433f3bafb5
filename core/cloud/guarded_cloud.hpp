#pragma once
// A guard in front of any Cloud: it refuses every call that would change something unless writes were
// allowed, and reports each write it lets through. The guard lives in core so that no view, command or
// runbook line can reach AWS around it: the war room and production (unconfirmed) are read-only here,
// not only in a key map.

#include <functional>
#include <optional>
#include <string>

#include "aws/model/operation.hpp"
#include "cloud/cloud.hpp"

namespace drc::cloud {

// Read or write, from the service model; nullopt when the operation is unknown (treated as a write).
using AccessOf = std::function<std::optional<aws::model::Access>(const std::string& service, const std::string& operation)>;

struct GuardPolicy {
  bool writes_allowed = false;
  std::string why_not;  // the refusal's reason: "production is read-only for check without --confirm prod"
  std::function<void(const CloudCall&)> on_write;  // runs before each write is sent
};

inline constexpr const char* kRefusedCode = "RefusedByGuard";

class GuardedCloud final : public Cloud {
 public:
  GuardedCloud(Cloud& inner, AccessOf access, GuardPolicy policy)
      : inner_(inner), access_(std::move(access)), policy_(std::move(policy)) {}
  void call(CloudCall call, Done done) override;

 private:
  Cloud& inner_;
  AccessOf access_;
  GuardPolicy policy_;
};

}  // namespace drc::cloud
