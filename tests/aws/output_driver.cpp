// Formats values read as JSON lines on stdin as `drconsole aws --output table|yaml|yaml-stream` would,
// and writes each result as a JSON line, for check_output_formats.py to compare with the aws CLI's own
// formatters.
//   in:  {"format": "table"|"yaml"|"yaml-stream", "value": ..., "title"?, "width"?, "colour"?}
//   out: {"text": ...} or {"error": ...}

#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/cli/output.hpp"

using nlohmann::json;
using nlohmann::ordered_json;

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto in = ordered_json::parse(line);
    const auto format = in.at("format").get<std::string>();
    const auto& value = in.at("value");
    json out;
    if (format == "table") {
      auto r = drc::aws::cli::format_table(in.value("title", "Op"), value, {in.value("width", 80LL), in.value("colour", false)});
      out = r ? json{{"text", *r}} : json{{"error", r.error().message}};
    } else if (format == "yaml") {
      out = {{"text", drc::aws::cli::format_yaml(value)}};
    } else {
      out = {{"text", drc::aws::cli::format_yaml_stream_page(value)}};
    }
    std::cout << out.dump() << '\n';
  }
}
