// Reference-comparison driver: reads JSON lines {"expr": ..., "data": ...} on stdin and writes, per line,
// {"result": <value>} or {"error": "<kind>"}. Results are written as python's json.dumps would, so
// check_jmespath.py can read back NaN, Infinity and the int/float distinction exactly.

#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/jmespath/jmespath.hpp"
#include "aws/jmespath/python_json.hpp"

int main() {
  namespace jp = drc::aws::jmespath;
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto input = nlohmann::json::parse(line, nullptr, false);
    if (input.is_discarded() || !input.contains("expr") || !input["expr"].is_string()) {
      std::cout << R"({"error":"bad-input"})" << '\n';
      continue;
    }
    const auto data = input.contains("data") ? input["data"] : nlohmann::json();
    const auto result = jp::search(input["expr"].get<std::string>(), data);
    if (!result) {
      std::cout << R"({"error":)" << nlohmann::json(std::string(jp::error_kind(result.error()))).dump()
                << R"(,"message":)" << nlohmann::json(result.error().message).dump(-1, ' ', false,
                                                                                   nlohmann::json::error_handler_t::replace)
                << "}\n";
      continue;
    }
    const auto text = jp::to_python_json(*result);
    if (!text) {
      std::cout << R"({"error":"too-complex"})" << '\n';
      continue;
    }
    std::cout << R"({"result":)" << *text << "}\n";
  }
  return 0;
}
