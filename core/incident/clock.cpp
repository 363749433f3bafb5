#include "incident/clock.hpp"

namespace drc::incident {

using namespace std::chrono;

Timestamp SystemClock::now() const { return time_point_cast<milliseconds>(system_clock::now()); }

AcceleratedClock::AcceleratedClock(const Clock& base, Timestamp start, double factor)
    : base_(base), base_anchor_(base.now()), start_(start), factor_(factor > 0 ? factor : 1.0) {}

Timestamp AcceleratedClock::now() const {
  const auto real = base_.now() - base_anchor_;
  return start_ + milliseconds{static_cast<milliseconds::rep>(static_cast<double>(real.count()) * factor_)};
}

}  // namespace drc::incident
