#include "incident/declaration.hpp"

#include <algorithm>

#include "runbook/runbook_json.hpp"
#include "util/text.hpp"

namespace drc::incident {

using nlohmann::json;

namespace {

std::vector<std::string> words(std::string_view s) {
  std::vector<std::string> out;
  std::string w;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!w.empty()) {
      out.push_back(std::move(w));
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(std::move(w));
  return out;
}

// "RDS Database Failure" is about the "RDS Database" component: its first word appears in the title.
const runbook::ComponentObjectives* component_for(const runbook::Environment& env, const std::string& title) {
  const auto title_words = words(title);
  for (const auto& c : env.components) {
    const auto cw = words(c.name);
    if (cw.empty() || cw.front().size() < 2) continue;
    if (std::find(title_words.begin(), title_words.end(), cw.front()) != title_words.end()) return &c;
  }
  return nullptr;
}

json seconds_or_null(const std::optional<std::chrono::seconds>& s) { return s ? json(s->count()) : json(nullptr); }

}  // namespace

Result<std::string> normalise_severity(std::string_view severity) {
  const auto up = [&] {
    std::string s(trim(severity));
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }();
  const std::string_view digits = up.starts_with("SEV") ? std::string_view(up).substr(3)
                                  : up.starts_with("P")  ? std::string_view(up).substr(1)
                                                         : std::string_view();
  if (digits.size() != 1 || digits[0] < '0' || digits[0] > '5') {
    return make_error("severity '" + std::string(severity) + "' is not one of P1..P5 or SEV1..SEV5");
  }
  return up;
}

Result<Declare> plan_declaration(const runbook::Runbook& rb, const DeclarationRequest& req) {
  auto scenario = runbook::select_scenario(rb, req.scenario);
  if (!scenario) return scenario.error();
  const runbook::Scenario& sc = **scenario;
  if (sc.steps.empty()) return make_error("scenario '" + sc.title + "' has no steps to run");
  auto severity = normalise_severity(req.severity);
  if (!severity) return severity.error();
  if (trim(req.environment).empty()) return make_error("name the environment (--env), e.g. --env prod");

  json objectives{{"rto_s", nullptr}, {"rpo_s", nullptr}};
  std::optional<std::chrono::seconds> comms = rb.comms_every;
  if (!rb.environments.empty()) {
    const auto* env = runbook::find_environment(rb, req.environment);
    if (env == nullptr) {
      std::string names;
      for (const auto& [name, e] : rb.environments) names += (names.empty() ? "" : ", ") + name;
      return make_error("the runbook has no environment '" + req.environment + "'; it defines: " + names);
    }
    auto rto = env->rto;
    auto rpo = env->rpo;
    std::string source = env->name == runbook::kAnyEnvironment ? "runbook" : "environment " + env->name;
    if (const auto* c = component_for(*env, sc.title)) {
      if (c->rto) rto = c->rto;
      if (c->rpo) rpo = c->rpo;
      source = "component " + c->name + " (" + env->name + ")";
    }
    if (env->comms_every) comms = env->comms_every;
    objectives = json{{"rto_s", seconds_or_null(rto)}, {"rpo_s", seconds_or_null(rpo)}, {"source", source}};
  }
  if (comms) objectives["comms_every_s"] = comms->count();

  json steps = json::array();
  for (const auto& st : sc.steps) {
    steps.push_back({{"number", st.number}, {"title", st.title}, {"estimate", runbook::estimate_json(st.estimate)}});
  }
  std::size_t scenario_number = static_cast<std::size_t>(&sc - rb.scenarios.data()) + 1;
  json data{
      {"id", req.id},
      {"runbook", {{"path", rb.path}, {"sha256", rb.sha256}, {"title", rb.title}}},
      {"scenario", {{"number", scenario_number}, {"title", sc.title}, {"estimate", runbook::estimate_json(sc.estimate)}}},
      {"environment", std::string(trim(req.environment))},
      {"severity", *severity},
      {"commander", req.commander},
      {"mode", req.mode},
      {"objectives", std::move(objectives)},
      {"steps", std::move(steps)},
  };
  return Declare{std::move(data)};
}

}  // namespace drc::incident
