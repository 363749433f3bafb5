// AwsClient::presign: a call as a URL signed in its query string (s3 presign), built by the same
// build_wire as every call drconsole sends.
#include "aws/client/aws_client.hpp"

#include <chrono>

#include "aws/sigv4/presign.hpp"

namespace drc::aws::client {

void AwsClient::presign(CallRequest request, int expires_seconds, std::function<void(Result<std::string>)> done) {
  auto svc = catalog_->service(request.service);
  if (!svc) return done(svc.error());
  const auto* op = (*svc)->operation(request.operation);
  if (!op) return done(make_error("the " + (*svc)->metadata().cli_name + " model has no operation " + request.operation));
  std::string region = request.region.empty() ? region_ : request.region;
  if (region.empty() && !(*svc)->metadata().global_endpoint.empty()) region = "us-east-1";  // as call() does
  if (region.empty()) return done(make_error("You must specify a region. You can also configure your region by running \"aws configure\"."));
  CustomizationState custom;
  auto wire = build_wire(**svc, *op, request.params, region, request.use_endpoint_flag, true, custom);
  if (!wire) return done(wire.error());
  auto shared = std::make_shared<Wire>(std::move(*wire));
  if (!config_.sign_requests) {
    // --no-sign-request: botocore's unsigned presigner gives the plain URL.
    const auto& w = shared->request;
    return done(w.scheme + "://" + w.authority() + w.path + (w.query_string().empty() ? "" : "?" + w.query_string()));
  }
  credentials_->get([shared, expires_seconds, done = std::move(done)](Result<Credentials> c) {
    if (!c) return done(c.error());
    shared->signing.time = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    const auto& w = shared->request;
    const auto query = sigv4::presign(w, *c, shared->signing, expires_seconds).query;
    done(w.scheme + "://" + w.authority() + w.path + "?" + query);
  });
}

}  // namespace drc::aws::client
