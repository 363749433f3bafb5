#include <cmath>
#include <cstdint>
#include <limits>

#include "aws/jmespath/builtins.hpp"
#include "aws/jmespath/errors.hpp"
#include "aws/jmespath/interpreter.hpp"
#include "aws/jmespath/python_number.hpp"

namespace drc::aws::jmespath::detail {

namespace {

__extension__ typedef __int128 Int128;  // python ints are unbounded; sums of int64s fit in 128 bits

constexpr double kTwo63 = 9223372036854775808.0;
constexpr double kTwo64 = 18446744073709551616.0;

bool is_integer(const json& v) { return v.is_number_integer(); }  // int64 or uint64, never float

Int128 as_int128(const json& v) {
  if (v.is_number_unsigned()) return static_cast<Int128>(v.get<std::uint64_t>());
  return static_cast<Int128>(v.get<std::int64_t>());
}

// An exact integer back to JSON: int64, uint64, or (beyond what nlohmann holds) the nearest double.
json int_result(Int128 v) {
  if (v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max()) {
    return json(static_cast<std::int64_t>(v));
  }
  if (v > 0 && v <= static_cast<Int128>(std::numeric_limits<std::uint64_t>::max())) {
    return json(static_cast<std::uint64_t>(v));
  }
  return json(static_cast<double>(v));
}

// math.ceil/math.floor give python ints; infinities and NaN raise.
json float_to_int(double d) {
  if (std::isnan(d)) throw EvalError{"invalid-value", "cannot convert NaN to an integer"};
  if (std::isinf(d)) throw EvalError{"invalid-value", "cannot convert infinity to an integer"};
  if (d >= -kTwo63 && d < kTwo63) return json(static_cast<std::int64_t>(d));
  if (d > 0 && d < kTwo64) return json(static_cast<std::uint64_t>(d));
  return json(d);
}

// python's left fold: exact integer addition until the first float, then double addition.
struct PythonSum {
  bool is_int = true;
  Int128 i = 0;
  double f = 0;

  void add(const json& x) {
    if (is_int && is_integer(x)) {
      i += as_int128(x);
      return;
    }
    if (is_int) {
      f = static_cast<double>(i);
      is_int = false;
    }
    f += is_integer(x) ? static_cast<double>(as_int128(x)) : x.get<double>();
  }
};

PythonSum sum_of(const json& array) {
  PythonSum s;
  for (const auto& x : array) s.add(x);
  return s;
}

// The first maximal (or minimal) element, comparing as python's max()/min() do.
Value extreme(Interpreter& in, std::vector<Arg>& args, bool want_max) {
  const json& array = args[0].value.get();
  if (array.empty()) return Value::null();
  std::size_t best = 0;
  for (std::size_t i = 1; i < array.size(); ++i) {
    if (want_max ? python_less(array[best], array[i]) : python_less(array[i], array[best])) best = i;
  }
  return Value::owned(in.copy(array[best]));
}

}  // namespace

Value fn_abs(Interpreter&, std::vector<Arg>& args) {
  const json& x = args[0].value.get();
  if (x.is_number_float()) return Value::owned(std::fabs(x.get<double>()));
  const Int128 v = as_int128(x);
  return Value::owned(int_result(v < 0 ? -v : v));
}

Value fn_avg(Interpreter&, std::vector<Arg>& args) {
  const json& array = args[0].value.get();
  if (array.empty()) return Value::null();
  const PythonSum s = sum_of(array);
  const auto n = static_cast<double>(array.size());
  if (!s.is_int) return Value::owned(s.f / n);
  // int / int in python is the correctly rounded quotient. Below 2^53 both operands are exact doubles
  // and one IEEE division rounds correctly; above, long double keeps the error far below half an ulp.
  constexpr Int128 kExact = Int128{1} << 53;
  if (s.i > -kExact && s.i < kExact) return Value::owned(static_cast<double>(s.i) / n);
  return Value::owned(static_cast<double>(static_cast<long double>(s.i) / static_cast<long double>(array.size())));
}

Value fn_ceil(Interpreter&, std::vector<Arg>& args) {
  const json& x = args[0].value.get();
  if (!x.is_number_float()) return Value::owned(x);
  return Value::owned(float_to_int(std::ceil(x.get<double>())));
}

Value fn_floor(Interpreter&, std::vector<Arg>& args) {
  const json& x = args[0].value.get();
  if (!x.is_number_float()) return Value::owned(x);
  return Value::owned(float_to_int(std::floor(x.get<double>())));
}

Value fn_max(Interpreter& in, std::vector<Arg>& args) { return extreme(in, args, true); }
Value fn_min(Interpreter& in, std::vector<Arg>& args) { return extreme(in, args, false); }

Value fn_sum(Interpreter&, std::vector<Arg>& args) {
  const PythonSum s = sum_of(args[0].value.get());
  return Value::owned(s.is_int ? int_result(s.i) : json(s.f));
}

Value fn_to_number(Interpreter&, std::vector<Arg>& args) {
  if (args[0].expref != nullptr) throw EvalError{"invalid-type", "to_number() cannot convert an expression reference"};
  const json& x = args[0].value.get();
  if (x.is_number()) return take(args[0]);
  if (!x.is_string()) return Value::null();
  auto parsed = parse_python_number(x.get_ref<const std::string&>());
  return parsed ? Value::owned(std::move(*parsed)) : Value::null();
}

}  // namespace drc::aws::jmespath::detail
