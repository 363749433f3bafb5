#include "report/timeline_export.hpp"

#include <sstream>

#include "incident/progress.hpp"
#include "report/describe_event.hpp"

namespace drc::report {

using namespace std::chrono;
using incident::Event;
using incident::IncidentState;

namespace {

// Table cells and list lines must stay one line and keep their pipes literal.
std::string md_inline(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
    } else if (c == '|') {
      out += "\\|";
    } else {
      out += c;
    }
  }
  return out;
}

std::string date_of(Timestamp t) { return format_iso8601(t).substr(0, 10); }

}  // namespace

std::string timeline_markdown(std::span<const Event> events) {
  std::ostringstream out;
  IncidentState st;
  std::ostringstream lines;
  std::string day;
  for (const auto& e : events) {
    if (date_of(e.ts) != day) {
      day = date_of(e.ts);
      if (!lines.str().empty()) lines << '\n';
      lines << "### " << day << "\n\n";
    }
    lines << "- " << format_clock_utc(e.ts) << " UTC: " << md_inline(describe_event(e, st)) << '\n';
    (void)incident::apply(st, e);
  }
  out << "# Incident " << st.id << ": " << md_inline(st.scenario_title) << "\n\n";
  out << "| | |\n|---|---|\n";
  out << "| Runbook | " << md_inline(st.runbook_title) << " (`" << md_inline(st.runbook_path) << "`) |\n";
  out << "| Environment | " << md_inline(st.environment) << " |\n";
  out << "| Severity | " << st.severity << " |\n";
  out << "| Commander | " << md_inline(st.commander) << " |\n";
  out << "| Declared | " << format_datetime_utc(st.declared_at) << " |\n";
  if (st.resolved_at) {
    out << "| Resolved | " << format_datetime_utc(*st.resolved_at) << " ("
        << format_compact(duration_cast<seconds>(*st.resolved_at - st.declared_at)) << " after declaration) |\n";
  } else {
    out << "| Resolved | not yet |\n";
  }
  if (st.objectives.rto) {
    out << "| RTO | " << format_compact(*st.objectives.rto);
    if (st.resolved_at) {
      const auto r = incident::rto_status(st, *st.resolved_at);
      if (r && r->remaining >= seconds::zero()) {
        out << ": met, " << format_compact(r->remaining) << " to spare";
      } else if (r) {
        out << ": missed by " << format_compact(-r->remaining);
      }
    }
    out << " |\n";
  }
  if (st.objectives.rpo) out << "| RPO target | " << format_compact(*st.objectives.rpo) << " |\n";
  if (!st.resolution.empty()) out << "| Resolution | " << md_inline(st.resolution) << " |\n";
  out << "\n## Timeline\n\n" << lines.str();
  out << "\n## Steps\n\n| # | Step | Status | Took | Estimate |\n|---|---|---|---|---|\n";
  for (const auto& s : st.steps) {
    const auto t = incident::step_timing(s, st.resolved_at.value_or(events.empty() ? st.declared_at : events.back().ts));
    const std::string estimate = runbook::format_range(s.estimate);
    out << "| " << s.number << " | " << md_inline(s.title) << " | " << incident::to_string(s.status)
        << (s.reason.empty() ? "" : ": " + md_inline(s.reason)) << " | " << (t ? format_compact(t->elapsed) : "")
        << " | " << estimate << " |\n";
  }
  return out.str();
}

nlohmann::json timeline_json(std::span<const Event> events) {
  nlohmann::json out = nlohmann::json::array();
  IncidentState st;
  for (const auto& e : events) {
    out.push_back({{"seq", e.seq},
                   {"ts", format_iso8601(e.ts)},
                   {"actor", e.actor},
                   {"kind", incident::to_string(e.kind)},
                   {"data", e.data},
                   {"text", describe_event(e, st)},
                   {"hash", e.hash}});
    (void)incident::apply(st, e);
  }
  return {{"incident", st.id}, {"events", std::move(out)}};
}

}  // namespace drc::report
