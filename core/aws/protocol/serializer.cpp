#include "aws/protocol/serializer.hpp"

#include <algorithm>
#include <cctype>

#include "aws/http/uri.hpp"
#include "aws/protocol/form_body.hpp"
#include "aws/protocol/serializer_parts.hpp"
#include "aws/protocol/values.hpp"

namespace drc::aws::protocol {

using namespace detail;
using model::Location;
using model::Protocol;
using model::ShapeType;

namespace {

Json without_nulls(const Json& params) {
  Json out = Json::object();
  if (!params.is_object()) return out;
  for (const auto& [k, v] : params.items()) {
    if (!v.is_null()) out[k] = v;
  }
  return out;
}

// "/{Bucket}/{Key+}?uploads" with the labels filled in: a greedy label keeps its slashes.
std::string render_uri(const std::string& tmpl, const std::map<std::string, std::string>& labels) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size();) {
    if (tmpl[i] != '{') {
      out += tmpl[i++];
      continue;
    }
    const auto close = tmpl.find('}', i);
    if (close == std::string::npos) throw SerializeError("the model's request URI is malformed: " + tmpl);
    std::string label = tmpl.substr(i + 1, close - i - 1);
    const bool greedy = !label.empty() && label.back() == '+';
    if (greedy) label.pop_back();
    auto it = labels.find(label);
    if (it == labels.end()) throw SerializeError("Missing required parameter in input: \"" + label + "\"");
    out += http::percent_encode(it->second, greedy ? "/~" : "~");
    i = close + 1;
  }
  return out;
}

// Splits a rendered "/path?a=1&b" into the path and its query pairs (which are plain in the models).
void split_uri(const std::string& uri, http::Request& req) {
  const auto q = uri.find('?');
  req.path = uri.substr(0, q);
  if (q == std::string::npos) return;
  const auto query = uri.substr(q + 1);
  for (std::size_t pos = 0; pos < query.size();) {
    auto amp = query.find('&', pos);
    if (amp == std::string::npos) amp = query.size();
    const auto pair = query.substr(pos, amp - pos);
    const auto eq = pair.find('=');
    if (!pair.empty()) req.query.emplace_back(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
    pos = amp + 1;
  }
}

std::string header_text(const Shapes& shapes, const model::Shape& shape, const model::ShapeRef& ref, const Json& value,
                        const std::string& path) {
  if (shape.type == ShapeType::List) {
    const auto& member = shapes.get(shape.member->shape);
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (value[i].is_null()) continue;
      auto v = header_text(shapes, member, *shape.member, value[i], path + "[" + std::to_string(i) + "]");
      if (member.type == ShapeType::String && (v.find('"') != std::string::npos || v.find(',') != std::string::npos)) {
        std::string esc = "\"";
        for (char c : v) esc += c == '"' ? std::string("\\\"") : std::string(1, c);
        v = esc + "\"";
      }
      if (!out.empty()) out += ',';
      out += v;
    }
    return out;
  }
  if (ref.json_value) return base64_encode(value.dump());
  if (shape.type == ShapeType::Timestamp) {
    // Headers carry whole seconds, whatever the format.
    const auto t = parse_timestamp(value);
    if (!t) type_error(path, value, "timestamp (ISO 8601, e.g. 2026-11-23T21:00:00Z, or epoch seconds)");
    return scalar_text(shape, Json(unix_seconds(*t)), TimeFormat::Rfc822, path);
  }
  return scalar_text(shape, value, TimeFormat::Rfc822, path);
}

std::string host_prefix(const model::Operation& op, const model::Shape* input, const Json& params) {
  if (op.host_prefix.empty()) return {};
  std::string out;
  const auto& t = op.host_prefix;
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] != '{') {
      out += t[i++];
      continue;
    }
    const auto close = t.find('}', i);
    const auto label = t.substr(i + 1, close - i - 1);
    const auto* m = input ? input->find(label) : nullptr;
    if (!m || !params.contains(label) || !params[label].is_string()) {
      throw SerializeError("Missing required parameter in input: \"" + label + "\"");
    }
    const auto& v = params[label].get_ref<const std::string&>();
    const bool valid = !v.empty() && std::all_of(v.begin(), v.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
    });
    if (!valid) {
      throw SerializeError("Invalid value for parameter(s): " + label + ". Must contain only alphanumeric characters, hyphen, or period.");
    }
    out += v;
    i = close + 1;
  }
  return out;
}

void serialize_query(const Shapes& shapes, const model::ServiceModel& svc, const model::Operation& op, const Json& params,
                     const model::Shape* input, http::Request& req) {
  req.method = op.http_method;
  req.path = "/";
  req.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
  http::Pairs fields{{"Action", op.name}, {"Version", svc.metadata().api_version}};
  if (input) query_fields(shapes, *input, params, "", svc.metadata().protocol == Protocol::Ec2, fields, "");
  req.body = form_encode(fields);
}

void serialize_json(const Shapes& shapes, const model::ServiceModel& svc, const model::Operation& op, const Json& params,
                    const model::Shape* input, http::Request& req) {
  const auto& md = svc.metadata();
  req.method = op.http_method;
  req.path = "/";
  req.headers.emplace_back("X-Amz-Target", md.target_prefix + "." + op.name);
  req.headers.emplace_back("Content-Type", "application/x-amz-json-" + md.json_version);
  if (md.query_compatible) req.headers.emplace_back("x-amzn-query-mode", "true");
  req.body = input ? json_value(shapes, *input, params, "").dump() : "{}";
}

