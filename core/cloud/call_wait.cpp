#include "cloud/call_wait.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>

#include "util/time_format.hpp"

namespace drc::cloud {

CloudResult call_wait(Cloud& cloud, CloudCall call, std::chrono::milliseconds limit) {
  struct Slot {
    std::mutex mutex;
    std::condition_variable arrived;
    std::optional<CloudResult> result;
  };
  auto slot = std::make_shared<Slot>();
  CloudCall asked = call;
  cloud.call(std::move(call), [slot](CloudResult r) {
    {
      std::lock_guard lock(slot->mutex);
      slot->result = std::move(r);
    }
    slot->arrived.notify_all();
  });
  std::unique_lock lock(slot->mutex);
  if (slot->arrived.wait_for(lock, limit, [&] { return slot->result.has_value(); })) return std::move(*slot->result);
  CloudResult timed_out;
  timed_out.call = std::move(asked);
  timed_out.error = CloudError{"Timeout", "no answer within " + format_duration_ms(limit)};
  timed_out.duration = limit;
  return timed_out;
}

}  // namespace drc::cloud
