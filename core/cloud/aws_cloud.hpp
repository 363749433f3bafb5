#pragma once
// The real cloud behind the one door: each CloudCall goes through the AWS client (credentials, signing,
// retries) and, for an operation the model paginates, through every page, so a caller such as the
// backup inventory sees the whole answer. Timestamps come back as ISO 8601, as SimCloud gives them.

#include <memory>

#include "aws/client/aws_client.hpp"
#include "cloud/cloud.hpp"
#include "cloud/guarded_cloud.hpp"
#include "util/result.hpp"

namespace drc::cloud {

class AwsCloud final : public Cloud {
 public:
  static Result<std::unique_ptr<AwsCloud>> create(aws::client::ClientConfig config);
  void call(CloudCall call, Done done) override;

  // Read or write, from the model: the guards above the door ask before they call.
  Result<aws::model::Access> access(const std::string& service, const std::string& operation) const;
  // The same, in the form a GuardedCloud takes (unknown: nullopt, so treated as a write).
  AccessOf access_of() const;
  // The region calls use when they name none: --region, AWS_REGION, the profile's.
  const std::string& default_region() const { return client_->default_region(); }

 private:
  explicit AwsCloud(std::unique_ptr<aws::client::AwsClient> client) : client_(std::move(client)) {}
  std::unique_ptr<aws::client::AwsClient> client_;
};

}  // namespace drc::cloud
