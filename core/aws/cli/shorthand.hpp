#pragma once
// The aws CLI's shorthand syntax for structured arguments ("Key=Purpose,Value=dr", "Values=a,b",
// "Name={A=1,B=[x,y]}", quoted values, escaped commas), parsed exactly as awscli's ShorthandParser
// does, then typed by the model as its BackCompatVisitor does (numbers, booleans, a lone value where a
// list belongs becomes a one-element list).

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "aws/model/service_model.hpp"
#include "util/result.hpp"

namespace drc::aws::cli {

// Syntax only: every scalar comes out a string. The error says where parsing stopped and what was
// expected there, with the value and a caret under the position.
Result<nlohmann::ordered_json> parse_shorthand(std::string_view text);

// Types a parsed value by its shape. Fails on a number that is not one.
Status apply_model_types(const model::ServiceModel& model, const model::Shape& shape, nlohmann::ordered_json& value);

}  // namespace drc::aws::cli
