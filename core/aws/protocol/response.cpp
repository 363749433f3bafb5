#include "aws/protocol/response.hpp"

#include <array>
#include <charconv>
#include <cmath>

#include "aws/protocol/response_parts.hpp"
#include "aws/protocol/values.hpp"

namespace drc::aws::protocol {

using namespace detail;
using Json = nlohmann::ordered_json;
using model::Location;
using model::Protocol;
using model::ShapeType;

namespace detail {

const model::Shape& Reader::shape(const std::string& name) const {
  const auto* s = model_.shape(name);
  if (!s) throw ParseError("the service model has no usable shape " + name);
  return *s;
}

Json Reader::timestamp(const Json& wire) const {
  if (!options_.iso_timestamps) return wire;
  const auto t = parse_timestamp(wire);
  if (!t) return wire;
  // Python's datetime.isoformat() in UTC: microseconds only when there are some.
  auto iso = format_iso8601(*t);
  iso.pop_back();  // the Z
  return iso + "+00:00";
}

Json Reader::scalar(const model::Shape& s, const std::string& text, bool rest_json_header) const {
  switch (s.type) {
    case ShapeType::Boolean:
      if (rest_json_header) return text == "true" || text == "True";
      return text == "true";
    case ShapeType::Integer:
    case ShapeType::Long: {
      std::int64_t v = 0;
      auto t = text;
      while (!t.empty() && t.front() == ' ') t.erase(0, 1);
      while (!t.empty() && t.back() == ' ') t.pop_back();
      const auto* b = t.data() + (!t.empty() && t.front() == '+' ? 1 : 0);
      auto [p, ec] = std::from_chars(b, t.data() + t.size(), v);
      if (ec != std::errc() || p != t.data() + t.size() || t.empty()) {
        throw ParseError("\"" + text + "\" is not an integer (" + s.name + ")");
      }
      return v;
    }
    case ShapeType::Float:
    case ShapeType::Double: {
      if (text == "NaN" || text == "nan") return std::nan("");
      if (text == "Infinity" || text == "inf") return HUGE_VAL;
      if (text == "-Infinity" || text == "-inf") return -HUGE_VAL;
      double v = 0;
      auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
      if (ec != std::errc() || p != text.data() + text.size() || text.empty()) {
        throw ParseError("\"" + text + "\" is not a number (" + s.name + ")");
      }
      return v;
    }
    case ShapeType::Timestamp: return timestamp(Json(text));
    default: return text;
  }
}

}  // namespace detail

namespace {

Json parse_json_text(const std::string& body) {
  if (body.empty()) return Json::object();
  try {
    return Json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    throw ParseError(std::string("the response is not valid JSON (") + e.what() + ")");
  }
}

Json header_value(const Reader& r, const model::Shape& s, const model::ShapeRef& ref, const std::string& text, bool json) {
  if (s.type == ShapeType::List) {
    Json out = Json::array();
    const auto& member = r.shape(s.member->shape);
    std::size_t pos = 0;
    while (pos <= text.size()) {
      auto comma = text.find(',', pos);
      if (comma == std::string::npos) comma = text.size();
      auto item = text.substr(pos, comma - pos);
      while (!item.empty() && item.front() == ' ') item.erase(0, 1);
      while (!item.empty() && item.back() == ' ') item.pop_back();
      out.push_back(r.scalar(member, item, json));
      pos = comma + 1;
    }
    return out;
  }
  if (ref.json_value && s.type == ShapeType::String) {
    auto decoded = base64_decode(text);
    if (!decoded) throw ParseError("header " + ref.location_name + " is not base64");
    try {
      return Json::parse(*decoded);
    } catch (const std::exception&) {
      throw ParseError("header " + ref.location_name + " does not hold JSON");
    }
  }
  return r.scalar(s, text, json);
}

void rest_located_members(const Reader& r, const model::Shape& out_shape, const HttpResponse& resp, bool json, Json& out) {
  for (const auto& m : out_shape.members) {
    const auto& ms = r.shape(m.shape);
    switch (m.location) {
      case Location::StatusCode: out[m.name] = resp.status; break;
      case Location::Headers: {
        Json map = Json::object();
        std::string prefix = m.location_name;
        for (auto& c : prefix) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (const auto& [k, v] : resp.headers) {
          std::string lk = k;
          for (auto& c : lk) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          if (lk.compare(0, prefix.size(), prefix) == 0) map[lk.substr(prefix.size())] = v;
        }
        out[m.name] = map;
        break;
      }
      case Location::Header: {
        const auto& name = m.location_name.empty() ? m.name : m.location_name;
        if (const auto* v = resp.header(name)) out[m.name] = header_value(r, ms, m, *v, json);
        break;
      }
      default: break;
    }
  }
}

std::string rest_request_id(const HttpResponse& resp) {
  if (const auto* id = resp.header("x-amzn-requestid")) return *id;
  if (const auto* id = resp.header("x-amz-request-id")) return *id;
  return {};
}

}  // namespace

Result<Parsed> parse_response(const model::ServiceModel& svc, const model::Operation& op, const HttpResponse& resp,
                              const ParseOptions& options) {
  const auto protocol = svc.metadata().protocol;
  try {
    const Reader r(svc, options);
    Parsed p;
    const model::Shape* out_shape = op.output.empty() ? nullptr : &r.shape(op.output);
    switch (protocol) {
      case Protocol::Query:
      case Protocol::Ec2: {
        if (out_shape) {
          p.output = read_xml_body(r, *out_shape, resp.body, op.result_wrapper, &p.request_id, protocol == Protocol::Ec2);
        } else if (!resp.body.empty()) {
          model::Shape empty;  // still read the request id, and still refuse a body that is not XML
          empty.type = ShapeType::Structure;
          read_xml_body(r, empty, resp.body, "", &p.request_id, protocol == Protocol::Ec2);
        }
        break;
      }
      case Protocol::Json:
        if (out_shape) p.output = read_json_value(r, *out_shape, parse_json_text(resp.body), 0);
        if (const auto* id = resp.header("x-amzn-requestid")) p.request_id = *id;
        break;
      case Protocol::RestJson:
      case Protocol::RestXml: {
        const bool json = protocol == Protocol::RestJson;
        p.request_id = rest_request_id(resp);
        if (!out_shape) break;
        rest_located_members(r, *out_shape, resp, json, p.output);
        if (!out_shape->payload.empty()) {
          const auto* pm = out_shape->find(out_shape->payload);
          if (!pm) throw ParseError("the model's payload member " + out_shape->payload + " is missing");
          const auto& ps = r.shape(pm->shape);
          if (ps.type == ShapeType::Blob || ps.type == ShapeType::String) {
            p.output[pm->name] = resp.body;  // a stream: the body itself
          } else if (ps.event_stream) {
            // Event streams are not read here; nothing in a runbook needs one.
          } else if (json) {
            p.output[pm->name] = read_json_value(r, ps, parse_json_text(resp.body), 0);
          } else {
            p.output[pm->name] = read_xml_body(r, ps, resp.body, "", nullptr, false);
          }
        } else {
          const auto body = json ? read_json_value(r, *out_shape, parse_json_text(resp.body), 0)
                                 : read_xml_body(r, *out_shape, resp.body, "", nullptr, false);
          for (const auto& [k, v] : body.items()) p.output[k] = v;
        }
        break;
      }
    }
    if (!p.output.is_object()) p.output = Json::object();
    return p;
  } catch (const ParseError& e) {
    return make_error("the " + svc.metadata().cli_name + " " + op.name + " response could not be read: " + e.what());
  } catch (const nlohmann::json::exception& e) {
    return make_error("the " + svc.metadata().cli_name + " " + op.name + " response could not be read: " + e.what());
  }
}

}  // namespace drc::aws::protocol
