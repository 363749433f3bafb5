#include "runbook/runbook.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "util/text.hpp"

namespace drc::runbook {

bool Runbook::has_errors() const {
  return std::any_of(problems.begin(), problems.end(), [](const Problem& p) { return p.severity == Severity::Error; });
}

std::string environment_key(std::string_view name) {
  std::string k;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c))) k.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (k.ends_with("environment")) k.resize(k.size() - 11);
  if (k.ends_with("env")) k.resize(k.size() - 3);
  static const std::pair<std::string_view, std::string_view> kAliases[] = {
      {"production", "prod"}, {"nonproduction", "nonprod"}, {"nonprd", "nonprod"}, {"staging", "stage"},
      {"stg", "stage"},       {"development", "dev"},       {"testing", "test"},   {"preproduction", "preprod"},
      {"prd", "prod"},
  };
  for (auto [from, to] : kAliases) {
    if (k == from) return std::string(to);
  }
  return k;
}

bool is_production(const Environment& env) {
  if (env.production) return *env.production;
  const auto key = environment_key(env.name);
  return key.starts_with("prod") || key.starts_with("prd");
}

const Environment* find_environment(const Runbook& rb, std::string_view name) {
  if (auto it = rb.environments.find(std::string(name)); it != rb.environments.end()) return &it->second;
  const auto key = environment_key(name);
  for (const auto& [env_name, env] : rb.environments) {
    if (environment_key(env_name) == key) return &env;
  }
  if (auto it = rb.environments.find(kAnyEnvironment); it != rb.environments.end()) return &it->second;
  return nullptr;
}

namespace {
std::string scenario_list(const Runbook& rb) {
  std::string out;
  for (std::size_t i = 0; i < rb.scenarios.size(); ++i) {
    out += "\n  " + std::to_string(i + 1) + ". " + rb.scenarios[i].title;
  }
  return out;
}
}  // namespace

Result<const Scenario*> select_scenario(const Runbook& rb, std::string_view number_or_title) {
  const auto wanted = trim(number_or_title);
  if (rb.scenarios.empty()) return make_error("the runbook has no scenarios");
  int n = 0;
  const auto [ptr, ec] = std::from_chars(wanted.data(), wanted.data() + wanted.size(), n);
  if (ec == std::errc() && ptr == wanted.data() + wanted.size()) {
    if (n >= 1 && static_cast<std::size_t>(n) <= rb.scenarios.size()) return &rb.scenarios[static_cast<std::size_t>(n - 1)];
    return make_error("no scenario " + std::string(wanted) + ": the runbook has scenarios 1 to " +
                      std::to_string(rb.scenarios.size()) + ":" + scenario_list(rb));
  }
  for (const auto& s : rb.scenarios) {
    if (s.title == wanted) return &s;
  }
  std::vector<const Scenario*> matches;
  for (const auto& s : rb.scenarios) {
    if (icontains(s.title, wanted)) matches.push_back(&s);
  }
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) {
    return make_error("no scenario matches '" + std::string(wanted) + "'; give a number or title from:" +
                      scenario_list(rb));
  }
  return make_error("'" + std::string(wanted) + "' matches " + std::to_string(matches.size()) +
                    " scenarios; give its number:" + scenario_list(rb));
}

}  // namespace drc::runbook
