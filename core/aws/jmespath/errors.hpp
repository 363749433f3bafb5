#pragma once
// The two failures the internals throw. The public boundary (jmespath.cpp) catches both and turns them into
// drc::Error values; nothing thrown here ever crosses it.

#include <cstddef>
#include <string>

namespace drc::aws::jmespath::detail {

// A problem with the expression text itself, found before any data is seen. `offset` is a byte offset
// into the expression; the boundary converts it to a character column for people.
struct SyntaxError {
  std::size_t offset;
  std::string message;
};

// A problem found while evaluating. `kind` is one of the stable names documented in jmespath.hpp
// ("invalid-type", "invalid-arity", "unknown-function", "invalid-value", "too-complex").
struct EvalError {
  std::string kind;
  std::string message;
};

}  // namespace drc::aws::jmespath::detail
