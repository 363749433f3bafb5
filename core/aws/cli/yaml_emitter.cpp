#include "aws/cli/yaml_emitter.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <utility>
#include <vector>

#include "aws/protocol/python_values.hpp"
#include "aws/cli/yaml_scalar.hpp"
#include "util/text.hpp"

namespace drc::aws::cli::yaml {

using protocol::python_str;

namespace {

using Json = nlohmann::ordered_json;

constexpr int kIndent = 2;
constexpr long kWidth = 80;
constexpr std::size_t kSimpleKeyBytes = 128;

struct Place {
  bool sequence = false;    // an item of a sequence
  bool mapping = false;     // a key or value of a mapping
  bool simple_key = false;  // a key written as "key:"
};

// The parts of libyaml's emitter state that decide where text goes: the column (in characters),
// whether the last thing written was whitespace or indentation, and the stack of indents.
class Emitter {
 public:
  std::string document(const Json& root) {
    node(root, {});
    write_indent();
    return std::move(out_);
  }

 private:
  void node(const Json& v, Place place) {
    if (v.is_object()) return v.empty() ? empty_collection("{", "}") : mapping(v);
    if (v.is_array()) return v.empty() ? empty_collection("[", "]") : sequence(v, place);
    if (v.is_string()) {
      const auto& text = v.get_ref<const std::string&>();
      return scalar(analyze(text), plain_reads_as_string(text), place);
    }
    // Numbers, booleans and null as ruamel represents them; each reads back as itself when plain.
    std::string text = v.is_null() ? "null" : v.is_boolean() ? (v.get<bool>() ? "true" : "false") : python_str(v);
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    scalar(analyze(text), true, place);
  }

  void mapping(const Json& v) {
    std::vector<std::string> keys;
    for (const auto& [k, x] : v.items()) keys.push_back(k);
    std::sort(keys.begin(), keys.end());  // ruamel sorts a plain dict's keys; byte order is code point order
    push_indent(false);
    for (const auto& k : keys) {
      write_indent();
      auto facts = analyze(k);
      const bool reads_back = plain_reads_as_string(k);
      if (!facts.multiline && facts.bytes <= kSimpleKeyBytes) {
        scalar(std::move(facts), reads_back, {false, true, true});
        indicator(":", false, false, false);
      } else {
        indicator("?", true, false, true);
        scalar(std::move(facts), reads_back, {false, true, false});
        write_indent();
        indicator(":", true, false, true);
      }
      node(v.at(k), {false, true, false});
    }
    pop_indent();
  }

  void sequence(const Json& v, Place place) {
    push_indent(place.mapping && !indention_);  // "key:\n- item": a sequence in a mapping is not indented
    for (const auto& item : v) {
      write_indent();
      indicator("-", true, false, true);
      node(item, {true, false, false});
    }
    pop_indent();
  }

  void empty_collection(const char* open, const char* close) {
    indicator(open, true, true, false);
    indicator(close, false, false, false);
  }

  void scalar(ScalarFacts facts, bool reads_back, Place place) {
    const Style style = choose_style(facts, reads_back, place.simple_key);
    indents_.push_back(indent_);
    indent_ = indent_ < 0 ? kIndent : indent_ + kIndent;
    const bool breaks_allowed = !place.simple_key;
    switch (style) {
      case Style::plain: plain(facts.chars, breaks_allowed); break;
      case Style::single_quoted: single_quoted(facts.chars, breaks_allowed); break;
      case Style::double_quoted: double_quoted(facts.chars, breaks_allowed); break;
    }
    pop_indent();
  }

  void plain(const std::u32string& s, bool breaks_allowed) {
    if (!whitespace_ && !s.empty()) put(' ');
    bool spaces = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == U' ') {
        if (breaks_allowed && !spaces && column_ > kWidth && !(i + 1 < s.size() && s[i + 1] == U' ')) {
          write_indent();
        } else {
          put_char(s[i]);
        }
        spaces = true;
      } else {
        put_char(s[i]);
        indention_ = false;
        spaces = false;
      }
    }
    whitespace_ = indention_ = false;
  }

