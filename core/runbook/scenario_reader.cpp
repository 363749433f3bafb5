#include "runbook/scenario_reader.hpp"

#include <algorithm>
#include <optional>

#include "runbook/aws_command_line.hpp"
#include "runbook/heading_patterns.hpp"
#include "util/text.hpp"

namespace drc::runbook {

namespace {

using Kind = MdNode::Kind;

const std::initializer_list<std::string_view> kStepLabels{
    "recovery steps", "steps", "response", "procedure", "recovery procedure", "actions", "remediation",
    "resolution steps", "runbook", "recovery", "mitigation", "failover steps", "restore steps"};
const std::initializer_list<std::string_view> kDetectionLabels{
    "detection", "symptoms", "symptom", "trigger", "triggers", "indicators", "signs", "alerts", "when to use"};
const std::initializer_list<std::string_view> kEstimateLabels{
    "estimated time", "expected duration", "estimated duration", "estimated recovery time", "time to recover",
    "time estimate", "expected time", "duration", "eta", "estimate", "time"};

bool is_label_heading(const MdNode& n) {
  if (n.kind != Kind::Heading) return false;
  auto t = to_lower(trim(n.text));
  if (!t.empty() && t.back() == ':') t.pop_back();
  return std::find(kStepLabels.begin(), kStepLabels.end(), t) != kStepLabels.end();
}

bool is_step_label(const MdNode& n) {
  if (n.kind == Kind::Heading) return is_label_heading(n);
  if (n.kind != Kind::Paragraph) return false;
  auto rest = labelled(n.text, kStepLabels);
  return rest.has_value() && rest->empty();
}

bool is_other_label(const MdNode& n) {
  return n.kind == Kind::Paragraph && !n.text.empty() && n.text.back() == ':' && !is_step_label(n);
}

std::string dedented_lines(const std::vector<std::string_view>& lines, int from, int to) {
  if (from < 1) from = 1;
  if (to > static_cast<int>(lines.size())) to = static_cast<int>(lines.size());
  while (from <= to && trim(lines[static_cast<std::size_t>(from - 1)]).empty()) ++from;
  while (to >= from && trim(lines[static_cast<std::size_t>(to - 1)]).empty()) --to;
  if (from > to) return {};
  std::size_t indent = std::string::npos;
  for (int l = from; l <= to; ++l) {
    const auto line = lines[static_cast<std::size_t>(l - 1)];
    if (trim(line).empty()) continue;
    indent = std::min(indent, line.find_first_not_of(" \t"));
  }
  std::string out;
  for (int l = from; l <= to; ++l) {
    auto line = lines[static_cast<std::size_t>(l - 1)];
    out.append(line.size() > indent ? line.substr(indent) : std::string_view());
    if (l < to) out.push_back('\n');
  }
  return out;
}

class StepBuilder {
 public:
  // Collects code, commands and an "Estimated time:" line from the blocks of one step.
  void absorb(const MdNode& n, Step& step) {
    switch (n.kind) {
      case Kind::CodeBlock: {
        const int first = n.fenced ? n.start_line + 1 : n.start_line;
        step.code.push_back({n.start_line, n.info, n.literal});
        const auto lang = to_lower(n.info);
        if (lang != "json" && lang != "yaml" && lang != "yml" && lang != "sql" && lang != "hcl" && lang != "python" &&
            lang != "markdown" && lang != "md") {
          for (auto& c : find_aws_commands(n.literal, first)) step.commands.push_back(std::move(c));
        }
        return;
      }
      case Kind::Paragraph:
      case Kind::Heading:
        for (const auto& code : n.inline_code) {
          if (code.starts_with("aws ")) {
            for (auto& c : find_aws_commands(code, n.start_line)) step.commands.push_back(std::move(c));
          }
        }
        if (!step.estimate) {
          if (auto rest = labelled(n.text, kEstimateLabels)) step.estimate = parse_duration_range(*rest);
        }
        return;
      default:
        for (const auto& c : n.children) absorb(c, step);
        return;
    }
  }

