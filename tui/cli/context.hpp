#pragma once
// What every subcommand shares: output streams, the clock, who is acting, and the exit code it leaves.

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "incident/clock.hpp"
#include "incident/engine.hpp"
#include "timeline/incident_store.hpp"

namespace drc::cli {

enum ExitCode : int { kOk = 0, kFailed = 1, kUsage = 2 };

struct Context {
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  incident::SystemClock clock;
  std::string actor;  // --as NAME, else $USER
  bool drills = false;  // drills and the demo keep their incidents apart, under drills/
  int exit_code = kOk;

  void fail(const std::string& message, int code = kFailed) {
    err << "drconsole: " << message << '\n';
    exit_code = code;
  }
  // Prints what the journal wants the operator to know (a torn line set aside, ...).
  void show_notices(incident::Engine& engine) {
    for (const auto& n : engine.take_notices()) err << "drconsole: note: " << n << '\n';
  }

  std::string acting_user() const;
  Result<timeline::IncidentStore> store() const;
  // Opens the incident's journal for writing (or reading, for the war room) and replays it.
  Result<std::unique_ptr<incident::Engine>> open_incident(const std::optional<std::string>& id, incident::Mode mode);
};

}  // namespace drc::cli
