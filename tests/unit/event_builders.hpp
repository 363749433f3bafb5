#pragma once
// Small builders for events in reducer and engine tests.

#include "incident/state.hpp"

namespace drc::test {

inline Timestamp t0() { return Timestamp{std::chrono::milliseconds{1'790'000'000'000}}; }

inline nlohmann::json declared_data(int steps = 3, std::optional<int> rto_s = 1800) {
  nlohmann::json s = nlohmann::json::array();
  for (int i = 1; i <= steps; ++i) {
    s.push_back({{"number", i}, {"title", "Step title " + std::to_string(i)}, {"estimate", {{"min_s", 60}, {"max_s", 120}}}});
  }
  return {{"id", "inc-1"},
          {"scenario", {{"number", 1}, {"title", "DB down"}}},
          {"environment", "prod"},
          {"severity", "P1"},
          {"commander", "alice"},
          {"objectives", {{"rto_s", rto_s ? nlohmann::json(*rto_s) : nlohmann::json(nullptr)}, {"rpo_s", 300}, {"comms_every_s", 900}}},
          {"steps", s}};
}

inline incident::Event ev(std::uint64_t seq, incident::EventKind kind, nlohmann::json data,
                          std::chrono::milliseconds at = std::chrono::milliseconds{0}) {
  incident::Event e;
  e.seq = seq;
  e.ts = t0() + at;
  e.actor = "alice";
  e.kind = kind;
  e.data = std::move(data);
  return e;
}

}  // namespace drc::test
