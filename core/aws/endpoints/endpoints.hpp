#pragma once
// Where a service's requests go: an explicit endpoint URL (flag, AWS_ENDPOINT_URL_<SERVICE>,
// AWS_ENDPOINT_URL, the profile's endpoint_url or its services section), else the standard endpoint
// of the region's partition (aws, aws-cn, aws-us-gov, ...), with the exceptions endpoints.json lists:
// global services such as iam and route53, and hosts that break the pattern.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/config/shared_config.hpp"
#include "aws/model/service_model.hpp"
#include "util/result.hpp"

namespace drc::aws::endpoints {

struct Endpoint {
  std::string scheme = "https";
  std::string host;
  std::optional<int> port;
  std::string base_path;       // a path the endpoint URL carried, prefixed to every request's path
  std::string signing_region;  // the credential scope's region (us-east-1 for the global services)
  std::string partition;
  bool custom = false;         // from an explicit URL: S3 then uses path-style addressing
  std::string url() const;
};

class Partitions {
 public:
  static Result<std::shared_ptr<const Partitions>> load(const std::filesystem::path& endpoints_json);
  // The standard endpoint of a service in a region. The region must look like one.
  Result<Endpoint> resolve(const model::ServiceMetadata& service, const std::string& region) const;

 private:
  nlohmann::json data_;
};

// botocore's validate_region_name: letters, digits and inner hyphens, up to 63 characters, not all digits.
bool valid_region_name(const std::string& region);
// Its error for one that is not.
std::string invalid_region_message(const std::string& region);

// Parses "https://host:port/path" as given to --endpoint-url.
Result<Endpoint> parse_endpoint_url(const std::string& url);

// The explicit endpoint URL for a service, if any is configured: the flag, then
// AWS_ENDPOINT_URL_<SERVICE ID>, AWS_ENDPOINT_URL, then the profile's services section and endpoint_url.
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true leaves only the flag.
std::optional<std::string> configured_endpoint_url(const model::ServiceMetadata& service, const std::string& flag,
                                                   const config::Env& env, const config::SharedConfig& cfg,
                                                   const std::string& profile);

// "Auto Scaling" → "AUTO_SCALING", the suffix of its AWS_ENDPOINT_URL_ variable.
std::string endpoint_env_suffix(const std::string& service_id);

}  // namespace drc::aws::endpoints
