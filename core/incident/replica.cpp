#include "incident/replica.hpp"

namespace drc::incident {

Status Replica::take(std::span<const Event> events, const std::string& source) {
  for (const auto& e : events) {
    if (auto s = apply(state_, e); !s) {
      return make_error(source + ": seq " + std::to_string(e.seq) + " cannot be replayed: " + s.error().message);
    }
    events_.push_back(e);
  }
  return {};
}

}  // namespace drc::incident
