#pragma once
// The console's side of the backup inventory: a Collection driven from the UI loop without ever waiting.
// Its calls go out through the feed's cloud, the answers land in the feed's queue on the cloud's thread,
// and between frames the loop hands them back here (with the engine clock's now), along with a look at
// the deadlines so a region that never answers becomes a gap on time.

#include <chrono>
#include <optional>

#include "actions/action_runner.hpp"
#include "aws/model/model_catalog.hpp"
#include "cloud/cloud.hpp"
#include "cloud/guarded_cloud.hpp"
#include "cloud/result_queue.hpp"
#include "inventory/collection.hpp"

namespace drc::tui {

// The cloud the inventory pane asks and what to ask it about. The caller owns the cloud and the queue,
// the queue outliving the cloud, so no answer arrives after the loop is gone.
// What running a runbook's aws lines needs: the cloud itself (the runner puts its own guard in front),
// the models to read a line against, the region a line without --region uses, and the write policy.
struct ActionsFeed {
  cloud::Cloud& cloud;
  cloud::AccessOf access;
  std::shared_ptr<const aws::model::ModelCatalog> catalog;
  std::string region;
  actions::ActionPolicy policy;
};

struct CloudFeed {
  cloud::Cloud& cloud;
  cloud::ResultQueue& queue;
  inventory::Scope scope;
  std::optional<std::chrono::seconds> rpo;  // the environment's, for the posture
  ActionsFeed* actions = nullptr;           // null: the console runs no aws lines
};

class InventoryDriver {
 public:
  explicit InventoryDriver(CloudFeed& feed) : feed_(feed), collection_(feed.scope) {}

  // Sends the first round of calls.
  void start(Timestamp now);
  // Folds in every answer that has arrived, sends their follow-ups, and gives up on calls past their
  // deadline. Returns true if the inventory may have changed.
  bool poll(Timestamp now);
  // Starts over with a fresh Collection, only when no call is out (false, and nothing done, otherwise).
  bool restart(Timestamp now);
  // How long until the next deadline (zero when one has passed); nullopt with nothing out.
  std::optional<std::chrono::milliseconds> until_deadline(Timestamp now) const;

  const inventory::Collection& collection() const { return collection_; }
  const CloudFeed& feed() const { return feed_; }

 private:
  void send(std::vector<cloud::CloudCall> calls);

  CloudFeed& feed_;
  inventory::Collection collection_;
};

}  // namespace drc::tui
