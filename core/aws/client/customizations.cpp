#include "aws/client/customizations.hpp"

#include <array>

namespace drc::aws::client {

using Json = nlohmann::ordered_json;

std::string url_unquote(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

namespace {

bool s3_listing(const model::ServiceModel& svc, const model::Operation& op) {
  return svc.metadata().signing_name == "s3" &&
         (op.name == "ListObjects" || op.name == "ListObjectsV2" || op.name == "ListObjectVersions");
}

void decode_policies(const model::ServiceModel& m, const model::Shape& s, Json& v, int depth) {
  if (depth > 32) return;
  if (s.type == model::ShapeType::Structure && v.is_object()) {
    for (const auto& member : s.members) {
      if (!v.contains(member.name)) continue;
      const auto* ms = m.shape(member.shape);
      if (!ms) continue;
      auto& x = v[member.name];
      if (ms->type == model::ShapeType::String && ms->name == "policyDocumentType" && x.is_string()) {
        try {
          x = Json::parse(url_unquote(x.get<std::string>()));
        } catch (const std::exception&) {
          // not JSON after all: left as it came, as botocore does
        }
      } else {
        decode_policies(m, *ms, x, depth + 1);
      }
    }
  } else if (s.type == model::ShapeType::List && v.is_array()) {
    if (const auto* ms = m.shape(s.member->shape)) {
      for (auto& x : v) decode_policies(m, *ms, x, depth + 1);
    }
  }
}

}  // namespace

void customize_request(const model::ServiceModel& svc, const model::Operation& op, Json& params, CustomizationState& state) {
  // botocore's fix_route53_ids: list-hosted-zones gives "/hostedzone/Z123" and get-change "/change/C1"; the
  // calls that take them want the last part, and runbooks pass the whole Id straight on.
  if (svc.metadata().service == "route53" && !op.input.empty() && params.is_object()) {
    if (const auto* in = svc.shape(op.input)) {
      for (const auto& m : in->members) {
        if (m.shape != "ResourceId" && m.shape != "DelegationSetId" && m.shape != "ChangeId") continue;
        if (!params.contains(m.name) || !params[m.name].is_string()) continue;
        const auto& id = params[m.name].get_ref<const std::string&>();
        if (const auto slash = id.rfind('/'); slash != std::string::npos) params[m.name] = id.substr(slash + 1);
      }
    }
  }
  if (s3_listing(svc, op) && params.is_object() && !params.contains("EncodingType")) {
    params["EncodingType"] = "url";
    state.encoding_type_auto_set = true;
  }
}

void customize_response(const model::ServiceModel& svc, const model::Operation& op, Json& out, const CustomizationState& state) {
  if (svc.metadata().service == "iam" && !op.output.empty()) {
    if (const auto* s = svc.shape(op.output)) decode_policies(svc, *s, out, 0);
  }
  if (s3_listing(svc, op) && state.encoding_type_auto_set && out.value("EncodingType", "") == "url") {
    std::vector<std::string> top;
    std::vector<std::pair<std::string, std::string>> nested{{"CommonPrefixes", "Prefix"}};
    if (op.name == "ListObjects") {
      top = {"Delimiter", "Marker", "NextMarker"};
      nested.emplace_back("Contents", "Key");
    } else if (op.name == "ListObjectsV2") {
      top = {"Delimiter", "Prefix", "StartAfter"};
      nested.emplace_back("Contents", "Key");
    } else {
      top = {"KeyMarker", "NextKeyMarker", "Prefix", "Delimiter"};
      nested.emplace_back("Versions", "Key");
      nested.emplace_back("DeleteMarkers", "Key");
    }
    for (const auto& k : top) {
      if (out.contains(k) && out[k].is_string()) out[k] = url_unquote(out[k].get<std::string>());
    }
    for (const auto& [list, key] : nested) {
      if (!out.contains(list) || !out[list].is_array()) continue;
      for (auto& item : out[list]) {
        if (item.contains(key) && item[key].is_string()) item[key] = url_unquote(item[key].get<std::string>());
      }
    }
  }
}

}  // namespace drc::aws::client
