#include "runbook/objective_reader.hpp"

#include <algorithm>

#include "runbook/heading_patterns.hpp"
#include "util/text.hpp"

namespace drc::runbook {

namespace {

using Kind = MdNode::Kind;
using std::chrono::seconds;

// An objective is the upper bound of what is written: "1-2 hours" allows two.
std::optional<seconds> objective_value(std::string_view cell) {
  auto r = parse_duration_range(cell);
  if (!r) return std::nullopt;
  return r->max;
}

enum class Objective { None, Rto, Rpo };
Objective objective_named(std::string_view label) {
  const auto l = to_lower(trim(label));
  if (l.starts_with("rto") || l.starts_with("recovery time objective") || l.starts_with("recovery time")) return Objective::Rto;
  if (l.starts_with("rpo") || l.starts_with("recovery point objective") || l.starts_with("recovery point")) return Objective::Rpo;
  return Objective::None;
}

class ObjectiveReader {
 public:
  explicit ObjectiveReader(Runbook& rb) : rb_(rb) {}

  void walk(const MdNode& n) {
    switch (n.kind) {
      case Kind::Heading:
        heading_env_ = environment_in(n.text);
        heading_is_updates_ = icontains(n.text, "update") || icontains(n.text, "communicat");
        return;
      case Kind::Table:
        table(n);
        return;
      case Kind::Paragraph:
        prose(n.text, n.start_line);
        return;
      default:
        for (const auto& c : n.children) walk(c);
        return;
    }
  }

 private:
  Environment& env(const std::string& name) {
    auto& e = rb_.environments[name.empty() ? kAnyEnvironment : name];
    if (e.name.empty()) e.name = name.empty() ? kAnyEnvironment : name;
    return e;
  }

  static std::vector<std::string> cells(const MdNode& row) {
    std::vector<std::string> out;
    for (const auto& c : row.children) out.push_back(c.text);
    return out;
  }

  void table(const MdNode& t) {
    if (t.children.empty()) return;
    const auto header = cells(t.children.front());
    std::optional<std::size_t> rto_col, rpo_col, freq_col;
    for (std::size_t i = 1; i < header.size(); ++i) {
      const auto o = objective_named(header[i]);
      if (o == Objective::Rto && !rto_col) rto_col = i;
      if (o == Objective::Rpo && !rpo_col) rpo_col = i;
      if ((icontains(header[i], "frequency") || icontains(header[i], "backup")) && !freq_col) freq_col = i;
    }
    if (rto_col || rpo_col) {
      const auto first = to_lower(trim(header.empty() ? std::string() : header[0]));
      const bool by_environment = first.starts_with("env") || first == "tier" || first == "stage";
      for (std::size_t r = 1; r < t.children.size(); ++r) {
        const auto row = cells(t.children[r]);
        if (row.empty() || trim(row[0]).empty()) continue;
        auto cell = [&](std::optional<std::size_t> col) -> std::optional<seconds> {
          if (!col || *col >= row.size()) return std::nullopt;
          return objective_value(row[*col]);
        };
        if (by_environment) {
          auto& e = env(to_lower(squash_spaces(row[0])));
          if (!e.rto) e.rto = cell(rto_col);
          if (!e.rpo) e.rpo = cell(rpo_col);
          if (!e.line) e.line = t.children[r].start_line;
        } else {
          auto& e = env(heading_env_);
          ComponentObjectives c;
          c.name = squash_spaces(row[0]);
          c.rto = cell(rto_col);
          c.rpo = cell(rpo_col);
          if (freq_col && *freq_col < row.size()) c.backup_frequency = row[*freq_col];
          c.line = t.children[r].start_line;
          // The environment's own objective is its strictest component's.
          if (c.rto && (!e.rto || *c.rto < *e.rto)) e.rto = c.rto;
          if (c.rpo && (!e.rpo || *c.rpo < *e.rpo)) e.rpo = c.rpo;
          if (!e.line) e.line = c.line;
          e.components.push_back(std::move(c));
        }
      }
      return;
    }
    // Quick-reference tables: "| **RTO** | 4 hours |", header row included.
    for (const auto& row_node : t.children) {
      const auto row = cells(row_node);
      if (row.size() < 2) continue;
      set(objective_named(row[0]), row[1], row_node.start_line);
    }
  }

  void set(Objective which, std::string_view value, int line) {
    if (which == Objective::None) return;
    const auto v = objective_value(value);
    if (!v) return;
    auto& e = env(heading_env_);
    auto& slot = which == Objective::Rto ? e.rto : e.rpo;
    if (!slot) slot = v;
    if (!e.line) e.line = line;
  }

  void prose(const std::string& text, int line) {
    const auto colon = text.find(':');
    if (colon == std::string::npos || colon > 60) return;
    const auto label = std::string_view(text).substr(0, colon);
    set(objective_named(label), std::string_view(text).substr(colon + 1), line);
    if (heading_is_updates_ && !rb_.comms_every) {
      if (auto rest = labelled(text, {"frequency", "cadence", "update frequency", "update cadence", "updates"})) {
        auto r = *rest;
        const auto l = to_lower(r);
        if (auto every = l.find("every"); every != std::string::npos) r = r.substr(every + 5);
        if (auto d = parse_duration_range(r)) rb_.comms_every = d->max;
      }
    }
  }

  Runbook& rb_;
  std::string heading_env_;
  bool heading_is_updates_ = false;
};

}  // namespace

std::string environment_in(std::string_view heading) {
  const auto h = to_lower(heading);
  auto has_word = [&](std::string_view w) {
    for (auto pos = h.find(w); pos != std::string::npos; pos = h.find(w, pos + 1)) {
      const bool start_ok = pos == 0 || !std::isalpha(static_cast<unsigned char>(h[pos - 1]));
      const auto end = pos + w.size();
      const bool end_ok = end >= h.size() || !std::isalpha(static_cast<unsigned char>(h[end]));
      if (start_ok && end_ok) return true;
    }
    return false;
  };
  if (has_word("non-production") || has_word("nonproduction") || has_word("non-prod") || has_word("nonprod")) {
    return "non-production";
  }
  if (has_word("production") || has_word("prod")) return "production";
  if (has_word("staging") || has_word("stage")) return "staging";
  if (has_word("development") || has_word("dev")) return "development";
  if (has_word("qa") || has_word("uat")) return has_word("qa") ? "qa" : "uat";
  return {};
}

void read_objectives(const MdNode& document, Runbook& rb) { ObjectiveReader(rb).walk(document); }

}  // namespace drc::runbook
