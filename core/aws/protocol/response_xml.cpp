// XML responses (query, ec2, rest-xml): elements matched to members by their local names, repeated
// elements gathered into lists, as botocore's XML parsers read them.

#include <pugixml.hpp>

#include <map>
#include <vector>

#include "aws/protocol/response_parts.hpp"

namespace drc::aws::protocol::detail {

std::string local_name(const char* name) {
  const char* colon = std::strchr(name, ':');
  return colon ? colon + 1 : name;
}

using Json = nlohmann::ordered_json;
using model::ShapeType;
using Nodes = std::vector<pugi::xml_node>;

namespace {

std::map<std::string, Nodes> children_by_name(pugi::xml_node node) {
  std::map<std::string, Nodes> out;
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) out[local_name(c.name())].push_back(c);
  }
  return out;
}

std::string text_of(pugi::xml_node node) {
  std::string out;
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) break;  // text before the first child, as ElementTree's .text
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
  }
  return out;
}

bool flattened(const model::ShapeRef* ref, const model::Shape& s) { return s.flattened || (ref && ref->flattened); }

class XmlWalk {
 public:
  explicit XmlWalk(const Reader& r) : r_(r) {}

  Json value(const model::Shape& s, const model::ShapeRef* ref, const Nodes& nodes, int depth) const {
    if (depth > kMaxDepth) throw ParseError("the response nests deeper than " + std::to_string(kMaxDepth) + " levels");
    switch (s.type) {
      case ShapeType::Structure: return structure(s, nodes.front(), depth);
      case ShapeType::List: {
        Json out = Json::array();
        const auto& member = r_.shape(s.member->shape);
        if (flattened(ref, s)) {
          for (const auto& n : nodes) out.push_back(value(member, &*s.member, {n}, depth + 1));
        } else {
          for (auto c = nodes.front().first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_element) out.push_back(value(member, &*s.member, {c}, depth + 1));
          }
        }
        return out;
      }
      case ShapeType::Map: {
        Json out = Json::object();
        const auto key_name = s.key->location_name.empty() ? std::string("key") : s.key->location_name;
        const auto value_name = s.value->location_name.empty() ? std::string("value") : s.value->location_name;
        const auto& key_shape = r_.shape(s.key->shape);
        const auto& value_shape = r_.shape(s.value->shape);
        Nodes entries;
        if (flattened(ref, s)) {
          entries = nodes;
        } else {
          for (auto c = nodes.front().first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_element) entries.push_back(c);
          }
        }
        for (const auto& entry : entries) {
          Json k, v;
          for (auto c = entry.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            const auto tag = local_name(c.name());
            if (tag == key_name) {
              k = value(key_shape, &*s.key, {c}, depth + 1);
            } else if (tag == value_name) {
              v = value(value_shape, &*s.value, {c}, depth + 1);
            } else {
              throw ParseError("unexpected <" + tag + "> in a map entry");
            }
          }
          out[k.is_string() ? k.get<std::string>() : k.dump()] = v;
        }
        return out;
      }
      default: return r_.scalar(s, text_of(nodes.front()), false);
    }
  }

  Json structure(const model::Shape& s, pugi::xml_node node, int depth) const {
    Json out = Json::object();
    const auto children = children_by_name(node);
    if (s.union_ && children.size() == 1 && !s.find(children.begin()->first)) {
      bool known = false;
      for (const auto& m : s.members) known = known || m.location_name == children.begin()->first;
      if (!known) return Json{{"SDK_UNKNOWN_MEMBER", {{"name", children.begin()->first}}}};
    }
    for (const auto& m : s.members) {
      if (m.location != model::Location::Body) continue;
      const auto& ms = r_.shape(m.shape);
      std::string key = m.location_name.empty() ? (ms.location_name.empty() ? m.name : ms.location_name) : m.location_name;
      if (ms.type == ShapeType::List && flattened(&m, ms) && !ms.member->location_name.empty()) key = ms.member->location_name;
      if (auto it = children.find(key); it != children.end()) {
        out[m.name] = value(ms, &m, it->second, depth + 1);
      } else if (m.xml_attribute) {
        if (auto a = node.attribute(key.c_str())) out[m.name] = a.value();
      }
    }
    return out;
  }

 private:
  const Reader& r_;
};

}  // namespace

Json read_xml_body(const Reader& r, const model::Shape& shape, const std::string& xml, const std::string& result_wrapper,
                   std::string* request_id, bool ec2) {
  pugi::xml_document doc;
  if (xml.empty()) return XmlWalk(r).structure(shape, doc, 0);  // an empty body: no members
  // Whitespace-only text is a value (" " is a string), so it is kept.
  const auto res = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (!res) {
    throw ParseError(std::string("the response is not valid XML (") + res.description() + " at byte " +
                     std::to_string(res.offset) + ")");
  }
  auto root = doc.document_element();
  if (request_id) {
    const auto top = children_by_name(root);
    if (ec2) {
      if (auto it = top.find("requestId"); it != top.end()) *request_id = text_of(it->second.front());
    } else if (auto it = top.find("ResponseMetadata"); it != top.end()) {
      const auto meta = children_by_name(it->second.front());
      if (auto id = meta.find("RequestId"); id != meta.end()) *request_id = text_of(id->second.front());
    }
  }
  auto start = root;
  if (!result_wrapper.empty()) {
    const auto top = children_by_name(root);
    auto it = top.find(result_wrapper);
    if (it == top.end()) throw ParseError("the response has no <" + result_wrapper + "> element");
    start = it->second.front();
  }
  if (shape.type != ShapeType::Structure) return XmlWalk(r).value(shape, nullptr, {start}, 0);
  return XmlWalk(r).structure(shape, start, 0);
}

}  // namespace drc::aws::protocol::detail
