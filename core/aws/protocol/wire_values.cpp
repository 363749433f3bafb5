#include <cmath>

#include "aws/http/uri.hpp"
#include "aws/protocol/serializer_parts.hpp"
#include "aws/protocol/values.hpp"

namespace drc::aws::protocol::detail {

using model::ShapeType;

const model::Shape& Shapes::get(const std::string& name) const {
  const auto* s = model_.shape(name);
  if (!s) {
    const auto why = model_.last_error();
    throw SerializeError("the service model has no usable shape " + name + (why.empty() ? "" : ": " + why));
  }
  return *s;
}

std::string member_path(const std::string& parent, const std::string& member) {
  return parent.empty() ? member : parent + "." + member;
}

void type_error(const std::string& path, const Json& value, const char* valid) {
  auto shown = value.dump();
  if (shown.size() > 60) shown = shown.substr(0, 57) + "...";
  throw SerializeError("Invalid type for parameter " + path + ", value: " + shown + ", type: " + value.type_name() +
                       ", valid types: " + valid);
}

TimeFormat time_format(const model::Shape& shape, TimeFormat fallback) {
  if (shape.timestamp_format == "iso8601") return TimeFormat::Iso8601;
  if (shape.timestamp_format == "rfc822") return TimeFormat::Rfc822;
  if (shape.timestamp_format == "unixTimestamp") return TimeFormat::Unix;
  return fallback;
}

namespace {

AwsTime timestamp(const Json& value, const std::string& path) {
  auto t = parse_timestamp(value);
  if (!t) type_error(path, value, "timestamp (ISO 8601, e.g. 2026-11-23T21:00:00Z, or epoch seconds)");
  return *t;
}

std::string integer_text(const Json& value, const std::string& path) {
  if (value.is_number_integer()) return value.dump();
  type_error(path, value, "integer");
}

double float_value(const Json& value, const std::string& path) {
  if (value.is_number()) return value.get<double>();
  type_error(path, value, "float");
}

}  // namespace

std::string scalar_text(const model::Shape& shape, const Json& value, TimeFormat fallback, const std::string& path) {
  switch (shape.type) {
    case ShapeType::String:
      if (!value.is_string()) type_error(path, value, "string");
      return value.get<std::string>();
    case ShapeType::Integer:
    case ShapeType::Long: return integer_text(value, path);
    case ShapeType::Float:
    case ShapeType::Double: return python_float(float_value(value, path));
    case ShapeType::Boolean:
      if (!value.is_boolean()) type_error(path, value, "boolean");
      return value.get<bool>() ? "true" : "false";
    case ShapeType::Timestamp: {
      const auto t = timestamp(value, path);
      switch (time_format(shape, fallback)) {
        case TimeFormat::Iso8601: return format_iso8601(t);
        case TimeFormat::Rfc822: return format_rfc822(t);
        case TimeFormat::Unix: return std::to_string(unix_seconds(t));
      }
      return {};
    }
    case ShapeType::Blob:
      if (!value.is_string()) type_error(path, value, "bytes or string");
      return base64_encode(value.get_ref<const std::string&>());
    case ShapeType::Structure:
    case ShapeType::List:
    case ShapeType::Map: break;
  }
  type_error(path, value, "a scalar");
}

Json json_value(const Shapes& shapes, const model::Shape& shape, const Json& value, const std::string& path) {
  switch (shape.type) {
    case ShapeType::Structure: {
      if (shape.document) return value;  // free-form JSON, passed through
      if (!value.is_object()) type_error(path, value, "dict");
      Json out = Json::object();
      for (const auto& [key, v] : value.items()) {
        const auto* m = shape.find(key);
        if (!m) throw SerializeError("Unknown parameter in " + (path.empty() ? "input" : path) + ": \"" + key + "\"");
        const auto& name = m->location_name.empty() ? m->name : m->location_name;
        out[name] = json_value(shapes, shapes.get(m->shape), v, member_path(path, key));
      }
      return out;
    }
    case ShapeType::List: {
      if (!value.is_array()) type_error(path, value, "list, tuple");
      Json out = Json::array();
      const auto& member = shapes.get(shape.member->shape);
      for (std::size_t i = 0; i < value.size(); ++i) {
        out.push_back(json_value(shapes, member, value[i], path + "[" + std::to_string(i) + "]"));
      }
      return out;
    }
    case ShapeType::Map: {
      if (!value.is_object()) type_error(path, value, "dict");
      Json out = Json::object();
      const auto& v_shape = shapes.get(shape.value->shape);
      for (const auto& [key, v] : value.items()) out[key] = json_value(shapes, v_shape, v, path + "." + key);
      return out;
    }
    case ShapeType::Integer:
    case ShapeType::Long:
      if (!value.is_number_integer()) type_error(path, value, "integer");
      return value;
    case ShapeType::Float:
    case ShapeType::Double: {
      const double d = float_value(value, path);
      if (!std::isfinite(d)) return python_float(d);  // "NaN", "Infinity": JSON has no literal for them
      return d;
    }
    case ShapeType::Boolean:
      if (!value.is_boolean()) type_error(path, value, "boolean");
      return value;
    case ShapeType::Timestamp: {
      const auto t = timestamp(value, path);
      switch (time_format(shape, TimeFormat::Unix)) {
        case TimeFormat::Iso8601: return format_iso8601(t);
        case TimeFormat::Rfc822: return format_rfc822(t);
        case TimeFormat::Unix: return unix_seconds(t);
      }
      return nullptr;
    }
    case ShapeType::String:
      if (!value.is_string()) type_error(path, value, "string");
      return value;
    case ShapeType::Blob: return scalar_text(shape, value, TimeFormat::Unix, path);
  }
  return nullptr;
}

}  // namespace drc::aws::protocol::detail
