#include "aws/protocol/param_validator.hpp"

#include <cstdio>

#include "aws/protocol/python_values.hpp"
#include "aws/protocol/values.hpp"
#include "util/text.hpp"

namespace drc::aws::protocol {

using Json = nlohmann::ordered_json;
using model::ShapeType;

namespace {

// Python's type objects as str() prints them, for "valid types: ...".
constexpr const char* kStr = "<class 'str'>";
constexpr const char* kInt = "<class 'int'>";
constexpr const char* kFloat = "<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>";
constexpr const char* kBool = "<class 'bool'>";
constexpr const char* kList = "<class 'list'>, <class 'tuple'>";
constexpr const char* kDict = "<class 'dict'>";
constexpr const char* kBlob = "<class 'bytes'>, <class 'bytearray'>, file-like object";
constexpr const char* kTimestamp = "<class 'datetime.datetime'>, timestamp-string";

// Python's bool is an int, so True passes where an integer is wanted.
bool python_int(const Json& v) { return v.is_number_integer() || v.is_boolean(); }
double python_number(const Json& v) { return v.is_boolean() ? (v.get<bool>() ? 1.0 : 0.0) : v.get<double>(); }

class Validator {
 public:
  explicit Validator(const model::ServiceModel& m) : model_(m) {}

  void validate(const Json& v, const model::ShapeRef& ref, const std::string& name) {
    const auto* shape = model_.shape(ref.shape);
    if (!shape) {
      errors_.push_back("the service model has no usable shape " + ref.shape + " (for " + shown(name) + ")");
      return;
    }
    // A JSON-value header takes any JSON; a document any JSON value (the CLI cannot give it other types).
    if ((ref.json_value && ref.location == model::Location::Header) || shape->document) return;
    switch (shape->type) {
      case ShapeType::Structure: return structure(v, *shape, name);
      case ShapeType::List: return list(v, *shape, name);
      case ShapeType::Map: return map(v, *shape, name);
      case ShapeType::String:
        if (!v.is_string()) return type_error(name, v, kStr);
        return minimum(name, static_cast<double>(utf8_code_points(v.get_ref<const std::string&>()).size()), *shape,
                       ref, "length");
      case ShapeType::Integer:
      case ShapeType::Long:
        if (!python_int(v)) return type_error(name, v, kInt);
        return minimum(name, python_number(v), *shape, ref, "value", &v);
      case ShapeType::Float:
      case ShapeType::Double:
        if (!v.is_number() && !v.is_boolean()) return type_error(name, v, kFloat);
        return minimum(name, python_number(v), *shape, ref, "value", &v);
      case ShapeType::Boolean:
        if (!v.is_boolean()) type_error(name, v, kBool);
        return;
      case ShapeType::Blob:
        if (!v.is_string()) type_error(name, v, kBlob);
        return;
      case ShapeType::Timestamp:
        if (!parse_timestamp(v)) type_error(name, v, kTimestamp);
        return;
    }
  }

  void structure(const Json& v, const model::Shape& shape, const std::string& name) {
    if (!v.is_object()) return type_error(name, v, kDict);
    if (shape.union_ && v.size() != 1) {
      std::string members;
      for (const auto& m : shape.members) members += (members.empty() ? "" : ", ") + m.name;
      // botocore's message for an empty union lacks the space before "structure"; the CLI prints it so.
      errors_.push_back(v.empty() ? "Must set one of the following keys for tagged unionstructure " + shown(name) + ": " +
                                        members + "."
                                  : "Invalid number of parameters set for tagged union structure " + shown(name) +
                                        ". Can only set one of the following keys: " + members + ".");
    }
    for (const auto& r : shape.required) {
      if (!v.contains(r)) errors_.push_back("Missing required parameter in " + shown(name) + ": \"" + r + "\"");
    }
    for (const auto& [key, _] : v.items()) {
      if (shape.find(key)) continue;
      std::string valid;
      for (const auto& m : shape.members) valid += (valid.empty() ? "" : ", ") + m.name;
      errors_.push_back("Unknown parameter in " + shown(name) + ": \"" + key + "\", must be one of: " + valid);
    }
    for (const auto& [key, value] : v.items()) {
      if (const auto* m = shape.find(key)) validate(value, *m, name + "." + key);
    }
  }

  void list(const Json& v, const model::Shape& shape, const std::string& name) {
    if (!v.is_array()) return type_error(name, v, kList);
    minimum(name, static_cast<double>(v.size()), shape, {}, "length");
    if (!shape.member) return;
    for (std::size_t i = 0; i < v.size(); ++i) validate(v[i], *shape.member, name + "[" + std::to_string(i) + "]");
  }

  void map(const Json& v, const model::Shape& shape, const std::string& name) {
    if (!v.is_object()) return type_error(name, v, kDict);
    for (const auto& [key, value] : v.items()) {
      if (shape.key) validate(Json(key), *shape.key, name + " (key: " + key + ")");
      if (shape.value) validate(value, *shape.value, name + "." + key);
    }
  }

  std::vector<std::string> take() { return std::move(errors_); }

 private:
  // botocore names the input "input" and its members without the leading dot it builds them with.
  static std::string shown(const std::string& name) {
    if (name.empty()) return "input";
    return name.front() == '.' ? name.substr(1) : name;
  }

  void type_error(const std::string& name, const Json& v, const char* valid) {
    errors_.push_back("Invalid type for parameter " + shown(name) + ", value: " + python_str_of_cli_json(v) +
                      ", type: " + python_class_of_cli_json(v) + ", valid types: " + valid);
  }

  // A value (or length) under the shape's min; a host label, which has none, must not be empty.
  void minimum(const std::string& name, double got, const model::Shape& shape, const model::ShapeRef& ref,
               const char* what, const Json* value = nullptr) {
    model::MinBound bound;
    if (shape.min) {
      bound = *shape.min;
    } else if (ref.host_label) {
      bound = {1, true};
    } else {
      return;
    }
    if (got >= bound.value) return;
    char limit[32];
    if (bound.integral) {
      std::snprintf(limit, sizeof limit, "%lld", static_cast<long long>(bound.value));
    } else {
      std::snprintf(limit, sizeof limit, "%s", python_float(bound.value).c_str());
    }
    const auto shown_value = value ? python_str(*value) : std::to_string(static_cast<long long>(got));
    errors_.push_back(std::string(value ? "Invalid value" : "Invalid length") + " for parameter " + shown(name) +
                      ", value: " + shown_value + ", valid min " + what + ": " + limit);
  }

  const model::ServiceModel& model_;
  std::vector<std::string> errors_;
};

}  // namespace

std::vector<std::string> validate_parameters(const model::ServiceModel& service, const model::Operation& op,
                                             const Json& params) {
  if (op.input.empty()) return {};
  Validator v(service);
  model::ShapeRef input;
  input.shape = op.input;
  // No parameters at all (null, as a caller in C++ writes `{}`) are an empty input, as botocore's **{}.
  v.validate(params.is_null() ? Json::object() : params, input, "");
  return v.take();
}

}  // namespace drc::aws::protocol
