#include "inventory/gather.hpp"

#include <algorithm>

namespace drc::inventory {

using std::chrono::milliseconds;

void gather(cloud::Cloud& cloud, cloud::ResultQueue& queue, Collection& collection, const incident::Clock& clock,
            const std::atomic<bool>* stop) {
  auto send = [&](std::vector<cloud::CloudCall> calls) {
    for (auto& c : calls) cloud.call(std::move(c), queue.sink());
  };
  send(collection.start(clock.now()));
  while (!collection.complete()) {
    if (stop && *stop) {
      collection.abandon("Interrupted", "given up at Ctrl-C");
      return;
    }
    auto wait = milliseconds{200};
    if (auto due = collection.next_deadline()) {
      wait = std::clamp(std::chrono::duration_cast<milliseconds>(*due - clock.now()) + milliseconds{1}, milliseconds{1}, wait);
    }
    for (const auto& answer : queue.wait_drain(wait)) send(collection.take(answer, clock.now()));
    send(collection.expire(clock.now()));
  }
}

}  // namespace drc::inventory
