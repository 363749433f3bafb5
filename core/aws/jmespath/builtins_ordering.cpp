#include <functional>
#include <string>

#include "aws/jmespath/builtins.hpp"
#include "aws/jmespath/errors.hpp"
#include "aws/jmespath/interpreter.hpp"

namespace drc::aws::jmespath::detail {

namespace {

// A stable merge sort of positions. Python's sort is stable, and std::stable_sort could misbehave on a
// comparison that is not a strict weak order (NaN keys); this one only ever touches valid indices.
std::vector<std::size_t> stable_order(std::size_t n, const std::function<bool(std::size_t, std::size_t)>& less) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::vector<std::size_t> scratch(n);
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      const std::size_t mid = std::min(lo + width, n);
      const std::size_t hi = std::min(lo + 2 * width, n);
      std::size_t a = lo;
      std::size_t b = mid;
      std::size_t out = lo;
      while (a < mid && b < hi) scratch[out++] = less(order[b], order[a]) ? order[b++] : order[a++];
      while (a < mid) scratch[out++] = order[a++];
      while (b < hi) scratch[out++] = order[b++];
    }
    order.swap(scratch);
  }
  return order;
}

// The key an expression gives for one element: it must be a number or a string.
json key_of(Interpreter& in, const Node& expr, const json& element, const char* function) {
  json key = in.materialize(in.eval(expr, element));
  if (!key.is_number() && !key.is_string()) {
    throw EvalError{"invalid-type", std::string(function) + "() needs the expression to give a number or a string, got " +
                                        type_name(key)};
  }
  return key;
}

Value extreme_by(Interpreter& in, std::vector<Arg>& args, bool want_max, const char* function) {
  const json& array = args[0].value.get();
  if (array.empty()) return Value::null();
  const Node& expr = *args[1].expref;
  std::size_t best = 0;
  json best_key = key_of(in, expr, array[0], function);
  for (std::size_t i = 1; i < array.size(); ++i) {
    json key = key_of(in, expr, array[i], function);
    if (want_max ? python_less(best_key, key) : python_less(key, best_key)) {
      best = i;
      best_key = std::move(key);
    }
  }
  return Value::owned(in.copy(array[best]));
}

}  // namespace

Value fn_sort(Interpreter& in, std::vector<Arg>& args) {
  const json& array = args[0].value.get();
  const auto order = stable_order(array.size(), [&](std::size_t a, std::size_t b) { return python_less(array[a], array[b]); });
  json out = json::array();
  for (std::size_t i : order) out.push_back(in.copy(array[i]));
  return Value::owned(std::move(out));
}

Value fn_sort_by(Interpreter& in, std::vector<Arg>& args) {
  const json& array = args[0].value.get();
  if (array.empty()) return take(args[0]);
  const Node& expr = *args[1].expref;
  // The first element's key decides whether keys are numbers or strings; every key must then agree.
  std::vector<json> keys;
  keys.reserve(array.size());
  keys.push_back(key_of(in, expr, array[0], "sort_by"));
  const bool numbers = keys.front().is_number();
  for (std::size_t i = 1; i < array.size(); ++i) {
    keys.push_back(key_of(in, expr, array[i], "sort_by"));
    if (keys.back().is_number() != numbers) {
      throw EvalError{"invalid-type", std::string("sort_by() needs every key to be a ") + (numbers ? "number" : "string") +
                                          ", got " + type_name(keys.back())};
    }
  }
  const auto order = stable_order(array.size(), [&](std::size_t a, std::size_t b) { return python_less(keys[a], keys[b]); });
  json out = json::array();
  for (std::size_t i : order) out.push_back(in.copy(array[i]));
  return Value::owned(std::move(out));
}

Value fn_max_by(Interpreter& in, std::vector<Arg>& args) { return extreme_by(in, args, true, "max_by"); }
Value fn_min_by(Interpreter& in, std::vector<Arg>& args) { return extreme_by(in, args, false, "min_by"); }

}  // namespace drc::aws::jmespath::detail
