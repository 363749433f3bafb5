#pragma once
// The bodies of the built-in functions. Each runs after call_builtin has checked arity and the declared
// parameter types, so it only does what python's body does beyond that.

#include <vector>

#include "aws/jmespath/functions.hpp"

namespace drc::aws::jmespath::detail {

// Numbers (builtins_numbers.cpp).
Value fn_abs(Interpreter&, std::vector<Arg>&);
Value fn_avg(Interpreter&, std::vector<Arg>&);
Value fn_ceil(Interpreter&, std::vector<Arg>&);
Value fn_floor(Interpreter&, std::vector<Arg>&);
Value fn_max(Interpreter&, std::vector<Arg>&);
Value fn_min(Interpreter&, std::vector<Arg>&);
Value fn_sum(Interpreter&, std::vector<Arg>&);
Value fn_to_number(Interpreter&, std::vector<Arg>&);

// Ordering by expression (builtins_ordering.cpp).
Value fn_sort(Interpreter&, std::vector<Arg>&);
Value fn_sort_by(Interpreter&, std::vector<Arg>&);
Value fn_max_by(Interpreter&, std::vector<Arg>&);
Value fn_min_by(Interpreter&, std::vector<Arg>&);

// Everything else (builtins_values.cpp).
Value fn_contains(Interpreter&, std::vector<Arg>&);
Value fn_ends_with(Interpreter&, std::vector<Arg>&);
Value fn_join(Interpreter&, std::vector<Arg>&);
Value fn_keys(Interpreter&, std::vector<Arg>&);
Value fn_length(Interpreter&, std::vector<Arg>&);
Value fn_map(Interpreter&, std::vector<Arg>&);
Value fn_merge(Interpreter&, std::vector<Arg>&);
Value fn_not_null(Interpreter&, std::vector<Arg>&);
Value fn_reverse(Interpreter&, std::vector<Arg>&);
Value fn_starts_with(Interpreter&, std::vector<Arg>&);
Value fn_to_array(Interpreter&, std::vector<Arg>&);
Value fn_to_string(Interpreter&, std::vector<Arg>&);
Value fn_type(Interpreter&, std::vector<Arg>&);
Value fn_values(Interpreter&, std::vector<Arg>&);

// Hands an argument's value on: a view stays a view (it points outside the argument list), an owned
// value is moved, so no result ever points into the arguments.
Value take(Arg& arg);

}  // namespace drc::aws::jmespath::detail
