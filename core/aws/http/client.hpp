#pragma once
// HTTP for the AWS client: libcurl's multi interface driven by one I/O thread of its own. Callers hand
// over requests and get each outcome through a callback (on the I/O thread); nothing waits for the
// network on the caller's thread. Connections are reused, many requests are in flight at once, every
// request has a connect and a total timeout, bodies are capped, and TLS peers are always verified:
// plain http:// is accepted only to a loopback address (moto_server, a local test server) and to the
// link-local instance metadata and container credential services.

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "aws/http/request.hpp"
#include "aws/http/response.hpp"
#include "util/result.hpp"

namespace drc::aws::http {

// Why no response came back. Retries treat every kind but Refused and TooLarge as transient.
enum class Failure {
  None,
  ConnectFailed,  // refused, unreachable, DNS
  Timeout,        // connect or total timeout
  Reset,          // the connection dropped mid-exchange (includes a truncated body)
  Tls,
  TooLarge,       // the body went past the cap
  Refused,        // drconsole would not send it (plain http to a remote host, a malformed URL)
  Cancelled,      // the client stopped first
};

struct Outcome {
  std::optional<Response> response;  // set when the server answered (whatever the status)
  Failure failure = Failure::None;
  std::string message;                     // what went wrong, for a person
  std::chrono::milliseconds elapsed{0};
};

struct ClientOptions {
  std::chrono::milliseconds connect_timeout{3000};
  std::chrono::milliseconds total_timeout{60000};
  std::size_t max_body_bytes = 256u << 20;
  std::string user_agent = "drconsole";
  // A PEM file of certificate authorities to trust instead of the system's (AWS_CA_BUNDLE, a profile's
  // ca_bundle): for a TLS-inspecting proxy or a private endpoint. Verification itself is never turned off.
  std::string ca_bundle;
};

struct SendOptions {
  std::optional<std::chrono::milliseconds> total_timeout;  // instead of the client's
  std::chrono::milliseconds delay{0};                      // send after this long (retry backoff)
};

class Client {
 public:
  using Done = std::function<void(Outcome)>;

  static Result<std::unique_ptr<Client>> create(ClientOptions options = {});
  virtual ~Client() = default;

  // Queues a request; `done` runs once, on the I/O thread (or on the caller's when the client has
  // already stopped). Never blocks on the network.
  virtual void send(Request request, Done done, SendOptions options = {}) = 0;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_host(std::string_view host);
// Loopback, or the link-local metadata services (169.254.0.0/16, fd00:ec2::254).
bool plain_http_allowed(std::string_view host);

}  // namespace drc::aws::http
