// The call half of AwsClient: credentials, signing, sending, retries and the result (request_builder.cpp
// builds what is sent).

#include "aws/client/aws_client.hpp"

#include <algorithm>
#include <future>

#include "aws/client/attempt.hpp"
#include "aws/client/credential_calls.hpp"
#include "aws/client/customizations.hpp"
#include "aws/client/flexible_checksum.hpp"
#include "aws/client/redact.hpp"
#include "aws/protocol/values.hpp"
#include "aws/sigv4/signer.hpp"

namespace drc::aws::client {

using Json = nlohmann::ordered_json;
using namespace std::chrono;

std::string CallResult::error_text() const {
  if (error) {
    std::string retries;
    if (max_attempts_reached) retries = " (reached max retries: " + std::to_string(attempts - 1) + ")";
    return "An error occurred (" + error->code + ") when calling the " + operation + " operation" + retries + ": " +
           error->message;
  }
  return failure;
}

namespace {

using config::setting;

Timestamp now_ms() { return floor<milliseconds>(system_clock::now()); }

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
  if (mode == "legacy") c->retry_ = {5, RetryMode::Legacy, true};
  if (mode == "adaptive") c->retry_.mode = RetryMode::Adaptive;
  c->retry_.mode_configured = mode == "legacy" || mode == "standard" || mode == "adaptive";
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
  in.sso_create_token = sso_token_calls(*c);
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
  // A bucket found in another region before goes straight there (botocore's redirect_from_cache).
  a->bucket = s3_redirectable_bucket(*a->model, a->request.params);
  if (a->bucket) {
    if (auto known = bucket_regions_.find(*a->bucket)) r.region = *known;
  }
  auto wire = build_wire(*a->model, *a->op, a->request.params, r.region, a->request.use_endpoint_flag, false, a->custom);
  if (!wire) return fail(wire.error().message, true);
  a->wire = std::move(wire->request);
  a->signing = wire->signing;
  a->cross_region = std::move(wire->cross_region);
  a->s3_virtual_host = wire->s3_virtual_host;
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
  a->result.response_headers.clear();  // this attempt's answer, or none
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
      r.response_headers = o.response->headers;
      if (status >= 300) {
        r.error = protocol::parse_error(*a->model, *o.response);
        if (config_.aws_cli_messages && a->model->metadata().endpoint_prefix == "s3") cli_s3_error_message(*r.error);
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
      quota_.on_success(a->last_kind != FailureKind::None, a->last_kind);  // a redirect took no quota
      finish(a);
      return;
    }
    if (!o.response) {
      r.failure = "Could not connect to the endpoint URL: \"" + a->wire.shown_url() + "\" (" + o.message + ")";
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
    r.max_attempts_reached = gave_up_at_limit(retry_, r.attempts, retryable);
    if (o.response && r.error && a->bucket && !a->redirected && s3_wrong_region(a->op->name, *o.response, *r.error)) {
      return redirect(a, *o.response);
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
