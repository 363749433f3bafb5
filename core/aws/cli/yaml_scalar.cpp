#include "aws/cli/yaml_scalar.hpp"

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

namespace {

// ruamel.yaml's implicit resolvers for YAML 1.2 (its default), as small matchers over the whole text.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  bool done() const { return i_ == s_.size(); }
  bool eat(char c) { return !done() && s_[i_] == c && (++i_, true); }
  bool eat_any(std::string_view set) { return !done() && set.find(s_[i_]) != std::string_view::npos && (++i_, true); }
  bool eat_text(std::string_view t) { return s_.substr(i_).rfind(t, 0) == 0 && (i_ += t.size(), true); }
  // At least `min` and at most `max` characters of the set.
  bool eat_run(std::string_view set, std::size_t min, std::size_t max = std::string_view::npos) {
    std::size_t n = 0;
    while (n < max && eat_any(set)) ++n;
    return n >= min;
  }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kDigitsUnderscore = "0123456789_";

bool is_int(std::string_view t) {
  auto run = [&](std::string_view prefix, std::string_view digits) {
    Cursor c(t);
    c.eat_any("-+");
    return c.eat_text(prefix) && c.eat_run(digits, 1) && c.done();
  };
  return run("0b", "01_") || run("0o", "01234567_") || run("0", "01234567_") || run("", kDigitsUnderscore) ||
         run("0x", "0123456789abcdefABCDEF_");
}

bool exponent(Cursor& c, bool sign_required) {
  return c.eat_any("eE") && (c.eat_any("-+") || !sign_required) && c.eat_run(kDigits, 1);
}

bool is_float(std::string_view t) {
  {  // 1.5, 1., 1_0.5e-3
    Cursor c(t);
    c.eat_any("-+");
    if (c.eat_any(kDigits) && c.eat_run(kDigitsUnderscore, 0) && c.eat('.') && c.eat_run(kDigitsUnderscore, 0)) {
      if (c.done()) return true;
      if (exponent(c, false) && c.done()) return true;
    }
  }
  {  // 1e5
    Cursor c(t);
    c.eat_any("-+");
    if (c.eat_any(kDigits) && c.eat_run(kDigitsUnderscore, 0) && exponent(c, false) && c.done()) return true;
  }
  {  // .5, .5e+3 (here the exponent needs its sign), .inf
    Cursor c(t);
    c.eat_any("-+");
    if (c.eat('.')) {
      Cursor rest = c;
      if (rest.eat_run(kDigitsUnderscore, 1) && (rest.done() || (exponent(rest, true) && rest.done()))) return true;
      for (const auto inf : {"inf", "Inf", "INF"}) {
        Cursor r = c;
        if (r.eat_text(inf) && r.done()) return true;
      }
    }
  }
  return t == ".nan" || t == ".NaN" || t == ".NAN";
}

bool is_timestamp(std::string_view t) {
  {  // 2026-01-01
    Cursor c(t);
    if (c.eat_run(kDigits, 4, 4) && c.eat('-') && c.eat_run(kDigits, 2, 2) && c.eat('-') && c.eat_run(kDigits, 2, 2) && c.done()) {
      return true;
    }
  }
  // 2026-1-1T1:00:00.5 +01:00
  Cursor c(t);
  if (!(c.eat_run(kDigits, 4, 4) && c.eat('-') && c.eat_run(kDigits, 1, 2) && c.eat('-') && c.eat_run(kDigits, 1, 2))) return false;
  if (!c.eat_any("Tt") && !c.eat_run(" \t", 1)) return false;
  if (!(c.eat_run(kDigits, 1, 2) && c.eat(':') && c.eat_run(kDigits, 2, 2) && c.eat(':') && c.eat_run(kDigits, 2, 2))) return false;
  if (c.eat('.')) c.eat_run(kDigits, 0);
  if (c.done()) return true;
  c.eat_run(" \t", 0);
  if (c.eat('Z')) return c.done();
  if (!(c.eat_any("-+") && c.eat_run(kDigits, 1, 2))) return false;
  if (c.eat(':') && !c.eat_run(kDigits, 2, 2)) return false;
  return c.done();
}

}  // namespace

bool plain_reads_as_string(std::string_view t) {
  static constexpr std::string_view kWords[] = {"true", "True", "TRUE", "false", "False", "FALSE", "",  "~",
                                                "null", "Null", "NULL", "<<",   "=",     "!",     "&", "*"};
  for (const auto w : kWords) {
    if (t == w) return false;
  }
  // ruamel tries a resolver only on text starting with one of its first characters: "_1" is a string.
  const char first = t.empty() ? '\0' : t[0];
  const bool numeric_start = first != '\0' && std::string_view("-+0123456789").find(first) != std::string_view::npos;
  return !(numeric_start && is_int(t)) && !((numeric_start || first == '.') && is_float(t)) && !is_timestamp(t);
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
