#pragma once
// UTF-8 as python sees strings: lengths, reversal and columns count code points, not bytes.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace drc::aws::jmespath::detail {

// Strict: no overlongs, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view s);

// Decodes the code point at s[i] and advances i. An invalid byte decodes as itself (so callers never
// loop forever on bad input; jmespath only ever sees validated text or nlohmann-parsed strings).
char32_t next_code_point(std::string_view s, std::size_t& i);

std::size_t count_code_points(std::string_view s);
std::string reverse_code_points(std::string_view s);

// python's str.isspace, which str.lstrip() and int()/float() use.
bool is_python_space(char32_t c);
std::string_view lstrip_python_space(std::string_view s);
std::string_view strip_python_space(std::string_view s);

}  // namespace drc::aws::jmespath::detail
