#pragma once
// JMESPath, for `drconsole aws ... --query`: the full language, behaving as the python `jmespath` package
// (1.1.0) that the aws CLI uses. An expression is compiled once and can be searched many times.
//
//   lexer.hpp        text -> tokens (including the legacy `literal` forms python accepts)
//   parser.hpp       tokens -> syntax tree (ast.hpp), Pratt-style as the reference parser
//   interpreter.hpp  syntax tree x document -> result, with projection and null-dropping rules
//   functions.hpp    the 26 built-in functions: signatures and type checks (bodies in builtins_*.cpp)
//   value.hpp        python's truthiness, equality and ordering
//   python_json.hpp  JSON text as python writes it (to_string(), and for printing results)
//
// Errors are values. Each message starts with its kind, so callers can tell them apart:
//   "syntax error at column N: ..."  the text is not a valid expression (N counts characters from 1)
//   "invalid-type: ..."              a function got the wrong type, or a string was ordered against a number
//   "invalid-arity: ..."             a function got the wrong number of arguments
//   "unknown-function: ..."          no such function (reported when it is called, as python does)
//   "invalid-value: ..."             e.g. a slice step of 0, or an expression reference used as a value
//   "too-complex: ..."               input beyond the limits below

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "util/result.hpp"

namespace drc::aws::jmespath {

namespace detail {
struct Node;
}

// Longer expressions are refused outright.
inline constexpr std::size_t kMaxExpressionLength = 64 * 1024;

class Expression {
 public:
  static Result<Expression> compile(std::string_view text);

  // Never throws; runtime failures come back as errors.
  Result<nlohmann::json> search(const nlohmann::json& data) const;

  const std::string& text() const { return text_; }

 private:
  Expression(std::string text, std::shared_ptr<const detail::Node> root);

  std::string text_;
  std::shared_ptr<const detail::Node> root_;  // immutable, so copies share it
};

// Compile and search in one step.
Result<nlohmann::json> search(std::string_view expression, const nlohmann::json& data);

// The kind an error message starts with: "syntax", "invalid-type", "invalid-arity", "unknown-function",
// "invalid-value" or "too-complex".
std::string_view error_kind(const Error& error);

}  // namespace drc::aws::jmespath
