#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <list>
#include <mutex>
#include <thread>

#include "aws/http/client.hpp"

namespace drc::aws::http {

bool is_loopback_host(std::string_view host) {
  if (iequals(host, "localhost") || host == "::1" || host == "[::1]") return true;
  // RFC 6761: a name under .localhost is loopback, and curl resolves it so itself, never asking DNS (an
  // account id host prefix on http://localhost:PORT, as S3 Control puts it, stays on this machine).
  if (host.size() > 10 && iequals(host.substr(host.size() - 10), ".localhost")) return true;
  return host.rfind("127.", 0) == 0;
}

bool plain_http_allowed(std::string_view host) {
  // Loopback, and the link-local addresses of the instance metadata and container credential services.
  return is_loopback_host(host) || host.rfind("169.254.", 0) == 0 || host == "fd00:ec2::254";
}

namespace {

using Clock = std::chrono::steady_clock;

// One request in flight: the easy handle and everything it points into.
struct Transfer {
  Request request;
  Client::Done done;
  SendOptions options;
  Clock::time_point due;  // when to start it (after a retry's delay)
  Clock::time_point started;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  Response response;
  std::string url;
  bool too_large = false;
  char error[CURL_ERROR_SIZE] = {};
  std::size_t max_body = 0;

  ~Transfer() {
    if (headers) curl_slist_free_all(headers);
    if (easy) curl_easy_cleanup(easy);
  }
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const auto bytes = size * n;
  if (t->response.body.size() + bytes > t->max_body) {
    t->too_large = true;
    return 0;  // makes curl stop with a write error
  }
  t->response.body.append(data, bytes);
  return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const auto bytes = size * n;
  std::string_view line(data, bytes);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.rfind("HTTP/", 0) == 0) {
    t->response.headers.clear();  // a new status line (after 100 Continue): start over
    return bytes;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return bytes;
  auto value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  t->response.headers.emplace_back(std::string(line.substr(0, colon)), std::string(value));
  return bytes;
}

Failure classify(CURLcode code, bool too_large) {
  if (too_large) return Failure::TooLarge;
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return Failure::ConnectFailed;
    case CURLE_OPERATION_TIMEDOUT: return Failure::Timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE: return Failure::Tls;
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL: return Failure::Refused;
    default: return Failure::Reset;  // GOT_NOTHING, RECV_ERROR, SEND_ERROR, PARTIAL_FILE, ...
  }
}

class CurlClient final : public Client {
 public:
  explicit CurlClient(ClientOptions o) : options_(std::move(o)) {}

  Status start() {
    multi_ = curl_multi_init();
    if (!multi_) return make_error("libcurl could not start");
    curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, 16L);
    thread_ = std::thread([this] { loop(); });
    return {};
  }

