#pragma once
// How many columns the aws CLI's table gives a text: awscli counts each character whose Unicode
// East Asian Width is Wide, Fullwidth or Ambiguous as two, every other character as one (Python's
// unicodedata, Unicode 14.0.0 in the Python 3.11 the CLI runs on).

#include <cstddef>
#include <string_view>

namespace drc::aws::cli {

std::size_t cli_text_width(std::string_view utf8);

}  // namespace drc::aws::cli
