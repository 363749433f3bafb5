#pragma once
// One call on its way through AwsClient (inside the client only): what was asked, what goes on the wire,
// and the result as it forms, shared by the call's steps (aws_client.cpp, s3_redirect.cpp).

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "aws/client/aws_client.hpp"

namespace drc::aws::client {

struct AwsClient::Attempt {
  CallRequest request;
  CallResult result;
  std::function<void(CallResult)> done;
  std::shared_ptr<const model::ServiceModel> model;
  const model::Operation* op = nullptr;
  http::Request wire;
  sigv4::Params signing;
  Credentials creds;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  FailureKind last_kind = FailureKind::None;
  CustomizationState custom;
  std::optional<CrossRegionCopy> cross_region;
  std::optional<std::string> bucket;  // an S3 call's bucket, which may be in another region
  bool s3_virtual_host = false;       // the bucket is in the host, not the path
  bool redirected = false;            // followed once already: never twice
};

}  // namespace drc::aws::client
