// Evaluates endpoint rule sets for check_rules.py: a line {"ruleset": {...}, "partitions": {...}} makes that
// rule set current; each line {"params": {...}} after it prints {"url", "headers", "properties"} or
// {"error"}, one JSON line per line read.

#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "aws/endpoints/rule_set.hpp"

using nlohmann::json;
using namespace drc::aws::endpoints::rules;

int main() {
  std::unique_ptr<nlohmann::ordered_json> rules;
  std::unique_ptr<PartitionTable> partitions;
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto in = nlohmann::ordered_json::parse(line);  // a rule set's parameters keep their order
    if (in.contains("ruleset")) {
      auto table = PartitionTable::from_json(json::parse(in.at("partitions").dump()));
      if (!table) {
        std::cerr << table.error().message << '\n';
        return 2;
      }
      partitions = std::make_unique<PartitionTable>(std::move(*table));
      rules = std::make_unique<nlohmann::ordered_json>(in.at("ruleset"));
      continue;
    }
    if (!rules) return 2;
    json out;
    if (auto e = resolve(*rules, json::parse(in.at("params").dump()), *partitions); !e) {
      out["error"] = e.error().message;
    } else {
      json headers = json::object();
      for (const auto& [k, v] : e->headers) headers[k] = v;
      out = {{"url", e->url}, {"headers", headers}, {"properties", e->properties}};
    }
    std::cout << out.dump() << std::endl;
  }
  return 0;
}
