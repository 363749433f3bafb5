#include "aws/client/aws_client.hpp"

#include <future>
#include <algorithm>

#include "aws/client/credential_calls.hpp"
#include "aws/client/customizations.hpp"
#include "aws/client/flexible_checksum.hpp"
#include "aws/client/redact.hpp"
#include "aws/client/rule_endpoint.hpp"
#include "aws/client/s3_params.hpp"
#include "aws/http/uri.hpp"
#include "aws/protocol/param_validator.hpp"
#include "aws/protocol/serializer.hpp"
#include "aws/protocol/values.hpp"
#include "aws/sigv4/signer.hpp"

namespace drc::aws::client {

using Json = nlohmann::ordered_json;
using namespace std::chrono;

struct AwsClient::Attempt {
  CallRequest request;
  CallResult result;
  std::function<void(CallResult)> done;
  std::shared_ptr<const model::ServiceModel> model;
  const model::Operation* op = nullptr;
  http::Request wire;
  sigv4::Params signing;
  Credentials creds;
  steady_clock::time_point started = steady_clock::now();
  FailureKind last_kind = FailureKind::None;
  CustomizationState custom;
  std::optional<CrossRegionCopy> cross_region;
};

std::string CallResult::error_text() const {
  if (error) {
    std::string retries;
    if (attempts > 1) retries = " (reached max retries: " + std::to_string(attempts - 1) + ")";
    return "An error occurred (" + error->code + ") when calling the " + operation + " operation" + retries + ": " +
           error->message;
  }
  return failure;
}

namespace {

std::string setting(const config::Env& env, const config::SharedConfig& cfg, const std::string& profile,
                    const char* env_name, const char* key) {
  if (env_name) {
    if (auto v = env(env_name); v && !v->empty()) return *v;
  }
  if (const auto* p = cfg.profile(profile)) {
    if (auto it = p->find(key); it != p->end()) return it->second;
  }
  return {};
}

// A bucket that can be a host name label: lower case, digits and hyphens, 3 to 63 long, starting and
// ending with a letter or digit.
bool virtual_hostable(const std::string& bucket) {
  if (bucket.size() < 3 || bucket.size() > 63 || bucket.front() == '-' || bucket.back() == '-') return false;
  return std::all_of(bucket.begin(), bucket.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

Timestamp now_ms() { return floor<milliseconds>(system_clock::now()); }

model::Operation without_host_prefix(const model::Operation& op) {
  auto copy = op;
  copy.host_prefix.clear();
  return copy;
}

bool truthy(const std::string& v) {
  std::string lower;
  for (char c : v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "true";
}

}  // namespace

Result<std::unique_ptr<AwsClient>> AwsClient::create(ClientConfig config) {
  std::unique_ptr<AwsClient> c(new AwsClient());
  c->config_ = std::move(config);
  auto& cfg = c->config_;
  auto shared = config::load_shared_config(cfg.env);
  if (!shared) return shared.error();
  c->shared_ = std::make_shared<const config::SharedConfig>(std::move(*shared));
  c->profile_ = config::profile_name(cfg.env, cfg.profile_flag);
  if (!cfg.profile_flag.empty() && !c->shared_->profile(c->profile_)) {
    return make_error("The config profile (" + c->profile_ + ") could not be found");
  }
  c->region_ = !cfg.region_flag.empty() ? cfg.region_flag : setting(cfg.env, *c->shared_, c->profile_, "AWS_REGION", "region");
  if (c->region_.empty()) c->region_ = setting(cfg.env, *c->shared_, c->profile_, "AWS_DEFAULT_REGION", "region");
  const auto attempts = setting(cfg.env, *c->shared_, c->profile_, "AWS_MAX_ATTEMPTS", "max_attempts");
  const auto mode = setting(cfg.env, *c->shared_, c->profile_, "AWS_RETRY_MODE", "retry_mode");
  c->checksums_.request_when_supported =
      setting(cfg.env, *c->shared_, c->profile_, "AWS_REQUEST_CHECKSUM_CALCULATION", "request_checksum_calculation") != "when_required";
  c->checksums_.response_when_supported =
      setting(cfg.env, *c->shared_, c->profile_, "AWS_RESPONSE_CHECKSUM_VALIDATION", "response_checksum_validation") != "when_required";
  if (mode == "legacy") c->retry_ = {5, RetryMode::Legacy};
  if (mode == "adaptive") c->retry_.mode = RetryMode::Adaptive;
  if (!attempts.empty()) {
    const int n = std::atoi(attempts.c_str());
    if (n < 1) return make_error("max_attempts must be a whole number of at least 1, not \"" + attempts + "\"");
    c->retry_.max_attempts = n;
  }
  if (cfg.max_attempts) c->retry_.max_attempts = std::max(1, *cfg.max_attempts);
  if (cfg.catalog) {
    c->catalog_ = cfg.catalog;
  } else {
    auto catalog = model::ModelCatalog::open(cfg.models_dir);
    if (!catalog) return catalog.error();
    c->catalog_ = *catalog;
  }
  auto partitions = endpoints::Partitions::load(cfg.models_dir / "endpoints.json");
  if (!partitions) return partitions.error();
  c->partitions_ = *partitions;
  auto http_options = cfg.http;
  if (const auto bundle = setting(cfg.env, *c->shared_, c->profile_, "AWS_CA_BUNDLE", "ca_bundle"); !bundle.empty()) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(bundle, ec)) {
      return make_error("the CA bundle " + bundle + " (AWS_CA_BUNDLE or the profile's ca_bundle) is not a readable file");
    }
    http_options.ca_bundle = bundle;
  }
  auto http = http::Client::create(http_options);
  if (!http) return http.error();
  c->http_ = std::move(*http);

  credentials::ChainInputs in;
  in.env = cfg.env;
  in.config = c->shared_;
  in.profile = c->profile_;
  in.profile_from_flag = !cfg.profile_flag.empty();
  in.region = c->region_;
  in.http = c->http_.get();
  in.now = now_ms;
  in.assume_role = sts_role_calls(*c);
  in.sso_get_role_credentials = sso_role_calls(*c);
  in.mfa_prompt = c->config_.mfa_prompt;
  c->credentials_ = credentials::default_chain(std::move(in));
  return c;
}

AwsClient::~AwsClient() { http_.reset(); }

Result<std::shared_ptr<const model::ServiceModel>> AwsClient::service(const std::string& name) const {
  return catalog_->service(name);
}

double AwsClient::random01() {
  if (config_.jitter) return config_.jitter();
  std::lock_guard lock(random_mutex_);
  return std::uniform_real_distribution<double>(0.0, 1.0)(random_);
}

Result<endpoints::Endpoint> AwsClient::endpoint(const model::ServiceMetadata& md, const std::string& region, bool with_flag) const {
  if (auto url = endpoints::configured_endpoint_url(md, with_flag ? config_.endpoint_url_flag : "", config_.env, *shared_, profile_)) {
    auto parsed = endpoints::parse_endpoint_url(*url);
    if (!parsed) return parsed.error();
    auto ep = *parsed;
    ep.signing_region = region;
    // A global service behind a custom endpoint still signs for its partition's region.
    if (auto std_ep = partitions_->resolve(md, region)) ep.signing_region = std_ep->signing_region;
    return ep;
  }
  return partitions_->resolve(md, region);
}

Result<std::shared_ptr<const endpoints::rules::PartitionTable>> AwsClient::rule_partitions() const {
  std::lock_guard lock(rule_partitions_mutex_);
  if (!rule_partitions_) {
    auto loaded = endpoints::rules::PartitionTable::load(config_.models_dir / "partitions.json");
    if (!loaded) return loaded.error();
    rule_partitions_ = std::make_shared<const endpoints::rules::PartitionTable>(std::move(*loaded));
  }
  return rule_partitions_;
}

RuleSettings AwsClient::rule_settings(const model::ServiceMetadata& md, const std::string& region, bool with_flag) const {
  RuleSettings s;
  s.region = region;
  s.endpoint_url = endpoints::configured_endpoint_url(md, with_flag ? config_.endpoint_url_flag : "", config_.env, *shared_, profile_);
  // An endpoint of one's own turns FIPS and dual-stack off, as botocore's built-ins do.
  s.use_fips = !s.endpoint_url && truthy(setting(config_.env, *shared_, profile_, "AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint"));
  s.use_dualstack = !s.endpoint_url &&
                    truthy(setting(config_.env, *shared_, profile_, "AWS_USE_DUALSTACK_ENDPOINT", "use_dualstack_endpoint"));
  s.use_arn_region = truthy(setting(config_.env, *shared_, profile_, "AWS_S3_USE_ARN_REGION", "s3_use_arn_region"));
  return s;
}

Result<AwsClient::Wire> AwsClient::build_wire(const model::ServiceModel& svc, const model::Operation& op, Json& params,
                                               const std::string& region, bool use_endpoint_flag, bool presigning,
                                               CustomizationState& custom) const {
  customize_request(svc, op, params, custom);
  if (auto s3 = prepare_s3_params(svc, op, params); !s3) return make_error("Parameter validation failed:\n" + s3.error().message);
  const auto& md = svc.metadata();
  // A service with a rule set (s3control) is resolved by it before the parameters are validated, as
  // botocore does: its errors (an account id that cannot be a host label) come first.
  std::optional<RuleResolved> ruled;
  if (svc.has_endpoint_rule_set()) {
    if (md.service == "s3control") {
      if (auto arn = s3control_arn_params(op, params); !arn) return arn.error();
    }
    auto partitions = rule_partitions();
    if (!partitions) return partitions.error();
    auto r = resolve_by_rules(svc, op, params, rule_settings(md, region, use_endpoint_flag), **partitions);
    if (!r) return r.error();
    ruled = std::move(*r);
  }
  // A presigned URL carries no checksum of a body it does not have, and asks for none (as botocore).
  if (!presigning) request_response_checksum(op, checksums_, params);
  // Validated as a whole first, as botocore does: a user sees every mistake in the command at once.
  if (auto problems = protocol::validate_parameters(svc, op, params); !problems.empty()) {
    std::string report = "Parameter validation failed:";
    for (const auto& p : problems) report += "\n" + p;
    return make_error(std::move(report));
  }
  // The rule set puts the account id in the host itself; botocore drops the model's "{AccountId}." prefix
  // then (remove_accid_host_prefix_from_model), or the host would carry it twice.
  const auto requires_account = op.static_context_params.find("RequiresAccountId");
  const bool drop_prefix = ruled && op.host_prefix == "{AccountId}." && requires_account != op.static_context_params.end() &&
                           requires_account->second == true;
  auto serialized = drop_prefix ? protocol::serialize(svc, without_host_prefix(op), params) : protocol::serialize(svc, op, params);
  if (!serialized) return make_error("Parameter validation failed:\n" + serialized.error().message);

  Result<endpoints::Endpoint> resolved = ruled ? Result<endpoints::Endpoint>(ruled->endpoint) : endpoint(md, region, use_endpoint_flag);
  if (!resolved) return resolved.error();
  const auto ep = *resolved;
  Wire out;
  auto& w = out.request;
  w = std::move(serialized->request);
  if (ruled) {
    for (const auto& [name, value] : ruled->headers) {
      auto& hs = w.headers;
      hs.erase(std::remove_if(hs.begin(), hs.end(), [&](const auto& h) { return http::iequals(h.first, name); }), hs.end());
      hs.emplace_back(name, value);
    }
  }
  w.scheme = ep.scheme;
  w.host = ep.host;
  w.port = ep.port;
  // The model's host prefix goes on every endpoint, a configured one too, as botocore puts it.
  if (!serialized->host_prefix.empty()) {
    w.host = serialized->host_prefix + w.host;
  }
  const bool s3 = md.signing_name == "s3";
  if (s3 && !ep.custom && params.contains("Bucket") && op.request_uri.rfind("/{Bucket}", 0) == 0) {
    const auto bucket = params["Bucket"].get<std::string>();
    const auto prefix = "/" + http::percent_encode(bucket, "~");
    if (virtual_hostable(bucket) && w.path.rfind(prefix, 0) == 0) {
      w.host = bucket + "." + w.host;
      w.path = w.path.substr(prefix.size());
      if (w.path.empty() || w.path[0] != '/') w.path = "/" + w.path;
    }
  }
  w.path = ep.base_path + w.path;
  // botocore's inject_api_version_header_if_needed.
  if (op.endpoint_operation) w.headers.emplace_back("x-amz-api-version", md.api_version);
  if (!presigning) {
    if (auto added = add_request_checksum(svc, op, checksums_, params, w); !added) return added.error();
  }
  out.signing.region = ep.signing_region;
  out.signing.service = ruled ? ruled->signing_name : md.signing_name;
  out.signing.s3 = s3;
  if (!presigning) out.cross_region = plan_cross_region_copy(md, op, w, out.signing);
  return out;
}

void AwsClient::call(CallRequest request, std::function<void(CallResult)> done) {
  auto a = std::make_shared<Attempt>();
  a->done = std::move(done);
  a->request = std::move(request);
  auto& r = a->result;
  r.service = a->request.service;
  r.operation = a->request.operation;
  r.region = a->request.region.empty() ? region_ : a->request.region;
  auto fail = [&](std::string why, bool bad_input) {
    r.failure = std::move(why);
    r.bad_input = bad_input;
    finish(a);
  };
  auto svc = catalog_->service(a->request.service);
  if (!svc) return fail(svc.error().message, true);
  a->model = *svc;
  a->op = a->model->operation(a->request.operation);
  if (!a->op) return fail("the " + a->model->metadata().cli_name + " model has no operation " + a->request.operation, true);
  r.access = a->op->access;
  // botocore signs with the first auth scheme it supports: an operation whose first is noAuth (sts's
  // web identity and SAML calls) goes unsigned, as every call does with --no-sign-request.
  const auto& auth = a->op->auth;
  if (!config_.sign_requests || (!auth.empty() && (auth.front() == "smithy.api#noAuth" || auth.front() == "none"))) {
    a->request.anonymous = true;
  }
  r.params_redacted = a->op->input.empty() ? Json::object() : redact(*a->model, a->op->input, a->request.params);
  // A service with one global endpoint (s3, iam, route53, sts, cloudfront) needs no region, as in botocore,
  // which signs for us-east-1 there.
  if (r.region.empty() && !a->model->metadata().global_endpoint.empty()) r.region = "us-east-1";
  if (r.region.empty()) return fail("You must specify a region. You can also configure your region by running \"aws configure\".", true);

  // Idempotency tokens the caller left out are filled in, as the SDKs do.
  if (!a->op->input.empty() && a->request.params.is_object()) {
    if (const auto* in = a->model->shape(a->op->input)) {
      for (const auto& m : in->members) {
        if (m.idempotency_token && !a->request.params.contains(m.name)) {
          std::uniform_int_distribution<unsigned> hex(0, 15);
          std::string uuid = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx";
          std::lock_guard lock(random_mutex_);
          for (auto& ch : uuid) {
            if (ch == 'x') ch = "0123456789abcdef"[hex(random_)];
            if (ch == 'y') ch = "89ab"[hex(random_) & 3];
          }
          a->request.params[m.name] = uuid;
        }
      }
    }
  }
  auto wire = build_wire(*a->model, *a->op, a->request.params, r.region, a->request.use_endpoint_flag, false, a->custom);
  if (!wire) return fail(wire.error().message, true);
  a->wire = std::move(wire->request);
  a->signing = wire->signing;
  a->cross_region = std::move(wire->cross_region);
  // The body now travels in the request: the parameters need not hold a second copy of an upload's bytes.
  if (const auto* in = a->op->input.empty() ? nullptr : a->model->shape(a->op->input); in && !in->payload.empty()) {
    const auto* pm = in->find(in->payload);
    const auto* ps = pm ? a->model->shape(pm->shape) : nullptr;
    if (ps && ps->type == model::ShapeType::Blob) a->request.params.erase(in->payload);
  }
  start(a);
}

void AwsClient::start(std::shared_ptr<Attempt> a) {
  // Once per call, as botocore's before-call handlers: every retry sends the same presigned URL.
  auto ready = [this, a] {
    if (a->cross_region) add_presigned_url(a->wire, std::move(*a->cross_region), a->creds, now_ms());
    send(a, a->request.delay);
  };
  if (a->request.credentials || a->request.anonymous) {
    if (a->request.credentials) a->creds = *a->request.credentials;
    ready();
    return;
  }
  credentials_->get([this, a, ready](Result<Credentials> c) {
    if (!c) {
      a->result.failure = c.error().message;
      a->result.no_credentials = true;
      finish(a);
      return;
    }
    a->creds = std::move(*c);
    ready();
  });
}

void AwsClient::send(std::shared_ptr<Attempt> a, milliseconds delay) {
  ++a->result.attempts;
  auto req = a->wire;
  a->signing.time = now_ms() + delay;
  if (!a->request.anonymous) sigv4::sign(req, a->creds, a->signing);
  if (config_.debug) {
    std::string line = a->model->metadata().cli_name + " " + a->op->name + " attempt " + std::to_string(a->result.attempts) +
                       ": " + req.method + " " + req.url() +
                       (delay.count() > 0 ? " (in " + std::to_string(delay.count()) + " ms)" : "") + " params " +
                       a->result.params_redacted.dump(-1, ' ', false, Json::error_handler_t::replace);
    for (const auto& [k, v] : req.headers) line += "\n  " + k + ": " + redact_header(k, v);
    config_.debug(line);
  }
  http::SendOptions opts;
  opts.delay = delay;
  opts.total_timeout = config_.read_timeout;
  http_->send(std::move(req), [this, a](http::Outcome o) {
    auto& r = a->result;
    std::string code;
    int status = 0;
    if (o.response) {
      status = o.response->status;
      r.http_status = status;
      if (status >= 300) {
        r.error = protocol::parse_error(*a->model, *o.response);
        code = r.error->code;
        r.request_id = r.error->request_id;
      }
    }
    const auto kind = classify_failure(o.failure, status, code);
    if (kind == FailureKind::None) {
      auto parsed = protocol::parse_response(*a->model, *a->op, *o.response, config_.parse);
      r.error.reset();
      auto verified = verify_response_checksum(*a->op, a->request.params, a->wire, *o.response);
      if (!parsed) {
        r.failure = parsed.error().message;
      } else if (!verified) {
        r.failure = verified.error().message;
      } else {
        r.output = std::move(parsed->output);
        r.request_id = parsed->request_id;
        customize_response(*a->model, *a->op, *r.output, a->custom);
      }
      quota_.on_success(r.attempts > 1, a->last_kind);
      finish(a);
      return;
    }
    if (!o.response) {
      r.failure = "Could not connect to the endpoint URL: \"" + a->wire.url() + "\" (" + o.message + ")";
      r.no_connection = true;
    }
    const bool retryable = kind == FailureKind::Throttling || kind == FailureKind::Transient || kind == FailureKind::Connection;
    if (retryable && r.attempts < retry_.max_attempts && quota_.acquire(kind)) {
      a->last_kind = kind;
      if (config_.debug) {
        config_.debug(a->op->name + " attempt " + std::to_string(r.attempts) + " failed (" +
                      (o.response ? "HTTP " + std::to_string(status) + " " + code : o.message) + "); retrying");
      }
      r.failure.clear();
      r.no_connection = false;
      r.error.reset();
      send(a, backoff(r.attempts + 1, [this] { return random01(); }));
      return;
    }
    finish(a);
  }, opts);
}

void AwsClient::finish(std::shared_ptr<Attempt> a) {
  a->result.duration = duration_cast<milliseconds>(steady_clock::now() - a->started);
  if (config_.debug && a->op) {
    const auto& r = a->result;
    config_.debug(a->result.operation + " finished after " + std::to_string(r.attempts) + " attempt(s) in " +
                  std::to_string(r.duration.count()) + " ms: " +
                  (r.ok() ? "ok, output " + (a->op->output.empty() ? std::string("{}") : redact(*a->model, a->op->output, *r.output).dump(-1, ' ', false, Json::error_handler_t::replace))
                          : r.error_text()) +
                  (r.request_id.empty() ? "" : " (request id " + r.request_id + ")"));
  }
  auto done = std::move(a->done);
  done(std::move(a->result));
}

CallResult AwsClient::call_sync(CallRequest request) {
  std::promise<CallResult> p;
  auto f = p.get_future();
  call(std::move(request), [&p](CallResult r) { p.set_value(std::move(r)); });
  return f.get();
}

}  // namespace drc::aws::client
