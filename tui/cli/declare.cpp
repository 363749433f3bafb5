#include "cli/declare.hpp"

#include <filesystem>

#include "incident/declaration.hpp"
#include "runbook/loader.hpp"

namespace drc::cli {

Result<runbook::Runbook> load_for_incident(const std::string& path) {
  auto rb = runbook::load_runbook(path);
  if (!rb) return rb.error();
  if (rb->scenarios.empty()) return make_error(rb->path + ": " + rb->problems.front().message);
  std::error_code ec;
  rb->path = std::filesystem::absolute(path, ec).lexically_normal().string();
  return rb;
}

Result<std::unique_ptr<incident::Engine>> declare_incident(Context& ctx, const runbook::Runbook& rb,
                                                           const DeclareChoice& choice) {
  incident::DeclarationRequest req;
  req.scenario = choice.scenario;
  req.environment = choice.env;
  req.severity = choice.severity;
  req.commander = choice.commander.empty() ? ctx.acting_user() : choice.commander;
  req.mode = choice.drill ? "drill" : "commander";
  auto plan = incident::plan_declaration(rb, req);
  if (!plan) return plan.error();
  auto store = ctx.store();
  if (!store) return store.error();
  auto created = store->create(ctx.clock.now(), plan->data["scenario"]["title"].get<std::string>());
  if (!created) return created.error();
  plan->data["id"] = created->id;
  const auto path = store->journal_path(created->id);
  auto engine = std::make_unique<incident::Engine>(std::move(created->journal), ctx.clock, ctx.acting_user(),
                                                   incident::Mode::Commander);
  if (auto written = engine->execute(*plan); !written) {
    std::error_code ec;
    std::filesystem::remove(path, ec);  // nothing was acknowledged: leave no empty incident behind
    return written.error();
  }
  ctx.err << "declared " << engine->state().id << ": " << engine->state().scenario_title << " in "
          << engine->state().environment << " (" << engine->state().severity << "); journal " << path.string() << '\n';
  return engine;
}

}  // namespace drc::cli
