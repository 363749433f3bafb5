// The rest-xml protocol's bodies: the payload member (or the input's body members) as an XML document,
// elements named by locationName, namespaces where the model puts them.

#include <pugixml.hpp>

#include <sstream>

#include "aws/protocol/serializer_parts.hpp"

namespace drc::aws::protocol::detail {

using model::ShapeType;

namespace {

void add_namespace(pugi::xml_node node, const std::optional<model::XmlNamespace>& ns) {
  if (!ns) return;
  const std::string attr = ns->prefix.empty() ? "xmlns" : "xmlns:" + ns->prefix;
  node.append_attribute(attr.c_str()).set_value(ns->uri.c_str());
}

// A member's namespace is its own, else its shape's.
const std::optional<model::XmlNamespace>& namespace_of(const model::ShapeRef* ref, const model::Shape& shape) {
  return ref && ref->xml_namespace ? ref->xml_namespace : shape.xml_namespace;
}

void write(const Shapes& shapes, const model::Shape& shape, const model::ShapeRef* ref, const Json& value,
           pugi::xml_node parent, const std::string& name, const std::string& path) {
  switch (shape.type) {
    case ShapeType::Structure: {
      if (!value.is_object()) type_error(path, value, "dict");
      auto node = parent.append_child(name.c_str());
      add_namespace(node, namespace_of(ref, shape));
      for (const auto& [key, v] : value.items()) {
        const auto* m = shape.find(key);
        if (!m) throw SerializeError("Unknown parameter in " + (path.empty() ? "input" : path) + ": \"" + key + "\"");
        const auto& member_shape = shapes.get(m->shape);
        const auto member_name = m->location_name.empty() ? m->name : m->location_name;
        if (m->xml_attribute) {
          node.append_attribute(member_name.c_str())
              .set_value(scalar_text(member_shape, v, TimeFormat::Iso8601, member_path(path, key)).c_str());
          continue;
        }
        write(shapes, member_shape, m, v, node, member_name, member_path(path, key));
      }
      return;
    }
    case ShapeType::List: {
      if (!value.is_array()) type_error(path, value, "list, tuple");
      const bool flat = shape.flattened || (ref && ref->flattened);
      const auto& member_ref = *shape.member;
      const auto& member_shape = shapes.get(member_ref.shape);
      pugi::xml_node list_node = parent;
      std::string element = name;
      if (!flat) {
        element = member_ref.location_name.empty() ? "member" : member_ref.location_name;
        list_node = parent.append_child(name.c_str());
        add_namespace(list_node, namespace_of(ref, shape));
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        write(shapes, member_shape, &member_ref, value[i], list_node, element, path + "[" + std::to_string(i) + "]");
      }
      return;
    }
    case ShapeType::Map: {
      if (!value.is_object()) type_error(path, value, "dict");
      const bool flat = shape.flattened || (ref && ref->flattened);
      pugi::xml_node map_node = parent;
      if (!flat) {
        map_node = parent.append_child(name.c_str());
        add_namespace(map_node, namespace_of(ref, shape));
      }
      const auto key_name = shape.key->location_name.empty() ? std::string("key") : shape.key->location_name;
      const auto value_name = shape.value->location_name.empty() ? std::string("value") : shape.value->location_name;
      const auto& key_shape = shapes.get(shape.key->shape);
      const auto& value_shape = shapes.get(shape.value->shape);
      for (const auto& [k, v] : value.items()) {
        auto entry = map_node.append_child(flat ? name.c_str() : "entry");
        write(shapes, key_shape, &*shape.key, Json(k), entry, key_name, path);
        write(shapes, value_shape, &*shape.value, v, entry, value_name, path + "." + k);
      }
      return;
    }
    default: {
      auto node = parent.append_child(name.c_str());
      // No text node for an empty value: the element is written empty ("<a />"), as ElementTree does.
      if (const auto text = scalar_text(shape, value, TimeFormat::Iso8601, path); !text.empty()) node.text().set(text.c_str());
      add_namespace(node, namespace_of(ref, shape));
    }
  }
}

}  // namespace

std::string xml_document(const Shapes& shapes, const model::Shape& shape, const Json& value, const std::string& root_name,
                         const std::optional<model::XmlNamespace>& root_namespace, const std::string& path) {
  pugi::xml_document doc;
  model::ShapeRef root_ref;
  root_ref.xml_namespace = root_namespace;
  write(shapes, shape, &root_ref, value, doc, root_name, path);
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  // An empty element as Python's ElementTree writes it ("<a />"), so the body (and its checksum) is
  // botocore's byte for byte. Only a "/>" that ends a tag: attribute values (quoted) may hold one.
  const auto raw = out.str();
  std::string text;
  text.reserve(raw.size() + 16);
  bool in_tag = false, in_quotes = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (!in_tag && c == '<') in_tag = true;
    else if (in_tag && c == '"') in_quotes = !in_quotes;
    else if (in_tag && !in_quotes && c == '/' && i + 1 < raw.size() && raw[i + 1] == '>' && i > 0 && raw[i - 1] != '<') text += ' ';
    else if (in_tag && !in_quotes && c == '>') in_tag = false;
    text += c;
  }
  return text;
}

}  // namespace drc::aws::protocol::detail
