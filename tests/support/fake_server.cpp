#include "support/fake_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace drc::test {

Behaviour Behaviour::respond(int status, std::string body, std::vector<std::pair<std::string, std::string>> headers) {
  Behaviour b;
  b.status = status;
  b.body = std::move(body);
  b.headers = std::move(headers);
  return b;
}
Behaviour Behaviour::close() {
  Behaviour b;
  b.kind = Kind::Close;
  return b;
}
Behaviour Behaviour::hang() {
  Behaviour b;
  b.kind = Kind::Hang;
  return b;
}
Behaviour Behaviour::truncate(int status, std::string partial_body, std::size_t declared_length) {
  Behaviour b;
  b.kind = Kind::Truncate;
  b.status = status;
  b.body = std::move(partial_body);
  b.declared_length = declared_length;
  return b;
}

std::string ReceivedRequest::header(const std::string& name) const {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() && std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        })) {
      return v;
    }
  }
  return {};
}

FakeServer::FakeServer() {
  fallback_ = Behaviour::respond(200, "{}");
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 64) != 0) {
    throw std::runtime_error("the fake server cannot listen on 127.0.0.1");
  }
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  if (::pipe(stop_pipe_) != 0) throw std::runtime_error("pipe");
  acceptor_ = std::thread([this] { accept_loop(); });
}

FakeServer::~FakeServer() {
  [[maybe_unused]] auto w = ::write(stop_pipe_[1], "x", 1);
  acceptor_.join();
  {
    std::lock_guard lock(mutex_);
    for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
  }
  for (auto& t : connections_) t.join();
  for (int fd : open_fds_) ::close(fd);
  ::close(listen_fd_);
  ::close(stop_pipe_[0]);
  ::close(stop_pipe_[1]);
}

void FakeServer::push(Behaviour b) {
  std::lock_guard lock(mutex_);
  script_.push_back(std::move(b));
}

void FakeServer::set_fallback(Behaviour b) {
  std::lock_guard lock(mutex_);
  fallback_ = std::move(b);
}

void FakeServer::set_responder(std::function<Behaviour(const ReceivedRequest&)> responder) {
  std::lock_guard lock(mutex_);
  responder_ = std::move(responder);
}

std::size_t FakeServer::connections() const {
  std::lock_guard lock(mutex_);
  return open_fds_.size();
}

std::vector<ReceivedRequest> FakeServer::requests() const {
  std::lock_guard lock(mutex_);
  return received_;
}

Behaviour FakeServer::next(const ReceivedRequest& request) {
  std::lock_guard lock(mutex_);
  if (script_.empty()) return responder_ ? responder_(request) : fallback_;
  auto b = std::move(script_.front());
  script_.pop_front();
  return b;
}

void FakeServer::accept_loop() {
  for (;;) {
    pollfd fds[2] = {{listen_fd_, POLLIN, 0}, {stop_pipe_[0], POLLIN, 0}};
    if (::poll(fds, 2, -1) < 0) continue;
    if (fds[1].revents) return;
    const int fd = ::accept(listen_fd_, nullptr, nullptr);
    if (fd < 0) continue;
    std::lock_guard lock(mutex_);
    open_fds_.push_back(fd);
    connections_.emplace_back([this, fd] { serve(fd); });
  }
}

namespace {

bool send_all(int fd, const std::string& s) {
  std::size_t off = 0;
  while (off < s.size()) {
    const auto n = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;
    off += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

void FakeServer::serve(int fd) {
  std::string buf;
  char chunk[8192];
  for (;;) {
    // Read one request: headers up to the blank line, then Content-Length bytes of body.
    std::size_t header_end;
    while ((header_end = buf.find("\r\n\r\n")) == std::string::npos) {
      const auto n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return;
      buf.append(chunk, static_cast<std::size_t>(n));
    }
    ReceivedRequest req;
    const auto head = buf.substr(0, header_end);
    std::size_t line_end = head.find("\r\n");
    const auto request_line = head.substr(0, line_end);
    const auto sp1 = request_line.find(' ');
    const auto sp2 = request_line.find(' ', sp1 + 1);
    req.method = request_line.substr(0, sp1);
    req.target = request_line.substr(sp1 + 1, sp2 - sp1 - 1);
    std::size_t content_length = 0;
    for (std::size_t pos = line_end + 2; pos < head.size();) {
      auto end = head.find("\r\n", pos);
      if (end == std::string::npos) end = head.size();
      const auto line = head.substr(pos, end - pos);
      const auto colon = line.find(':');
      if (colon != std::string::npos) {
        auto value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        req.headers.emplace_back(line.substr(0, colon), value);
      }
      pos = end + 2;
    }
    if (auto cl = req.header("Content-Length"); !cl.empty()) content_length = std::stoul(cl);
    buf.erase(0, header_end + 4);
    while (buf.size() < content_length) {
      const auto n = ::recv(fd, chunk, sizeof chunk, 0);
      if (n <= 0) return;
      buf.append(chunk, static_cast<std::size_t>(n));
    }
    req.body = buf.substr(0, content_length);
    buf.erase(0, content_length);
    {
      std::lock_guard lock(mutex_);
      received_.push_back(req);
    }
    const auto b = next(req);
    if (b.delay.count() > 0) std::this_thread::sleep_for(b.delay);
    switch (b.kind) {
      case Behaviour::Kind::Close: ::shutdown(fd, SHUT_RDWR); return;
      case Behaviour::Kind::Hang:
        while (::recv(fd, chunk, sizeof chunk, 0) > 0) {
        }
        return;
      case Behaviour::Kind::Respond:
      case Behaviour::Kind::Truncate: {
        std::string out = "HTTP/1.1 " + std::to_string(b.status) + " X\r\n";
        for (const auto& [k, v] : b.headers) out += k + ": " + v + "\r\n";
        const auto length = b.kind == Behaviour::Kind::Truncate ? b.declared_length : b.body.size();
        out += "Content-Length: " + std::to_string(length) + "\r\n\r\n" + b.body;
        if (!send_all(fd, out)) return;
        if (b.kind == Behaviour::Kind::Truncate) {
          ::shutdown(fd, SHUT_RDWR);
          return;
        }
      }
    }
  }
}

}  // namespace drc::test
