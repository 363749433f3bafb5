#pragma once
// A top-down operator precedence (Pratt) parser over the lexer's tokens, making the same decisions as the
// reference parser token for token, including what it leniently accepts (`f(a b)`, `{a: x b: y}`).

#include <string_view>

#include "aws/jmespath/ast.hpp"

namespace drc::aws::jmespath::detail {

// Trees deeper than this are refused at compile time: both the parser and the interpreter recurse once
// per level, and a 64 KiB expression could otherwise nest tens of thousands of levels.
inline constexpr int kMaxTreeDepth = 400;

// Throws SyntaxError.
NodePtr parse_expression(std::string_view text);

}  // namespace drc::aws::jmespath::detail
