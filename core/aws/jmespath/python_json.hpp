#pragma once
// JSON text exactly as python's json.dumps(value, separators=(',', ':')) writes it: floats in repr form
// ("1.0", "1e-05", "1e+16"), NaN/Infinity as python spells them, and every non-ASCII character escaped.
// to_string() must produce this text, and the AWS CLI prints numbers the same way.

#include <string>

#include <nlohmann/json.hpp>

#include "util/result.hpp"

namespace drc::aws::jmespath {

// Fails only for data nested deeper than the evaluator's limit.
Result<std::string> to_python_json(const nlohmann::json& value);

// repr() of a python float: the shortest text that reads back as the same double.
std::string python_float_repr(double value);

namespace detail {
// Throws EvalError when the value is nested too deeply; for the interpreter.
void append_python_json(std::string& out, const nlohmann::json& value, int depth = 0);
}  // namespace detail

}  // namespace drc::aws::jmespath
