#include <string>

#include "aws/jmespath/builtins.hpp"
#include "aws/jmespath/errors.hpp"
#include "aws/jmespath/interpreter.hpp"
#include "aws/jmespath/python_json.hpp"
#include "aws/jmespath/utf8.hpp"

namespace drc::aws::jmespath::detail {

namespace {

const std::string& str(const Arg& a) { return a.value.get().get_ref<const std::string&>(); }

// Python would return its opaque expression object here, which no JSON result can hold.
[[noreturn]] void expref_as_value(const char* function) {
  throw EvalError{"invalid-value", std::string(function) + "() cannot return an expression reference (&...) as a value"};
}

}  // namespace

Value take(Arg& arg) {
  if (arg.value.ref != nullptr) return Value::view(*arg.value.ref);
  return Value::owned(std::move(arg.value.own));
}

Value fn_contains(Interpreter&, std::vector<Arg>& args) {
  const json& subject = args[0].value.get();
  if (subject.is_string()) {
    // `x in "text"` needs x to be a string in python; anything else is a TypeError.
    if (args[1].expref != nullptr || !args[1].value.get().is_string()) {
      throw EvalError{"invalid-type", "contains() on a string needs a string to search for, got " +
                                          (args[1].expref != nullptr ? std::string("expref") : type_name(args[1].value.get()))};
    }
    return Value::owned(str(args[0]).find(str(args[1])) != std::string::npos);
  }
  if (args[1].expref != nullptr) return Value::owned(false);  // an expression object equals no JSON value
  const json& needle = args[1].value.get();
  for (const auto& element : subject) {
    if (python_equal(element, needle)) return Value::owned(true);
  }
  return Value::owned(false);
}

Value fn_ends_with(Interpreter&, std::vector<Arg>& args) { return Value::owned(str(args[0]).ends_with(str(args[1]))); }
Value fn_starts_with(Interpreter&, std::vector<Arg>& args) { return Value::owned(str(args[0]).starts_with(str(args[1]))); }

Value fn_join(Interpreter& in, std::vector<Arg>& args) {
  const std::string& separator = str(args[0]);
  std::string out;
  bool first = true;
  for (const auto& part : args[1].value.get()) {
    if (!first) out += separator;
    first = false;
    out += part.get_ref<const std::string&>();
    in.charge(1);
  }
  return Value::owned(std::move(out));
}

Value fn_keys(Interpreter& in, std::vector<Arg>& args) {
  json out = json::array();
  for (auto it = args[0].value.get().begin(); it != args[0].value.get().end(); ++it) {
    in.charge(1);
    out.push_back(it.key());
  }
  return Value::owned(std::move(out));
}

Value fn_values(Interpreter& in, std::vector<Arg>& args) {
  json out = json::array();
  for (const auto& v : args[0].value.get()) out.push_back(in.copy(v));
  return Value::owned(std::move(out));
}

Value fn_length(Interpreter&, std::vector<Arg>& args) {
  const json& x = args[0].value.get();
  if (x.is_string()) return Value::owned(static_cast<std::int64_t>(count_code_points(x.get_ref<const std::string&>())));
  return Value::owned(static_cast<std::int64_t>(x.size()));
}

Value fn_map(Interpreter& in, std::vector<Arg>& args) {
  const Node& expr = *args[0].expref;
  json out = json::array();
  for (const auto& element : args[1].value.get()) out.push_back(in.materialize(in.eval(expr, element)));
  return Value::owned(std::move(out));
}

Value fn_merge(Interpreter& in, std::vector<Arg>& args) {
  json out = json::object();
  for (std::size_t i = 0; i < args.size(); ++i) {
    // Python checks only the first argument's type and hands the rest to dict.update; we ask for objects.
    if (args[i].expref != nullptr || !args[i].value.get().is_object()) {
      throw EvalError{"invalid-type", "merge() expects argument " + std::to_string(i + 1) + " to be an object, got " +
                                          (args[i].expref != nullptr ? std::string("expref") : type_name(args[i].value.get()))};
    }
    const json& object = args[i].value.get();
    for (auto it = object.begin(); it != object.end(); ++it) out[it.key()] = in.copy(it.value());
  }
  return Value::owned(std::move(out));
}

Value fn_not_null(Interpreter&, std::vector<Arg>& args) {
  for (auto& a : args) {
    if (a.expref != nullptr) return Value::reference(*a.expref);  // python returns its expression object
    if (!a.value.get().is_null()) return take(a);
  }
  return Value::null();
}

Value fn_reverse(Interpreter& in, std::vector<Arg>& args) {
  const json& x = args[0].value.get();
  if (x.is_string()) return Value::owned(reverse_code_points(x.get_ref<const std::string&>()));
  json out = json::array();
  for (auto it = x.rbegin(); it != x.rend(); ++it) out.push_back(in.copy(*it));
  return Value::owned(std::move(out));
}

Value fn_to_array(Interpreter& in, std::vector<Arg>& args) {
  if (args[0].expref != nullptr) expref_as_value("to_array");
  if (args[0].value.get().is_array()) return take(args[0]);
  json out = json::array();
  out.push_back(in.materialize(take(args[0])));
  return Value::owned(std::move(out));
}

Value fn_to_string(Interpreter& in, std::vector<Arg>& args) {
  if (args[0].expref != nullptr) expref_as_value("to_string");
  if (args[0].value.get().is_string()) return take(args[0]);
  std::string out;
  append_python_json(out, args[0].value.get());
  in.charge(out.size() / 8 + 1);
  return Value::owned(std::move(out));
}

Value fn_type(Interpreter&, std::vector<Arg>& args) {
  if (args[0].expref != nullptr) return Value::null();  // python's type() falls through every case
  return Value::owned(type_name(args[0].value.get()));
}

}  // namespace drc::aws::jmespath::detail
