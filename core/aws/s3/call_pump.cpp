#include "aws/s3/call_pump.hpp"

namespace drc::aws::s3 {

CallPump::CallPump(client::AwsClient& client, std::size_t max_in_flight)
    : client_(client), max_in_flight_(max_in_flight == 0 ? 1 : max_in_flight) {}

CallPump::~CallPump() {
  // Nothing may call back into a destroyed pump: wait out what is still in flight.
  std::unique_lock lock(mutex_);
  ready_.wait(lock, [this] { return finished_.size() >= in_flight_; });
}

void CallPump::submit(client::CallRequest request, Done done, Prepare prepare) {
  Waiting w{std::move(request), std::move(done), std::move(prepare)};
  if (in_flight_ >= max_in_flight_) {
    waiting_.push_back(std::move(w));
    return;
  }
  send(std::move(w));
}

void CallPump::send(Waiting w) {
  ++in_flight_;
  auto shared_done = std::make_shared<Done>(std::move(w.done));
  if (w.prepare) {
    if (auto ready = w.prepare(w.request); !ready) {
      client::CallResult failed;
      failed.service = w.request.service;
      failed.operation = w.request.operation;
      failed.failure = ready.error().message;
      std::lock_guard lock(mutex_);
      finished_.push_back({std::move(failed), std::move(*shared_done)});
      return;
    }
  }
  client_.call(std::move(w.request), [this, shared_done](client::CallResult r) {
    std::lock_guard lock(mutex_);
    finished_.push_back({std::move(r), std::move(*shared_done)});
    ready_.notify_one();
  });
}

void CallPump::run() {
  while (in_flight_ > 0 || !waiting_.empty()) {
    Finished next;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return !finished_.empty(); });
      next = std::move(finished_.front());
      finished_.pop_front();
    }
    --in_flight_;
    while (in_flight_ < max_in_flight_ && !waiting_.empty()) {
      auto w = std::move(waiting_.front());
      waiting_.pop_front();
      send(std::move(w));
    }
    next.done(std::move(next.result));
  }
}

}  // namespace drc::aws::s3
