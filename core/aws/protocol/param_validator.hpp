#pragma once
// botocore's ParamValidator: what is wrong with an operation's input, all of it at once, before anything
// is sent. Required members, unknown members, types, lower bounds (a string's or list's length, a number's
// value, a host label's length) and tagged unions, each said as botocore says it, with Python's names for
// the values (the aws CLI reads JSON arguments into OrderedDicts, and its errors show them so).

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/model/service_model.hpp"

namespace drc::aws::protocol {

// One line per problem, in botocore's order; empty when the input is valid. An operation without an input
// shape takes anything (botocore does not look).
std::vector<std::string> validate_parameters(const model::ServiceModel& service, const model::Operation& op,
                                             const nlohmann::ordered_json& params);

}  // namespace drc::aws::protocol
