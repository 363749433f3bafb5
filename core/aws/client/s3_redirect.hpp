#pragma once
// S3 requests sent to the wrong region, followed as botocore's S3RegionRedirectorv2 follows them: a
// runbook's `aws s3api ... --bucket dr-copy` run with the primary region's profile during a failover still
// works. S3 answers such a request with a 301 PermanentRedirect, a 400 AuthorizationHeaderMalformed naming
// the region, a bare 301 or 400 to a HEAD, a 302/307, or IllegalLocationConstraintException; the bucket's
// region comes from the x-amz-bucket-region header, else the error's Region, else a HeadBucket. The request
// is then signed for that region (at its endpoint, unless an endpoint URL is configured) and sent once
// more, at once; the client remembers the bucket's region for its later calls.

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/endpoints/endpoints.hpp"
#include "aws/http/response.hpp"
#include "aws/model/service_model.hpp"
#include "aws/protocol/response.hpp"

namespace drc::aws::client {

// The bucket a call names, when the call may be redirected: an S3 call with a Bucket that is not an ARN
// (an access point's region is its own).
std::optional<std::string> s3_redirectable_bucket(const model::ServiceModel& svc, const nlohmann::ordered_json& params);

// Whether this error says the bucket lives in another region (botocore's six cases).
bool s3_wrong_region(const std::string& operation, const http::Response& response, const protocol::ServiceError& error);

// The bucket's region as the error gives it: the x-amz-bucket-region header, else the XML error's Region
// (when not empty). nullopt: only a HeadBucket can tell.
std::optional<std::string> s3_region_from_error(const http::Response& response, const protocol::ServiceError& error);

// The host a redirected request goes to: the bucket's virtual host at the region's endpoint when it was
// addressed so, else the endpoint's own host (path-style, or a configured endpoint, which stays as it is).
std::string s3_redirected_host(bool virtual_hosted, const std::string& bucket, const endpoints::Endpoint& endpoint);

// The aws CLI's own words for S3 errors about regions and signatures (awscli's s3errormsg): a
// PermanentRedirect names the endpoint from the error's body and how to give the right region. For the
// command line only: the advice speaks of its --region argument.
void cli_s3_error_message(protocol::ServiceError& error);

// The regions buckets were found in, per client (botocore keeps one per client too).
class BucketRegions {
 public:
  std::optional<std::string> find(const std::string& bucket) const;
  void remember(const std::string& bucket, const std::string& region);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::string> regions_;
};

}  // namespace drc::aws::client
