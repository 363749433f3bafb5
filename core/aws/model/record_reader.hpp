#pragma once
// Turns one model record (a parsed JSON line) into its C++ form. Throws std::runtime_error on a record
// that does not have the expected form; ServiceModel catches it and says which record.

#include <string>

#include <nlohmann/json.hpp>

#include "aws/model/operation.hpp"
#include "aws/model/shape.hpp"

namespace drc::aws::model {

Shape read_shape(const std::string& name, const nlohmann::ordered_json& j);
Operation read_operation(const std::string& name, const nlohmann::ordered_json& j);

}  // namespace drc::aws::model
