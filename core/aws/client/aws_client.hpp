#pragma once
// The AWS client: one call of any modelled operation, from JSON input to JSON output, asynchronously.
// It finds the model, fills idempotency tokens, serializes, resolves the endpoint (S3 virtual-hosted
// unless an endpoint URL is given), gets credentials from the standard chain, signs, sends on the HTTP
// client's I/O thread, retries throttling and transient failures in AWS's standard mode, follows an S3
// bucket to its region, and parses the output or the service's error. Nothing it does blocks the caller's thread.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/client/cross_region_copy.hpp"
#include "aws/client/customizations.hpp"
#include "aws/client/flexible_checksum.hpp"
#include "aws/client/retry.hpp"
#include "aws/client/rule_endpoint.hpp"
#include "aws/client/s3_redirect.hpp"
#include "aws/config/shared_config.hpp"
#include "aws/credentials/provider.hpp"
#include "aws/endpoints/endpoints.hpp"
#include "aws/http/client.hpp"
#include "aws/model/model_catalog.hpp"
#include "aws/protocol/response.hpp"
#include "aws/sigv4/signer.hpp"

namespace drc::aws::client {

struct ClientConfig {
  config::Env env = config::process_env();
  std::string profile_flag;       // --profile
  std::string region_flag;        // --region
  std::string endpoint_url_flag;  // --endpoint-url
  bool sign_requests = true;      // false: --no-sign-request (anonymous calls; no credentials looked up)
  std::filesystem::path models_dir = model::default_models_dir();
  // Models already opened (drconsole aws reads the command line against them first): shared, so no
  // service model is read twice.
  std::shared_ptr<model::ModelCatalog> catalog;
  protocol::ParseOptions parse;
  std::optional<int> max_attempts;  // else AWS_MAX_ATTEMPTS, the profile's max_attempts, or 3
  http::ClientOptions http;
  std::optional<std::chrono::milliseconds> read_timeout;  // --cli-read-timeout
  // The retry backoff's random factor in [0, 1): injectable so tests need not wait whole seconds.
  std::function<double()> jitter;
  // Asks for an MFA code when a profile's role needs one (the terminal of `drconsole aws`); null: none
  // can be asked, and such a role works only from the aws CLI's role cache.
  credentials::MfaPrompt mfa_prompt;
  // The aws CLI's own wording for some S3 errors (its advice names the --region argument): the command line's.
  bool aws_cli_messages = false;
  // Redacted lines about each request and response, for a debug log; null: none.
  std::function<void(const std::string&)> debug;
};

struct CallRequest {
  std::string service;    // the aws CLI's name or botocore's
  std::string operation;  // the model's name, e.g. DescribeDBInstances
  nlohmann::ordered_json params = nlohmann::ordered_json::object();
  std::string region;                       // empty: the client's
  std::optional<Credentials> credentials;   // instead of the chain's (STS AssumeRole uses this)
  std::chrono::milliseconds delay{0};       // wait this long before sending (a waiter's poll interval)
  bool use_endpoint_flag = true;            // false: --endpoint-url is not this call's (the CLI's nested clients)
  bool anonymous = false;                   // sent unsigned, without credentials (STS web identity)
};

struct CallResult {
  std::string service, operation, region;
  nlohmann::ordered_json params_redacted;  // safe to log, record and show
  std::optional<nlohmann::ordered_json> output;
  std::optional<protocol::ServiceError> error;  // the service said no
  std::string failure;                          // no answer (network, credentials, bad input): why
  bool bad_input = false;                       // the failure is the caller's parameters (exit code 2 territory)
  bool no_connection = false;                   // nothing came back: no route, refused, reset, timed out
  bool no_credentials = false;                  // no credentials could be found or refreshed
  std::string request_id;
  int http_status = 0;
  http::Pairs response_headers;  // the last response's, for what the output does not hold
  int attempts = 0;
  bool max_attempts_reached = false;  // the retries gave up at the limit: the error text says so
  std::chrono::milliseconds duration{0};
  model::Access access = model::Access::Write;
  bool ok() const { return output.has_value(); }
  // "An error occurred (Code) when calling the Operation operation: message", as the aws CLI words it.
  std::string error_text() const;
};

class AwsClient {
 public:
  static Result<std::unique_ptr<AwsClient>> create(ClientConfig config);
  ~AwsClient();

