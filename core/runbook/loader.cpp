#include "runbook/loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "runbook/front_matter.hpp"
#include "runbook/markdown_tree.hpp"
#include "runbook/objective_reader.hpp"
#include "runbook/scenario_reader.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace drc::runbook {

namespace fs = std::filesystem;

namespace {

std::string first_heading(const MdNode& doc) {
  for (const auto& c : doc.children) {
    if (c.kind == MdNode::Kind::Heading) return c.text;
  }
  return {};
}

bool any_objective(const Runbook& rb) {
  for (const auto& [name, env] : rb.environments) {
    if (env.rto || env.rpo) return true;
  }
  return false;
}

}  // namespace

Runbook parse_runbook(std::string_view text, std::string path) {
  Runbook rb;
  rb.path = std::move(path);
  rb.sha256 = sha256_hex(text);

  // Front matter lines are blanked rather than cut, so Markdown line numbers stay the file's own.
  std::string body(text);
  if (auto fm = split_front_matter(text)) {
    read_front_matter(*fm, rb);
    std::size_t pos = 0;
    for (int l = 0; l < fm->lines_consumed && pos < text.size(); ++l) {
      const auto nl = text.find('\n', pos);
      pos = nl == std::string_view::npos ? text.size() : nl + 1;
    }
    body = std::string(static_cast<std::size_t>(fm->lines_consumed), '\n') + std::string(text.substr(pos));
  }

  const auto parsed = parse_markdown(body);
  if (parsed.depth_capped) {
    rb.problems.push_back({0, Severity::Warning, "nesting deeper than 48 levels was not read"});
  }
  const auto lines = split_lines(body);
  rb.title = first_heading(parsed.document);

  if (!any_objective(rb)) read_objectives(parsed.document, rb);
  read_scenarios(parsed.document, lines, rb);

  if (rb.scenarios.empty()) {
    // One clear line: whatever else this Markdown holds, it is not a runbook drconsole can run.
    rb.problems.clear();
    rb.problems.push_back({0, Severity::Error,
                           "no scenarios found: a runbook needs headings such as '## Scenario: Database failure' "
                           "followed by numbered steps"});
    return rb;
  }
  if (!any_objective(rb)) {
    rb.problems.push_back({0, Severity::Warning,
                           "no RTO/RPO found: add front matter (environments: prod: { rto: 30m, rpo: 5m }) or an "
                           "'| Environment | RTO | RPO |' table"});
  }
  for (const auto& [name, env] : rb.environments) {
    if (env.rto && !env.rpo) rb.problems.push_back({env.line, Severity::Warning, "environment '" + name + "' has an RTO but no RPO"});
    if (env.rpo && !env.rto) rb.problems.push_back({env.line, Severity::Warning, "environment '" + name + "' has an RPO but no RTO"});
  }
  for (std::size_t i = 0; i < rb.scenarios.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (rb.scenarios[i].title == rb.scenarios[j].title) {
        rb.problems.push_back({rb.scenarios[i].line, Severity::Warning,
                               "scenario title '" + rb.scenarios[i].title + "' is used twice; pick it by number"});
      }
    }
    for (const auto& st : rb.scenarios[i].steps) {
      for (const auto& c : st.commands) {
        if (c.service.empty() || c.operation.empty()) {
          rb.problems.push_back({c.line, Severity::Warning, "'" + c.text + "' names no service and operation"});
        }
      }
    }
  }
  std::stable_sort(rb.problems.begin(), rb.problems.end(), [](const Problem& a, const Problem& b) { return a.line < b.line; });
  return rb;
}

Result<Runbook> load_runbook(const fs::path& path) {
  const auto name = path.string();
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return make_error(name + ": no such file");
  if (fs::is_directory(st)) return make_error(name + ": is a directory, not a runbook file");
  if (!fs::is_regular_file(st)) return make_error(name + ": not a regular file");
  const auto size = fs::file_size(path, ec);
  if (ec) return make_error(name + ": cannot read: " + ec.message());
  if (size > kMaxRunbookBytes) {
    return make_error(name + ": too large for a runbook (" + std::to_string(size / (1024 * 1024)) +
                      " MiB; the limit is 4 MiB)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(name + ": cannot read: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return make_error(name + ": cannot read: " + std::strerror(errno));
  std::string text = ss.str();
  if (trim(text).empty()) return make_error(name + ": empty file: a runbook needs scenarios with numbered steps");
  if (text.find('\0') != std::string::npos) return make_error(name + ": binary file, not a Markdown runbook");
  if (!is_valid_utf8(text)) {
    std::size_t line = 1;
    const auto clean = sanitize_utf8(text);
    const auto bad = clean.find("\xEF\xBF\xBD");
    for (std::size_t i = 0; i < bad && i < clean.size(); ++i) line += clean[i] == '\n';
    return make_error(name + ":" + std::to_string(line) + ": not UTF-8 text: save the runbook as UTF-8");
  }
  if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
  return parse_runbook(text, name);
}

}  // namespace drc::runbook
