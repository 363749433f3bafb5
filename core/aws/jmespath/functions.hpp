#pragma once
// The built-in functions, with the reference's signatures and its order of checks: unknown name, then
// arity, then argument types left to right (array element types included), then the function's own checks.

#include <string_view>
#include <vector>

#include "aws/jmespath/ast.hpp"
#include "aws/jmespath/value.hpp"

namespace drc::aws::jmespath::detail {

class Interpreter;

// One evaluated argument: a value, or an expression reference (`&expr`, kept unevaluated).
struct Arg {
  Value value;
  const Node* expref = nullptr;
};

using BuiltinImpl = Value (*)(Interpreter&, std::vector<Arg>&);

// The parameter types a signature can name, as the reference spells them ("array-number" etc.).
enum class Accept { Number, String, Boolean, Array, Object, Null, Expref, ArrayNumber, ArrayString };

struct Param {
  std::vector<Accept> accepts;  // empty: any value
};

struct Builtin {
  std::string_view name;
  std::vector<Param> params;
  bool variadic = false;  // the last parameter may repeat; only the declared ones are type-checked
  BuiltinImpl impl = nullptr;
};

// nullptr for an unknown name.
const Builtin* find_builtin(std::string_view name);

// Checks arity and types, then runs the function. Throws EvalError. The result never views into `args`.
Value call_builtin(Interpreter& interpreter, const Builtin& builtin, std::vector<Arg>& args);

}  // namespace drc::aws::jmespath::detail
