// JSON responses (json, rest-json): members by their JSON names, nulls left out, as botocore's JSON
// parsers read them.

#include "aws/protocol/response_parts.hpp"

namespace drc::aws::protocol::detail {

using Json = nlohmann::ordered_json;
using model::ShapeType;

Json read_json_value(const Reader& r, const model::Shape& s, const Json& v, int depth) {
  if (depth > kMaxDepth) throw ParseError("the response nests deeper than " + std::to_string(kMaxDepth) + " levels");
  switch (s.type) {
    case ShapeType::Structure: {
      if (s.document) return v;
      if (v.is_null()) return nullptr;
      if (!v.is_object()) throw ParseError("expected an object for " + s.name + ", got " + v.type_name());
      if (s.union_) {
        std::vector<std::string> set;
        for (const auto& [k, val] : v.items()) {
          if (k != "__type" && !val.is_null()) set.push_back(k);
        }
        if (set.size() != 1) throw ParseError("Invalid service response: " + s.name + " must have one and only one member set.");
        bool known = false;
        for (const auto& m : s.members) known = known || (m.location_name.empty() ? m.name : m.location_name) == set.front();
        if (!known) return Json{{"SDK_UNKNOWN_MEMBER", {{"name", set.front()}}}};
      }
      Json out = Json::object();
      for (const auto& m : s.members) {
        const auto& name = m.location_name.empty() ? m.name : m.location_name;
        auto it = v.find(name);
        if (it == v.end() || it->is_null()) continue;
        out[m.name] = read_json_value(r, r.shape(m.shape), *it, depth + 1);
      }
      return out;
    }
    case ShapeType::List: {
      if (!v.is_array()) throw ParseError("expected a list for " + s.name + ", got " + v.type_name());
      Json out = Json::array();
      const auto& member = r.shape(s.member->shape);
      for (const auto& e : v) out.push_back(e.is_null() ? Json(nullptr) : read_json_value(r, member, e, depth + 1));
      return out;
    }
    case ShapeType::Map: {
      if (!v.is_object()) throw ParseError("expected a map for " + s.name + ", got " + v.type_name());
      Json out = Json::object();
      const auto& value_shape = r.shape(s.value->shape);
      for (const auto& [k, e] : v.items()) out[k] = e.is_null() ? Json(nullptr) : read_json_value(r, value_shape, e, depth + 1);
      return out;
    }
    case ShapeType::Timestamp: return r.timestamp(v);
    default: return v;  // numbers, strings, booleans and base64 blobs as they came
  }
}

}  // namespace drc::aws::protocol::detail
