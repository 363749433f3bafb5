#pragma once
// Gathering the inventory: which calls to make for an environment, and folding their answers in as they
// arrive, in any order, from any number of regions at once. Each call has a deadline; a call still out
// at its deadline leaves a Timeout gap for its region and service, and its late answer is ignored, so a
// black-holed region never holds up the rest. The Collection never waits: a driver (the console's loop,
// or gather() for the command line) sends the calls it asks for and hands back what came.

#include <chrono>
#include <map>
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
  std::chrono::milliseconds timeout{10000};  // per call
  std::vector<std::string> regions() const;  // primary, then DR and backup regions, each once
};

class Collection {
 public:
  explicit Collection(Scope scope) : scope_(std::move(scope)) {}

  // The first round of calls; each is counted as outstanding from `now`.
  std::vector<cloud::CloudCall> start(Timestamp now);
  // Folds an answer in and returns the follow-up calls it needs (already counted as outstanding).
  // An answer to a call no longer outstanding (expired, or from before a restart) is ignored.
  std::vector<cloud::CloudCall> take(const cloud::CloudResult& result, Timestamp now);
  // Gives up on calls past their deadline; true if any were.
  bool expire(Timestamp now);

  bool complete() const { return outstanding_.empty(); }
  std::size_t outstanding() const { return outstanding_.size(); }
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
    bool copy = false;  // says it was copied from another region
  };

  std::vector<cloud::CloudCall> track(std::vector<cloud::CloudCall> calls, Timestamp now);
  std::vector<cloud::CloudCall> digest(const cloud::CloudResult& r);
  Resource& resource(ResourceKind kind, const std::string& name, const std::string& region);
  void point(ResourceKind kind, const std::string& name, const std::string& region, RecoveryPoint p, bool copy = false);
  bool wanted(ResourceKind kind, const std::string& name) const;
  void rebuild() const;

  Scope scope_;
  Timestamp started_{};
  std::map<std::string, Timestamp> outstanding_;  // call key → deadline
  std::map<std::string, std::chrono::milliseconds> latency_;  // "region service" → since start
  std::vector<Resource> found_;
  std::vector<LoosePoint> points_;
  std::vector<Gap> gaps_;
  std::string account_;
  mutable Inventory view_;
  mutable bool dirty_ = true;
};

// The key a call is known by: service, operation, region and parameters.
std::string call_key(const cloud::CloudCall& c);

}  // namespace drc::inventory
