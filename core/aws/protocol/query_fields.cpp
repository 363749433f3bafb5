// The query and ec2 protocols: the input flattened into form fields, "Filters.member.1.Name=x" (query)
// or "Filter.1.Name=x" (ec2).

#include "aws/protocol/serializer_parts.hpp"

namespace drc::aws::protocol::detail {

using model::ShapeType;

namespace {

// The field name a member or list element takes. ec2 prefers queryName, then a capitalised locationName.
std::string field_name(const model::ShapeRef& ref, const std::string& fallback, bool ec2) {
  if (ec2) {
    if (!ref.query_name.empty()) return ref.query_name;
    if (!ref.location_name.empty()) {
      std::string n = ref.location_name;
      n[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(n[0])));
      return n;
    }
    return fallback;
  }
  return ref.location_name.empty() ? fallback : ref.location_name;
}

std::string join(const std::string& prefix, const std::string& name) { return prefix.empty() ? name : prefix + "." + name; }

}  // namespace

void query_fields(const Shapes& shapes, const model::Shape& shape, const Json& value, const std::string& prefix,
                  bool ec2, http::Pairs& out, const std::string& path) {
  switch (shape.type) {
    case ShapeType::Structure: {
      if (!value.is_object()) type_error(path, value, "dict");
      for (const auto& [key, v] : value.items()) {
        const auto* m = shape.find(key);
        if (!m) throw SerializeError("Unknown parameter in " + (path.empty() ? "input" : path) + ": \"" + key + "\"");
        query_fields(shapes, shapes.get(m->shape), v, join(prefix, field_name(*m, key, ec2)), ec2, out,
                     member_path(path, key));
      }
      return;
    }
    case ShapeType::List: {
      if (!value.is_array()) type_error(path, value, "list, tuple");
      const auto& member = shapes.get(shape.member->shape);
      std::string list_prefix;
      if (ec2) {
        list_prefix = prefix;
      } else {
        if (value.empty()) {  // the query protocol sends an empty list as an empty field
          out.emplace_back(prefix, "");
          return;
        }
        if (shape.flattened) {
          list_prefix = prefix;
          if (!shape.member->location_name.empty()) {
            const auto dot = prefix.rfind('.');
            list_prefix = (dot == std::string::npos ? "" : prefix.substr(0, dot + 1)) + shape.member->location_name;
          }
        } else {
          list_prefix = prefix + "." + (shape.member->location_name.empty() ? "member" : shape.member->location_name);
        }
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        query_fields(shapes, member, value[i], list_prefix + "." + std::to_string(i + 1), ec2, out,
                     path + "[" + std::to_string(i) + "]");
      }
      return;
    }
    case ShapeType::Map: {
      if (!value.is_object()) type_error(path, value, "dict");
      const std::string base = shape.flattened ? prefix : prefix + ".entry";
      const auto key_name = shape.key->location_name.empty() ? std::string("key") : shape.key->location_name;
      const auto value_name = shape.value->location_name.empty() ? std::string("value") : shape.value->location_name;
      const auto& key_shape = shapes.get(shape.key->shape);
      const auto& value_shape = shapes.get(shape.value->shape);
      std::size_t i = 0;
      for (const auto& [k, v] : value.items()) {
        const auto n = base + "." + std::to_string(++i) + ".";
        query_fields(shapes, key_shape, Json(k), n + key_name, ec2, out, path);
        query_fields(shapes, value_shape, v, n + value_name, ec2, out, path + "." + k);
      }
      return;
    }
    default: out.emplace_back(prefix, scalar_text(shape, value, TimeFormat::Iso8601, path));
  }
}

}  // namespace drc::aws::protocol::detail
