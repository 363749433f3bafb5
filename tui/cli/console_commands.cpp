#include "cli/console_commands.hpp"

#include <cstdlib>
#include <unistd.h>

#include "cli/console_cloud.hpp"
#include "actions/prepared_action.hpp"
#include "cli/declare.hpp"
#include "cloud/sim_cloud.hpp"
#include "console/console_loop.hpp"
#include "incident/declaration.hpp"
#include "runbook/loader.hpp"
#include "theme_loader.hpp"

namespace drc::cli {

namespace {

struct ConsoleOpts {
  std::string runbook, scenario, env, severity = "P1", commander, theme = "dark";
  std::optional<std::string> incident;
  bool drill = false;
};

// NO_COLOR (any value) turns colour off, whatever theme was asked for.
Result<ui::Theme> choose_theme(const std::string& name, bool& color) {
  const char* no_color = std::getenv("NO_COLOR");
  color = !(no_color && *no_color);
  if (!color) return ui::monochrome_theme();
  return tui::find_theme(name, tui::theme_folders());
}

// The scenario's step texts for an incident being resumed: from the runbook it was declared from.
std::optional<runbook::Runbook> runbook_of(Context& ctx, const incident::IncidentState& st, const std::string& given) {
  auto rb = runbook::load_runbook(given.empty() ? st.runbook_path : given);
  if (!rb) {
    ctx.err << "drconsole: note: " << rb.error().message << "; the console shows step titles only\n";
    return std::nullopt;
  }
  if (rb->sha256 != st.runbook_sha256) {
    ctx.err << "drconsole: note: " << rb->path << " changed since the incident was declared; step texts are today's\n";
  }
  return std::move(rb).value();
}

const runbook::Scenario* scenario_of(const std::optional<runbook::Runbook>& rb, const incident::IncidentState& st) {
  if (!rb || st.scenario_number < 1 || static_cast<std::size_t>(st.scenario_number) > rb->scenarios.size()) return nullptr;
  const auto& sc = rb->scenarios[static_cast<std::size_t>(st.scenario_number - 1)];
  return sc.title == st.scenario_title ? &sc : nullptr;
}

void run(Context& ctx, const ConsoleOpts& o, bool read_only) {
  if (!::isatty(STDIN_FILENO) || !::isatty(STDOUT_FILENO)) {
    return ctx.fail("the console needs a terminal; for scripts use 'drconsole status', 'step' and 'note'", kUsage);
  }
  bool color = true;
  auto theme = choose_theme(o.theme, color);
  if (!theme) return ctx.fail(theme.error().message, kUsage);

  std::unique_ptr<incident::Engine> engine;
  std::optional<runbook::Runbook> rb;
  std::unique_ptr<tui::Screen> screen;
  if (o.incident || read_only) {
    auto opened = ctx.open_incident(o.incident, read_only ? incident::Mode::WarRoom : incident::Mode::Commander);
    if (!opened) return ctx.fail(opened.error().message);
    engine = std::move(opened).value();
    rb = runbook_of(ctx, engine->state(), o.runbook);
  } else {
    if (o.runbook.empty()) return ctx.fail("name a runbook to declare from, or --incident ID to resume", kUsage);
    if (o.env.empty()) return ctx.fail("name the environment with --env, e.g. --env prod", kUsage);
    auto loaded = load_for_incident(o.runbook);
    if (!loaded) return ctx.fail(loaded.error().message);
    rb = std::move(loaded).value();
    // Check the environment and severity before anything else, so a typo is a plain message and never
    // costs the operator a trip through the scenario picker. (A scenario with steps stands in until one is
    // chosen.)
    std::string stand_in = o.scenario;
    for (std::size_t i = 0; stand_in.empty() && i < rb->scenarios.size(); ++i) {
      if (!rb->scenarios[i].steps.empty()) stand_in = std::to_string(i + 1);
    }
    incident::DeclarationRequest probe{"", stand_in.empty() ? "1" : stand_in, o.env, o.severity, "x", "commander"};
    if (auto plan = incident::plan_declaration(*rb, probe); !plan) return ctx.fail(plan.error().message);
    auto scenario = o.scenario;
    if (scenario.empty() && rb->scenarios.size() > 1) {
      auto s = tui::Screen::open(*theme, color);
      if (!s) return ctx.fail(s.error().message);
      screen = std::move(s).value();
      auto picked = tui::pick_scenario(*screen, *rb);
      if (!picked) {
        screen.reset();
        return ctx.fail("no scenario chosen; nothing was declared");
      }
      scenario = std::to_string(*picked + 1);
    }
    if (scenario.empty()) scenario = "1";
    auto declared = declare_incident(ctx, *rb, {scenario, o.env, o.severity, o.commander, o.drill});
    if (!declared) {
      screen.reset();
      return ctx.fail(declared.error().message);
    }
    engine = std::move(declared).value();
  }
  if (!screen) {
    auto s = tui::Screen::open(*theme, color);
    if (!s) return ctx.fail(s.error().message);
    screen = std::move(s).value();
  }
  // The inventory pane's cloud, when the environment names a region; read-only. Its answers land in the
  // queue, declared first so it outlives the cloud and no answer comes after the console has gone.
  cloud::ResultQueue queue;
  std::optional<ConsoleCloud> cloud;
  std::string no_inventory;
  if (!read_only && rb) {
    if (auto opened = open_console_cloud(*rb, engine->state().environment)) {
      if (*opened) {
        cloud = std::move(*opened).value();
      } else {
        no_inventory = opened->error().message;
      }
    }
  }
  std::optional<tui::CloudFeed> feed;
  std::optional<tui::ActionsFeed> actions;
  if (cloud) {
    // The step's aws lines run on the cloud itself; the runner's guard asks for the name in production.
    actions.emplace(tui::ActionsFeed{*cloud->aws, cloud->aws->access_of(), cloud->catalog, cloud->scope.region,
                                     {cloud->production, cloud->environment}});
    feed.emplace(tui::CloudFeed{*cloud->read_only, queue, cloud->scope, cloud->rpo, &*actions});
  }
  const auto* scenario = scenario_of(rb, engine->state());
  engine = tui::run_console(*screen, std::move(engine), scenario, read_only, feed ? &*feed : nullptr, no_inventory);
  screen.reset();
  ctx.out << engine->state().id << (engine->state().resolved() ? " (resolved)" : " (open)") << '\n';
}

// The examples shipped with drconsole: installed beside it, or in the source tree it was built from.
std::filesystem::path examples_dir() {
  std::error_code ec;
  for (const char* dir : {DRC_INSTALLED_EXAMPLES_DIR, DRC_EXAMPLES_SOURCE_DIR}) {
    if (*dir && std::filesystem::is_directory(std::filesystem::path(dir) / "worlds", ec)) return dir;
  }
  return DRC_EXAMPLES_SOURCE_DIR;
}

void demo(Context& ctx, const std::string& theme_name) {
  if (!::isatty(STDIN_FILENO) || !::isatty(STDOUT_FILENO)) return ctx.fail("the demo needs a terminal", kUsage);
  bool color = true;
  auto theme = choose_theme(theme_name, color);
  if (!theme) return ctx.fail(theme.error().message, kUsage);
  const auto examples = examples_dir();
  auto rb = load_for_incident((examples / "runbooks" / "payments-db-failover.md").string());
  if (!rb) return ctx.fail(rb.error().message);
  // The queue outlives the cloud: the cloud's thread is joined before the queue goes.
  cloud::ResultQueue queue;
  auto sim = cloud::SimCloud::load(examples / "worlds" / "payments.json", ctx.clock);
  if (!sim) return ctx.fail(sim.error().message);
  ctx.drills = true;
  auto engine = declare_incident(ctx, *rb, {"1", "prod", "P1", "", true});
  if (!engine) return ctx.fail(engine.error().message);
  const auto* env = runbook::find_environment(*rb, "prod");
  const runbook::Environment prod = env ? *env : runbook::Environment{};
  auto screen = tui::Screen::open(*theme, color);
  if (!screen) return ctx.fail(screen.error().message);
  // A drill runs its aws lines against the simulated cloud, with production's confirmation all the same.
  auto catalog = aws::model::ModelCatalog::open();
  if (!catalog) return ctx.fail("cannot read the AWS models: " + catalog.error().message);
  std::shared_ptr<const aws::model::ModelCatalog> models = *catalog;
  const auto scope = scope_for(prod, "us-east-1", kConsoleCallTimeout);
  tui::ActionsFeed actions{**sim, actions::model_access(models), models, scope.region, {runbook::is_production(prod), prod.name}};
  tui::CloudFeed feed{**sim, queue, scope, prod.rpo, &actions};
  const std::optional<runbook::Runbook> text(std::move(rb).value());
  const auto* scenario = scenario_of(text, (*engine)->state());
  auto done = tui::run_console(**screen, std::move(*engine), scenario, false, &feed);
  screen->reset();
  ctx.out << done->state().id << " (drill; kept apart from real incidents, under drills/)\n";
}

}  // namespace

void add_console_commands(CLI::App& app, Context& ctx) {
  auto o = std::make_shared<ConsoleOpts>();
  auto* r = app.add_subcommand("run", "Open the commander's console: declare from a runbook, or resume with --incident");
  r->add_option("runbook", o->runbook, "Markdown runbook (optional with --incident)");
  r->add_option("--env,-e", o->env, "Environment, e.g. prod");
  r->add_option("--scenario,-s", o->scenario, "Scenario number or title (a picker opens when omitted)");
  r->add_option("--severity", o->severity, "P1..P5 or SEV1..SEV5")->capture_default_str();
  r->add_option("--commander", o->commander, "Incident commander (default: you)");
  r->add_option("--incident,-i", o->incident, "Resume this incident instead of declaring one");
  r->add_option("--theme", o->theme, "dark, light, high-contrast or monochrome")->capture_default_str();
  r->add_flag("--drill", o->drill, "Mark the incident as a drill");
  r->callback([&ctx, o] { run(ctx, *o, false); });

  auto w = std::make_shared<ConsoleOpts>();
  auto* watch = app.add_subcommand("watch", "The war-room view: the same console, read-only (enforced in core)");
  watch->add_option("incident", w->incident, "Incident id (default: the single open incident)");
  watch->add_option("--theme", w->theme, "dark, light, high-contrast or monochrome")->capture_default_str();
  watch->callback([&ctx, w] { run(ctx, *w, true); });

  auto theme = std::make_shared<std::string>("dark");
  auto* d = app.add_subcommand("demo", "A drill on the example runbook against a simulated cloud: no credentials, no network");
  d->add_option("--theme", *theme, "dark, light, high-contrast or monochrome")->capture_default_str();
  d->callback([&ctx, theme] { demo(ctx, *theme); });
}

}  // namespace drc::cli
