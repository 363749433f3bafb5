#include "aws/model/record_reader.hpp"

#include <array>
#include <stdexcept>

namespace drc::aws::model {

using nlohmann::ordered_json;

namespace {

std::string str(const ordered_json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end()) return {};
  if (!it->is_string()) throw std::runtime_error(std::string(key) + " is not a string");
  return it->get<std::string>();
}

bool flag(const ordered_json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() && it->get<bool>();
}

std::vector<std::string> strings(const ordered_json& j) {
  std::vector<std::string> out;
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_array()) {
    for (const auto& e : j) out.push_back(e.get<std::string>());
  }
  return out;
}

std::optional<XmlNamespace> xml_namespace(const ordered_json& j) {
  auto it = j.find("xmlNamespace");
  if (it == j.end()) return std::nullopt;
  if (it->is_string()) return XmlNamespace{"", it->get<std::string>()};
  return XmlNamespace{str(*it, "prefix"), str(*it, "uri")};
}

Location location(const std::string& s) {
  if (s.empty()) return Location::Body;
  if (s == "uri") return Location::Uri;
  if (s == "querystring") return Location::Querystring;
  if (s == "header") return Location::Header;
  if (s == "headers") return Location::Headers;
  if (s == "statusCode") return Location::StatusCode;
  throw std::runtime_error("unknown location \"" + s + "\"");
}

ShapeRef read_ref(const ordered_json& j) {
  ShapeRef r;
  r.shape = str(j, "shape");
  if (r.shape.empty()) throw std::runtime_error("a member without a shape");
  r.location = location(str(j, "location"));
  r.location_name = str(j, "locationName");
  r.query_name = str(j, "queryName");
  r.xml_namespace = xml_namespace(j);
  r.flattened = flag(j, "flattened");
  r.xml_attribute = flag(j, "xmlAttribute");
  r.idempotency_token = flag(j, "idempotencyToken");
  r.json_value = flag(j, "jsonvalue");
  r.host_label = flag(j, "hostLabel");
  r.event_payload = flag(j, "eventpayload");
  r.streaming = flag(j, "streaming");
  if (auto it = j.find("contextParam"); it != j.end()) r.context_param = str(*it, "name");
  return r;
}

ShapeType shape_type(const std::string& s) {
  static constexpr std::array<std::pair<std::string_view, ShapeType>, 11> kTypes{{
      {"structure", ShapeType::Structure}, {"list", ShapeType::List}, {"map", ShapeType::Map},
      {"string", ShapeType::String}, {"integer", ShapeType::Integer}, {"long", ShapeType::Long},
      {"float", ShapeType::Float}, {"double", ShapeType::Double}, {"boolean", ShapeType::Boolean},
      {"timestamp", ShapeType::Timestamp}, {"blob", ShapeType::Blob},
  }};
  for (const auto& [n, t] : kTypes) {
    if (n == s) return t;
  }
  throw std::runtime_error("unknown shape type \"" + s + "\"");
}

Paginator read_paginator(const ordered_json& j) {
  Paginator p;
  if (auto it = j.find("input_token"); it != j.end()) p.input_tokens = strings(*it);
  if (auto it = j.find("output_token"); it != j.end()) p.output_tokens = strings(*it);
  if (auto it = j.find("result_key"); it != j.end()) p.result_keys = strings(*it);
  if (auto it = j.find("non_aggregate_keys"); it != j.end()) p.non_aggregate_keys = strings(*it);
  p.limit_key = str(j, "limit_key");
  p.more_results = str(j, "more_results");
  if (p.input_tokens.size() != p.output_tokens.size()) throw std::runtime_error("a paginator's tokens do not pair up");
  return p;
}

CliArg read_cli_arg(const ordered_json& j) {
  CliArg a;
  a.required = flag(j, "required");
  a.positional = flag(j, "positional");
  if (j.contains("page")) {
    a.kind = CliArg::Kind::Page;
    a.member = str(j, "page");
  } else if (j.contains("custom")) {
    a.kind = CliArg::Kind::Custom;
    a.custom = str(j, "custom");
    a.member = str(j, "member");
  } else if (j.contains("value")) {
    a.kind = CliArg::Kind::Boolean;
    a.member = str(j, "member");
    a.value = j.at("value").get<bool>();
  } else {
    a.member = str(j, "member");
  }
  return a;
}

}  // namespace

