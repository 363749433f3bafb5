#pragma once
// What `drconsole aws` prints, as the aws CLI prints it: JSON indented by four (key order kept,
// non-ASCII as it is), or the text format's tab-separated rows.

#include <string>

#include <nlohmann/json.hpp>

namespace drc::aws::cli {

std::string format_json(const nlohmann::ordered_json& value);
std::string format_text(const nlohmann::ordered_json& value);

// A plain nlohmann::json (keys sorted) from an ordered one, for JMESPath; and back.
nlohmann::json to_plain(const nlohmann::ordered_json& v);
nlohmann::ordered_json to_ordered(const nlohmann::json& v);

}  // namespace drc::aws::cli
