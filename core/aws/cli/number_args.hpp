#pragma once
// Numbers in command-line values, read as the aws CLI reads them: Python's int() for integer members,
// float() for floating ones, with Python's error words when the text is not one.

#include <string>

#include "aws/jmespath/python_number.hpp"
#include "util/result.hpp"

namespace drc::aws::cli {

inline Result<long long> python_int(const std::string& text) {
  const auto n = jmespath::parse_python_number(text);
  if (!n || !n->is_number_integer()) return make_error("invalid literal for int() with base 10: '" + text + "'");
  return n->get<long long>();
}

inline Result<double> python_float(const std::string& text) {
  const auto n = jmespath::parse_python_number(text);
  if (!n || !n->is_number()) return make_error("could not convert string to float: '" + text + "'");
  return n->get<double>();
}

}  // namespace drc::aws::cli
