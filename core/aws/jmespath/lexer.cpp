#include "aws/jmespath/lexer.hpp"

#include <algorithm>
#include <optional>

#include "aws/jmespath/errors.hpp"
#include "aws/jmespath/utf8.hpp"

namespace drc::aws::jmespath::detail {

namespace {

constexpr std::int64_t kNumberClamp = std::int64_t{1} << 62;

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_identifier_char(char c) { return is_identifier_start(c) || is_digit(c); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Depth of nesting of a parsed JSON value, stopping early once past `limit`.
int json_depth(const nlohmann::json& v, int limit) {
  if (!v.is_structured()) return 0;
  if (limit <= 0) return 1;
  int deepest = 0;
  for (const auto& child : v) {
    deepest = std::max(deepest, json_depth(child, limit - 1));
    if (deepest >= limit) break;
  }
  return deepest + 1;
}

// Depth of the brackets in the text, so json_depth never recurses on something a stack cannot hold.
// Brackets inside strings count too; that only makes the check stricter for odd literals.
int bracket_depth(std::string_view text) {
  int depth = 0;
  int deepest = 0;
  for (char c : text) {
    if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    if (c == ']' || c == '}') --depth;
  }
  return deepest;
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : s_(text) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      const std::size_t start = i_;
      if (is_space(c)) {
        ++i_;
      } else if (is_identifier_start(c)) {
        while (i_ < s_.size() && is_identifier_char(s_[i_])) ++i_;
        out.push_back(make(TokenType::UnquotedIdentifier, start, std::string(s_.substr(start, i_ - start))));
      } else if (is_digit(c) || c == '-') {
        out.push_back(number(start));
      } else if (c == '[') {
        ++i_;
        if (peek(']')) {
          ++i_;
          out.push_back(make(TokenType::Flatten, start, "[]"));
        } else if (peek('?')) {
          ++i_;
          out.push_back(make(TokenType::Filter, start, "[?"));
        } else {
          out.push_back(make(TokenType::LBracket, start, "["));
        }
      } else if (c == '\'') {
        out.push_back(raw_string(start));
      } else if (c == '`') {
        out.push_back(json_literal(start));
      } else if (c == '"') {
        out.push_back(quoted_identifier(start));
      } else if (c == '|') {
        out.push_back(one_or_two(start, '|', TokenType::Or, TokenType::Pipe));
      } else if (c == '&') {
        out.push_back(one_or_two(start, '&', TokenType::And, TokenType::Expref));
      } else if (c == '<') {
        out.push_back(one_or_two(start, '=', TokenType::Lte, TokenType::Lt));
      } else if (c == '>') {
        out.push_back(one_or_two(start, '=', TokenType::Gte, TokenType::Gt));
      } else if (c == '!') {
        out.push_back(one_or_two(start, '=', TokenType::Ne, TokenType::Not));
      } else if (c == '=') {
        ++i_;
        if (!peek('=')) throw SyntaxError{start, "'=' is not an operator (did you mean '=='?)"};
        ++i_;
        out.push_back(make(TokenType::Eq, start, "=="));
      } else if (auto simple = simple_token(c)) {
        ++i_;
        out.push_back(make(*simple, start, std::string(1, c)));
      } else {
        std::size_t end = i_;
        next_code_point(s_, end);
        throw SyntaxError{start, "unexpected character '" + std::string(s_.substr(start, end - start)) + "'"};
      }
    }
    out.push_back(make(TokenType::Eof, s_.size(), ""));
    return out;
  }

 private:
  static std::optional<TokenType> simple_token(char c) {
    switch (c) {
      case '.': return TokenType::Dot;
      case '*': return TokenType::Star;
      case ']': return TokenType::RBracket;
      case ',': return TokenType::Comma;
      case ':': return TokenType::Colon;
      case '@': return TokenType::Current;
      case '(': return TokenType::LParen;
      case ')': return TokenType::RParen;
      case '{': return TokenType::LBrace;
      case '}': return TokenType::RBrace;
      default: return std::nullopt;
    }
  }

  bool peek(char c) const { return i_ < s_.size() && s_[i_] == c; }

  static Token make(TokenType type, std::size_t offset, std::string text) {
    Token t;
    t.type = type;
    t.offset = offset;
    t.text = std::move(text);
    return t;
  }

  Token one_or_two(std::size_t start, char second, TokenType both, TokenType single) {
    ++i_;
    if (peek(second)) {
      ++i_;
      return make(both, start, std::string(s_.substr(start, 2)));
    }
    return make(single, start, std::string(s_.substr(start, 1)));
  }

  Token number(std::size_t start) {
    const bool negative = s_[i_] == '-';
    if (negative) ++i_;
    if (!(i_ < s_.size() && is_digit(s_[i_]))) throw SyntaxError{start, "'-' must be followed by digits"};
    std::int64_t magnitude = 0;
    while (i_ < s_.size() && is_digit(s_[i_])) {
      const std::int64_t digit = s_[i_] - '0';
      magnitude = magnitude > (kNumberClamp - digit) / 10 ? kNumberClamp : magnitude * 10 + digit;
      ++i_;
    }
    Token t = make(TokenType::Number, start, std::string(s_.substr(start, i_ - start)));
    t.number = negative ? -magnitude : magnitude;
    return t;
  }

