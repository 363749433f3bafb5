// The HTTP client against a local server that misbehaves on cue.

#include <gtest/gtest.h>

#include <future>

#include "aws/http/client.hpp"
#include "support/fake_server.hpp"

using namespace std::chrono_literals;
using namespace drc::aws::http;
using drc::test::Behaviour;
using drc::test::FakeServer;

namespace {

Request local(int port, std::string method = "GET", std::string path = "/") {
  Request r;
  r.scheme = "http";
  r.host = "127.0.0.1";
  r.port = port;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

// Sends and waits for the outcome; the wait is bounded only so a broken client fails instead of hanging.
Outcome send_and_wait(Client& c, Request r, SendOptions o = {}) {
  std::promise<Outcome> p;
  auto f = p.get_future();
  c.send(std::move(r), [&p](Outcome out) { p.set_value(std::move(out)); }, o);
  if (f.wait_for(30s) != std::future_status::ready) {
    ADD_FAILURE() << "no outcome within 30 s";
    return {};
  }
  return f.get();
}

std::unique_ptr<Client> client(ClientOptions o = {}) {
  auto c = Client::create(o);
  EXPECT_TRUE(c.ok());
  return std::move(c).value();
}

}  // namespace

TEST(HttpClient, SendsHeadersAndBodyAndReadsTheAnswer) {
  FakeServer server;
  server.push(Behaviour::respond(201, "<ok/>", {{"x-amzn-RequestId", "abc"}}));
  auto c = client();
  auto req = local(server.port(), "POST", "/path%20x");
  req.query = {{"a", "1 2"}};
  req.headers = {{"X-Amz-Target", "Svc.Op"}, {"Content-Type", "application/x-amz-json-1.0"}};
  req.body = "{\"k\":\"v\"}";
  const auto o = send_and_wait(*c, req);
  ASSERT_TRUE(o.response) << o.message;
  EXPECT_EQ(o.response->status, 201);
  EXPECT_EQ(o.response->body, "<ok/>");
  ASSERT_NE(o.response->header("x-amzn-requestid"), nullptr);
  EXPECT_EQ(*o.response->header("x-amzn-requestid"), "abc");
  const auto got = server.requests();
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].method, "POST");
  EXPECT_EQ(got[0].target, "/path%20x?a=1%202");
  EXPECT_EQ(got[0].header("X-Amz-Target"), "Svc.Op");
  EXPECT_EQ(got[0].header("Content-Type"), "application/x-amz-json-1.0");
  EXPECT_EQ(got[0].body, "{\"k\":\"v\"}");
  EXPECT_EQ(got[0].header("Expect"), "");  // nothing of curl's invention
  EXPECT_EQ(got[0].header("Accept"), "");
}

TEST(HttpClient, AddsNoContentTypeOfItsOwn) {
  FakeServer server;
  auto c = client();
  auto req = local(server.port(), "PUT", "/bucket?versioning");
  req.body = "<VersioningConfiguration/>";
  ASSERT_TRUE(send_and_wait(*c, req).response);
  EXPECT_EQ(server.requests().at(0).header("Content-Type"), "");
  EXPECT_EQ(server.requests().at(0).method, "PUT");
}

TEST(HttpClient, ManyInFlightAndConnectionsReused) {
  FakeServer server;
  auto c = client();
  constexpr int kCount = 50;
  std::vector<std::promise<Outcome>> promises(kCount);
  for (int i = 0; i < kCount; ++i) {
    c->send(local(server.port(), "GET", "/" + std::to_string(i)), [&promises, i](Outcome o) { promises[i].set_value(std::move(o)); });
  }
  for (auto& p : promises) {
    auto f = p.get_future();
    ASSERT_EQ(f.wait_for(30s), std::future_status::ready);
    EXPECT_TRUE(f.get().response);
  }
  EXPECT_EQ(server.requests().size(), static_cast<std::size_t>(kCount));
  // Sequential requests after that reuse what is open rather than connecting again.
  const auto before = server.connections();
  for (int i = 0; i < 10; ++i) ASSERT_TRUE(send_and_wait(*c, local(server.port())).response);
  EXPECT_EQ(server.connections(), before);
}

