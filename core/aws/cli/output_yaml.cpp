#include "aws/cli/output_yaml.hpp"

#include "aws/cli/output.hpp"
#include "aws/cli/yaml_emitter.hpp"

namespace drc::aws::cli {

using Json = nlohmann::ordered_json;

std::string format_yaml(const Json& value) {
  if (value == Json::object()) return {};
  if (!value.is_object() && !value.is_array()) return format_json(value);
  return yaml::emit_document(value);
}

std::string format_yaml_stream_page(const Json& page) { return yaml::emit_document(Json::array({page})); }

}  // namespace drc::aws::cli
