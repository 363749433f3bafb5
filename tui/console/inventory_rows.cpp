#include "console/inventory_rows.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>

namespace drc::tui {

using namespace std::chrono;
using inventory::PostureStatus;
using ui::Role;

namespace {

constexpr int kPostureGroup = 0, kOtherGroup = 1, kGapGroup = 2;

// Worst first: what needs the commander's eyes sorts to the top.
int rank(PostureStatus s) {
  switch (s) {
    case PostureStatus::Breach: return 0;
    case PostureStatus::Unknown: return 1;
    case PostureStatus::Warning: return 2;
    case PostureStatus::Ok: return 3;
  }
  return 4;
}

std::string status_cell(PostureStatus s) { return s == PostureStatus::Breach ? "BREACH" : std::string(inventory::status_name(s)); }

Role role_of(PostureStatus s) {
  switch (s) {
    case PostureStatus::Breach: return Role::Alarm;
    case PostureStatus::Warning:
    case PostureStatus::Unknown: return Role::Warning;
    case PostureStatus::Ok: break;
  }
  return Role::Normal;
}

// Ages sort as numbers; no point at all sorts after the oldest.
std::string age_key(std::optional<seconds> age) {
  if (!age) return "~";
  char buf[24];
  std::snprintf(buf, sizeof buf, "%015lld", static_cast<long long>(std::max(seconds{0}, *age).count()));
  return buf;
}

std::string gap_id(const inventory::Gap& g) { return "g/" + g.region + "/" + g.service + (g.unreachable() ? "/unreachable" : "/error"); }

ui::TableRow posture_row(const inventory::Posture& p, bool has_dr) {
  ui::TableRow row;
  row.id = posture_id(p);
  row.group = kPostureGroup;
  row.role = role_of(p.status);
  row.cells = {status_cell(p.status), p.name, std::string(short_kind(p.kind)), p.region,
               p.newest ? newest_label(*p.newest) : "none", p.exposure ? format_age(*p.exposure) : "none",
               has_dr ? (p.dr_copy ? "yes" : "no") : "—"};
  row.sort_keys.resize(kDrColumn + 1);
  row.sort_keys[kStatusColumn] = std::to_string(rank(p.status));
  row.sort_keys[kAgeColumn] = age_key(p.exposure);
  return row;
}

ui::TableRow other_row(const inventory::Resource& r, Timestamp now) {
  ui::TableRow row;
  row.id = resource_id(r);
  row.group = kOtherGroup;
  const auto newest = inventory::newest_point(r);
  std::optional<seconds> age;
  if (newest) age = std::max(seconds{0}, duration_cast<seconds>(now - newest->time));
  row.cells = {"", r.name, std::string(short_kind(r.kind)), r.region, newest ? newest_label(*newest) : "none",
               age ? format_age(*age) : "none", ""};
  row.sort_keys.resize(kDrColumn + 1);
  row.sort_keys[kStatusColumn] = "9";
  row.sort_keys[kAgeColumn] = age_key(age);
  return row;
}

// One row per region and service that did not answer (the first call's words say why), and one per
// region and service whose calls were refused or failed (the code, and which calls).
void gap_rows(const std::vector<inventory::Gap>& gaps, std::vector<ui::TableRow>& rows, int& unreachable, int& errors) {
  std::map<std::string, std::vector<const inventory::Gap*>> by_id;
  std::vector<std::string> order;
  for (const auto& g : gaps) {
    auto& list = by_id[gap_id(g)];
    if (list.empty()) order.push_back(gap_id(g));
    list.push_back(&g);
  }
  for (const auto& id : order) {
    const auto& list = by_id[id];
    const auto& g = *list.front();
    ui::TableRow row;
    row.id = id;
    row.group = kGapGroup;
    row.span = true;
    std::string text = g.region + " " + g.service + ": ";
    if (g.unreachable()) {
      text += "unreachable — " + (g.message.empty() ? g.code : g.message);
      row.role = Role::Alarm;
      ++unreachable;
    } else {
      // The calls that failed, by name; their messages are in the detail view.
      std::string ops;
      for (const auto* each : list) ops += (ops.empty() ? "" : ", ") + each->operation;
      text += g.code + " (" + ops + ")";
      row.role = Role::Warning;
      ++errors;
    }
    row.cells = {text};
    rows.push_back(std::move(row));
  }
}

std::string title_of(const InventoryPane& pane, int unreachable, int errors) {
  std::array<int, 4> counts{};
  for (const auto& p : pane.posture) ++counts[static_cast<std::size_t>(rank(p.status))];
  std::string t = "Inventory:";
  const std::array<const char*, 4> names{"breach", "unknown", "warning", "ok"};
  bool first = true;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] == 0) continue;
    t += (first ? " " : ", ") + std::to_string(counts[i]) + " " + names[i];
    first = false;
  }
  t += (first ? " " : " · ") + std::to_string(pane.found.resources.size()) + " found";
  if (unreachable) t += " · " + std::to_string(unreachable) + " unreachable";
  if (errors) t += " · " + std::to_string(errors) + (errors == 1 ? " error" : " errors");
  if (pane.calls_out) t += " · " + std::to_string(pane.calls_out) + " calls out";
  return t;
}

}  // namespace

