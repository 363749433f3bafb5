#include "actions/action_runner.hpp"

#include <cstdio>

namespace drc::actions {

ActionRunner::ActionRunner(cloud::Cloud& cloud, cloud::AccessOf access, incident::EngineWorker& worker, ActionPolicy policy)
    : cloud_(cloud), access_(std::move(access)), worker_(worker), policy_(std::move(policy)) {}

ActionRunner::~ActionRunner() {
  // An answer after this point has nowhere to go: the view called finish_all() before stopping the worker.
  std::lock_guard lock(shared_->mutex);
  shared_->out.clear();
}

std::string ActionRunner::request(PreparedAction action, int step, std::string confirmation) {
  // Random, so two consoles (or a console and a script) on one incident never pick the same id.
  char id[24];
  std::snprintf(id, sizeof id, "a-%012llx", static_cast<unsigned long long>(random_() & 0xffffffffffffULL));
  incident::RequestAction r;
  r.id = id;
  r.step = step;
  r.service = action.call.service;
  r.operation = action.call.operation;
  r.region = action.call.region;
  r.params = action.params_redacted;
  r.writes = action.writes;
  const auto ticket = worker_.submit(std::move(r));
  requested_.emplace(ticket, Waiting{id, std::move(action), std::move(confirmation)});
  return id;
}

void ActionRunner::on_outcomes(const std::vector<incident::EngineWorker::Outcome>& outcomes) {
  for (const auto& o : outcomes) {
    {
      std::lock_guard lock(shared_->mutex);
      if (auto c = shared_->closing.find(o.ticket); c != shared_->closing.end()) {
        if (!o.written) problems_.push_back("the outcome of action " + c->second + " was not recorded: " + o.written.error().message);
        shared_->closing.erase(c);
        continue;
      }
    }
    auto it = requested_.find(o.ticket);
    if (it == requested_.end()) continue;
    auto w = std::move(it->second);
    requested_.erase(it);
    if (!o.written) {
      // Not recorded, so not sent.
      FinishedAction f{w.id, std::move(w.action), {}};
      f.result.call = f.action.call;
      f.result.error = cloud::CloudError{"NotRecorded", o.written.error().message};
      std::lock_guard lock(shared_->mutex);
      shared_->finished.push_back(std::move(f));
      continue;
    }
    send(std::move(w));
  }
}

void ActionRunner::send(Waiting w) {
  cloud::GuardPolicy guard;
  guard.writes_allowed = !policy_.production || (!w.confirmation.empty() && w.confirmation == policy_.environment);
  guard.why_not = "a change in " + policy_.environment + " needs the environment's name typed to confirm it";
  cloud::GuardedCloud guarded(cloud_, access_, guard);
  {
    std::lock_guard lock(shared_->mutex);
    shared_->out.emplace(w.id, w.action);
  }
  // The answer may come on the cloud's thread, after the view has gone on: it records the outcome
  // through the worker (which takes commands from any thread) and leaves the answer for the view.
  auto shared = shared_;
  auto* worker = &worker_;
  const auto id = w.id;
  guarded.call(w.action.call, [shared, worker, id](cloud::CloudResult r) {
    std::lock_guard lock(shared->mutex);
    auto it = shared->out.find(id);
    if (it == shared->out.end()) return;  // given up at quit, and already recorded as such
    incident::FinishAction f;
    f.id = id;
    f.ok = r.ok();
    if (r.error) {
      f.error_code = r.error->code;
      f.message = r.error->message;
    }
    f.request_id = r.request_id;
    f.duration = r.duration;
    f.attempts = r.attempts;
    shared->closing.emplace(worker->submit(std::move(f)), id);
    shared->finished.push_back({id, std::move(it->second), std::move(r)});
    shared->out.erase(it);
    shared->changed.notify_all();
  });
}

std::vector<FinishedAction> ActionRunner::take_finished() {
  std::lock_guard lock(shared_->mutex);
  std::vector<FinishedAction> out;
  out.swap(shared_->finished);
  return out;
}

std::vector<std::string> ActionRunner::take_problems() {
  std::vector<std::string> out;
  out.swap(problems_);
  return out;
}

std::size_t ActionRunner::pending() const {
  std::lock_guard lock(shared_->mutex);
  return requested_.size() + shared_->out.size();
}

void ActionRunner::finish_all(std::chrono::milliseconds limit) {
  // Requests whose writing was not yet confirmed were never sent: close them too (if one was refused,
  // so is its close, harmlessly).
  for (auto& [ticket, w] : requested_) {
    incident::FinishAction f;
    f.id = w.id;
    f.error_code = "NotSent";
    f.message = "drconsole quit before sending it";
    worker_.submit(std::move(f));
  }
  requested_.clear();
  std::unique_lock lock(shared_->mutex);
  shared_->changed.wait_for(lock, limit, [&] { return shared_->out.empty(); });
  for (auto& [id, action] : shared_->out) {
    incident::FinishAction f;
    f.id = id;
    f.error_code = "NoAnswer";
    f.message = "drconsole quit before the answer came; check the resource's state by hand";
    worker_.submit(std::move(f));
  }
  shared_->out.clear();
}

}  // namespace drc::actions
