#include "cli/incident_commands.hpp"

#include <filesystem>

#include "cli/declare.hpp"
#include "cli/status_text.hpp"
#include "report/describe_event.hpp"
#include "report/status.hpp"
#include "report/timeline_export.hpp"

namespace drc::cli {

namespace {

using incident::Command;
using incident::Mode;

struct Target {
  std::optional<std::string> incident;
  bool json = false;
};

void add_target_options(CLI::App* cmd, Target& t) {
  cmd->add_option("--incident,-i", t.incident, "Incident id (default: the single open incident)");
  cmd->add_flag("--json", t.json, "Print the events written as JSON");
}

// Opens the incident, runs one command through the engine, and reports what was written.
void run_command(Context& ctx, const Target& t, const Command& command) {
  auto engine = ctx.open_incident(t.incident, Mode::Commander);
  if (!engine) return ctx.fail(engine.error().message);
  auto written = (*engine)->execute(command);
  if (!written) return ctx.fail(written.error().message);
  if (t.json) {
    ctx.out << report::timeline_json(*written)["events"].dump() << '\n';
  } else {
    for (const auto& e : *written) {
      ctx.out << (*engine)->state().id << " #" << e.seq << ": " << report::describe_event(e, (*engine)->state()) << '\n';
    }
  }
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// "-" reads the text from standard input, so a pager hook can pipe an alert body in.
std::string text_arg(const std::vector<std::string>& words) {
  if (words.size() == 1 && words.front() == "-") {
    std::string text;
    char buf[4096];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      text.append(buf, static_cast<std::size_t>(std::cin.gcount()));
      if (text.size() > incident::kMaxTextBytes + 1) break;  // the engine refuses it with a clear message
    }
    return text;
  }
  return joined(words);
}

void add_declare(CLI::App& app, Context& ctx) {
  struct Opts {
    std::string runbook, scenario, env, severity = "P1", commander;
    bool json = false, drill = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("declare", "Declare an incident from a runbook scenario; prints the incident id");
  cmd->add_option("runbook", o->runbook, "Markdown runbook")->required();
  cmd->add_option("--scenario,-s", o->scenario, "Scenario number or title (may be omitted if there is only one)");
  cmd->add_option("--env,-e", o->env, "Environment, e.g. prod (matched against the runbook's objectives)")->required();
  cmd->add_option("--severity", o->severity, "P1..P5 or SEV1..SEV5")->capture_default_str();
  cmd->add_option("--commander", o->commander, "Incident commander (default: whoever declares)");
  cmd->add_flag("--drill", o->drill, "Mark the incident as a drill");
  cmd->add_flag("--json", o->json, "Print the new incident's status as JSON");
  cmd->callback([&ctx, o] {
    auto rb = load_for_incident(o->runbook);
    if (!rb) return ctx.fail(rb.error().message);
    if (o->scenario.empty()) {
      if (rb->scenarios.size() != 1) {
        std::string list;
        for (std::size_t i = 0; i < rb->scenarios.size(); ++i) {
          list += "\n  " + std::to_string(i + 1) + ". " + rb->scenarios[i].title;
        }
        return ctx.fail("the runbook has " + std::to_string(rb->scenarios.size()) +
                            " scenarios; choose one with --scenario N:" + list,
                        kUsage);
      }
      o->scenario = "1";
    }
    auto engine = declare_incident(ctx, *rb, {o->scenario, o->env, o->severity, o->commander, o->drill});
    if (!engine) return ctx.fail(engine.error().message);
    if (o->json) {
      ctx.out << report::status_json((*engine)->state(), ctx.clock.now()).dump(2) << '\n';
    } else {
      ctx.out << (*engine)->state().id << '\n';
    }
  });
}

void add_step(CLI::App& app, Context& ctx) {
  struct Opts {
    Target t;
    std::string action;
    int number = 0;
    std::string reason, note;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("step", "Move a step: start, complete, skip (needs --reason) or fail");
  cmd->add_option("action", o->action, "start | complete | skip | fail")
      ->required()
      ->check(CLI::IsMember({"start", "complete", "skip", "fail"}));
  cmd->add_option("number", o->number, "Step number")->required()->check(CLI::PositiveNumber);
  cmd->add_option("--reason,-r", o->reason, "Why the step was skipped or failed");
  cmd->add_option("--note", o->note, "A note on completion");
  add_target_options(cmd, o->t);
  cmd->callback([&ctx, o] {
    if (o->action == "skip" && o->reason.empty()) {
      return ctx.fail("skipping step " + std::to_string(o->number) + " needs a reason: --reason TEXT", kUsage);
    }
    Command c = incident::StartStep{o->number};
    if (o->action == "complete") c = incident::CompleteStep{o->number, o->note};
    if (o->action == "skip") c = incident::SkipStep{o->number, o->reason};
    if (o->action == "fail") c = incident::FailStep{o->number, o->reason};
    run_command(ctx, o->t, c);
  });
}

template <class MakeCommand>
void add_text_command(CLI::App& app, Context& ctx, const char* name, const char* help, MakeCommand make) {
  struct Opts {
    Target t;
    std::vector<std::string> words;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand(name, help);
  cmd->add_option("text", o->words, "The text ('-' reads it from standard input)")->required();
  add_target_options(cmd, o->t);
  cmd->callback([&ctx, o, make] { run_command(ctx, o->t, make(text_arg(o->words))); });
}

void add_update(CLI::App& app, Context& ctx) {
  struct Opts {
    Target t;
    std::string channel;
    std::vector<std::string> words;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("update", "Record that a status update was sent (resets the next-update timer)");
  cmd->alias("comms");
  cmd->add_option("text", o->words, "What was said (optional; '-' reads standard input)");
  cmd->add_option("--channel,-c", o->channel, "Where it went, e.g. #incidents or statuspage");
  add_target_options(cmd, o->t);
  cmd->callback([&ctx, o] { run_command(ctx, o->t, incident::RecordComms{o->channel, text_arg(o->words)}); });
}

void add_role(CLI::App& app, Context& ctx) {
  struct Opts {
    Target t;
    std::string role, person;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("role", "Assign a role, e.g. 'drconsole role scribe bob'");
  cmd->add_option("role", o->role, "Role: commander, scribe, comms, ops, ...")->required();
  cmd->add_option("person", o->person, "Who takes it")->required();
  add_target_options(cmd, o->t);
  cmd->callback([&ctx, o] { run_command(ctx, o->t, incident::AssignRole{o->role, o->person}); });
}

void add_resolve(CLI::App& app, Context& ctx) {
  struct Opts {
    Target t;
    std::string summary;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("resolve", "Resolve the incident; its timeline takes no further changes");
  cmd->add_option("--summary", o->summary, "How it was resolved");
  add_target_options(cmd, o->t);
  cmd->callback([&ctx, o] { run_command(ctx, o->t, incident::Resolve{o->summary}); });
}

void add_status(CLI::App& app, Context& ctx) {
  struct Opts {
    std::optional<std::string> incident;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("status", "Steps, RTO remaining, RPO target and next update due");
  cmd->add_option("--incident,-i", o->incident, "Incident id (default: the single open incident)");
  cmd->add_flag("--json", o->json, "Print as JSON");
  cmd->callback([&ctx, o] {
    auto engine = ctx.open_incident(o->incident, Mode::WarRoom);
    if (!engine) return ctx.fail(engine.error().message);
    const auto now = ctx.clock.now();
    if (o->json) {
      ctx.out << report::status_json((*engine)->state(), now).dump(2) << '\n';
    } else {
      print_status(ctx.out, (*engine)->state(), now);
    }
  });
}

void add_incidents(CLI::App& app, Context& ctx) {
  struct Opts {
    bool json = false, open_only = false;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = app.add_subcommand("incidents", "List incidents, oldest first");
  cmd->add_flag("--json", o->json, "Print as JSON");
  cmd->add_flag("--open", o->open_only, "Only open incidents");
  cmd->callback([&ctx, o] {
    auto store = ctx.store();
    if (!store) return ctx.fail(store.error().message);
    auto all = store->list();
    if (!all) return ctx.fail(all.error().message);
    std::vector<timeline::IncidentSummary> shown;
    for (auto& i : *all) {
      if (!o->open_only || (i.problem.empty() && !i.state.resolved())) shown.push_back(std::move(i));
    }
    if (!o->json) return print_incident_list(ctx.out, shown);
    nlohmann::json arr = nlohmann::json::array();
    const auto now = ctx.clock.now();
    for (const auto& i : shown) {
      if (!i.problem.empty()) {
        arr.push_back({{"incident", i.id}, {"status", "damaged"}, {"problem", i.problem}, {"path", i.path.string()}});
      } else {
        auto j = report::status_json(i.state, now);
        j["path"] = i.path.string();
        arr.push_back(std::move(j));
      }
    }
    ctx.out << arr.dump(2) << '\n';
  });
}

}  // namespace

void add_incident_commands(CLI::App& app, Context& ctx) {
  add_declare(app, ctx);
  add_step(app, ctx);
  add_text_command(app, ctx, "note", "Add a note to the timeline",
                   [](std::string text) -> Command { return incident::AddNote{std::move(text)}; });
  add_text_command(app, ctx, "decision", "Record a decision and its reasoning",
                   [](std::string text) -> Command { return incident::RecordDecision{std::move(text)}; });
  add_update(app, ctx);
  add_role(app, ctx);
  add_resolve(app, ctx);
  add_status(app, ctx);
  add_incidents(app, ctx);
}

}  // namespace drc::cli
