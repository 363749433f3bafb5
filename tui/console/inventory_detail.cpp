#include "console/inventory_detail.hpp"

#include <algorithm>

#include "console/inventory_rows.hpp"
#include "widgets/modal.hpp"
#include "widgets/table.hpp"
#include "widgets/text_block.hpp"

namespace drc::tui {

using namespace std::chrono;
using ui::Role;

namespace {

constexpr int kLabelWidth = 13;
constexpr const char* kHint = "Esc/Enter/q close  ↑↓ points";
constexpr const char* kGapHint = "Esc/Enter/q close";

struct Line {
  std::string label, value;
  Role role = Role::Normal;
};

std::string ago(Timestamp now, Timestamp t) { return format_age(std::max(seconds{0}, duration_cast<seconds>(now - t))) + " ago"; }

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

std::vector<Line> resource_lines(const InventoryPane& pane, const inventory::Resource* r, const inventory::Posture* p) {
  const auto now = pane.as_of;
  std::vector<Line> lines;
  if (p) {
    const Role role = p->status == inventory::PostureStatus::Breach    ? Role::Alarm
                      : p->status == inventory::PostureStatus::Ok      ? Role::Ok
                                                                        : Role::Warning;
    std::string head = p->status == inventory::PostureStatus::Breach ? "BREACH" : std::string(inventory::status_name(p->status));
    lines.push_back({"Posture", head + (p->reason.empty() ? "" : " — " + p->reason), role});
  } else {
    lines.push_back({"Posture", "not judged: not a protected resource of this environment", Role::Dim});
  }
  if (!r) {
    lines.push_back({"Status", "not found", Role::Alarm});
    return lines;
  }
  lines.push_back({"Status", r->status.empty() ? "—" : r->status});
  if (auto n = inventory::newest_point(*r)) {
    lines.push_back({"Newest point", n->what + ", " + ago(now, n->time) + " (" + format_datetime_utc(n->time) + ", " + n->region + ")"});
  } else {
    lines.push_back({"Newest point", "none restorable", Role::Alarm});
  }
  if (r->pitr) {
    const auto from = r->pitr->earliest ? format_datetime_utc(*r->pitr->earliest) : std::string("(earliest not known)");
    const auto to = r->pitr->latest != Timestamp{} ? format_datetime_utc(r->pitr->latest) + " (" + ago(now, r->pitr->latest) + ")"
                                                   : std::string("(latest not known)");
    lines.push_back({"PITR window", from + " → " + to});
  } else {
    lines.push_back({"PITR window", "none", Role::Dim});
  }
  if (r->retention_days) {
    const int d = *r->retention_days;
    lines.push_back({"Retention", std::to_string(d) + (d == 1 ? " day" : " days") + (d == 0 ? ": no automated backups" : ""),
                     d == 0 ? Role::Warning : Role::Normal});
  }
  if (r->kind == inventory::ResourceKind::S3Bucket) {
    lines.push_back({"Versioning", r->versioning.empty() ? "never enabled" : r->versioning});
  }
  lines.push_back({"Replication", r->replicates_to.empty() ? "none" : join(r->replicates_to)});
  if (!pane.dr_region.empty() && p) {
    std::string dr = p->dr_copy ? "yes" : "no";
    if (p->newest_in_dr) dr += ": newest in " + pane.dr_region + " " + ago(now, p->newest_in_dr->time) + " (" + p->newest_in_dr->what + ")";
    lines.push_back({"DR copy", dr, p->dr_copy ? Role::Normal : Role::Warning});
  }
  if (!r->replica_of.empty()) lines.push_back({"Replica of", r->replica_of});
  if (r->details_missing()) lines.push_back({"Not known", "could not be read: " + join(r->unknown), Role::Warning});
  return lines;
}

ui::TableModel points_table(const inventory::Resource& r, Timestamp now, int selected) {
  ui::TableModel t;
  t.columns = {{"Time", 20, false, 0}, {"Age", 6, true, 0}, {"Source", 18, false, 0}, {"Region", 9, false, 0},
               {"Status", 9, false, 0}, {"ID", 0, false, 0}};
  for (const auto& pt : r.points) {
    ui::TableRow row;
    const bool dated = pt.time != Timestamp{};
    row.cells = {dated ? format_datetime_utc(pt.time) : "—", dated ? format_age(std::max(seconds{0}, duration_cast<seconds>(now - pt.time))) : "—",
                 std::string(inventory::source_name(pt.source)), pt.region, pt.status, pt.id};
    row.role = pt.usable ? Role::Normal : Role::Dim;
    t.rows.push_back(std::move(row));
  }
  t.selected = t.rows.empty() ? -1 : std::clamp(selected, 0, static_cast<int>(t.rows.size()) - 1);
  t.focused = true;
  t.empty_text = "no recovery points";
  return t;
}

// Label and value, the value wrapped under itself; returns the rows used.
int draw_line(ui::Canvas& c, ui::Rect body, int y, const Line& l) {
  const auto wrapped = ui::wrap_text(l.value, std::max(1, body.w - kLabelWidth));
  int used = 0;
  for (const auto& w : wrapped) {
    if (y + used >= body.bottom()) break;
    if (used == 0) c.text(body.x, y, l.label, Role::Dim, kLabelWidth - 1);
    c.text(body.x + kLabelWidth, y + used, w, l.role);
    ++used;
  }
  return std::max(used, 1);
}

}  // namespace

int detail_point_count(const InventoryPane& pane) {
  if (!pane.detail) return 0;
  const auto* r = resource_of(pane, *pane.detail);
  return r ? static_cast<int>(r->points.size()) : 0;
}

void draw_inventory_detail(ui::Canvas& c, const InventoryPane& pane) {
  if (!pane.detail) return;
  const auto& id = *pane.detail;
  const int w = std::min(c.width() - 2, 116);
  if (id.starts_with("g/")) {
    // Each failed call: its operation and code, then the error's own words under it.
    const auto gaps = gaps_of(pane, id);
    if (gaps.empty()) {
      const auto body = ui::draw_modal(c, w, 3, "Detail", kGapHint);
      if (!body.empty()) c.text(body.x, body.y, ui::ellipsize("No call to there has failed since it was asked again.", body.w), Role::Dim);
      return;
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> calls;
    int rows = 0;
    for (const auto* g : gaps) {
      calls.push_back({g->operation + (g->resource.empty() ? "" : " " + g->resource) + "  " + g->code,
                       ui::wrap_text(g->message, std::max(1, w - 6))});
      rows += 1 + static_cast<int>(calls.back().second.size());
    }
    const auto& first = *gaps.front();
    const auto body = ui::draw_modal(c, w, rows + 2, first.region + " " + first.service + (first.unreachable() ? ": no answer" : ": errors"), kGapHint);
    const Role role = first.unreachable() ? Role::Alarm : Role::Warning;
    int y = body.y;
    for (const auto& [head, message] : calls) {
      if (y >= body.bottom()) break;
      c.text(body.x, y++, ui::ellipsize(head, body.w), role);
      for (const auto& m : message) {
        if (y >= body.bottom()) break;
        c.text(body.x + 2, y++, m, Role::Normal);
      }
    }
    return;
  }
  const auto* r = resource_of(pane, id);
  const auto* p = posture_of(pane, id);
  if (!r && !p) {
    // Asked again since it opened: the row comes back when its answer does.
    const auto body = ui::draw_modal(c, w, 3, "Detail", kGapHint);
    if (!body.empty()) c.text(body.x, body.y, ui::ellipsize("Not in the inventory now; it shows again when its answer comes.", body.w), Role::Dim);
    return;
  }
  const auto lines = resource_lines(pane, r, p);
  const int points = r ? static_cast<int>(r->points.size()) : 0;
  int text_rows = 0;
  for (const auto& l : lines) text_rows += std::max<int>(1, static_cast<int>(ui::wrap_text(l.value, std::max(1, w - 4 - kLabelWidth)).size()));
  // Frame, the lines, a blank and the points' heading, their header and rows.
  const int h = 2 + text_rows + 2 + 1 + std::max(1, points);
  const std::string title = r ? std::string(inventory::kind_name(r->kind)) + " " + r->name + " · " + r->region
                              : std::string(inventory::kind_name(p->kind)) + " " + p->name + " · " + p->region;
  const auto body = ui::draw_modal(c, w, h, title, kHint);
  if (body.empty()) return;
  int y = body.y;
  for (const auto& l : lines) {
    if (y >= body.bottom()) return;
    y += draw_line(c, body, y, l);
  }
  if (!r || y + 2 >= body.bottom()) return;
  ++y;
  c.text(body.x, y++, "Recovery points (" + std::to_string(points) + ")", Role::Title);
  ui::draw_table(c, {body.x, y, body.w, body.bottom() - y}, points_table(*r, pane.as_of, pane.detail_selected));
}

}  // namespace drc::tui
