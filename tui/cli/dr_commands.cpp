#include "cli/dr_commands.hpp"

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "check/check_run.hpp"
#include "cli/dr_target.hpp"
#include "cli/interrupt_watch.hpp"
#include "inventory/gather.hpp"
#include "inventory/inventory_json.hpp"
#include "util/xdg.hpp"

namespace drc::cli {

namespace {

using std::chrono::seconds;

std::string cell(std::string s, std::size_t width) {
  if (s.size() > width) s = s.substr(0, width - 1) + "~";
  s.resize(width, ' ');
  return s;
}

std::string age_of(Timestamp now, Timestamp t) { return format_age(std::max(seconds{0}, std::chrono::duration_cast<seconds>(now - t))); }

// A terminal without NO_COLOR gets breaches in red and warnings in yellow, as the check report does.
bool want_color(bool json) {
  const char* no_color = std::getenv("NO_COLOR");
  return !json && ::isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

void print_inventory(std::ostream& out, const DrTarget& t, const inventory::Collection& c,
                     const std::vector<inventory::Posture>& posture, Timestamp now, bool color) {
  const auto& inv = c.inventory();
  out << "Backup inventory: " << t.env.name << " (" << t.scope.region;
  if (!t.scope.dr_region.empty()) out << ", DR " << t.scope.dr_region;
  out << "), RPO " << (t.env.rpo ? format_compact(*t.env.rpo) : "not set") << ", " << format_datetime_utc(now) << "\n\n";
  out << "Protected resources\n  " << cell("STATUS", 9) << cell("RESOURCE", 36) << cell("NEWEST POINT", 34) << cell("AGE", 8) << "DR COPY\n";
  for (const auto& p : posture) {
    std::string status(inventory::status_name(p.status));
    if (p.status == inventory::PostureStatus::Breach) status = "BREACH";
    const char* paint = !color ? "" : p.status == inventory::PostureStatus::Breach ? "\x1b[1;31m"
                                    : p.status == inventory::PostureStatus::Warning ? "\x1b[33m" : "";
    out << "  " << paint << cell(status, 9) << (*paint ? "\x1b[0m" : "") << cell(std::string(inventory::kind_name(p.kind)) + " " + p.name, 36)
        << cell(p.newest ? p.newest->what : "none", 34) << cell(p.exposure ? format_age(*p.exposure) : "-", 8)
        << (t.scope.dr_region.empty() ? "-" : p.dr_copy ? "yes" : "no") << '\n';
    if (p.status != inventory::PostureStatus::Ok) out << "           " << p.reason << '\n';
  }
  if (posture.empty()) out << "  (none found)\n";
  out << "\nEverything found (" << inv.resources.size() << ")\n  " << cell("KIND", 16) << cell("NAME", 30) << cell("REGION", 12)
      << cell("STATUS", 22) << cell("POINTS", 8) << "NEWEST\n";
  for (const auto& r : inv.resources) {
    const auto newest = inventory::newest_point(r);
    out << "  " << cell(std::string(inventory::kind_name(r.kind)), 16) << cell(r.name, 30) << cell(r.region, 12) << cell(r.status, 22)
        << cell(std::to_string(r.points.size()), 8) << (newest ? age_of(now, newest->time) + " ago" : "none") << '\n';
  }
  if (!inv.gaps.empty()) {
    out << "\nNo answer or an error\n";
    for (const auto& g : inv.gaps) {
      out << "  " << g.region << " " << g.service << " " << g.operation << ": " << (g.unreachable() ? "unreachable, " : "") << g.code
          << (g.message.empty() ? "" : ": " + g.message) << '\n';
    }
  }
}

void inventory_command(Context& ctx, const DrOptions& o) {
  auto target = open_dr_target(ctx, o);
  if (!target) return;
  // The queue outlives the cloud, so an answer after a deadline lands somewhere harmless.
  cloud::ResultQueue queue;
  inventory::Collection collection(target->scope);
  {
    auto cloud = std::move(target->cloud);
    inventory::gather(*cloud, queue, collection, ctx.clock);
  }
  const auto now = ctx.clock.now();
  const auto posture = inventory::assess(collection.inventory(), target->scope, target->env.rpo, now);
  if (o.json) {
    auto j = inventory::inventory_json(collection, posture);
    j["env"] = target->env.name;
    j["rpo_s"] = target->env.rpo ? nlohmann::json(target->env.rpo->count()) : nlohmann::json(nullptr);
    j["at"] = format_iso8601(now);
    ctx.out << j.dump(2) << '\n';
  } else {
    print_inventory(ctx.out, *target, collection, posture, now, want_color(o.json));
  }
  for (const auto& g : collection.inventory().gaps) {
    if (g.unreachable()) {
      ctx.exit_code = kFailed;  // the inventory is incomplete: say so to a script
      break;
    }
  }
}

struct CheckOptions {
  DrOptions dr;
  std::string type = "backup", report_dir, confirm, scenario;
  bool execute = false;
  bool keep_snapshots = false;
  double poll_s = 5;
};

// The runbook's time for the recovery: the chosen scenario's estimate (or its steps' added up), else the
// longest scenario's, the worst case.
check::RecoveryTime recovery_time(const runbook::Runbook& rb, const runbook::Environment& env, const std::string& scenario) {
  check::RecoveryTime t;
  t.rto = env.rto;
  auto estimate_of = [](const runbook::Scenario& s) -> std::optional<runbook::DurationRange> {
    if (s.estimate) return s.estimate;
    runbook::DurationRange sum;
    bool any = false;
    for (const auto& st : s.steps) {
      if (!st.estimate) continue;
      sum.min += st.estimate->min;
      sum.max += st.estimate->max;
      any = true;
    }
    return any ? std::optional(sum) : std::nullopt;
  };
  if (!scenario.empty()) {
    if (auto s = runbook::select_scenario(rb, scenario)) {
      t.estimate = estimate_of(**s);
      t.scenario = (*s)->title;
    }
    return t;
  }
  for (const auto& s : rb.scenarios) {
    auto e = estimate_of(s);
    if (e && (!t.estimate || e->max > t.estimate->max)) {
      t.estimate = e;
      t.scenario = s.title + ", the longest scenario";
    }
  }
  return t;
}

// Asks on the terminal; a Ctrl-C (the watch's flag) or end of input is a no. Reads with poll() so the
// flag is heard while the operator has typed nothing.
bool confirmed_interactively(Context& ctx, const std::string& env, const std::atomic<bool>& interrupted) {
  if (!::isatty(STDIN_FILENO)) return false;
  ctx.err << "This check changes things in " << env << ". Type the environment's name (" << env << ") to go on: " << std::flush;
  std::string line;
  for (;;) {
    if (interrupted) return false;
    pollfd in{STDIN_FILENO, POLLIN, 0};
    if (::poll(&in, 1, 200) <= 0) continue;
    char c = 0;
    if (::read(STDIN_FILENO, &c, 1) != 1) return false;
    if (c == '\n') break;
    if (line.size() < 256) line.push_back(c);
  }
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  return line == env;
}

void check_command(Context& ctx, const CheckOptions& o) {
  const auto type = check::parse_check_type(o.type);
  if (!type) return ctx.fail("--type must be backup, snapshot, pitr or full (got '" + o.type + "')", kUsage);
  if (o.execute && *type != check::CheckType::Full) return ctx.fail("--execute goes with --type full", kUsage);
  const bool writes = *type == check::CheckType::Snapshot || o.execute;
  // Before the cloud's thread starts, so that thread inherits the blocked signals and Ctrl-C reaches the watch.
  InterruptWatch watch(writes ? "interrupted: finishing up and deleting temporary copies" : "interrupted: finishing up");
  auto target = open_dr_target(ctx, o.dr);
  if (!target) return;
  const auto& env = target->env;
  const bool prod = runbook::is_production(env);
  if (o.execute && prod) {
    return ctx.fail("--execute restores temporary copies and is for non-production environments only; "
                    "without --execute the full check is a dry run, safe in production",
                    kUsage);
  }
  if (!o.scenario.empty()) {
    if (auto s = runbook::select_scenario(target->rb, o.scenario); !s) return ctx.fail(s.error().message, kUsage);
  }
  check::WritePermission permission;
  if (writes && !prod) {
    permission.allowed = true;
  } else if (writes) {
    if (!o.confirm.empty()) {
      permission.allowed = o.confirm == env.name || o.confirm == o.dr.env;
      if (!permission.allowed) permission.why_not = "--confirm " + o.confirm + " does not name this environment (" + env.name + ")";
    } else {
      permission.allowed = !o.dr.json && confirmed_interactively(ctx, env.name, watch.interrupted());
      if (!permission.allowed) {
        permission.why_not = "production is read-only for check; to create snapshots in " + env.name + ", confirm with --confirm " + env.name;
      }
    }
  } else {
    permission.why_not = "the " + o.type + " check only reads";
  }

  check::CheckRequest req;
  req.type = *type;
  req.env = env.name;
  req.scope = target->scope;
  req.targets = {env.rpo, env.backup_retention};
  req.recovery_time = recovery_time(target->rb, env, o.scenario);
  req.execute = o.execute;
  req.keep_snapshots = o.keep_snapshots;
  // A write is not retried blind: give it longer to answer than a read before calling it lost.
  req.wait.call_timeout = std::max<std::chrono::milliseconds>(target->scope.timeout, std::chrono::seconds{60});
  req.wait.poll_every = std::chrono::milliseconds(static_cast<long long>(std::llround(o.poll_s * 1000)));

  req.wait.interrupted = &watch.interrupted();
  cloud::ResultQueue queue;
  check::CheckReport report;
  {
    auto cloud = std::move(target->cloud);
    auto access = cloud->access_of();
    report = check::run_check(*cloud, queue, access, permission, req, ctx.clock,
                              [&ctx](const std::string& w) { ctx.err << "drconsole: write: " << w << '\n'; });
  }
  const bool color = want_color(o.dr.json);
  if (o.dr.json) {
    ctx.out << check::report_json(report).dump(2) << '\n';
  } else {
    ctx.out << check::report_text(report, color);
  }
  std::filesystem::path dir = o.report_dir;
  if (dir.empty()) {
    auto state = state_dir();
    if (!state) {
      ctx.err << "drconsole: the report was not saved: " << state.error().message << '\n';
    } else {
      dir = *state / "checks";
    }
  }
  if (!dir.empty()) {
    if (auto made = make_private_dir(dir); !made) {
      ctx.err << "drconsole: the report was not saved: " << made.error().message << '\n';
    } else if (auto saved = check::save_report(report, dir); !saved) {
      ctx.err << "drconsole: the report was not saved: " << saved.error().message << '\n';
    } else {
      (o.dr.json ? ctx.err : ctx.out) << "saved in " << saved->string() << '\n';
    }
  }
  if (report.failed()) ctx.exit_code = kFailed;
}

}  // namespace

void add_dr_commands(CLI::App& app, Context& ctx) {
  auto inv = std::make_shared<DrOptions>();
  auto* i = app.add_subcommand("inventory", "The backup inventory and RPO posture of an environment, without the TUI");
  add_dr_options(*i, *inv);
  i->footer("Exit status: 0 when every region answered, 1 when one did not (the inventory is incomplete), 2 for usage errors.");
  i->callback([&ctx, inv] { inventory_command(ctx, *inv); });

  auto chk = std::make_shared<CheckOptions>();
  auto* c = app.add_subcommand("check", "The DR test suite: backup, snapshot, pitr or full, run concurrently");
  add_dr_options(*c, chk->dr);
  c->add_option("--type,-t", chk->type, "backup, snapshot, pitr or full")->capture_default_str();
  c->add_option("--report-dir", chk->report_dir, "Where runs are saved (default: $XDG_STATE_HOME/drconsole/checks)");
  c->add_option("--confirm", chk->confirm, "The environment's name: lets snapshot write in production without asking");
  c->add_flag("--keep-snapshots", chk->keep_snapshots, "snapshot: keep the snapshots it takes (they are deleted once seen available)");
  c->add_flag("--execute", chk->execute, "full: really restore temporary copies, time them, delete them (non-production only)");
  c->add_option("--scenario,-s", chk->scenario, "The runbook scenario whose estimate is held against the RTO (default: the longest)");
  c->add_option("--poll", chk->poll_s, "Seconds between status polls while waiting for a snapshot or restore")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 600.0));
  c->footer("Exit status: 0 when nothing failed, 1 when a check failed, 2 for usage errors.");
  c->callback([&ctx, chk] { check_command(ctx, *chk); });
}

}  // namespace drc::cli
