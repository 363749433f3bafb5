#pragma once
// YAML read and written as the aws CLI's PyYAML does it (SafeLoader into ordered mappings;
// safe_dump with default_flow_style=False), for the kubeconfig eks update-kubeconfig merges: plain
// scalars typed by YAML 1.1's implicit rules (true/yes/on, ints, floats, null), mappings in file
// order, and on the way out the same quoting choices (plain where it reads back as the same string,
// else single quotes, else double quotes with escapes for anything outside printable ASCII), sequences
// inside mappings not indented, empty collections as [] and {}.
// Not reproduced: folding of long scalars with spaces past 80 columns, timestamps (kept as text),
// anchors for repeated nodes.

#include <string>

#include <nlohmann/json.hpp>

#include "util/result.hpp"

namespace drc::aws::cli {

// How local tags (!Name) are read. PyYAML's SafeLoader refuses them; the CLI's cloudformation commands
// (yamlhelper.py) read CloudFormation's short forms: `!Ref x` as {"Ref": "x"}, `!Condition c` as
// {"Condition": "c"}, any other `!Name v` as {"Fn::Name": v}, and `!GetAtt a.b` as {"Fn::GetAtt": ["a", "b"]}.
// Plain: the tag is ignored and the node read as if it had none.
enum class LocalTags { Plain, CloudFormation };

// Empty or only comments: null, as PyYAML's load returns None.
Result<nlohmann::ordered_json> load_pyyaml(const std::string& text, LocalTags tags = LocalTags::Plain);
std::string dump_pyyaml(const nlohmann::ordered_json& value);

}  // namespace drc::aws::cli
