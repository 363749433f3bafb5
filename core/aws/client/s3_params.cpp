#include "aws/client/s3_params.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "aws/client/flexible_checksum.hpp"
#include "aws/http/uri.hpp"
#include "aws/protocol/values.hpp"

namespace drc::aws::client {

using Json = nlohmann::ordered_json;

namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool bucket_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
}

bool label_char(char c, bool dots) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || (dots && c == '.'); }

// [a-zA-Z0-9\-.]{1,63} (or without the dot) at the start of `s`: its length, or 0.
std::size_t label(std::string_view s, bool dots) {
  std::size_t n = 0;
  while (n < s.size() && n < 64 && label_char(s[n], dots)) ++n;
  return n >= 1 && n <= 63 ? n : 0;
}

bool digits12(std::string_view s) {
  return s.size() >= 12 && std::all_of(s.begin(), s.begin() + 12, [](char c) { return c >= '0' && c <= '9'; });
}

bool region_chars(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-' || (c >= '0' && c <= '9'); });
}

// botocore's VALID_S3_ARN: an access point (s3 or s3-object-lambda) or an Outposts access point. The
// partition part is "aws" then anything (.*), so the service is the last ":s3:" style field that fits.
bool access_point_arn(std::string_view b) {
  if (b.rfind("arn:aws", 0) != 0) return false;
  // ^arn:(aws).*:(s3|s3-object-lambda):[a-z\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-.]{1,63}$
  for (std::string_view service : {":s3:", ":s3-object-lambda:"}) {
    for (auto pos = b.find(service, 7); pos != std::string_view::npos; pos = b.find(service, pos + 1)) {
      auto rest = b.substr(pos + service.size());
      const auto colon = rest.find(':');
      if (colon == std::string_view::npos || !region_chars(rest.substr(0, colon))) continue;
      rest = rest.substr(colon + 1);
      if (!digits12(rest) || rest.size() < 13 || rest[12] != ':') continue;
      rest = rest.substr(13);
      if (rest.rfind("accesspoint", 0) != 0 || rest.size() < 12 || (rest[11] != '/' && rest[11] != ':')) continue;
      rest = rest.substr(12);
      if (label(rest, true) == rest.size() && !rest.empty()) return true;
    }
  }
  // ^arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63}$
  for (auto pos = b.find(":s3-outposts:", 7); pos != std::string_view::npos; pos = b.find(":s3-outposts:", pos + 1)) {
    auto rest = b.substr(pos + 13);
    const auto colon = rest.find(':');
    if (colon == std::string_view::npos || colon == 0 || !region_chars(rest.substr(0, colon))) continue;
    rest = rest.substr(colon + 1);
    if (!digits12(rest) || rest.size() < 13 || rest[12] != ':') continue;
    rest = rest.substr(13);
    if (rest.rfind("outpost", 0) != 0 || rest.size() < 8 || (rest[7] != '/' && rest[7] != ':')) continue;
    rest = rest.substr(8);
    const auto n = label(rest, false);
    if (n == 0 || n >= rest.size() || (rest[n] != '/' && rest[n] != ':')) continue;
    rest = rest.substr(n + 1);
    if (rest.rfind("accesspoint", 0) != 0 || rest.size() < 12 || (rest[11] != '/' && rest[11] != ':')) continue;
    rest = rest.substr(12);
    if (!rest.empty() && label(rest, false) == rest.size()) return true;
  }
  return false;
}

Status validate_bucket_name(const Json& params) {
  if (!params.contains("Bucket") || !params["Bucket"].is_string()) return {};
  const auto& bucket = params["Bucket"].get_ref<const std::string&>();
  // Python's $ also matches before a final newline.
  const std::string_view name = !bucket.empty() && bucket.back() == '\n' ? std::string_view(bucket).substr(0, bucket.size() - 1) : std::string_view(bucket);
  const bool plain = !name.empty() && name.size() <= 255 && std::all_of(name.begin(), name.end(), bucket_char);
  if (plain) return {};
  if (access_point_arn(bucket)) {
    // botocore sends these to the access point's own host (NAME-ACCOUNT.s3-accesspoint.REGION...), signed
    // for the ARN's region; drconsole does not route them yet, and a request to the bucket's host would
    // name a bucket that does not exist.
    return make_error("Bucket \"" + bucket + "\" is an access point ARN, which drconsole cannot send requests to yet: "
                      "use the bucket's name, or the access point's alias (NAME-...-s3alias)");
  }
  return make_error("Invalid bucket name \"" + bucket +
                    "\": Bucket name must match the regex \"^[a-zA-Z0-9.\\-_]{1,255}$\" or be an ARN matching the regex "
                    "\"^arn:(aws).*:(s3|s3-object-lambda):[a-z\\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\\-.]{1,63}$|"
                    "^arn:(aws).*:s3-outposts:[a-z\\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\\-]{1,63}[/:]accesspoint[/:]"
                    "[a-zA-Z0-9\\-]{1,63}$\"");
}

