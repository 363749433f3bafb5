#pragma once
// Small string helpers shared by the parsers and the command line.

#include <string>
#include <string_view>
#include <vector>

namespace drc {

std::string_view trim(std::string_view s);
std::string to_lower(std::string_view s);
bool istarts_with(std::string_view s, std::string_view prefix);
bool icontains(std::string_view haystack, std::string_view needle);
std::vector<std::string_view> split_lines(std::string_view s);
// Collapses runs of white space to one space and trims the ends.
std::string squash_spaces(std::string_view s);

// True when s is well-formed UTF-8.
bool is_valid_utf8(std::string_view s);
// Replaces every ill-formed UTF-8 sequence with U+FFFD, so the text can always be stored as JSON.
std::string sanitize_utf8(std::string_view s);
// Number of code points (display cells for the common case) in valid UTF-8.
std::size_t utf8_length(std::string_view s);
// The code points of UTF-8 text, each byte of an ill-formed sequence read as U+FFFD; and one back.
std::u32string utf8_code_points(std::string_view s);
std::string utf8_encode(char32_t c);

}  // namespace drc
