// Parses shorthand strings (one JSON string per line on stdin) and writes {"value": ...} or {"error": ...}.

#include <iostream>

#include <nlohmann/json.hpp>

#include "aws/cli/shorthand.hpp"

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto text = nlohmann::json::parse(line).get<std::string>();
    auto r = drc::aws::cli::parse_shorthand(text);
    nlohmann::ordered_json out;
    if (r) {
      out["value"] = *r;
    } else {
      out["error"] = r.error().message;
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
  }
}