  // The reference reads up to the closing delimiter keeping every backslash together with the character
  // after it (so an escaped delimiter does not close); each caller then decides what the escapes mean.
  std::string until(char delimiter, std::size_t start) {
    std::string buffer;
    ++i_;
    while (true) {
      if (i_ >= s_.size()) break;
      if (s_[i_] == delimiter) {
        ++i_;
        return buffer;
      }
      if (s_[i_] == '\\') {
        buffer += '\\';
        if (++i_ >= s_.size()) break;
      }
      buffer += s_[i_];
      ++i_;
    }
    throw SyntaxError{start, std::string("unclosed ") + delimiter + ": no matching " + delimiter + " before the end"};
  }

  static std::string replace_all(std::string s, std::string_view from, std::string_view to) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
      const std::size_t hit = s.find(from, pos);
      if (hit == std::string::npos) break;
      out.append(s, pos, hit - pos);
      out.append(to);
      pos = hit + from.size();
    }
    out.append(s, pos);
    return out;
  }

  Token raw_string(std::size_t start) {
    Token t = make(TokenType::Literal, start, "");
    t.literal = replace_all(until('\'', start), "\\'", "'");
    t.text = std::string(s_.substr(start, i_ - start));
    return t;
  }

  Token json_literal(std::size_t start) {
    const std::string lexeme = replace_all(until('`', start), "\\`", "`");
    if (bracket_depth(lexeme) > kMaxLiteralDepth) throw SyntaxError{start, "literal nested too deeply"};
    Token t = make(TokenType::Literal, start, std::string(s_.substr(start, i_ - start)));
    t.literal = nlohmann::json::parse(lexeme, nullptr, false);
    if (t.literal.is_discarded()) {
      // The legacy form: anything that is not JSON is read as the inside of a JSON string.
      std::string quoted = "\"";
      quoted.append(lstrip_python_space(lexeme));
      quoted += '"';
      t.literal = nlohmann::json::parse(quoted, nullptr, false);
      if (t.literal.is_discarded()) {
        throw SyntaxError{start, "the literal `" + lexeme + "` is neither JSON nor a valid string"};
      }
    }
    if (json_depth(t.literal, kMaxLiteralDepth) > kMaxLiteralDepth) throw SyntaxError{start, "literal nested too deeply"};
    return t;
  }

  Token quoted_identifier(std::size_t start) {
    const std::string lexeme = "\"" + until('"', start) + "\"";
    Token t = make(TokenType::QuotedIdentifier, start, "");
    const auto parsed = nlohmann::json::parse(lexeme, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_string()) {
      throw SyntaxError{start, "invalid quoted identifier " + lexeme + " (it must be a JSON string)"};
    }
    t.text = parsed.get<std::string>();
    return t;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

std::vector<Token> tokenize(std::string_view expression) { return Lexer(expression).run(); }

int binding_power(TokenType type) {
  switch (type) {
    case TokenType::Pipe: return 1;
    case TokenType::Or: return 2;
    case TokenType::And: return 3;
    case TokenType::Eq:
    case TokenType::Gt:
    case TokenType::Lt:
    case TokenType::Gte:
    case TokenType::Lte:
    case TokenType::Ne: return 5;
    case TokenType::Flatten: return 9;
    case TokenType::Star: return 20;
    case TokenType::Filter: return 21;
    case TokenType::Dot: return 40;
    case TokenType::Not: return 45;
    case TokenType::LBrace: return 50;
    case TokenType::LBracket: return 55;
    case TokenType::LParen: return 60;
    default: return 0;
  }
}

std::string describe(TokenType type) {
  switch (type) {
    case TokenType::Eof: return "the end of the expression";
    case TokenType::UnquotedIdentifier: return "an identifier";
    case TokenType::QuotedIdentifier: return "a quoted identifier";
    case TokenType::Literal: return "a literal";
    case TokenType::RBracket: return "']'";
    case TokenType::RParen: return "')'";
    case TokenType::Comma: return "','";
    case TokenType::RBrace: return "'}'";
    case TokenType::Number: return "a number";
    case TokenType::Current: return "'@'";
    case TokenType::Expref: return "'&'";
    case TokenType::Colon: return "':'";
    case TokenType::Pipe: return "'|'";
    case TokenType::Or: return "'||'";
    case TokenType::And: return "'&&'";
    case TokenType::Eq: return "'=='";
    case TokenType::Gt: return "'>'";
    case TokenType::Lt: return "'<'";
    case TokenType::Gte: return "'>='";
    case TokenType::Lte: return "'<='";
    case TokenType::Ne: return "'!='";
    case TokenType::Flatten: return "'[]'";
    case TokenType::Star: return "'*'";
    case TokenType::Filter: return "'[?'";
    case TokenType::Dot: return "'.'";
    case TokenType::Not: return "'!'";
    case TokenType::LBrace: return "'{'";
    case TokenType::LBracket: return "'['";
    case TokenType::LParen: return "'('";
  }
  return "a token";
}

}  // namespace drc::aws::jmespath::detail
