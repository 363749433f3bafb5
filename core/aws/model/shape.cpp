#include "aws/model/shape.hpp"

#include <algorithm>

namespace drc::aws::model {

const Member* Shape::find(std::string_view member_name) const {
  for (const auto& m : members) {
    if (m.name == member_name) return &m;
  }
  return nullptr;
}

bool Shape::is_required(std::string_view member_name) const {
  return std::find(required.begin(), required.end(), member_name) != required.end();
}

std::string_view to_string(ShapeType t) {
  switch (t) {
    case ShapeType::Structure: return "structure";
    case ShapeType::List: return "list";
    case ShapeType::Map: return "map";
    case ShapeType::String: return "string";
    case ShapeType::Integer: return "integer";
    case ShapeType::Long: return "long";
    case ShapeType::Float: return "float";
    case ShapeType::Double: return "double";
    case ShapeType::Boolean: return "boolean";
    case ShapeType::Timestamp: return "timestamp";
    case ShapeType::Blob: return "blob";
  }
  return "?";
}

}  // namespace drc::aws::model
