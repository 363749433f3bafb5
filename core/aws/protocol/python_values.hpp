#pragma once
// The aws CLI is Python: what it prints of a value is often Python's str() or truth test of the value as
// botocore parsed it. These give the same answers for our JSON values.

#include <string>

#include <nlohmann/json.hpp>

namespace drc::aws::protocol {

// str(value): scalars as Python prints them ("True", "None", "1.5"), containers as their repr().
std::string python_str(const nlohmann::ordered_json& value);

// bool(value): false for None, False, 0, 0.0, "", [] and {}.
bool python_truthy(const nlohmann::ordered_json& value);

// type(value).__name__: "str", "int", "float", "bool", "NoneType", "list", "dict".
std::string python_type_name(const nlohmann::ordered_json& value);

// The aws CLI reads JSON arguments into OrderedDicts: str() and type() of a value it parsed that way, e.g.
// "OrderedDict([('a', 1)])" and "<class 'collections.OrderedDict'>", as its validation errors show them.
std::string python_str_of_cli_json(const nlohmann::ordered_json& value);
std::string python_class_of_cli_json(const nlohmann::ordered_json& value);

}  // namespace drc::aws::protocol
