#pragma once
// A small HTTP/1.1 server on 127.0.0.1 that misbehaves on cue, for the AWS client's fault tests: each
// request takes the next scripted behaviour (answer, drop the connection, never answer, send a short
// body), and every request it received is kept for the test to inspect.

#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace drc::test {

struct Behaviour {
  enum class Kind { Respond, Close, Hang, Truncate } kind = Kind::Respond;
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::milliseconds delay{0};

  static Behaviour respond(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers = {});
  static Behaviour close();
  static Behaviour hang();
  static Behaviour truncate(int status, std::string partial_body, std::size_t declared_length);
  std::size_t declared_length = 0;
};

struct ReceivedRequest {
  std::string method;
  std::string target;  // path and query
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string header(const std::string& name) const;
};

class FakeServer {
 public:
  FakeServer();
  ~FakeServer();
  FakeServer(const FakeServer&) = delete;
  FakeServer& operator=(const FakeServer&) = delete;

  int port() const { return port_; }
  // Queued behaviours are used in order; when none is left, the responder (if set) chooses by the
  // request, else the fallback answers.
  void push(Behaviour b);
  void set_fallback(Behaviour b);
  void set_responder(std::function<Behaviour(const ReceivedRequest&)> responder);
  std::vector<ReceivedRequest> requests() const;
  std::size_t connections() const;  // accepted so far

 private:
  void accept_loop();
  void serve(int fd);
  Behaviour next(const ReceivedRequest& request);

  int listen_fd_ = -1;
  int port_ = 0;
  int stop_pipe_[2] = {-1, -1};
  mutable std::mutex mutex_;
  std::deque<Behaviour> script_;
  Behaviour fallback_;
  std::function<Behaviour(const ReceivedRequest&)> responder_;
  std::vector<ReceivedRequest> received_;
  std::vector<int> open_fds_;
  std::vector<std::thread> connections_;
  std::thread acceptor_;
};

}  // namespace drc::test
