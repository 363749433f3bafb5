// eks get-token (awscli/customizations/eks/get_token.py): the ExecCredential kubectl runs the aws CLI
// for. The token is "k8s-aws-v1." and the unpadded URL-safe base64 of a presigned sts
// GetCallerIdentity carrying the cluster's name in a signed x-k8s-aws-id header, valid for 60 seconds;
// the API server makes that call to learn who is asking. The stated expiry is 14 minutes on, so that
// clients refresh before STS's 15 minutes run out.

#include <chrono>
#include <cstdio>

#include "aws/cli/commands/run_command.hpp"
#include "aws/protocol/values.hpp"
#include "aws/sigv4/presign.hpp"

namespace drc::aws::cli::detail {

namespace {

constexpr int kUrlTimeoutSeconds = 60;
constexpr std::chrono::minutes kTokenExpiration{14};
constexpr const char* kBetaApi = "client.authentication.k8s.io/v1beta1";

// discover_api_version: the version kubectl asks for in KUBERNETES_EXEC_INFO, with the CLI's warnings.
std::string api_version(CommandIo& io, std::string& warnings) {
  const auto raw = io.env("KUBERNETES_EXEC_INFO").value_or("");
  if (raw.empty()) return kBetaApi;
  nlohmann::json info;
  try {
    info = nlohmann::json::parse(raw);
  } catch (const std::exception&) {
    warnings += std::string("Error parsing KUBERNETES_EXEC_INFO, defaulting to ") + kBetaApi +
                ". This is likely a bug in your Kubernetes client. Please update your Kubernetes client.\n";
    return kBetaApi;
  }
  const auto version = info.is_object() && info.contains("apiVersion") && info["apiVersion"].is_string()
                           ? info["apiVersion"].get<std::string>()
                           : std::string();
  if (version == "client.authentication.k8s.io/v1" || version == kBetaApi) return version;
  if (version == "client.authentication.k8s.io/v1alpha1") {
    warnings += "Kubeconfig user entry is using deprecated API version " + version +
                ". Run 'aws eks update-kubeconfig' to update.\n";
    return version;
  }
  warnings += std::string("Unrecognized API version in KUBERNETES_EXEC_INFO, defaulting to ") + kBetaApi +
              ". This is likely due to an outdated AWS CLI. Please update your AWS CLI.\n";
  return kBetaApi;
}

// datetime.strftime('%Y-%m-%dT%H:%M:%SZ') in UTC.
std::string rfc3339_seconds(Timestamp t) {
  const auto secs = std::chrono::floor<std::chrono::seconds>(t);
  const auto day = std::chrono::floor<std::chrono::days>(secs);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{secs - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string base64url_unpadded(const std::string& bytes) {
  auto s = protocol::base64_encode(bytes);
  for (auto& c : s) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

}  // namespace

CommandOutcome eks_get_token(const CustomCommandCall& call, CommandIo& io) {
  const std::string region = io.global.region.empty() ? io.client.default_region() : io.global.region;
  // The CLI's sts client takes the region from the command line but not --endpoint-url.
  std::optional<Credentials> creds;
  if (const auto* role = call.value("role-arn")) {
    auto assumed = assume_role(io, *role, "EKSGetTokenAuth", {true, false});
    if (!assumed) return failed(assumed.error().message);
    creds = std::move(*assumed);
  }
  const auto* name = call.value("cluster-name");
  const auto* id = call.value("cluster-id");
  if (name && id) {
    return failed("The key \"cluster_id\" cannot be specified when one of the following keys are also specified: cluster_name");
  }
  if (!name && !id) {
    // The CLI returns this ValueError instead of raising it; Python's sys.exit prints it and exits 1.
    CommandOutcome o;
    o.exit_code = 1;
    o.err = "Either parameter --cluster-name or --cluster-id must be specified.\n";
    return o;
  }
  if (region.empty()) return failed("Invalid endpoint: https://sts..amazonaws.com");
  if (!creds) {
    auto chain = credentials(io);
    if (!chain) return failed(chain.error().message);
    creds = std::move(*chain);
  }
  auto sts = io.client.service("sts");
  if (!sts) return failed(sts.error().message);
  auto ep = io.client.endpoint((*sts)->metadata(), region, false);
  if (!ep) return failed(ep.error().message);

  http::Request req;
  req.method = "GET";
  req.scheme = ep->scheme;
  req.host = ep->host;
  req.port = ep->port;
  req.path = ep->base_path + "/";
  req.query = {{"Action", "GetCallerIdentity"}, {"Version", "2011-06-15"}};
  req.headers = {{"x-k8s-aws-id", id ? *id : *name}};
  sigv4::Params p;
  p.region = ep->signing_region.empty() ? region : ep->signing_region;
  p.service = "sts";
  p.time = io.now();
  const auto url = req.scheme + "://" + req.authority() + req.path + "?" + sigv4::presign(req, *creds, p, kUrlTimeoutSeconds).query;

  CommandOutcome o;
  nlohmann::ordered_json status = nlohmann::ordered_json::object();
  status["expirationTimestamp"] = rfc3339_seconds(io.now() + kTokenExpiration);
  status["token"] = "k8s-aws-v1." + base64url_unpadded(url);
  nlohmann::ordered_json credential = nlohmann::ordered_json::object();
  credential["kind"] = "ExecCredential";
  credential["apiVersion"] = api_version(io, o.err);
  credential["spec"] = nlohmann::ordered_json::object();
  credential["status"] = std::move(status);
  o.formatted = std::move(credential);
  return o;
}

}  // namespace drc::aws::cli::detail
