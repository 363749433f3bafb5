#include "aws/cli/yaml_scalar.hpp"

#include <regex>
#include <string_view>

#include "util/text.hpp"

namespace drc::aws::cli::yaml {

namespace {

bool blank(char32_t c) { return c == U' ' || c == U'\t'; }
// Past the end counts as blank: libyaml reads the terminating NUL there.
bool blank_or_end(const std::u32string& s, std::size_t i) { return i >= s.size() || blank(s[i]) || line_break(s[i]); }

}  // namespace

bool printable(char32_t c) {
  return c == 0x0A || (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}

bool line_break(char32_t c) { return c == U'\r' || c == U'\n' || c == 0x85 || c == 0x2028 || c == 0x2029; }

ScalarFacts analyze(std::string_view utf8) {
  ScalarFacts f;
  f.chars = utf8_code_points(utf8);
  f.bytes = utf8.size();
  const auto& s = f.chars;
  if (s.empty()) {
    f.single_quoted_allowed = true;
    return f;  // plain in a block, where the resolver then turns it to '' (it would read as null)
  }
  // Only block context matters: the CLI writes no flow collection with anything in it, so what would
  // keep a scalar from being plain inside one ("a,b", "[x]") is not tracked.
  bool block_ind = false, breaks = false, special = false;
  bool leading_space = false, leading_break = false, trailing_space = false, trailing_break = false;
  bool break_space = false, space_break = false, prev_space = false, prev_break = false;
  if (s.rfind(U"---", 0) == 0 || s.rfind(U"...", 0) == 0) block_ind = true;
  bool preceded_by_ws = true;
  bool followed_by_ws = blank_or_end(s, 1);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (i == 0) {
      if (std::u32string_view(U"#,[]{}&*!|>'\"%@`").find(c) != std::u32string_view::npos) block_ind = true;
      if ((c == U'?' || c == U':' || c == U'-') && followed_by_ws) block_ind = true;
    } else {
      if (c == U':' && followed_by_ws) block_ind = true;
      if (c == U'#' && preceded_by_ws) block_ind = true;
    }
    special = special || !printable(c);
    breaks = breaks || line_break(c);
    const bool last = i + 1 == s.size();
    if (c == U' ') {
      leading_space = leading_space || i == 0;
      trailing_space = trailing_space || last;
      break_space = break_space || prev_break;
      prev_space = true;
      prev_break = false;
    } else if (line_break(c)) {
      leading_break = leading_break || i == 0;
      trailing_break = trailing_break || last;
      space_break = space_break || prev_space;
      prev_space = false;
      prev_break = true;
    } else {
      prev_space = prev_break = false;
    }
    preceded_by_ws = blank(c) || line_break(c);
    if (!last) followed_by_ws = blank_or_end(s, i + 2);
  }
  f.multiline = breaks;
  if (leading_space || leading_break || trailing_space || trailing_break) f.block_plain_allowed = false;
  if (break_space) f.block_plain_allowed = f.single_quoted_allowed = false;
  if (space_break || special) f.block_plain_allowed = f.single_quoted_allowed = false;
  if (breaks || block_ind) f.block_plain_allowed = false;
  return f;
}

bool plain_reads_as_string(std::string_view text) {
  // ruamel.yaml's implicit resolvers for YAML 1.2 (its default), tried on the whole text.
  static const std::regex kNotString(
      "true|True|TRUE|false|False|FALSE"
      "|[-+]?[0-9][0-9_]*\\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
      "|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+"
      "|[-+]?\\.[0-9_]+(?:[eE][-+][0-9]+)?"
      "|[-+]?\\.(?:inf|Inf|INF)"
      "|\\.(?:nan|NaN|NAN)"
      "|[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+"
      "|<<|=|!|&|\\*"
      "|~|null|Null|NULL|"
      "|[0-9]{4}-[0-9]{2}-[0-9]{2}"
      "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
      "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?");
  return !std::regex_match(text.begin(), text.end(), kNotString);
}

Style choose_style(const ScalarFacts& f, bool reads_back, bool simple_key) {
  Style style = Style::plain;
  if (simple_key && f.multiline) style = Style::double_quoted;
  if (style == Style::plain) {
    if (!f.block_plain_allowed || (f.chars.empty() && simple_key) || !reads_back) style = Style::single_quoted;
  }
  if (style == Style::single_quoted && !f.single_quoted_allowed) style = Style::double_quoted;
  return style;
}

}  // namespace drc::aws::cli::yaml
