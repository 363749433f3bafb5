#pragma once
// Reading a number out of text as Python does: int(text) first, then float(text). JMESPath's
// to_number() and the aws CLI's integer and float arguments both read numbers this way.
// That accepts more than JSON does ("+5", " 7 ", "1_000", "1.", ".5", "inf", "nan") and the result keeps
// python's int/float distinction.

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace drc::aws::jmespath {

// nullopt when python's int() and float() would both raise ValueError.
std::optional<nlohmann::json> parse_python_number(std::string_view text);

}  // namespace drc::aws::jmespath
