#include "timeline/incident_store.hpp"

#include <algorithm>
#include <cerrno>

#include "util/xdg.hpp"

namespace drc::timeline {

namespace fs = std::filesystem;

namespace {

std::string slug(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
    if (out.size() >= 32) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "incident" : out;
}

std::string stamp(Timestamp t) {
  auto iso = format_iso8601(t);  // 2026-11-23T18:46:40.123Z
  std::string s;
  for (char c : iso.substr(0, 16)) {
    if (std::isdigit(static_cast<unsigned char>(c))) s.push_back(c);
    if (c == 'T') s.push_back('-');
  }
  return s;  // 20261123-1846
}

bool valid_id(std::string_view id) {
  return !id.empty() && id.size() <= 128 &&
         std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; });
}

}  // namespace

Result<IncidentStore::Created> IncidentStore::create(Timestamp now, std::string_view hint) const {
  if (auto s = make_private_dir(dir_); !s) return s.error();
  const auto base = stamp(now) + "-" + slug(hint);
  for (int n = 1; n < 1000; ++n) {
    const auto id = n == 1 ? base : base + "-" + std::to_string(n);
    const auto path = journal_path(id);
    std::error_code ec;
    if (fs::exists(path, ec)) continue;
    auto j = FileJournal::create(path);
    if (j) return Created{id, std::move(j).value()};
    if (!fs::exists(path, ec)) return j.error();  // a real failure, not a race for the same name
  }
  return make_error(dir_.string() + ": could not find a free incident id for " + base);
}

Result<std::vector<IncidentSummary>> IncidentStore::list() const {
  std::vector<IncidentSummary> out;
  std::error_code ec;
  if (!fs::exists(dir_, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    if (entry.path().extension() != ".jsonl") continue;
    IncidentSummary s;
    s.id = entry.path().stem().string();
    s.path = entry.path();
    auto j = FileJournal::open(entry.path(), Access::ReadOnly);
    if (!j) {
      s.problem = j.error().message;
    } else if (auto events = (*j)->read_new(); !events) {
      s.problem = events.error().message;
    } else if (auto st = incident::fold(*events); !st) {
      s.problem = st.error().message;
    } else {
      s.state = std::move(st).value();
    }
    out.push_back(std::move(s));
  }
  if (ec) return make_error(dir_.string() + ": cannot list incidents: " + ec.message());
  std::sort(out.begin(), out.end(), [](const IncidentSummary& a, const IncidentSummary& b) { return a.id < b.id; });
  return out;
}

Result<std::string> IncidentStore::resolve(const std::optional<std::string>& given) const {
  if (given) {
    if (!valid_id(*given)) return make_error("'" + *given + "' is not an incident id (see 'drconsole incidents')");
    std::error_code ec;
    if (fs::exists(journal_path(*given), ec)) return *given;
    auto all = list();
    if (!all) return all.error();
    std::vector<std::string> matches;
    for (const auto& s : *all) {
      if (s.id.starts_with(*given) || s.id.find(*given) != std::string::npos) matches.push_back(s.id);
    }
    if (matches.size() == 1) return matches.front();
    if (matches.empty()) return make_error("no incident '" + *given + "' in " + dir_.string() + " (see 'drconsole incidents')");
    std::string ids;
    for (const auto& m : matches) ids += "\n  " + m;
    return make_error("'" + *given + "' matches several incidents; name one:" + ids);
  }
  auto all = list();
  if (!all) return all.error();
  std::vector<std::string> open;
  for (const auto& s : *all) {
    if (s.problem.empty() && s.state.declared && !s.state.resolved()) open.push_back(s.id);
  }
  if (open.size() == 1) return open.front();
  if (open.empty()) return make_error("no open incident: declare one with 'drconsole declare RUNBOOK --scenario N --env ENV'");
  std::string ids;
  for (const auto& o : open) ids += "\n  " + o;
  return make_error(std::to_string(open.size()) + " incidents are open; name one with --incident ID:" + ids);
}

}  // namespace drc::timeline