Shape read_shape(const std::string& name, const ordered_json& j) {
  Shape s;
  s.name = name;
  s.type = shape_type(str(j, "type"));
  if (auto it = j.find("members"); it != j.end()) {
    for (const auto& [mname, m] : it->items()) {
      Member member;
      static_cast<ShapeRef&>(member) = read_ref(m);
      member.name = mname;
      s.members.push_back(std::move(member));
    }
  }
  if (auto it = j.find("required"); it != j.end()) s.required = strings(*it);
  if (auto it = j.find("member"); it != j.end()) s.member = read_ref(*it);
  if (auto it = j.find("key"); it != j.end()) s.key = read_ref(*it);
  if (auto it = j.find("value"); it != j.end()) s.value = read_ref(*it);
  s.location_name = str(j, "locationName");
  s.payload = str(j, "payload");
  s.xml_namespace = xml_namespace(j);
  s.timestamp_format = str(j, "timestampFormat");
  if (auto it = j.find("min"); it != j.end() && it->is_number()) s.min = MinBound{it->get<double>(), !it->is_number_float()};
  s.flattened = flag(j, "flattened");
  s.sensitive = flag(j, "sensitive");
  s.exception = flag(j, "exception");
  s.union_ = flag(j, "union");
  s.streaming = flag(j, "streaming");
  s.event_stream = flag(j, "eventstream");
  s.document = flag(j, "document");
  if (auto it = j.find("error"); it != j.end()) {
    s.error_code = str(*it, "code");
    if (auto st = it->find("httpStatusCode"); st != it->end()) s.error_status = st->get<int>();
  }
  if (s.type == ShapeType::List && !s.member) throw std::runtime_error("a list without a member shape");
  if (s.type == ShapeType::Map && (!s.key || !s.value)) throw std::runtime_error("a map without key and value shapes");
  return s;
}

Operation read_operation(const std::string& name, const ordered_json& j) {
  Operation op;
  op.name = name;
  if (auto it = j.find("http"); it != j.end()) {
    op.http_method = str(*it, "method");
    op.request_uri = str(*it, "requestUri");
    if (auto rc = it->find("responseCode"); rc != it->end()) op.response_code = rc->get<int>();
  }
  if (op.http_method.empty()) op.http_method = "POST";
  if (op.request_uri.empty()) op.request_uri = "/";
  if (auto it = j.find("input"); it != j.end()) {
    op.input = str(*it, "shape");
    op.input_location_name = str(*it, "locationName");
    if (auto ns = xml_namespace(*it)) op.input_xml_namespace = ns->uri;
  }
  if (auto it = j.find("output"); it != j.end()) {
    op.output = str(*it, "shape");
    op.result_wrapper = str(*it, "resultWrapper");
  }
  if (auto it = j.find("errors"); it != j.end()) {
    for (const auto& e : *it) op.errors.push_back(str(e, "shape"));
  }
  if (auto it = j.find("endpoint"); it != j.end()) op.host_prefix = str(*it, "hostPrefix");
  if (auto it = j.find("auth"); it != j.end()) op.auth = strings(*it);
  if (auto t = str(j, "authtype"); !t.empty()) op.auth.push_back(t);
  op.unsigned_payload = flag(j, "unsignedPayload");
  op.endpoint_operation = flag(j, "endpointoperation");
  if (auto it = j.find("staticContextParams"); it != j.end()) {
    for (const auto& [param, spec] : it->items()) op.static_context_params[param] = nlohmann::json(spec.at("value"));
  }
  op.checksum_required = flag(j, "httpChecksumRequired");
  if (auto it = j.find("httpChecksum"); it != j.end()) {
    op.checksum_required = op.checksum_required || flag(*it, "requestChecksumRequired");
    op.checksum_algorithm_member = str(*it, "requestAlgorithmMember");
    op.checksum_mode_member = str(*it, "requestValidationModeMember");
  }
  std::optional<bool> readonly;
  if (auto it = j.find("readonly"); it != j.end() && it->is_boolean()) readonly = it->get<bool>();
  op.access = classify(name, op.http_method, readonly);
  if (auto it = j.find("cli_args"); it != j.end()) {
    for (const auto& [arg, a] : it->items()) op.cli_args.emplace(arg, read_cli_arg(a));
  }
  if (auto it = j.find("paginator"); it != j.end()) op.paginator = read_paginator(*it);
  return op;
}

}  // namespace drc::aws::model
