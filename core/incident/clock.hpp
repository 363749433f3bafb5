#pragma once
// Time comes from a Clock, never from the system directly: real for incidents, manual for tests,
// accelerated for drills.

#include <atomic>
#include <chrono>

#include "util/time_format.hpp"

namespace drc::incident {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

// Stands still until told to move.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : now_(start.time_since_epoch().count()) {}
  Timestamp now() const override { return Timestamp{std::chrono::milliseconds{now_.load()}}; }
  void set(Timestamp t) { now_ = t.time_since_epoch().count(); }
  void advance(std::chrono::milliseconds d) { now_ += d.count(); }

 private:
  std::atomic<std::chrono::milliseconds::rep> now_;
};

// Runs `factor` times faster than its base clock from `start`: a drill's hour in minutes.
class AcceleratedClock final : public Clock {
 public:
  AcceleratedClock(const Clock& base, Timestamp start, double factor);
  Timestamp now() const override;

 private:
  const Clock& base_;
  Timestamp base_anchor_;
  Timestamp start_;
  double factor_;
};

}  // namespace drc::incident
