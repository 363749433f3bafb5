#include "cloud/aws_cloud.hpp"

#include "aws/cli/output.hpp"
#include "aws/client/paginator.hpp"

namespace drc::cloud {

namespace {

CloudResult to_cloud(CloudCall call, const aws::client::CallResult& r, const std::optional<nlohmann::ordered_json>& output) {
  CloudResult out;
  out.call = std::move(call);
  out.duration = r.duration;
  out.request_id = r.request_id;
  out.attempts = r.attempts;
  if (output) {
    out.output = aws::cli::to_plain(*output);
  } else if (r.error) {
    out.error = CloudError{r.error->code, r.error->message};
  } else {
    // No answer from AWS: only a network failure makes the region unreachable; the rest is ours to fix.
    const char* code = r.no_connection ? "Unreachable" : r.no_credentials ? "NoCredentials" : r.bad_input ? "InvalidParameter" : "ClientError";
    out.error = CloudError{code, r.failure};
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<AwsCloud>> AwsCloud::create(aws::client::ClientConfig config) {
  config.parse.iso_timestamps = true;
  auto client = aws::client::AwsClient::create(std::move(config));
  if (!client) return client.error();
  return std::unique_ptr<AwsCloud>(new AwsCloud(std::move(*client)));
}

Result<aws::model::Access> AwsCloud::access(const std::string& service, const std::string& operation) const {
  auto svc = client_->service(service);
  if (!svc) return svc.error();
  const auto* op = (*svc)->operation(operation);
  if (!op) return make_error("the " + service + " model has no operation " + operation);
  return op->access;
}

AccessOf AwsCloud::access_of() const {
  return [this](const std::string& service, const std::string& operation) -> std::optional<aws::model::Access> {
    auto a = access(service, operation);
    if (!a) return std::nullopt;
    return *a;
  };
}

void AwsCloud::call(CloudCall call, Done done) {
  aws::client::CallRequest req;
  req.service = call.service;
  req.operation = call.operation;
  req.region = call.region;
  req.params = aws::cli::to_ordered(call.params);
  auto svc = client_->service(call.service);
  const auto* op = svc ? (*svc)->operation(call.operation) : nullptr;
  if (op && op->paginator && call.one_page) {
    const auto paginator = *op->paginator;
    const auto sent = req.params;
    client_->call(std::move(req), [call = std::move(call), done = std::move(done), paginator, sent](aws::client::CallResult r) mutable {
      const auto output = r.output;
      std::optional<nlohmann::json> next;
      if (output) {
        if (auto p = aws::client::next_page_params(paginator, sent, *output)) next = aws::cli::to_plain(*p);
      }
      auto base = call;
      auto result = to_cloud(std::move(call), r, output);
      if (next) {
        base.params = std::move(*next);
        result.next_page = std::move(base);
      }
      done(std::move(result));
    });
    return;
  }
  if (op && op->paginator) {
    const auto paginator = *op->paginator;
    aws::client::paginate(*client_, *op, std::move(req), {},
                          [call = std::move(call), done = std::move(done), paginator](aws::client::PaginatedResult r) mutable {
                            std::optional<nlohmann::ordered_json> output;
                            if (r.ok()) output = r.full_result(paginator);
                            done(to_cloud(std::move(call), r.last, output));
                          });
    return;
  }
  client_->call(std::move(req), [call = std::move(call), done = std::move(done)](aws::client::CallResult r) mutable {
    const auto output = r.output;
    done(to_cloud(std::move(call), r, output));
  });
}

}  // namespace drc::cloud
