#pragma once
// Splits an expression into tokens, exactly where and how the reference lexer does, including its
// lenient legacy literals (`foo` is the string "foo") and its raw-string escaping rules.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace drc::aws::jmespath::detail {

enum class TokenType {
  Eof, UnquotedIdentifier, QuotedIdentifier, Literal, RBracket, RParen, Comma, RBrace, Number, Current,
  Expref, Colon, Pipe, Or, And, Eq, Gt, Lt, Gte, Lte, Ne, Flatten, Star, Filter, Dot, Not, LBrace,
  LBracket, LParen,
};

struct Token {
  TokenType type = TokenType::Eof;
  std::size_t offset = 0;  // byte offset of the token's first character
  std::string text;        // identifier name, or the source text for messages
  nlohmann::json literal;  // Literal tokens only
  std::int64_t number = 0; // Number tokens only, clamped to +-2^62 (python's big ints behave the same
                           // as a clamped value as an index or slice bound)
};

// Deeper JSON literals are refused: python's json.loads gives up near 1000 levels, and the evaluator's
// recursive helpers should never see anything close to a stack's worth.
inline constexpr int kMaxLiteralDepth = 512;

// Throws SyntaxError. The last token is always Eof.
std::vector<Token> tokenize(std::string_view expression);

// The Pratt binding power of each token type, as the reference parser assigns them.
int binding_power(TokenType type);

// "']'", "an identifier", "the end of the expression": for error messages.
std::string describe(TokenType type);

}  // namespace drc::aws::jmespath::detail
