#pragma once
// What may be shown of a call: its parameters with every member the model marks sensitive (passwords,
// secret strings, keys) replaced, and anything that looks like a credential in text masked.

#include <string>

#include <nlohmann/json.hpp>

#include "aws/model/service_model.hpp"

namespace drc::aws::client {

inline constexpr const char* kRedacted = "*** redacted ***";

// A copy of `value` (of shape `shape_name`) with sensitive members replaced.
nlohmann::ordered_json redact(const model::ServiceModel& model, const std::string& shape_name,
                              const nlohmann::ordered_json& value);

// Masks Authorization signatures, security tokens and secret keys in a header or log line.
std::string redact_header(const std::string& name, const std::string& value);

}  // namespace drc::aws::client
