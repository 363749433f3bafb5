#include "aws/cli/shorthand.hpp"

#include "aws/cli/number_args.hpp"
#include "util/text.hpp"

#include <cctype>
#include <stdexcept>

namespace drc::aws::cli {

using Json = nlohmann::ordered_json;

namespace {

struct SyntaxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// The character classes of awscli's _START_WORD, _FIRST_FOLLOW_CHARS and _SECOND_FOLLOW_CHARS, on bytes.
// They end at U+FFFF: a character past it (an emoji) is in none of them, and its UTF-8 form is the only one
// that starts with a byte of 0xF0 or more. The other bytes of multi-byte characters are all inside.
bool beyond_bmp(unsigned char c) { return c >= 0xF0; }
bool start_word(unsigned char c) {
  return c == '!' || (c >= '#' && c <= '&') || (c >= '(' && c <= '+') || (c >= '-' && c <= '<') ||
         (c >= '>' && c <= 'Z') || (c >= '\\' && c <= 'z') || (c >= 0x7c && !beyond_bmp(c));
}
bool first_follow(unsigned char c) {
  return is_ws(static_cast<char>(c)) || c == '!' || (c >= '#' && c <= '&') || (c >= '(' && c <= '+') ||
         (c >= '-' && c <= '\\') || (c >= '^' && c <= '|') || (c >= '~' && !beyond_bmp(c));
}
bool second_follow(unsigned char c) {
  return is_ws(static_cast<char>(c)) || c == '!' || (c >= '#' && c <= '&') || (c >= '(' && c <= '+') ||
         (c >= '-' && c <= '<') || (c >= '>' && !beyond_bmp(c));
}

class Parser {
 public:
  explicit Parser(std::string_view in) : in_(in) {}

  Json parameter() {
    Json params = Json::object();
    auto [k, v] = keyval();
    params[k] = v;
    while (i_ < in_.size()) {
      expect(',', true);
      auto [k2, v2] = keyval();
      if (params.contains(k2)) throw SyntaxError("Second instance of key \"" + k2 + "\" encountered for input:\n" + caret() +
                                                 "\nThis is often because there is a preceding \",\" instead of a space.");
      params[k2] = v2;
    }
    return params;
  }

 private:
  std::pair<std::string, Json> keyval() {
    auto k = key();
    skip_ws();
    if (cur() == '@') {  // key@=file://... : a file may supply the value; read as written here
      ++i_;
    }
    expect('=', true);
    return {k, values()};
  }

  std::string key() {
    const auto start = i_;
    while (i_ < in_.size()) {
      const char c = in_[i_];
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '#' || c == '/' || c == ':')) break;
      ++i_;
    }
    return std::string(in_.substr(start, i_ - start));
  }

  Json values() {
    if (eof()) return "";
    if (cur() == '[') return explicit_list();
    if (cur() == '{') return hash_literal();
    return csv_value();
  }

  Json csv_value() {
    Json first = first_value();
    skip_ws();
    if (eof() || cur() != ',') return first;
    expect(',', true);
    Json list = Json::array({first});
    for (;;) {
      try {
        Json v = second_value();
        skip_ws();
        if (eof()) {
          list.push_back(v);
          break;
        }
        expect(',', true);
        list.push_back(v);
      } catch (const SyntaxError&) {
        if (eof()) throw;
        while (i_ > 0 && in_[i_] != ',') --i_;  // back to the comma before the next key
        break;
      }
    }
    return list.size() == 1 ? first : list;
  }

  Json explicit_list() {
    expect('[', true);
    Json out = Json::array();
    while (cur() != ']') {
      out.push_back(explicit_values());
      skip_ws();
      if (cur() != ']') {
        expect(',');
        skip_ws();
      }
    }
    expect(']');
    return out;
  }

  Json explicit_values() {
    if (cur() == '[') return explicit_list();
    if (cur() == '{') return hash_literal();
    return first_value();
  }

  Json hash_literal() {
    expect('{', true);
    Json out = Json::object();
    while (cur() != '}') {
      auto k = key();
      skip_ws();
      if (cur() == '@') ++i_;
      expect('=', true);
      Json v = explicit_values();
      skip_ws();
      if (cur() != '}') {
        expect(',');
        skip_ws();
      }
      out[k] = v;
    }
    expect('}');
    return out;
  }

  Json first_value() {
    if (cur() == '\'') return quoted('\'');
    if (cur() == '"') return quoted('"');
    // value = first char from START_WORD (or an escaped comma), then FIRST_FOLLOW chars
    std::string out;
    const auto start = i_;
    auto escaped_comma = [&] { return in_[i_] == '\\' && i_ + 1 < in_.size() && in_[i_ + 1] == ','; };
    if (!eof() && (escaped_comma() || start_word(static_cast<unsigned char>(in_[i_])))) {
      i_ += escaped_comma() ? 2 : 1;
      while (!eof() && (escaped_comma() || first_follow(static_cast<unsigned char>(in_[i_])))) i_ += escaped_comma() ? 2 : 1;
    }
    return clean(in_.substr(start, i_ - start));
  }

