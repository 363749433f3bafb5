// Credential sources that ask a local HTTP service: the container credentials endpoint (ECS, EKS pod
// identity) and EC2 instance metadata (IMDSv2: a session token first). Short timeouts: on a laptop
// there is no metadata service, and the answer must be "not here" within a second, not a hang.

#include <fstream>
#include <sstream>

#include "aws/credentials/provider.hpp"
#include "aws/endpoints/endpoints.hpp"

namespace drc::aws::credentials {

namespace {

using namespace std::chrono_literals;

http::Request get_request(const std::string& url, const std::string& method = "GET") {
  http::Request r;
  r.method = method;
  auto e = endpoints::parse_endpoint_url(url.substr(0, url.find('/', url.find("//") + 2)));
  if (e) {
    r.scheme = e->scheme;
    r.host = e->host;
    r.port = e->port;
  }
  const auto path_at = url.find('/', url.find("//") + 2);
  r.path = path_at == std::string::npos ? "/" : url.substr(path_at);
  return r;
}

class ContainerSource final : public Source {
 public:
  explicit ContainerSource(ChainInputs in) : in_(std::move(in)) {}
  std::string describe() const override { return "container credentials (AWS_CONTAINER_CREDENTIALS_*)"; }
  void load(std::function<void(Lookup)> done) override {
    std::string url;
    if (auto rel = in_.env("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"); rel && !rel->empty()) {
      url = "http://169.254.170.2" + *rel;
    } else if (auto full = in_.env("AWS_CONTAINER_CREDENTIALS_FULL_URI"); full && !full->empty()) {
      url = *full;
    } else {
      return done(Lookup::not_configured());
    }
    if (!in_.http) return done(Lookup::failed("container credentials need HTTP, which is not available here"));
    auto req = get_request(url);
    if (req.host.empty()) return done(Lookup::failed("AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL: " + url));
    std::string token;
    if (auto file = in_.env("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"); file && !file->empty()) {
      std::ifstream f(*file);
      std::stringstream s;
      s << f.rdbuf();
      token = s.str();
      while (!token.empty() && (token.back() == '\n' || token.back() == '\r')) token.pop_back();
    } else if (auto t = in_.env("AWS_CONTAINER_AUTHORIZATION_TOKEN"); t) {
      token = *t;
    }
    if (!token.empty()) req.headers.emplace_back("Authorization", token);
    in_.http->send(req, [done](http::Outcome o) {
      if (!o.response) return done(Lookup::failed("container credentials did not answer: " + o.message));
      if (o.response->status != 200) {
        return done(Lookup::failed("container credentials answered HTTP " + std::to_string(o.response->status)));
      }
      auto c = credentials_from_json(o.response->body, "container credentials");
      done(c ? Lookup::found(std::move(*c)) : Lookup::failed(c.error().message));
    }, http::SendOptions{2s, 0ms});
  }

 private:
  ChainInputs in_;
};

class InstanceMetadataSource final : public Source {
 public:
  explicit InstanceMetadataSource(ChainInputs in) : in_(std::move(in)) {
    base_ = in_.env("AWS_EC2_METADATA_SERVICE_ENDPOINT").value_or("http://169.254.169.254");
    while (!base_.empty() && base_.back() == '/') base_.pop_back();
  }
  std::string describe() const override { return "EC2 instance metadata (" + base_ + ")"; }
  void load(std::function<void(Lookup)> done) override {
    if (auto off = in_.env("AWS_EC2_METADATA_DISABLED"); off && (*off == "true" || *off == "True")) {
      return done(Lookup::not_configured());
    }
    if (!in_.http) return done(Lookup::not_configured());
    auto token_req = get_request(base_ + "/latest/api/token", "PUT");
    token_req.headers.emplace_back("X-aws-ec2-metadata-token-ttl-seconds", "21600");
    in_.http->send(token_req, [this, done](http::Outcome o) {
      // No answer at all: not on EC2 (or the service is blocked). Not an error, just not here.
      if (!o.response || o.response->status != 200) return done(Lookup::not_configured());
      const auto token = o.response->body;
      auto role_req = get_request(base_ + "/latest/meta-data/iam/security-credentials/");
      role_req.headers.emplace_back("X-aws-ec2-metadata-token", token);
      in_.http->send(role_req, [this, done, token](http::Outcome r) {
        if (!r.response || r.response->status != 200 || r.response->body.empty()) return done(Lookup::not_configured());
        auto role = r.response->body.substr(0, r.response->body.find('\n'));
        auto creds_req = get_request(base_ + "/latest/meta-data/iam/security-credentials/" + role);
        creds_req.headers.emplace_back("X-aws-ec2-metadata-token", token);
        in_.http->send(creds_req, [done](http::Outcome c) {
          if (!c.response || c.response->status != 200) {
            return done(Lookup::failed("EC2 instance metadata gave no credentials for the instance's role"));
          }
          auto creds = credentials_from_json(c.response->body, "EC2 instance metadata");
          done(creds ? Lookup::found(std::move(*creds)) : Lookup::failed(creds.error().message));
        }, http::SendOptions{1s, 0ms});
      }, http::SendOptions{1s, 0ms});
    }, http::SendOptions{1s, 0ms});
  }

 private:
  ChainInputs in_;
  std::string base_;
};

}  // namespace

std::unique_ptr<Source> container_source(ChainInputs inputs) { return std::make_unique<ContainerSource>(std::move(inputs)); }
std::unique_ptr<Source> instance_metadata_source(ChainInputs inputs) {
  return std::make_unique<InstanceMetadataSource>(std::move(inputs));
}

}  // namespace drc::aws::credentials
