#include "aws/client/waiter.hpp"

#include "aws/client/paginator.hpp"

namespace drc::aws::client {

using Json = nlohmann::ordered_json;

namespace {

std::string python_str(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
  return v.dump();
}

// Does this acceptor match this response? Path matchers never match an error response.
bool matches(const nlohmann::json& acceptor, const CallResult& r) {
  const auto matcher = acceptor.value("matcher", "");
  const auto& expected = acceptor.at("expected");
  if (matcher == "status") return expected.is_number() && r.http_status == expected.get<int>();
  if (matcher == "error") {
    if (expected.is_boolean()) return expected.get<bool>() == r.error.has_value();
    return r.error && expected.is_string() && r.error->code == expected.get<std::string>();
  }
  if (!r.ok()) return false;
  const auto found = search(acceptor.value("argument", ""), *r.output);
  if (!found) return false;
  const auto expected_ordered = Json::parse(expected.dump());
  if (matcher == "path") return *found == expected_ordered;
  if (!found->is_array() || found->empty()) return false;
  if (matcher == "pathAll") {
    for (const auto& e : *found) {
      if (e != expected_ordered) return false;
    }
    return true;
  }
  if (matcher == "pathAny") {
    for (const auto& e : *found) {
      if (e == expected_ordered) return true;
    }
  }
  return false;
}

std::string explain(const nlohmann::json& a) {
  const auto matcher = a.value("matcher", "");
  const auto expected = python_str(a.at("expected"));
  const auto arg = a.value("argument", "");
  if (matcher == "path") return "For expression \"" + arg + "\" we matched expected path: \"" + expected + "\"";
  if (matcher == "pathAll") return "For expression \"" + arg + "\" all members matched expected path: \"" + expected + "\"";
  if (matcher == "pathAny") return "For expression \"" + arg + "\" we matched expected path: \"" + expected + "\" at least once";
  if (matcher == "status") return "Matched expected HTTP status code: " + expected;
  if (matcher == "error") return "Matched expected service error code: " + expected;
  return "Matched an acceptor";
}

struct Poll {
  AwsClient* client;
  std::string name;
  nlohmann::json def;
  CallRequest request;
  std::function<void(const WaitProgress&)> progress;
  std::function<void(WaitResult)> done;
  int attempt = 0;
  std::string last_matched;
};

void poll(std::shared_ptr<Poll> p, std::chrono::milliseconds delay) {
  auto req = p->request;
  req.delay = delay;
  p->client->call(std::move(req), [p](CallResult r) {
    ++p->attempt;
    const int max_attempts = p->def.value("maxAttempts", 40);
    const auto interval = std::chrono::milliseconds(static_cast<long long>(p->def.value("delay", 15.0) * 1000));
    std::string state;
    std::string explanation;
    for (const auto& a : p->def.at("acceptors")) {
      if (matches(a, r)) {
        state = a.value("state", "");
        explanation = explain(a);
        p->last_matched = explanation;
        break;
      }
    }
    WaitResult w;
    w.attempts = p->attempt;
    const auto prefix = "Waiter " + p->name + " failed: ";
    if (p->progress) p->progress({p->attempt, max_attempts, state.empty() ? "waiting" : state});
    if (state == "success") {
      w.success = true;
      w.last = std::move(r);
      return p->done(std::move(w));
    }
    if (state == "failure") {
      w.message = prefix + "Waiter encountered a terminal failure state: " + explanation;
    } else if (state.empty() && !r.ok()) {
      w.message = prefix + (r.error ? "An error occurred (" + r.error->code + "): " + r.error->message : r.failure);
    } else if (p->attempt >= max_attempts) {
      w.message = prefix + (p->last_matched.empty() ? "Max attempts exceeded"
                                                    : "Max attempts exceeded. Previously accepted state: " + p->last_matched);
    } else {
      return poll(p, interval);
    }
    w.last = std::move(r);
    p->done(std::move(w));
  });
}

}  // namespace

void wait_for(AwsClient& client, const std::string& waiter_name, const nlohmann::json& definition, CallRequest request,
              std::function<void(const WaitProgress&)> progress, std::function<void(WaitResult)> done) {
  auto p = std::make_shared<Poll>();
  p->client = &client;
  p->name = waiter_name;
  p->def = definition;
  p->request = std::move(request);
  p->progress = std::move(progress);
  p->done = std::move(done);
  poll(p, std::chrono::milliseconds(0));
}

}  // namespace drc::aws::client