  Json second_value() {
    if (cur() == '\'') return quoted('\'');
    if (cur() == '"') return quoted('"');
    const auto start = i_;
    auto escaped_comma = [&] { return in_[i_] == '\\' && i_ + 1 < in_.size() && in_[i_ + 1] == ','; };
    if (eof() || !(escaped_comma() || start_word(static_cast<unsigned char>(in_[i_])))) {
      throw SyntaxError("Expected: '<second>', received: '" + (eof() ? std::string("EOF") : char_at(i_)) + "'");
    }
    i_ += escaped_comma() ? 2 : 1;
    while (!eof() && (escaped_comma() || second_follow(static_cast<unsigned char>(in_[i_])))) i_ += escaped_comma() ? 2 : 1;
    return clean(in_.substr(start, i_ - start));
  }

  // The matched text with "\," unescaped and trailing whitespace removed.
  static std::string clean(std::string_view s) {
    std::string out;
    for (std::size_t k = 0; k < s.size(); ++k) {
      if (s[k] == '\\' && k + 1 < s.size() && s[k + 1] == ',') {
        out += ',';
        ++k;
      } else {
        out += s[k];
      }
    }
    while (!out.empty() && is_ws(out.back())) out.pop_back();
    return out;
  }

  std::string quoted(char q) {
    // 'text' with \' and \\ escapes (and the same for "); the closing quote must come.
    const auto start = i_;
    ++i_;
    std::string raw;
    while (!eof() && in_[i_] != q) {
      if (in_[i_] == '\\' && i_ + 1 < in_.size()) {
        raw += in_[i_];
        raw += in_[i_ + 1];
        i_ += 2;
        continue;
      }
      raw += in_[i_++];
    }
    if (eof()) {
      i_ = start;
      throw SyntaxError(std::string("Expected: '<") + (q == '\'' ? "singled_quoted" : "double_quoted") +
                        ">', received: '<none>'");
    }
    ++i_;
    std::string out;
    for (std::size_t k = 0; k < raw.size(); ++k) {
      if (raw[k] == '\\' && k + 1 < raw.size() && (raw[k + 1] == q || raw[k + 1] == '\\')) {
        out += raw[k + 1];
        ++k;
      } else {
        out += raw[k];
      }
    }
    return out;
  }

  void expect(char c, bool ws = false) {
    if (ws) skip_ws();
    if (eof()) throw SyntaxError(std::string("Expected: '") + c + "', received: 'EOF' for input:\n" + caret());
    if (in_[i_] != c) throw SyntaxError(std::string("Expected: '") + c + "', received: '" + char_at(i_) + "' for input:\n" + caret());
    ++i_;
    if (ws) skip_ws();
  }

  // The whole (UTF-8) character at byte k, for messages.
  std::string char_at(std::size_t k) const {
    const auto b = static_cast<unsigned char>(in_[k]);
    std::size_t n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    return std::string(in_.substr(k, std::min(n, in_.size() - k)));
  }
  // The input, and a caret under the character reached (counted in characters, as Python indexes).
  std::string caret() const {
    const auto reached = utf8_code_points(in_.substr(0, std::min(i_, in_.size()))).size();
    return std::string(in_) + "\n" + std::string(reached, ' ') + "^";
  }
  char cur() const { return eof() ? '\0' : in_[i_]; }
  bool eof() const { return i_ >= in_.size(); }
  void skip_ws() {
    while (!eof() && is_ws(in_[i_])) ++i_;
  }

  std::string_view in_;
  std::size_t i_ = 0;
};

}  // namespace

Result<Json> parse_shorthand(std::string_view text) {
  try {
    Parser p(text);
    return p.parameter();
  } catch (const SyntaxError& e) {
    return make_error(e.what());
  }
}

namespace {

void type_value(const model::ServiceModel& m, const model::Shape& s, Json& v, int depth) {
  if (depth > 64 || v.is_null()) return;
  using model::ShapeType;
  switch (s.type) {
    case ShapeType::Structure:
      if (!v.is_object()) return;
      for (const auto& member : s.members) {
        if (!v.contains(member.name)) continue;
        if (const auto* ms = m.shape(member.shape)) type_value(m, *ms, v[member.name], depth + 1);
      }
      return;
    case ShapeType::List: {
      if (!v.is_array()) v = Json::array({v});  // "foo=bar" where a list belongs: ["bar"]
      const auto* ms = m.shape(s.member->shape);
      if (!ms) return;
      for (auto& e : v) type_value(m, *ms, e, depth + 1);
      return;
    }
    case ShapeType::Map: {
      if (!v.is_object()) return;
      const auto* vs = m.shape(s.value->shape);
      if (!vs) return;
      for (auto& [k, e] : v.items()) type_value(m, *vs, e, depth + 1);
      return;
    }
    case ShapeType::Integer:
    case ShapeType::Long:
      if (v.is_string()) {
        auto n = python_int(v.get<std::string>());
        if (!n) throw std::invalid_argument(n.error().message);
        v = *n;
      }
      return;
    case ShapeType::Float:
    case ShapeType::Double:
      if (v.is_string()) {
        auto d = python_float(v.get<std::string>());
        if (!d) throw std::invalid_argument(d.error().message);
        v = *d;
      }
      return;
    case ShapeType::Boolean:
      if (v.is_string()) {
        std::string lower = v.get<std::string>();
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (lower == "true") v = true;
        if (lower == "false") v = false;
      }
      return;
    default: return;
  }
}

}  // namespace

Status apply_model_types(const model::ServiceModel& m, const model::Shape& s, Json& value) {
  try {
    type_value(m, s, value, 0);
    return {};
  } catch (const std::invalid_argument& e) {
    return make_error(e.what());
  }
}

}  // namespace drc::aws::cli
