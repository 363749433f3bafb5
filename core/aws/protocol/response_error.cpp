// Error responses, read the way botocore reads each protocol's, and never failing: a body that cannot
// be read leaves the HTTP status to say what happened.

#include <pugixml.hpp>

#include <map>

#include "aws/protocol/response.hpp"
#include "aws/protocol/response_parts.hpp"
#include "util/text.hpp"

namespace drc::aws::protocol {

using Json = nlohmann::ordered_json;
using model::Protocol;
using detail::local_name;

namespace {

// The text of each direct child element, by local name (the first of repeated ones).
std::map<std::string, pugi::xml_node> child_map(pugi::xml_node node) {
  std::map<std::string, pugi::xml_node> out;
  for (auto c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element) out.emplace(local_name(c.name()), c);
  }
  return out;
}

std::string child_text(const std::map<std::string, pugi::xml_node>& m, const char* name) {
  auto it = m.find(name);
  return it == m.end() ? std::string() : std::string(it->second.child_value());
}

// "aws.protocoltests#FooError:http://..." → "FooError"
std::string clean_code(std::string code) {
  if (auto colon = code.find(':'); colon != std::string::npos) code = code.substr(0, colon);
  if (auto hash = code.rfind('#'); hash != std::string::npos) code = code.substr(hash + 1);
  return code;
}

void from_xml(const HttpResponse& resp, ServiceError& e) {
  pugi::xml_document doc;
  if (!doc.load_buffer(resp.body.data(), resp.body.size(), pugi::parse_default | pugi::parse_ws_pcdata)) return;
  auto root = doc.document_element();
  auto top = child_map(root);
  pugi::xml_node error;
  if (local_name(root.name()) == "Error") {
    error = root;  // S3
  } else if (auto it = top.find("Error"); it != top.end()) {
    error = it->second;  // query, route53, cloudfront
  } else if (auto errs = top.find("Errors"); errs != top.end()) {
    error = errs->second.child("Error");  // ec2
  }
  if (error) {
    const auto fields = child_map(error);
    e.code = child_text(fields, "Code");
    e.message = child_text(fields, "Message");
    if (e.request_id.empty()) e.request_id = child_text(fields, "RequestId");
    for (const auto& [name, node] : fields) {
      if (name != "Code" && name != "Message" && name != "RequestId") e.fields[name] = node.child_value();
    }
  }
  for (const char* key : {"RequestId", "RequestID"}) {
    if (e.request_id.empty()) e.request_id = child_text(top, key);
  }
}

void from_json(const HttpResponse& resp, bool rest_json, ServiceError& e) {
  Json body = Json::object();
  try {
    if (!resp.body.empty()) body = Json::parse(resp.body);
  } catch (const std::exception&) {
    // Not JSON. A gateway or an emulator in front of a JSON service may answer in the query protocol's
    // XML; its code is more use to the operator than the raw text (botocore shows the raw text).
    const auto t = trim(resp.body);
    if (!t.empty() && t[0] == '<') {
      from_xml(resp, e);
      if (!e.code.empty()) return;
    }
    e.message = resp.body;  // the text itself is the message
    body = Json::object();
  }
  if (!body.is_object()) body = Json::object();
  if (body.contains("message") && body["message"].is_string()) {
    e.message = body["message"];
  } else if (body.contains("Message") && body["Message"].is_string()) {
    e.message = body["Message"];
  }
  std::string code = std::to_string(resp.status);
  if (body.contains("__type") && body["__type"].is_string()) code = body["__type"];
  if (rest_json) {
    if (const auto* h = resp.header("x-amzn-errortype")) {
      code = *h;
    } else if (body.contains("code") && body["code"].is_string()) {
      code = body["code"];
    } else if (body.contains("Code") && body["Code"].is_string()) {
      code = body["Code"];
    }
  }
  code = clean_code(code);
  if (const auto* q = resp.header("x-amzn-query-error")) {
    // A json service that once spoke query keeps its old error codes here: "Code;Sender".
    const auto semi = q->find(';');
    if (semi != std::string::npos && semi > 0) code = q->substr(0, semi);
  }
  e.code = code;
  if (const auto* id = resp.header("x-amzn-requestid")) e.request_id = *id;
}

}  // namespace

ServiceError parse_error(const model::ServiceModel& svc, const HttpResponse& resp) {
  ServiceError e;
  e.status = resp.status;
  if (const auto* id = resp.header("x-amzn-requestid")) e.request_id = *id;
  if (const auto* id = resp.header("x-amz-request-id"); id && e.request_id.empty()) e.request_id = *id;
  const auto body = trim(resp.body);
  const bool generic = resp.status >= 500 && (body.empty() || body.rfind("<html>", 0) == 0);
  if (!generic) {
    switch (svc.metadata().protocol) {
      case Protocol::Query:
      case Protocol::Ec2:
      case Protocol::RestXml: from_xml(resp, e); break;
      case Protocol::Json: from_json(resp, false, e); break;
      case Protocol::RestJson: from_json(resp, true, e); break;
    }
  }
  if (e.code.empty()) {
    e.code = std::to_string(resp.status);
    if (e.message.empty()) e.message = std::string(reason_phrase(resp.status));
  }
  return e;
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 413: return "Request Entity Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

}  // namespace drc::aws::protocol
