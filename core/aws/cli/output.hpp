#pragma once
// What `drconsole aws` prints, as the aws CLI prints it. The formats, each in its own file:
//   json         format_json: indented by four, key order kept, non-ASCII as it is (here)
//   text         format_text: tab-separated rows, keys sorted (here)
//   table        format_table: bordered tables titled with the operation (output_table.hpp)
//   yaml         format_yaml, and yaml-stream's format_yaml_stream_page (output_yaml.hpp)
// and how the CLI's Python sees a value (python_values.hpp).

#include <string>

#include <nlohmann/json.hpp>

#include "aws/cli/output_table.hpp"
#include "aws/cli/output_yaml.hpp"

namespace drc::aws::cli {

std::string format_json(const nlohmann::ordered_json& value);
std::string format_text(const nlohmann::ordered_json& value);

// A plain nlohmann::json (keys sorted) from an ordered one, for JMESPath; and back.
nlohmann::json to_plain(const nlohmann::ordered_json& v);
nlohmann::ordered_json to_ordered(const nlohmann::json& v);

}  // namespace drc::aws::cli