  // The region used when a call names none: --region, AWS_REGION, AWS_DEFAULT_REGION, the profile's.
  const std::string& default_region() const { return region_; }
  const std::string& profile() const { return profile_; }
  Result<std::shared_ptr<const model::ServiceModel>> service(const std::string& name) const;

  // The endpoint a service's requests go to in a region: the configured URL (with_flag: --endpoint-url
  // counts too), else the partition's. The aws CLI's own commands sign URLs that others send.
  Result<endpoints::Endpoint> endpoint(const model::ServiceMetadata& service, const std::string& region, bool with_flag) const;
  // The credentials calls are signed with (the chain's, cached): for presigned URLs. `done` may run on
  // another thread.
  void get_credentials(credentials::Done done) { credentials_->get(std::move(done)); }

  // `done` runs once, on the I/O thread or (for input that cannot be sent) on the caller's.
  void call(CallRequest request, std::function<void(CallResult)> done);
  // Waits for the result: for the command line, never for a UI thread.
  CallResult call_sync(CallRequest request);
  // The call as a URL signed in its query string, good for `expires_seconds` (s3 presign): built exactly
  // as call() would send it, with the chain's credentials. `done` runs once, on any thread.
  void presign(CallRequest request, int expires_seconds, std::function<void(Result<std::string>)> done);

 private:
  struct Attempt;
  struct Wire {
    http::Request request;
    sigv4::Params signing;  // region, service, s3; the time is set when it is signed
    std::optional<CrossRegionCopy> cross_region;  // a URL to presign once the credentials are known
    bool s3_virtual_host = false;                 // the bucket went into the host
  };
  Result<Wire> build_wire(const model::ServiceModel& svc, const model::Operation& op, nlohmann::ordered_json& params,
                          const std::string& region, bool use_endpoint_flag, bool presigning, CustomizationState& custom) const;
  // partitions.json, read the first time a rule set needs it (most commands never do).
  Result<std::shared_ptr<const endpoints::rules::PartitionTable>> rule_partitions() const;
  AwsClient() = default;
  void start(std::shared_ptr<Attempt> a);
  void send(std::shared_ptr<Attempt> a, std::chrono::milliseconds delay);
  void finish(std::shared_ptr<Attempt> a);
  double random01();
  // A bucket found in another region (s3_redirect.cpp): the region from the error, else from a HeadBucket,
  // then the request sent once more, signed for it.
  void redirect(std::shared_ptr<Attempt> a, const http::Response& response);
  void follow_redirect(std::shared_ptr<Attempt> a, const std::string& region);

  ClientConfig config_;
  std::shared_ptr<const config::SharedConfig> shared_;
  std::string profile_;
  std::string region_;
  RetryPolicy retry_;
  ChecksumSettings checksums_;
  RetryQuota quota_;
  std::shared_ptr<model::ModelCatalog> catalog_;
  std::shared_ptr<const endpoints::Partitions> partitions_;
  mutable std::mutex rule_partitions_mutex_;
  mutable std::shared_ptr<const endpoints::rules::PartitionTable> rule_partitions_;
  std::shared_ptr<credentials::Provider> credentials_;
  BucketRegions bucket_regions_;
  std::mutex random_mutex_;
  std::mt19937_64 random_{std::random_device{}()};
  std::unique_ptr<http::Client> http_;  // last: destroyed first, so no callback outlives what it uses
};

}  // namespace drc::aws::client