  ~CurlClient() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    curl_multi_wakeup(multi_);
    if (thread_.joinable()) thread_.join();
    curl_multi_cleanup(multi_);
  }

  void send(Request request, Done done, SendOptions options) override {
    if (request.scheme == "http" && !plain_http_allowed(request.host)) {
      Outcome o;
      o.failure = Failure::Refused;
      o.message = "refusing to send a signed request over plain http to " + request.host +
                  ": use https (plain http is only for a local endpoint such as moto_server on 127.0.0.1, and the "
                  "link-local instance metadata and container credential services)";
      done(std::move(o));
      return;
    }
    auto t = std::make_unique<Transfer>();
    t->request = std::move(request);
    t->done = std::move(done);
    t->options = options;
    t->due = Clock::now() + options.delay;
    {
      std::lock_guard lock(mutex_);
      if (stopping_) {
        Outcome o;
        o.failure = Failure::Cancelled;
        o.message = "the HTTP client has stopped";
        t->done(std::move(o));
        return;
      }
      inbox_.push_back(std::move(t));
    }
    curl_multi_wakeup(multi_);
  }

 private:
  void begin(std::unique_ptr<Transfer> t) {
    t->easy = curl_easy_init();
    t->max_body = options_.max_body_bytes;
    t->url = t->request.url();
    auto* e = t->easy;
    curl_easy_setopt(e, CURLOPT_URL, t->url.c_str());
    // The path goes as signed and as botocore sends it: curl would squash "/./" and "/../", which are
    // parts of S3 keys and of ARNs and names in REST paths.
    curl_easy_setopt(e, CURLOPT_PATH_AS_IS, 1L);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!options_.ca_bundle.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, options_.ca_bundle.c_str());
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    const auto total = t->options.total_timeout.value_or(options_.total_timeout);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(total.count()));
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    const auto& m = t->request.method;
    if (m == "HEAD") {
      curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
    } else if (m != "GET" || !t->request.body.empty()) {
      curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(t->request.body.size()));
      curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->request.body.data());
      if (m != "POST") curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, m.c_str());
    }
    bool has_type = false;
    for (const auto& [k, v] : t->request.headers) {
      if (iequals(k, "Content-Length") || iequals(k, "Host")) continue;  // curl's own, from what it sends
      has_type = has_type || iequals(k, "Content-Type");
      t->headers = curl_slist_append(t->headers, (k + ": " + v).c_str());
    }
    // No headers of curl's invention: a form Content-Type it would add is not what was signed.
    if (!has_type) t->headers = curl_slist_append(t->headers, "Content-Type:");
    t->headers = curl_slist_append(t->headers, "Expect:");
    t->headers = curl_slist_append(t->headers, "Accept:");
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
    t->started = Clock::now();
    curl_multi_add_handle(multi_, e);
    running_.push_back(std::move(t));
  }

  void finish(CURL* easy, CURLcode code) {
    Transfer* raw = nullptr;
    curl_easy_getinfo(easy, CURLINFO_PRIVATE, &raw);
    curl_multi_remove_handle(multi_, easy);
    auto it = std::find_if(running_.begin(), running_.end(), [&](const auto& p) { return p.get() == raw; });
    if (it == running_.end()) return;
    auto t = std::move(*it);
    running_.erase(it);
    Outcome o;
    o.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t->started);
    if (code == CURLE_OK) {
      long status = 0;
      curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
      t->response.status = static_cast<int>(status);
      o.response = std::move(t->response);
    } else {
      o.failure = classify(code, t->too_large);
      const std::string detail = t->error[0] ? t->error : curl_easy_strerror(code);
      o.message = o.failure == Failure::TooLarge
                      ? "the response from " + t->request.host + " is larger than " +
                            std::to_string(options_.max_body_bytes >> 20) + " MiB"
                      : detail;
    }
    t->done(std::move(o));
  }

  void loop() {
    for (;;) {
      std::deque<std::unique_ptr<Transfer>> arrived;
      bool stopping = false;
      {
        std::lock_guard lock(mutex_);
        arrived.swap(inbox_);
        stopping = stopping_;
      }
      for (auto& t : arrived) waiting_.push_back(std::move(t));
      if (stopping) break;
      const auto now = Clock::now();
      auto next_due = Clock::time_point::max();
      for (auto it = waiting_.begin(); it != waiting_.end();) {
        if ((*it)->due <= now) {
          begin(std::move(*it));
          it = waiting_.erase(it);
        } else {
          next_due = std::min(next_due, (*it)->due);
          ++it;
        }
      }
      int still = 0;
      curl_multi_perform(multi_, &still);
      int queued = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi_, &queued)) {
        if (msg->msg == CURLMSG_DONE) finish(msg->easy_handle, msg->data.result);
      }
      int wait_ms = 1000;
      if (next_due != Clock::time_point::max()) {
        const auto until = std::chrono::duration_cast<std::chrono::milliseconds>(next_due - Clock::now()).count();
        wait_ms = static_cast<int>(std::clamp<long long>(until, 0, 1000));
      }
      curl_multi_poll(multi_, nullptr, 0, wait_ms, nullptr);
    }
    // Stopping: everything not finished is cancelled, so each caller hears exactly once.
    auto cancel = [](Transfer& t) {
      Outcome o;
      o.failure = Failure::Cancelled;
      o.message = "the HTTP client stopped before an answer came";
      t.done(std::move(o));
    };
    for (auto& t : running_) {
      curl_multi_remove_handle(multi_, t->easy);
      cancel(*t);
    }
    running_.clear();
    for (auto& t : waiting_) cancel(*t);
    waiting_.clear();
    std::deque<std::unique_ptr<Transfer>> late;
    {
      std::lock_guard lock(mutex_);
      late.swap(inbox_);
    }
    for (auto& t : late) cancel(*t);
  }

  ClientOptions options_;
  CURLM* multi_ = nullptr;
  std::thread thread_;
  std::mutex mutex_;
  std::deque<std::unique_ptr<Transfer>> inbox_;  // guarded by mutex_
  bool stopping_ = false;                        // guarded by mutex_
  std::list<std::unique_ptr<Transfer>> waiting_, running_;  // I/O thread only
};

// libcurl's global set-up is not thread-safe; do it once, before any client exists.
struct CurlGlobal {
  CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
  ~CurlGlobal() { curl_global_cleanup(); }
};

}  // namespace

Result<std::unique_ptr<Client>> Client::create(ClientOptions options) {
  static CurlGlobal global;
  auto c = std::make_unique<CurlClient>(std::move(options));
  if (auto s = c->start(); !s) return s.error();
  return std::unique_ptr<Client>(std::move(c));
}

}  // namespace drc::aws::http
