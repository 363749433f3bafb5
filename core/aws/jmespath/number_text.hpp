#pragma once
// Reading a number out of text the way to_number() does in python: int(text) first, then float(text).
// That accepts more than JSON does ("+5", " 7 ", "1_000", "1.", ".5", "inf", "nan") and the result keeps
// python's int/float distinction.

#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

namespace drc::aws::jmespath::detail {

// nullopt when python's int() and float() would both raise ValueError.
std::optional<nlohmann::json> parse_python_number(std::string_view text);

}  // namespace drc::aws::jmespath::detail
