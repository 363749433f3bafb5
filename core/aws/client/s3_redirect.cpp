#include "aws/client/s3_redirect.hpp"

#include <chrono>

#include "aws/client/attempt.hpp"
#include "aws/endpoints/endpoints.hpp"

namespace drc::aws::client {

namespace {

// An element of the XML error, when it has one (perhaps empty).
const std::string* error_field(const protocol::ServiceError& error, const char* name) {
  const auto it = error.fields.find(name);
  return it == error.fields.end() ? nullptr : &it->second;
}

constexpr const char* kRegionAdvice =
    "You can fix this issue by explicitly providing the correct region location using the --region argument, the "
    "AWS_DEFAULT_REGION environment variable, or the region variable in the AWS CLI configuration file.  You can get the "
    "bucket's location by running \"aws s3api get-bucket-location --bucket BUCKET\".";

}  // namespace

std::optional<std::string> s3_redirectable_bucket(const model::ServiceModel& svc, const nlohmann::ordered_json& params) {
  if (svc.metadata().endpoint_prefix != "s3" || !params.is_object()) return std::nullopt;
  const auto it = params.find("Bucket");
  if (it == params.end() || !it->is_string()) return std::nullopt;
  auto bucket = it->get<std::string>();
  if (bucket.rfind("arn:", 0) == 0) return std::nullopt;  // botocore's ArnParser.is_arn
  return bucket;
}

bool s3_wrong_region(const std::string& operation, const http::Response& response, const protocol::ServiceError& error) {
  const auto& code = error.code;
  const bool bare = code == "301" || code == "400";
  if (bare && operation == "HeadObject") return true;  // signed for the wrong region, a HEAD has no body to say so
  if (bare && operation == "HeadBucket" && response.header("x-amz-bucket-region")) return true;
  if (code == "AuthorizationHeaderMalformed" && error_field(error, "Region")) return true;
  if (response.status == 301 || response.status == 302 || response.status == 307) return true;
  if (code == "PermanentRedirect") return true;
  return code == "IllegalLocationConstraintException" && operation != "CreateBucket";
}

std::optional<std::string> s3_region_from_error(const http::Response& response, const protocol::ServiceError& error) {
  if (const auto* region = response.header("x-amz-bucket-region")) return *region;
  const auto* region = error_field(error, "Region");
  if (!region || region->empty()) return std::nullopt;  // an empty one says nothing (botocore then asks HeadBucket)
  return *region;
}

std::string s3_redirected_host(bool virtual_hosted, const std::string& bucket, const endpoints::Endpoint& endpoint) {
  return !endpoint.custom && virtual_hosted ? bucket + "." + endpoint.host : endpoint.host;
}

void cli_s3_error_message(protocol::ServiceError& error) {
  auto& m = error.message;
  if (m.find("Please use AWS4-HMAC-SHA256") != std::string::npos) {
    m = std::string("You are attempting to operate on a bucket in a region that requires Signature Version 4.  ") + kRegionAdvice;
  } else if (error.code == "PermanentRedirect") {
    // awscli replaces the message's last character (its full stop) with the endpoint.
    const auto* endpoint = error_field(error, "Endpoint");
    if (!endpoint) return;
    if (!m.empty()) m.pop_back();
    m += ": " + *endpoint + "\n" + kRegionAdvice;
  } else if (m.find("AWS KMS managed keys require AWS Signature Version 4") != std::string::npos) {
    m += " You can enable AWS Signature Version 4 by running the command: \naws configure set s3.signature_version s3v4";
  }
}

std::optional<std::string> BucketRegions::find(const std::string& bucket) const {
  std::lock_guard lock(mutex_);
  const auto it = regions_.find(bucket);
  if (it == regions_.end()) return std::nullopt;
  return it->second;
}

void BucketRegions::remember(const std::string& bucket, const std::string& region) {
  std::lock_guard lock(mutex_);
  regions_[bucket] = region;
}

// The client's part: AwsClient's steps for a bucket in another region.

void AwsClient::redirect(std::shared_ptr<Attempt> a, const http::Response& response) {
  a->redirected = true;
  if (auto region = s3_region_from_error(response, *a->result.error)) return follow_redirect(a, *region);
  // A HeadBucket cannot ask itself (botocore recurses there until Python gives up).
  if (a->op->name == "HeadBucket") return finish(a);
  // Only a HeadBucket can tell, asked as botocore asks it: a call of its own (itself followed to the
  // bucket's region), whose answer carries x-amz-bucket-region whatever its status.
  CallRequest head;
  head.service = a->request.service;
  head.operation = "HeadBucket";
  head.params = {{"Bucket", *a->bucket}};
  head.region = a->result.region;
  head.use_endpoint_flag = a->request.use_endpoint_flag;
  head.anonymous = a->request.anonymous;
  if (!head.anonymous) head.credentials = a->creds;
  if (config_.debug) config_.debug(a->op->name + ": bucket " + *a->bucket + " is not in " + a->result.region + "; asking HeadBucket where it is");
  call(std::move(head), [this, a](CallResult h) {
    const std::string* region = http::find_header(h.response_headers, "x-amz-bucket-region");
    if (!region) return finish(a);  // the first error stands
    follow_redirect(a, *region);
  });
}

void AwsClient::follow_redirect(std::shared_ptr<Attempt> a, const std::string& region) {
  auto& r = a->result;
  if (!endpoints::valid_region_name(region)) {
    r.error.reset();
    r.failure = endpoints::invalid_region_message(region);
    return finish(a);
  }
  // The same request at the region's endpoint: the bucket's host there (virtual-hosted stays so), or the
  // configured endpoint unchanged; path, query, headers and body as they were.
  auto ep = endpoint(a->model->metadata(), region, a->request.use_endpoint_flag);
  if (!ep) {
    r.error.reset();
    r.failure = ep.error().message;
    return finish(a);
  }
  bucket_regions_.remember(*a->bucket, region);
  a->wire.host = s3_redirected_host(a->s3_virtual_host, *a->bucket, *ep);
  a->wire.port = ep->port;
  a->signing.region = ep->signing_region;
  if (config_.debug) {
    config_.debug(a->op->name + ": bucket " + *a->bucket + " is in " + region + ", not " + r.region + "; sending there");
  }
  r.region = region;
  r.error.reset();
  r.failure.clear();
  r.max_attempts_reached = false;  // a new answer will say
  send(a, std::chrono::milliseconds{0});
}

}  // namespace drc::aws::client
