#include "aws/jmespath/jmespath.hpp"

#include <new>

#include "aws/jmespath/ast.hpp"
#include "aws/jmespath/errors.hpp"
#include "aws/jmespath/interpreter.hpp"
#include "aws/jmespath/parser.hpp"
#include "aws/jmespath/utf8.hpp"

namespace drc::aws::jmespath {

namespace {

Error syntax_error(std::string_view text, std::size_t offset, const std::string& message) {
  const std::size_t column = detail::count_code_points(text.substr(0, std::min(offset, text.size()))) + 1;
  return make_error("syntax error at column " + std::to_string(column) + ": " + message);
}

}  // namespace

Expression::Expression(std::string text, std::shared_ptr<const detail::Node> root)
    : text_(std::move(text)), root_(std::move(root)) {}

Result<Expression> Expression::compile(std::string_view text) {
  if (text.size() > kMaxExpressionLength) {
    return make_error("too-complex: the expression is " + std::to_string(text.size()) + " bytes long; the limit is " +
                      std::to_string(kMaxExpressionLength));
  }
  if (text.empty()) return make_error("syntax error at column 1: the expression is empty");
  if (!detail::is_valid_utf8(text)) return make_error("syntax error at column 1: the expression is not valid UTF-8");
  try {
    std::shared_ptr<const detail::Node> root = detail::parse_expression(text);
    return Expression(std::string(text), std::move(root));
  } catch (const detail::SyntaxError& e) {
    return syntax_error(text, e.offset, e.message);
  } catch (const std::bad_alloc&) {
    return make_error("too-complex: out of memory while compiling the expression");
  }
}

Result<nlohmann::json> Expression::search(const nlohmann::json& data) const {
  try {
    detail::Interpreter interpreter(detail::work_budget_for(data));
    return interpreter.materialize(interpreter.eval(*root_, data));
  } catch (const detail::EvalError& e) {
    return make_error(e.kind + ": " + e.message);
  } catch (const std::bad_alloc&) {
    return make_error("too-complex: out of memory while evaluating the expression");
  } catch (const nlohmann::json::exception& e) {
    // Not expected: every access is type-checked first. Reported rather than let out of the module.
    return make_error(std::string("invalid-value: ") + e.what());
  }
}

Result<nlohmann::json> search(std::string_view expression, const nlohmann::json& data) {
  auto compiled = Expression::compile(expression);
  if (!compiled) return compiled.error();
  return compiled->search(data);
}

std::string_view error_kind(const Error& error) {
  const std::string_view m = error.message;
  if (m.starts_with("syntax error")) return "syntax";
  const std::size_t colon = m.find(':');
  return colon == std::string_view::npos ? m : m.substr(0, colon);
}

}  // namespace drc::aws::jmespath
