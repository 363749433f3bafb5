#pragma once
// A JSON value written as the aws CLI's YAML output writes it: ruamel.yaml's safe representer (mapping
// keys sorted, null as "null", floats as Python's repr) driving libyaml's emitter in block style (indent
// 2, a sequence in a mapping not indented, lines wrapped at spaces past column 80, empty collections as
// {} and [], keys over 128 bytes or on several lines as "? key").

#include <string>

#include <nlohmann/json.hpp>

namespace drc::aws::cli::yaml {

// One implicit document (no "---") for an object or an array, ending with a newline.
std::string emit_document(const nlohmann::ordered_json& root);

}  // namespace drc::aws::cli::yaml
