#include "console/inventory_feed.hpp"

#include <algorithm>

namespace drc::tui {

using std::chrono::milliseconds;

void InventoryDriver::send(std::vector<cloud::CloudCall> calls) {
  for (auto& c : calls) feed_.cloud.call(std::move(c), feed_.queue.sink());
}

void InventoryDriver::start(Timestamp now) { send(collection_.start(now)); }

bool InventoryDriver::poll(Timestamp now) {
  auto answers = feed_.queue.drain();
  for (const auto& a : answers) send(collection_.take(a, now));
  // Calls given up on leave the count (and free places for calls waiting their turn, sent here).
  const auto before = collection_.outstanding();
  send(collection_.expire(now));
  return !answers.empty() || collection_.outstanding() != before;
}

bool InventoryDriver::restart(Timestamp now) {
  if (!collection_.complete()) return false;
  // The new Collection takes answers only to its own calls: a late one from the last round is dropped,
  // unless it answers the very question asked again, when it is as good as a fresh one.
  collection_ = inventory::Collection(feed_.scope);
  start(now);
  return true;
}

std::optional<milliseconds> InventoryDriver::until_deadline(Timestamp now) const {
  const auto due = collection_.next_deadline();
  if (!due) return std::nullopt;
  return std::max(milliseconds{0}, std::chrono::duration_cast<milliseconds>(*due - now));
}

}  // namespace drc::tui