std::vector<ui::TableColumn> inventory_columns() {
  // Kind and region are the first to go when the pane is narrow; the detail view has them all.
  return {{"Status", 7, false, 0}, {"Resource", 0, false, 0}, {"Kind", 8, false, 70}, {"Region", 9, false, 56},
          {"Newest", 9, false, 0}, {"Age", 6, true, 0},       {"DR", 3, false, 0}};
}

std::string resource_id(const inventory::Resource& r) {
  return "r/" + std::string(inventory::kind_key(r.kind)) + "/" + r.region + "/" + r.name;
}

std::string posture_id(const inventory::Posture& p) {
  return "r/" + std::string(inventory::kind_key(p.kind)) + "/" + p.region + "/" + p.name;
}

void refresh_pane(InventoryPane& pane, const inventory::Inventory& found, const inventory::Scope& scope,
                  std::optional<seconds> rpo, std::size_t calls_out, Timestamp now) {
  pane.found = found;
  pane.region = scope.region;
  pane.dr_region = scope.dr_region;
  pane.calls_out = calls_out;
  pane.as_of = now;
  pane.posture = inventory::assess(found, scope, rpo, now);
  std::stable_sort(pane.posture.begin(), pane.posture.end(),
                   [](const auto& a, const auto& b) { return rank(a.status) < rank(b.status); });
  pane.rows.clear();
  for (const auto& p : pane.posture) pane.rows.push_back(posture_row(p, !scope.dr_region.empty()));
  std::set<std::string> judged;
  for (const auto& row : pane.rows) judged.insert(row.id);
  for (const auto& r : found.resources) {
    if (!judged.contains(resource_id(r))) pane.rows.push_back(other_row(r, now));
  }
  int unreachable = 0, errors = 0;
  gap_rows(found.gaps, pane.rows, unreachable, errors);
  pane.title = title_of(pane, unreachable, errors);
}

const inventory::Resource* resource_of(const InventoryPane& pane, std::string_view id) {
  for (const auto& r : pane.found.resources) {
    if (resource_id(r) == id) return &r;
  }
  return nullptr;
}

const inventory::Posture* posture_of(const InventoryPane& pane, std::string_view id) {
  for (const auto& p : pane.posture) {
    if (posture_id(p) == id) return &p;
  }
  return nullptr;
}

std::vector<const inventory::Gap*> gaps_of(const InventoryPane& pane, std::string_view id) {
  std::vector<const inventory::Gap*> out;
  for (const auto& g : pane.found.gaps) {
    if (gap_id(g) == id) out.push_back(&g);
  }
  return out;
}

std::string_view short_kind(inventory::ResourceKind k) {
  using K = inventory::ResourceKind;
  switch (k) {
    case K::RdsInstance: return "RDS";
    case K::AuroraCluster: return "Aurora";
    case K::DynamoTable: return "DynamoDB";
    case K::S3Bucket: return "S3";
    case K::EbsVolume: return "EBS";
  }
  return "?";
}

std::string newest_label(const inventory::Newest& n) {
  // `what` is the source's name then the point's id ("automated snapshot rds:db-daily"), or a phrase.
  std::string source = n.what;
  if (!n.id.empty() && source.size() > n.id.size() && source.ends_with(" " + n.id)) source.resize(source.size() - n.id.size() - 1);
  static const std::array<std::pair<const char*, const char*>, 6> kShort{{{"point-in-time restore", "PITR"},
                                                                         {"automated snapshot", "automated"},
                                                                         {"AWS Backup recovery point", "Backup"},
                                                                         {"on-demand backup", "on-demand"},
                                                                         {"object versions", "versions"},
                                                                         {"snapshot", "snapshot"}}};
  for (const auto& [longer, shorter] : kShort) {
    if (source == longer) return shorter;
  }
  return source;
}

}  // namespace drc::tui
