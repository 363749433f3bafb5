#include "incident/engine_worker.hpp"

namespace drc::incident {

EngineWorker::EngineWorker(std::unique_ptr<Engine> engine, std::chrono::milliseconds tail_every)
    : engine_(std::move(engine)), tail_every_(tail_every) {
  publish_locked({}, engine_->take_notices());  // no thread yet: nothing to lock against
  thread_ = std::thread([this] { run(); });
}

EngineWorker::~EngineWorker() { stop(); }

std::uint64_t EngineWorker::submit(Command command) {
  std::lock_guard lock(mutex_);
  const auto ticket = next_ticket_++;
  inbox_.emplace_back(ticket, std::move(command));
  ++in_flight_;
  wake_.notify_one();
  return ticket;
}

EngineWorker::Report EngineWorker::take() {
  std::lock_guard lock(mutex_);
  Report out;
  std::swap(out, outbox_);
  in_flight_ -= std::min(in_flight_, out.outcomes.size());
  return out;
}

std::size_t EngineWorker::in_flight() const {
  std::lock_guard lock(mutex_);
  return in_flight_;
}

std::unique_ptr<Engine> EngineWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    wake_.notify_one();
  }
  if (thread_.joinable()) thread_.join();
  return std::move(engine_);
}

// Only the worker thread touches the engine once it runs; the mutex guards the inbox and outbox.
void EngineWorker::publish_locked(std::vector<Outcome> outcomes, std::vector<std::string> notices) {
  const auto& events = engine_->events();
  for (; published_ < events.size(); ++published_) outbox_.events.push_back(events[published_]);
  for (auto& o : outcomes) outbox_.outcomes.push_back(std::move(o));
  for (auto& n : notices) outbox_.notices.push_back(std::move(n));
}

void EngineWorker::run() {
  std::unique_lock lock(mutex_);
  auto next_tail = std::chrono::steady_clock::now() + tail_every_;
  for (;;) {
    wake_.wait_until(lock, next_tail, [&] { return stopping_ || !inbox_.empty(); });
    if (!inbox_.empty()) {
      auto [ticket, command] = std::move(inbox_.front());
      inbox_.pop_front();
      lock.unlock();  // the disk is written outside the lock: the view's take() never waits for it
      auto written = engine_->execute(command);
      auto notices = engine_->take_notices();
      lock.lock();
      std::vector<Outcome> outcomes;
      outcomes.push_back(Outcome{ticket, std::move(written)});
      publish_locked(std::move(outcomes), std::move(notices));
      continue;  // drain the inbox before stopping or tailing
    }
    if (stopping_) return;
    if (std::chrono::steady_clock::now() >= next_tail) {
      lock.unlock();
      auto fresh = engine_->refresh();
      auto notices = engine_->take_notices();
      lock.lock();
      // A journal that cannot be read says so once, not four times a second.
      if (!fresh && fresh.error().message != last_tail_error_) notices.push_back(fresh.error().message);
      last_tail_error_ = fresh ? std::string() : fresh.error().message;
      publish_locked({}, std::move(notices));
      next_tail = std::chrono::steady_clock::now() + tail_every_;
    }
  }
}

}  // namespace drc::incident