  void single_quoted(const std::u32string& s, bool breaks_allowed) {
    indicator("'", true, false, false);
    bool spaces = false, breaks = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char32_t c = s[i];
      if (c == U' ') {
        if (breaks_allowed && !spaces && column_ > kWidth && i != 0 && i + 1 != s.size() && s[i + 1] != U' ') {
          write_indent();
        } else {
          put_char(c);
        }
        spaces = true;
      } else if (line_break(c)) {
        // A line break inside single quotes is written twice over: the folded form reads back as one.
        if (!breaks && c == U'\n') put_break();
        if (c == U'\n') {
          put_break();
        } else {
          out_ += utf8_encode(c);
          column_ = 0;
        }
        indention_ = true;
        breaks = true;
      } else {
        if (breaks) write_indent();
        if (c == U'\'') put('\'');
        put_char(c);
        indention_ = false;
        spaces = breaks = false;
      }
    }
    if (breaks) write_indent();
    indicator("'", false, false, false);
    whitespace_ = indention_ = false;
  }

  void double_quoted(const std::u32string& s, bool breaks_allowed) {
    indicator("\"", true, false, false);
    bool spaces = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char32_t c = s[i];
      if (!printable(c) || c == 0xFEFF || line_break(c) || c == U'"' || c == U'\\') {
        escape(c);
        spaces = false;
      } else if (c == U' ') {
        if (breaks_allowed && !spaces && column_ > kWidth && i != 0 && i + 1 != s.size()) {
          write_indent();
          if (s[i + 1] == U' ') put('\\');  // a space starting the next line would be folded away
        } else {
          put_char(c);
        }
        spaces = true;
      } else {
        put_char(c);
        spaces = false;
      }
    }
    indicator("\"", false, false, false);
    whitespace_ = indention_ = false;
  }

  void escape(char32_t c) {
    put('\\');
    static constexpr std::pair<char32_t, char> kShort[] = {
        {0x00, '0'}, {0x07, 'a'}, {0x08, 'b'}, {0x09, 't'}, {0x0A, 'n'}, {0x0B, 'v'},    {0x0C, 'f'},    {0x0D, 'r'},
        {0x1B, 'e'}, {0x22, '"'}, {0x5C, '\\'}, {0x85, 'N'}, {0xA0, '_'}, {0x2028, 'L'}, {0x2029, 'P'}};
    for (const auto& [code, letter] : kShort) {
      if (code == c) return put(letter);
    }
    char buf[16];
    if (c <= 0xFF) {
      std::snprintf(buf, sizeof buf, "x%02X", static_cast<unsigned>(c));
    } else if (c <= 0xFFFF) {
      std::snprintf(buf, sizeof buf, "u%04X", static_cast<unsigned>(c));
    } else {
      std::snprintf(buf, sizeof buf, "U%08X", static_cast<unsigned>(c));
    }
    for (const char* p = buf; *p; ++p) put(*p);
  }

  void push_indent(bool indentless) {
    indents_.push_back(indent_);
    if (indent_ < 0) {
      indent_ = 0;
    } else if (!indentless) {
      indent_ += kIndent;
    }
  }

  void pop_indent() {
    indent_ = indents_.back();
    indents_.pop_back();
  }

  void write_indent() {
    const long indent = std::max(indent_, 0);
    if (!indention_ || column_ > indent || (column_ == indent && !whitespace_)) put_break();
    while (column_ < indent) put(' ');
    whitespace_ = indention_ = true;
  }

  void indicator(const char* text, bool need_whitespace, bool is_whitespace, bool is_indention) {
    if (need_whitespace && !whitespace_) put(' ');
    for (const char* p = text; *p; ++p) put(*p);
    whitespace_ = is_whitespace;
    indention_ = indention_ && is_indention;
  }

  void put(char c) {
    out_ += c;
    ++column_;
  }
  void put_char(char32_t c) {
    out_ += utf8_encode(c);
    ++column_;
  }
  void put_break() {
    out_ += '\n';
    column_ = 0;
  }

  std::string out_;
  long column_ = 0;
  int indent_ = -1;
  std::vector<int> indents_;
  bool whitespace_ = true;
  bool indention_ = true;
};

}  // namespace

std::string emit_document(const Json& root) { return Emitter().document(root); }

}  // namespace drc::aws::cli::yaml