// "bucket/key" percent-encoded (slashes kept), from a string (a trailing ?versionId=... without whitespace
// kept as written) or from {"Bucket", "Key", "VersionId"} (s3 cp and sync give it so).
Status quote_copy_source(Json& params) {
  if (!params.contains("CopySource")) return {};
  auto& source = params["CopySource"];
  if (source.is_object()) {
    if (!source.contains("Bucket")) return make_error("Missing required parameter: 'Bucket'");
    if (!source.contains("Key") || source["Key"].is_null()) return make_error("Missing required parameter in CopySource: \"Key\"");
    const auto bucket = source["Bucket"].is_string() ? source["Bucket"].get<std::string>() : source["Bucket"].dump();
    const auto key = source["Key"].is_string() ? source["Key"].get<std::string>() : source["Key"].dump();
    auto quoted = http::percent_encode(access_point_arn(bucket) ? bucket + "/object/" + key : bucket + "/" + key, "/");
    if (source.contains("VersionId") && source["VersionId"].is_string()) quoted += "?versionId=" + source["VersionId"].get<std::string>();
    source = quoted;
    return {};
  }
  if (!source.is_string()) return {};
  const auto text = source.get<std::string>();
  // botocore's VERSION_ID_SUFFIX.search: the leftmost "?versionId=" followed by one or more characters
  // without whitespace to the end (or to a final newline, as Python's $ allows).
  auto version = std::string::npos;
  for (auto at = text.find("?versionId="); at != std::string::npos; at = text.find("?versionId=", at + 1)) {
    auto id = std::string_view(text).substr(at + 11);
    if (!id.empty() && id.back() == '\n') id.remove_suffix(1);
    if (!id.empty() && id.find_first_of(" \t\n\r\f\v") == std::string_view::npos) {
      version = at;
      break;
    }
  }
  const auto first = version == std::string::npos ? text : text.substr(0, version);
  source = http::percent_encode(first, "/") + (version == std::string::npos ? "" : text.substr(version));
  return {};
}

Status ascii_metadata(const Json& params) {
  if (!params.contains("Metadata") || !params["Metadata"].is_object()) return {};
  auto ascii = [](const std::string& s) { return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }); };
  for (const auto& [key, value] : params["Metadata"].items()) {
    if (!value.is_string()) continue;
    const auto& v = value.get_ref<const std::string&>();
    if (ascii(key) && ascii(v)) continue;
    return make_error("Non ascii characters found in S3 metadata for key \"" + key + "\", value: \"" + v +
                      "\".  \nS3 metadata can only contain ASCII characters. ");
  }
  return {};
}

// SSE-C: the key goes as base64, with the base64 MD5 of its bytes, unless the caller gave the MD5.
void sse_customer_key(Json& params, const std::string& prefix) {
  const auto key_member = prefix + "Key", md5_member = prefix + "KeyMD5";
  if (!params.contains(key_member) || !params[key_member].is_string() || params.contains(md5_member)) return;
  const auto key = params[key_member].get<std::string>();
  params[key_member] = protocol::base64_encode(key);
  params[md5_member] = checksum_base64("md5", key);
}

}  // namespace

Status prepare_s3_params(const model::ServiceModel& svc, const model::Operation& op, Json& params) {
  if (svc.metadata().service != "s3" || !params.is_object()) return {};
  const auto& name = op.name;
  if (one_of(name, {"CopyObject", "UploadPartCopy"})) {
    if (auto st = quote_copy_source(params); !st) return st;
  }
  if (one_of(name, {"CopyObject", "PutObject", "CreateMultipartUpload"})) {
    if (auto st = ascii_metadata(params); !st) return st;
  }
  if (one_of(name, {"HeadObject", "GetObject", "PutObject", "CopyObject", "CreateMultipartUpload", "UploadPart",
                    "UploadPartCopy", "CompleteMultipartUpload", "SelectObjectContent"})) {
    sse_customer_key(params, "SSECustomer");
  }
  if (one_of(name, {"CopyObject", "UploadPartCopy"})) sse_customer_key(params, "CopySourceSSECustomer");
  return validate_bucket_name(params);
}

}  // namespace drc::aws::client
