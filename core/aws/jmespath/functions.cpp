#include "aws/jmespath/functions.hpp"

#include <string>

#include "aws/jmespath/builtins.hpp"
#include "aws/jmespath/errors.hpp"

namespace drc::aws::jmespath::detail {

namespace {

const std::vector<Builtin>& builtin_table() {
  using A = Accept;
  static const std::vector<Builtin> table = {
      {"abs", {{{A::Number}}}, false, &fn_abs},
      {"avg", {{{A::ArrayNumber}}}, false, &fn_avg},
      {"ceil", {{{A::Number}}}, false, &fn_ceil},
      {"contains", {{{A::Array, A::String}}, {{}}}, false, &fn_contains},
      {"ends_with", {{{A::String}}, {{A::String}}}, false, &fn_ends_with},
      {"floor", {{{A::Number}}}, false, &fn_floor},
      {"join", {{{A::String}}, {{A::ArrayString}}}, false, &fn_join},
      {"keys", {{{A::Object}}}, false, &fn_keys},
      {"length", {{{A::String, A::Array, A::Object}}}, false, &fn_length},
      {"map", {{{A::Expref}}, {{A::Array}}}, false, &fn_map},
      {"max", {{{A::ArrayNumber, A::ArrayString}}}, false, &fn_max},
      {"max_by", {{{A::Array}}, {{A::Expref}}}, false, &fn_max_by},
      {"merge", {{{A::Object}}}, true, &fn_merge},
      {"min", {{{A::ArrayNumber, A::ArrayString}}}, false, &fn_min},
      {"min_by", {{{A::Array}}, {{A::Expref}}}, false, &fn_min_by},
      {"not_null", {{{}}}, true, &fn_not_null},
      {"reverse", {{{A::Array, A::String}}}, false, &fn_reverse},
      {"sort", {{{A::ArrayString, A::ArrayNumber}}}, false, &fn_sort},
      {"sort_by", {{{A::Array}}, {{A::Expref}}}, false, &fn_sort_by},
      {"starts_with", {{{A::String}}, {{A::String}}}, false, &fn_starts_with},
      {"sum", {{{A::ArrayNumber}}}, false, &fn_sum},
      {"to_array", {{{}}}, false, &fn_to_array},
      {"to_number", {{{}}}, false, &fn_to_number},
      {"to_string", {{{}}}, false, &fn_to_string},
      {"type", {{{}}}, false, &fn_type},
      {"values", {{{A::Object}}}, false, &fn_values},
  };
  return table;
}

std::string arg_type(const Arg& a) { return a.expref != nullptr ? "expref" : type_name(a.value.get()); }

std::string accept_name(Accept a) {
  switch (a) {
    case Accept::Number: return "a number";
    case Accept::String: return "a string";
    case Accept::Boolean: return "a boolean";
    case Accept::Array: return "an array";
    case Accept::Object: return "an object";
    case Accept::Null: return "null";
    case Accept::Expref: return "an expression reference (&...)";
    case Accept::ArrayNumber: return "an array of numbers";
    case Accept::ArrayString: return "an array of strings";
  }
  return "a value";
}

std::string accepts_text(const std::vector<Accept>& accepts) {
  std::string out;
  for (std::size_t i = 0; i < accepts.size(); ++i) {
    if (i > 0) out += i + 1 == accepts.size() ? " or " : ", ";
    out += accept_name(accepts[i]);
  }
  return out;
}

// The JMESPath type an Accept wants at the top level.
std::string top_type(Accept a) {
  switch (a) {
    case Accept::Number: return "number";
    case Accept::String: return "string";
    case Accept::Boolean: return "boolean";
    case Accept::Object: return "object";
    case Accept::Null: return "null";
    case Accept::Expref: return "expref";
    default: return "array";
  }
}

[[noreturn]] void type_error(const Builtin& b, std::size_t index, const std::vector<Accept>& accepts, const std::string& got) {
  throw EvalError{"invalid-type", std::string(b.name) + "() expects argument " + std::to_string(index + 1) + " to be " +
                                      accepts_text(accepts) + ", got " + got};
}

void check_arity(const Builtin& b, std::size_t given) {
  const std::size_t declared = b.params.size();
  if (b.variadic ? given >= declared : given == declared) return;
  const std::string plural = declared == 1 ? " argument" : " arguments";
  throw EvalError{"invalid-arity", std::string(b.name) + "() takes " + (b.variadic ? "at least " : "") +
                                       std::to_string(declared) + plural + ", got " + std::to_string(given)};
}

void check_type(const Builtin& b, std::size_t index, const Param& p, const Arg& arg) {
  if (p.accepts.empty()) return;
  const std::string actual = arg_type(arg);
  bool top_ok = false;
  std::vector<std::string> element_types;  // one per array-of-X accepted
  for (Accept a : p.accepts) {
    if (top_type(a) == actual) top_ok = true;
    if (a == Accept::ArrayNumber) element_types.emplace_back("number");
    if (a == Accept::ArrayString) element_types.emplace_back("string");
  }
  if (!top_ok) type_error(b, index, p.accepts, actual);
  if (element_types.empty()) return;
  const json& array = arg.value.get();
  // With one element type every element must have it; with several, the first element picks which.
  std::string wanted = element_types.front();
  if (element_types.size() > 1) {
    if (array.empty()) return;
    const std::string first = type_name(array.front());
    bool found = false;
    for (const auto& t : element_types) found = found || t == first;
    if (!found) type_error(b, index, p.accepts, "an array containing " + first);
    wanted = first;
  }
  for (const auto& element : array) {
    const std::string t = type_name(element);
    if (t != wanted) type_error(b, index, p.accepts, "an array containing " + t);
  }
}

}  // namespace

const Builtin* find_builtin(std::string_view name) {
  for (const auto& b : builtin_table()) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

Value call_builtin(Interpreter& interpreter, const Builtin& builtin, std::vector<Arg>& args) {
  check_arity(builtin, args.size());
  for (std::size_t i = 0; i < builtin.params.size(); ++i) check_type(builtin, i, builtin.params[i], args[i]);
  return builtin.impl(interpreter, args);
}

}  // namespace drc::aws::jmespath::detail