TEST(HttpClient, ConnectionRefused) {
  int port = 0;
  {
    FakeServer gone;  // a port that was just free, and is closed again
    port = gone.port();
  }
  auto c = client();
  const auto o = send_and_wait(*c, local(port));
  EXPECT_FALSE(o.response);
  EXPECT_EQ(o.failure, Failure::ConnectFailed) << o.message;
}

TEST(HttpClient, ABlackHoleGivesUpAtTheTimeout) {
  FakeServer server;
  server.push(Behaviour::hang());
  auto c = client();
  const auto o = send_and_wait(*c, local(server.port()), SendOptions{300ms, 0ms});
  EXPECT_FALSE(o.response);
  EXPECT_EQ(o.failure, Failure::Timeout) << o.message;
}

TEST(HttpClient, ATruncatedBodyIsAReset) {
  FakeServer server;
  server.push(Behaviour::truncate(200, "<Response><Partial>", 500));
  auto c = client();
  const auto o = send_and_wait(*c, local(server.port()));
  EXPECT_FALSE(o.response);
  EXPECT_EQ(o.failure, Failure::Reset) << o.message;
}

TEST(HttpClient, ADroppedConnectionIsAReset) {
  FakeServer server;
  server.push(Behaviour::close());
  auto c = client();
  const auto o = send_and_wait(*c, local(server.port()));
  EXPECT_FALSE(o.response);
  EXPECT_EQ(o.failure, Failure::Reset) << o.message;
}

TEST(HttpClient, BodiesAreCapped) {
  FakeServer server;
  server.push(Behaviour::respond(200, std::string(5000, 'x')));
  ClientOptions opts;
  opts.max_body_bytes = 1000;
  auto c = client(opts);
  const auto o = send_and_wait(*c, local(server.port()));
  EXPECT_FALSE(o.response);
  EXPECT_EQ(o.failure, Failure::TooLarge) << o.message;
}

TEST(HttpClient, PlainHttpOnlyToLoopback) {
  auto c = client();
  Request r;
  r.scheme = "http";
  r.host = "rds.us-east-1.amazonaws.com";
  const auto o = send_and_wait(*c, r);
  EXPECT_EQ(o.failure, Failure::Refused);
  EXPECT_NE(o.message.find("plain http"), std::string::npos);
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_FALSE(is_loopback_host("10.0.0.1"));
}

TEST(HttpClient, ADelayedRequestGoesAfterAnUndelayedOne) {
  FakeServer server;
  auto c = client();
  std::promise<Outcome> a, b;
  c->send(local(server.port(), "GET", "/later"), [&a](Outcome o) { a.set_value(std::move(o)); }, SendOptions{std::nullopt, 300ms});
  c->send(local(server.port(), "GET", "/now"), [&b](Outcome o) { b.set_value(std::move(o)); });
  ASSERT_EQ(a.get_future().wait_for(30s), std::future_status::ready);
  ASSERT_EQ(b.get_future().wait_for(30s), std::future_status::ready);
  const auto got = server.requests();
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].target, "/now");
  EXPECT_EQ(got[1].target, "/later");
}

TEST(HttpClient, StoppingCancelsWhatIsStillOutExactlyOnce) {
  FakeServer server;
  server.set_fallback(Behaviour::hang());
  std::atomic<int> calls{0};
  std::atomic<int> cancelled{0};
  {
    auto c = client();
    for (int i = 0; i < 5; ++i) {
      c->send(local(server.port()), [&](Outcome o) {
        ++calls;
        cancelled += o.failure == Failure::Cancelled;
      });
    }
    c->send(local(server.port()), [&](Outcome o) {
      ++calls;
      cancelled += o.failure == Failure::Cancelled;
    }, SendOptions{std::nullopt, 10s});  // still waiting out its delay
  }
  EXPECT_EQ(calls.load(), 6);
  EXPECT_EQ(cancelled.load(), 6);
}
