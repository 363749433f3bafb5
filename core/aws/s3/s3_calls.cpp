#include "aws/s3/command_parts.hpp"

#include <functional>
#include <ostream>

#include "aws/s3/paths.hpp"

namespace drc::aws::s3::detail {

using Json = nlohmann::ordered_json;

client::CallRequest s3_request(const std::string& operation, Json params) {
  client::CallRequest r;
  r.service = "s3";
  r.operation = operation;
  r.params = std::move(params);
  return r;
}

protocol::AwsTime time_of(const Json& v) { return protocol::parse_timestamp(v).value_or(protocol::AwsTime{}); }

client::CallResult call_now(CallPump& pump, client::CallRequest req) {
  client::CallResult out;
  pump.submit(std::move(req), [&out](client::CallResult r) { out = std::move(r); });
  pump.run();
  return out;
}

bool each_page(CallPump& pump, client::CallRequest first, const std::function<void(const Json&)>& on_page, std::string& error) {
  bool ok = true;
  const client::CallRequest first_request = first;
  std::function<void(client::CallRequest)> ask = [&](client::CallRequest req) {
    auto params = req.params;
    pump.submit(std::move(req), [&, params](client::CallResult r) {
      if (!r.ok()) {
        ok = false;
        error = r.error_text();
        return;
      }
      on_page(*r.output);
      // ListObjectsV2 and ListBuckets both page by ContinuationToken.
      const std::string token = (*r.output).value("NextContinuationToken", (*r.output).value("ContinuationToken", std::string()));
      const bool more = (*r.output).value("IsTruncated", !token.empty());
      if (!more || token.empty() || params.value("ContinuationToken", std::string()) == token) return;
      auto next = first_request;
      next.params = params;
      next.params["ContinuationToken"] = token;
      ask(std::move(next));
    });
  };
  ask(std::move(first));
  pump.run();
  return ok;
}

bool refuse_unsupported(const std::string& path, S3Io& io) {
  const auto why = unsupported_resource(path);
  if (why) io.err << '\n' << *why << '\n';
  return why.has_value();
}

}  // namespace drc::aws::s3::detail