void serialize_rest(const Shapes& shapes, const model::ServiceModel& svc, const model::Operation& op, const Json& params,
                    const model::Shape* input, http::Request& req) {
  const bool xml = svc.metadata().protocol == Protocol::RestXml;
  req.method = op.http_method;
  if (!input) {
    split_uri(op.request_uri, req);
    return;
  }
  std::map<std::string, std::string> labels;
  http::Pairs query;
  Json body = Json::object();
  for (const auto& [name, value] : params.items()) {
    const auto* m = input->find(name);
    if (!m) throw SerializeError("Unknown parameter in input: \"" + name + "\"");
    const auto& shape = shapes.get(m->shape);
    const auto key = m->location_name.empty() ? m->name : m->location_name;
    switch (m->location) {
      case Location::Uri: labels[key] = scalar_text(shape, value, TimeFormat::Iso8601, name); break;
      case Location::Querystring:
        if (shape.type == ShapeType::Map) {
          if (!value.is_object()) type_error(name, value, "dict");
          for (const auto& [k, v] : value.items()) {
            if (v.is_array()) {
              for (const auto& e : v) query.emplace_back(k, e.is_string() ? e.get<std::string>() : e.dump());
            } else {
              query.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
            }
          }
        } else if (shape.type == ShapeType::List) {
          if (!value.is_array()) type_error(name, value, "list, tuple");
          const auto& member = shapes.get(shape.member->shape);
          for (std::size_t i = 0; i < value.size(); ++i) {
            query.emplace_back(key, scalar_text(member, value[i], TimeFormat::Iso8601, name + "[" + std::to_string(i) + "]"));
          }
        } else {
          query.emplace_back(key, scalar_text(shape, value, TimeFormat::Iso8601, name));
        }
        break;
      case Location::Header:
        if (shape.type == ShapeType::List && value.is_array() && value.empty()) break;
        req.headers.emplace_back(key, header_text(shapes, shape, *m, value, name));
        break;
      case Location::Headers:
        if (!value.is_object()) type_error(name, value, "dict");
        for (const auto& [k, v] : value.items()) req.headers.emplace_back(key + k, v.is_string() ? v.get<std::string>() : v.dump());
        break;
      case Location::Body:
      case Location::StatusCode: body[name] = value; break;
    }
  }
  split_uri(render_uri(op.request_uri, labels), req);
  for (auto& q : query) req.query.push_back(std::move(q));

  bool streaming = false;
  if (!input->payload.empty()) {
    const auto* pm = input->find(input->payload);
    if (!pm) throw SerializeError("the model's payload member " + input->payload + " is missing");
    const auto& ps = shapes.get(pm->shape);
    streaming = ps.type == ShapeType::Blob || ps.type == ShapeType::String;
    const auto it = params.find(input->payload);
    if (streaming) {
      if (it != params.end()) req.body = it->is_string() ? it->get<std::string>() : it->dump();
    } else if (it != params.end()) {
      const auto root = pm->location_name.empty() ? pm->name : pm->location_name;
      req.body = xml ? xml_document(shapes, ps, *it, root, pm->xml_namespace ? pm->xml_namespace : ps.xml_namespace, input->payload)
                     : json_value(shapes, ps, *it, input->payload).dump();
    } else if (!xml) {
      req.body = "{}";
    }
  } else if (!body.empty()) {
    if (xml) {
      const auto root = op.input_location_name.empty() ? input->name : op.input_location_name;
      std::optional<model::XmlNamespace> ns;
      if (op.input_xml_namespace) ns = model::XmlNamespace{"", *op.input_xml_namespace};
      req.body = xml_document(shapes, *input, body, root, ns, "");
    } else {
      req.body = json_value(shapes, *input, body, "").dump();
    }
  } else if (!xml) {
    for (const auto& m : input->members) {
      if (m.location == Location::Body) {
        req.body = "{}";
        break;
      }
    }
  }
  if (!xml && !streaming && !req.body.empty() && !req.header("Content-Type")) {
    req.headers.emplace_back("Content-Type", "application/json");
  }
}

}  // namespace

Result<Serialized> serialize(const model::ServiceModel& svc, const model::Operation& op, const nlohmann::ordered_json& raw) {
  try {
    const Shapes shapes(svc);
    const model::Shape* input = op.input.empty() ? nullptr : &shapes.get(op.input);
    const auto params = without_nulls(raw);
    Serialized out;
    out.host_prefix = host_prefix(op, input, params);
    switch (svc.metadata().protocol) {
      case Protocol::Query:
      case Protocol::Ec2: serialize_query(shapes, svc, op, params, input, out.request); break;
      case Protocol::Json: serialize_json(shapes, svc, op, params, input, out.request); break;
      case Protocol::RestJson:
      case Protocol::RestXml: serialize_rest(shapes, svc, op, params, input, out.request); break;
    }
    return out;
  } catch (const SerializeError& e) {
    return make_error(e.what());
  }
}

}  // namespace drc::aws::protocol
