#include "cli/lint_command.hpp"

#include <memory>

#include "runbook/loader.hpp"
#include "runbook/runbook_json.hpp"
#include "util/time_format.hpp"

namespace drc::cli {

namespace {

struct LintOptions {
  std::string file;
  bool json = false;
};

std::string objective_text(const std::optional<std::chrono::seconds>& s) { return s ? format_compact(*s) : "?"; }

void print_structure(Context& ctx, const runbook::Runbook& rb) {
  auto& out = ctx.out;
  out << rb.path << ": " << (rb.title.empty() ? "(untitled)" : rb.title) << '\n';
  for (const auto& [name, env] : rb.environments) {
    out << "  objectives " << name << ": RTO " << objective_text(env.rto) << ", RPO " << objective_text(env.rpo);
    if (!env.region.empty()) out << ", region " << env.region;
    if (!env.dr_region.empty()) out << ", DR region " << env.dr_region;
    out << '\n';
  }
  std::size_t steps = 0, commands = 0;
  for (std::size_t i = 0; i < rb.scenarios.size(); ++i) {
    const auto& sc = rb.scenarios[i];
    out << "  scenario " << i + 1 << ": " << sc.title << "  (line " << sc.line;
    if (sc.estimate) out << ", estimate " << runbook::format_range(sc.estimate);
    out << ", " << sc.steps.size() << " steps)\n";
    for (const auto& st : sc.steps) {
      ++steps;
      out << "    " << st.number << ". " << st.title;
      if (st.estimate) out << "  [" << runbook::format_range(st.estimate) << "]";
      out << "  (line " << st.line << ")\n";
      for (const auto& c : st.commands) {
        ++commands;
        out << "         aws " << c.service << ' ' << c.operation << "  (line " << c.line << ")\n";
      }
    }
  }
  std::size_t errors = 0, warnings = 0;
  for (const auto& p : rb.problems) {
    (p.severity == runbook::Severity::Error ? errors : warnings) += 1;
  }
  for (const auto& p : rb.problems) {
    out << rb.path << (p.line > 0 ? ":" + std::to_string(p.line) : std::string()) << ": " << (p.severity == runbook::Severity::Error ? "error" : "warning") << ": "
        << p.message << '\n';
  }
  out << rb.scenarios.size() << " scenarios, " << steps << " steps, " << commands << " aws commands; " << errors
      << " errors, " << warnings << " warnings\n";
}

}  // namespace

void add_lint_command(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<LintOptions>();
  auto* cmd = app.add_subcommand("lint", "Read a runbook and print its structure and problems (FILE:LINE: message)");
  cmd->add_option("runbook", opts->file, "Markdown runbook")->required();
  cmd->add_flag("--json", opts->json, "Print the structure and problems as JSON");
  cmd->callback([&ctx, opts] {
    auto rb = runbook::load_runbook(opts->file);
    if (!rb) {
      if (opts->json) {
        ctx.out << nlohmann::json{{"file", opts->file},
                                  {"objectives", nlohmann::json::object()},
                                  {"scenarios", nlohmann::json::array()},
                                  {"problems", {{{"file", opts->file}, {"line", 0}, {"severity", "error"},
                                                 {"message", rb.error().message}}}}}
                       .dump(2)
                << '\n';
      } else {
        ctx.err << rb.error().message << '\n';
      }
      ctx.exit_code = kFailed;
      return;
    }
    if (opts->json) {
      ctx.out << runbook::to_json(*rb).dump(2) << '\n';
    } else if (rb->scenarios.empty()) {
      // Not a runbook: one line, not a structure of nothing.
      ctx.err << rb->path << ": " << rb->problems.front().message << '\n';
    } else {
      print_structure(ctx, *rb);
    }
    ctx.exit_code = rb->has_errors() ? kFailed : kOk;
  });
}

}  // namespace drc::cli
