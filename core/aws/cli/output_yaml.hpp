#pragma once
// `--output yaml` and `--output yaml-stream`, as the aws CLI (version 2, whose formats these are) prints
// them with its YAMLDumper: a YAML document for an object or a list (yaml_emitter.hpp says how it is
// written); a bare scalar as one line of JSON, since YAML would end it with "..."; nothing for {}.

#include <string>

#include <nlohmann/json.hpp>

namespace drc::aws::cli {

// --output yaml: the whole (aggregated, queried) response.
std::string format_yaml(const nlohmann::ordered_json& value);

// --output yaml-stream: one response page (queried on its own) as a one-item list, so that the pages
// printed one after another read as one list.
std::string format_yaml_stream_page(const nlohmann::ordered_json& page);

}  // namespace drc::aws::cli
