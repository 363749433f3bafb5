#pragma once
// Gathering the inventory: which calls to make for an environment, and folding their answers in as they
// arrive, in any order, from any number of regions at once. Each call has a deadline; a call still out
// at its deadline leaves a Timeout gap for its region and service, and its late answer is ignored, so a
// black-holed region never holds up the rest. The Collection never waits: a driver (the console's loop,
// or gather() for the command line) sends the calls it asks for and hands back what came.

#include <chrono>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "cloud/cloud.hpp"
#include "inventory/inventory.hpp"
#include "runbook/runbook.hpp"

namespace drc::inventory {

struct Scope {
  std::string region;     // the primary region
  std::string dr_region;  // may be empty
  std::vector<std::string> backup_regions;  // further regions holding copies
  // What the environment protects; where it names nothing of a kind, everything of that kind is found.
  runbook::Resources named;
  bool identity = false;  // also ask STS who we are (the backup check's first line)
  std::chrono::milliseconds timeout{10000};  // per call, from when it goes out
  // How many calls may be out at once; the rest wait their turn, so a large account's queue is never
  // mistaken for a silent region.
  std::size_t max_in_flight = 24;
  std::vector<std::string> regions() const;  // primary, then DR and backup regions, each once
  // Whether everything protectable is found and counts: the environment names no protected resource.
  // Naming some means those are what it protects. The state bucket and lock table do not count here:
  // they are asked for by name whatever else is named.
  bool discovers() const;
};

const std::vector<std::string>& names_of(const runbook::Resources& r, ResourceKind k);

class Collection {
 public:
  explicit Collection(Scope scope) : scope_(std::move(scope)) {}

  // The first round of calls; each is counted as outstanding from `now`.
  std::vector<cloud::CloudCall> start(Timestamp now);
  // Folds an answer in and returns the follow-up calls it needs (already counted as outstanding).
  // An answer to a call no longer outstanding (expired, or from before a restart) is ignored.
  std::vector<cloud::CloudCall> take(const cloud::CloudResult& result, Timestamp now);
  // Gives up on calls past their deadline (a Timeout gap each); returns the waiting calls that may now go.
  std::vector<cloud::CloudCall> expire(Timestamp now);

  // Stops asking: every call out or waiting becomes a gap with this code (an interrupt, say).
  void abandon(const std::string& code, const std::string& why);

  bool complete() const { return outstanding_.empty() && queued_.empty(); }
  std::size_t outstanding() const { return outstanding_.size() + queued_.size(); }
  std::optional<Timestamp> next_deadline() const;
  const Scope& scope() const { return scope_; }
  // How long after start the last answer for a region's service came (or it was given up).
  std::optional<std::chrono::milliseconds> latency(std::string_view region, std::string_view service) const;
  // The inventory so far: points attached to their resources (copies in the DR region to the primary's).
  const Inventory& inventory() const;

 private:
  struct Owner {
    ResourceKind kind;
    std::string name, region;
  };
  struct LoosePoint {
    Owner owner;
    RecoveryPoint point;
    std::vector<std::string> snapshot_ids;  // an AMI: the EBS snapshots it is made of
    bool copy = false;                      // says it was copied from another region
    std::string copied_from;                // an EBS copy: the snapshot it was copied from
  };
  struct Window {
    std::optional<Timestamp> earliest, latest;
  };

  struct Pending {
    cloud::CloudCall call;
    Timestamp due;
  };
  std::vector<cloud::CloudCall> track(std::vector<cloud::CloudCall> calls, Timestamp now);
  std::vector<cloud::CloudCall> digest(const cloud::CloudResult& r);
  // A call that got no usable answer: the gap, and what it leaves unknown about its resource.
  void note_failure(const cloud::CloudCall& c, Gap gap);
  Resource& resource(ResourceKind kind, const std::string& name, const std::string& region);
  void point(ResourceKind kind, const std::string& name, const std::string& region, RecoveryPoint p, bool copy = false);
  bool wanted(ResourceKind kind, const std::string& name) const;
  void rebuild() const;

  Scope scope_;
  Timestamp started_{};
  std::map<std::string, Pending> outstanding_;  // sent, by call key
  std::deque<cloud::CloudCall> queued_;          // waiting their turn
  std::set<std::string> seen_;                   // every call key ever tracked
  std::map<std::string, std::chrono::milliseconds> latency_;  // "region service" → since start
  std::vector<Resource> found_;
  std::vector<LoosePoint> points_;
  std::map<std::string, Window> windows_;  // "instance region" → its automated backups' restore window
  std::vector<Gap> gaps_;
  std::string account_;
  mutable Inventory view_;
  mutable bool dirty_ = true;
};

// The key a call is known by: service, operation, region and parameters.
std::string call_key(const cloud::CloudCall& c);

}  // namespace drc::inventory
