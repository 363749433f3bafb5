#pragma once
// Where an incident's events live. The engine is its only writer; the war room only reads.

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "incident/event.hpp"
#include "util/result.hpp"

namespace drc::timeline {

class Journal {
 public:
  virtual ~Journal() = default;

  // Events not yet seen by this reader (on the first call, everything). The war room tails with this.
  virtual Result<std::vector<incident::Event>> read_new() = 0;

  // The writer decides on the latest state: under the journal's lock, events other writers appended since
  // the last read are handed to `decide`, which answers with what to append (or an error, which is
  // returned and nothing is written). The result is acknowledged only once it is durable.
  using Decide = std::function<Result<std::vector<incident::EventDraft>>(std::span<const incident::Event> caught_up)>;
  virtual Result<std::vector<incident::Event>> append(const Decide& decide) = 0;

  // Things the reader should be told once, such as a torn last line that was set aside on open.
  virtual std::vector<std::string> take_notices() = 0;

  virtual std::string name() const = 0;
};

}  // namespace drc::timeline
