#include "cloud/guarded_cloud.hpp"

namespace drc::cloud {

void GuardedCloud::call(CloudCall call, Done done) {
  const auto access = access_ ? access_(call.service, call.operation) : std::nullopt;
  if (access != aws::model::Access::Read) {
    if (!policy_.writes_allowed) {
      CloudResult refused;
      refused.error = CloudError{kRefusedCode, call.service + " " + call.operation + " changes things and was not sent: " +
                                                   (policy_.why_not.empty() ? "this session is read-only" : policy_.why_not)};
      refused.call = std::move(call);
      refused.attempts = 0;  // nothing was sent
      done(std::move(refused));
      return;
    }
    if (policy_.on_write) policy_.on_write(call);
  }
  inner_.call(std::move(call), std::move(done));
}

}  // namespace drc::cloud