  void set_title(Step& step, std::string title) {
    while (!title.empty() && (title.back() == ':' || title.back() == ' ')) title.pop_back();
    if (title.ends_with('.') && !title.ends_with("..")) title.pop_back();
    if (auto est = find_trailing_estimate(title)) {
      step.estimate = est->range;
      title = std::string(trim(std::string_view(title).substr(0, est->paren_pos)));
      while (!title.empty() && (title.back() == ':' || title.back() == ' ' || title.back() == '-')) title.pop_back();
    }
    step.title = std::move(title);
  }
};

class ScenarioReader {
 public:
  ScenarioReader(const std::vector<std::string_view>& lines, Runbook& rb) : lines_(lines), rb_(rb) {}

  void read(const std::vector<const MdNode*>& blocks) {
    std::vector<std::size_t> heads;
    std::vector<std::string> titles;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i]->kind != Kind::Heading) continue;
      if (auto t = scenario_title(blocks[i]->text)) {
        heads.push_back(i);
        titles.push_back(*t);
      }
    }
    if (heads.empty()) {
      read_untitled(blocks);
      return;
    }
    for (std::size_t k = 0; k < heads.size(); ++k) {
      const auto h = heads[k];
      std::size_t end = h + 1;
      while (end < blocks.size() && !(blocks[end]->kind == Kind::Heading && blocks[end]->level <= blocks[h]->level) &&
             (k + 1 >= heads.size() || end < heads[k + 1])) {
        ++end;
      }
      add_scenario(*blocks[h], titles[k], blocks, h + 1, end);
    }
  }

 private:
  // No "Scenario" headings: a heading whose own section (up to the next heading, "Steps" headings aside)
  // holds steps is taken as a scenario, so "## Database failover" + "### Steps" + a numbered list reads.
  void read_untitled(const std::vector<const MdNode*>& blocks) {
    for (std::size_t h = 0; h < blocks.size(); ++h) {
      if (blocks[h]->kind != Kind::Heading || is_label_heading(*blocks[h]) || step_heading(blocks[h]->text)) continue;
      std::size_t end = h + 1;
      while (end < blocks.size() && !(blocks[end]->kind == Kind::Heading && blocks[end]->level <= blocks[h]->level)) {
        if (blocks[end]->kind == Kind::Heading && !is_label_heading(*blocks[end]) && !step_heading(blocks[end]->text)) break;
        ++end;
      }
      bool has_steps = false;
      for (std::size_t i = h + 1; i < end; ++i) {
        if (is_step_label(*blocks[i]) || (blocks[i]->kind == Kind::Heading && step_heading(blocks[i]->text))) {
          has_steps = true;
        }
      }
      if (has_steps) add_scenario(*blocks[h], blocks[h]->text, blocks, h + 1, end);
    }
  }

  void add_scenario(const MdNode& heading, std::string title, const std::vector<const MdNode*>& blocks,
                    std::size_t begin, std::size_t end) {
    Scenario sc;
    sc.line = heading.start_line;
    if (auto est = find_trailing_estimate(title)) {
      sc.estimate = est->range;
      title = std::string(trim(std::string_view(title).substr(0, est->paren_pos)));
    }
    sc.title = title;
    read_facts(sc, blocks, begin, end);
    if (!read_heading_steps(sc, blocks, begin, end) && !read_list_steps(sc, blocks, begin, end)) {
      read_paragraph_steps(sc, blocks, begin, end);
    }
    check_numbering(sc);
    if (sc.steps.empty()) {
      rb_.problems.push_back({sc.line, Severity::Warning,
                              "scenario '" + sc.title + "' has no steps: add a numbered list or '#### Step 1: ...' headings"});
    }
    rb_.scenarios.push_back(std::move(sc));
  }

  // Detection text and the scenario's estimated time.
  void read_facts(Scenario& sc, const std::vector<const MdNode*>& blocks, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) {
      const MdNode& n = *blocks[i];
      if (n.kind != Kind::Paragraph) continue;
      if (sc.detection.empty()) {
        if (auto rest = labelled(n.text, kDetectionLabels)) {
          sc.detection = rest->empty() && i + 1 < end ? list_text(*blocks[i + 1]) : *rest;
          continue;
        }
      }
      if (!sc.estimate) {
        if (auto rest = labelled(n.text, kEstimateLabels)) {
          if (!rest->empty()) {
            sc.estimate = parse_duration_range(*rest);
          } else if (i + 1 < end && blocks[i + 1]->kind == Kind::List) {
            sc.estimate = combined_estimate(*blocks[i + 1]);
          }
          if (!sc.estimate) {
            rb_.problems.push_back({n.start_line, Severity::Warning,
                                    "could not read the estimated time '" + n.text +
                                        "': write it like '30-60 minutes' or '1h30m'"});
          }
        }
      }
    }
  }

  static std::string list_text(const MdNode& list) {
    if (list.kind != Kind::List) return {};
    std::string out;
    for (const auto& item : list.children) {
      for (const auto& c : item.children) {
        if (c.kind == Kind::Paragraph) out += (out.empty() ? "" : "; ") + c.text;
      }
    }
    return out;
  }

  // "- Start instance: 15-30 minutes" / "- Restore: 30-60 minutes" gives 15m..60m.
  static std::optional<DurationRange> combined_estimate(const MdNode& list) {
    std::optional<DurationRange> total;
    for (const auto& item : list.children) {
      for (const auto& c : item.children) {
        if (c.kind != Kind::Paragraph) continue;
        const auto colon = c.text.find(':');
        auto r = parse_duration_range(colon == std::string::npos ? c.text : c.text.substr(colon + 1));
        if (!r) continue;
        if (!total) {
          total = r;
        } else {
          total->min = std::min(total->min, r->min);
          total->max = std::max(total->max, r->max);
        }
      }
    }
    return total;
  }

  bool read_heading_steps(Scenario& sc, const std::vector<const MdNode*>& blocks, std::size_t begin, std::size_t end) {
    bool any = false;
    for (std::size_t i = begin; i < end; ++i) {
      const MdNode& h = *blocks[i];
      if (h.kind != Kind::Heading) continue;
      auto sh = step_heading(h.text);
      if (!sh) continue;
      any = true;
      Step st;
      st.number = sh->number;
      st.line = h.start_line;
      steps_.set_title(st, sh->title.empty() ? "Step " + std::to_string(sh->number) : sh->title);
      std::size_t j = i + 1;
      while (j < end && !(blocks[j]->kind == Kind::Heading && blocks[j]->level <= h.level)) {
        steps_.absorb(*blocks[j], st);
        ++j;
      }
      if (j > i + 1) st.body = dedented_lines(lines_, blocks[i + 1]->start_line, blocks[j - 1]->end_line);
      sc.steps.push_back(std::move(st));
    }
    return any;
  }

  bool read_list_steps(Scenario& sc, const std::vector<const MdNode*>& blocks, std::size_t begin, std::size_t end) {
    std::optional<std::size_t> chosen;
    for (std::size_t i = begin; i < end && !chosen; ++i) {
      if (blocks[i]->kind == Kind::List && blocks[i]->ordered && i > begin && is_step_label(*blocks[i - 1])) chosen = i;
    }
    for (std::size_t i = begin; i < end && !chosen; ++i) {
      if (blocks[i]->kind == Kind::List && blocks[i]->ordered && !(i > begin && is_other_label(*blocks[i - 1]))) chosen = i;
    }
    if (!chosen) return false;
    Step* last = nullptr;
    int next_number = blocks[*chosen]->list_start;
    for (std::size_t i = *chosen; i < end; ++i) {
      const MdNode& n = *blocks[i];
      if (n.kind == Kind::List && n.ordered && (i == *chosen || n.list_start == next_number)) {
        int number = n.list_start;
        for (const auto& item : n.children) {
          sc.steps.push_back(item_step(item, number++));
        }
        next_number = number;
        last = &sc.steps.back();
      } else if (n.kind == Kind::Heading || is_step_label(n) || labelled(n.text, kEstimateLabels) ||
                 (n.kind == Kind::List && n.ordered)) {
        break;
      } else if (last != nullptr && (n.kind == Kind::CodeBlock || n.kind == Kind::Paragraph || n.kind == Kind::List ||
                                     n.kind == Kind::BlockQuote)) {
        // A block between "1." and "2." written at the margin still belongs to step 1.
        if (i + 1 < end && blocks[i + 1]->kind == Kind::List && blocks[i + 1]->ordered &&
            blocks[i + 1]->list_start == next_number) {
          steps_.absorb(n, *last);
          last->body += (last->body.empty() ? "" : "\n\n") + dedented_lines(lines_, n.start_line, n.end_line);
        } else if (n.kind == Kind::CodeBlock) {
          steps_.absorb(n, *last);
          last->body += (last->body.empty() ? "" : "\n\n") + dedented_lines(lines_, n.start_line, n.end_line);
        } else {
          break;
        }
      }
    }
    return true;
  }

  Step item_step(const MdNode& item, int number) {
    Step st;
    st.number = number;
    st.line = item.start_line;
    int body_from = item.start_line + 1;
    if (!item.children.empty() && item.children.front().kind == Kind::Paragraph) {
      const auto& first = item.children.front();
      steps_.set_title(st, first.text);
      body_from = first.end_line + 1;
    } else {
      st.title = "Step " + std::to_string(number);
    }
    for (const auto& c : item.children) steps_.absorb(c, st);
    st.body = dedented_lines(lines_, body_from, item.end_line);
    return st;
  }

  void read_paragraph_steps(Scenario& sc, const std::vector<const MdNode*>& blocks, std::size_t begin, std::size_t end) {
    Step* current = nullptr;
    int body_from = 0;
    auto close = [&](int to) {
      if (current) current->body = dedented_lines(lines_, body_from, to);
    };
    for (std::size_t i = begin; i < end; ++i) {
      const MdNode& n = *blocks[i];
      if (n.kind == Kind::Paragraph) {
        auto sh = step_heading(n.text.substr(0, std::min<std::size_t>(n.text.size(), kMaxLabelLength)));
        if (sh && istarts_with(n.text, "step")) {
          close(n.start_line - 1);
          Step st;
          st.number = sh->number;
          st.line = n.start_line;
          steps_.set_title(st, sh->title.empty() ? "Step " + std::to_string(sh->number) : sh->title);
          steps_.absorb(n, st);
          sc.steps.push_back(std::move(st));
          current = &sc.steps.back();
          body_from = n.end_line + 1;
          continue;
        }
      }
      if (current) steps_.absorb(n, *current);
    }
    if (current && end > begin) close(blocks[end - 1]->end_line);
  }

  void check_numbering(const Scenario& sc) {
    for (std::size_t i = 1; i < sc.steps.size(); ++i) {
      if (sc.steps[i].number != sc.steps[i - 1].number + 1) {
        rb_.problems.push_back({sc.steps[i].line, Severity::Warning,
                                "step numbers go from " + std::to_string(sc.steps[i - 1].number) + " to " +
                                    std::to_string(sc.steps[i].number) + " in scenario '" + sc.title + "'"});
      }
    }
  }

  const std::vector<std::string_view>& lines_;
  Runbook& rb_;
  StepBuilder steps_;
};

}  // namespace

void read_scenarios(const MdNode& document, const std::vector<std::string_view>& lines, Runbook& rb) {
  std::vector<const MdNode*> blocks;
  blocks.reserve(document.children.size());
  for (const auto& c : document.children) blocks.push_back(&c);
  ScenarioReader(lines, rb).read(blocks);
}

}  // namespace drc::runbook
