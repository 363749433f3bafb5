#include "aws/client/redact.hpp"

#include "aws/http/request.hpp"

namespace drc::aws::client {

using Json = nlohmann::ordered_json;
using model::ShapeType;

namespace {

// A streaming body (an object's bytes, a function's payload) is data, not a parameter: it may be large,
// binary (not JSON text) or confidential, so only its size is shown.
Json streamed(const Json& v) { return "<" + std::to_string(v.get_ref<const std::string&>().size()) + " bytes>"; }

// Members that hold a secret although their model does not mark them sensitive: the token of an SSM
// session (ssm start-session, resume-session; ecs execute-command's session), which lets whoever holds it
// into the instance or container; an MFA code (sts TokenCode), good until its next tick; and the session
// token of an assumed role's credentials (sts's tokenType is not marked), which with the key is the role.
bool unmarked_secret(const std::string& member) {
  return http::iequals(member, "TokenValue") || member == "TokenCode" || member == "SessionToken";
}

Json walk(const model::ServiceModel& m, const model::Shape* s, const Json& v, int depth) {
  if (!s || depth > 64) return v;
  if (s->sensitive) return kRedacted;
  if (s->streaming && v.is_string()) return streamed(v);
  switch (s->type) {
    case ShapeType::Structure: {
      if (!v.is_object() || s->document) return v;
      Json out = Json::object();
      for (const auto& [k, x] : v.items()) {
        const auto* member = s->find(k);
        if (member && unmarked_secret(k)) {
          out[k] = kRedacted;
          continue;
        }
        if (member && member->streaming && x.is_string()) {
          out[k] = streamed(x);
          continue;
        }
        out[k] = member ? walk(m, m.shape(member->shape), x, depth + 1) : x;
      }
      return out;
    }
    case ShapeType::List: {
      if (!v.is_array()) return v;
      Json out = Json::array();
      const auto* member = m.shape(s->member->shape);
      for (const auto& x : v) out.push_back(walk(m, member, x, depth + 1));
      return out;
    }
    case ShapeType::Map: {
      if (!v.is_object()) return v;
      Json out = Json::object();
      const auto* value = m.shape(s->value->shape);
      for (const auto& [k, x] : v.items()) out[k] = walk(m, value, x, depth + 1);
      return out;
    }
    default: return v;
  }
}

}  // namespace

Json redact(const model::ServiceModel& model, const std::string& shape_name, const Json& value) {
  return walk(model, model.shape(shape_name), value, 0);
}

std::string redact_header(const std::string& name, const std::string& value) {
  if (http::iequals(name, "Authorization")) {
    const auto sig = value.find("Signature=");
    return (sig == std::string::npos ? std::string("AWS4-HMAC-SHA256 ") : value.substr(0, sig + 10)) + kRedacted;
  }
  // SSE-C keys: x-amz-server-side-encryption-customer-key and its copy-source- twin.
  const auto ends_with_key = name.size() >= 13 && http::iequals(std::string_view(name).substr(name.size() - 13), "-customer-key");
  // The SSO portal's bearer token (sso GetRoleCredentials) is as good as the role's keys for hours.
  if (http::iequals(name, "X-Amz-Security-Token") || ends_with_key || http::iequals(name, "X-aws-ec2-metadata-token") ||
      http::iequals(name, "x-amz-sso_bearer_token")) {
    return kRedacted;
  }
  return value;
}

}  // namespace drc::aws::client
