#pragma once
// Calls to the AWS client for a command-line transfer: at most N in flight, each answer handed back on
// the thread that runs the pump, so the command's own state needs no locks. The client itself answers on
// its I/O thread; this only queues those answers.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

#include "aws/client/aws_client.hpp"
#include "util/result.hpp"

namespace drc::aws::s3 {

class CallPump {
 public:
  using Done = std::function<void(client::CallResult)>;
  // Runs just before the call is sent, on the pump's thread: fills in what should not sit in a queue
  // (a part's bytes, read from its file). An error fails the call with that message, unsent.
  using Prepare = std::function<Result<void>(client::CallRequest&)>;

  CallPump(client::AwsClient& client, std::size_t max_in_flight);
  CallPump(const CallPump&) = delete;
  CallPump& operator=(const CallPump&) = delete;
  ~CallPump();

  // Sent now, or as soon as fewer than max_in_flight calls are out. `done` runs inside run().
  void submit(client::CallRequest request, Done done, Prepare prepare = {});
  // Runs the callbacks of finished calls, waiting for answers, until nothing is waiting or queued.
  void run();
  std::size_t outstanding() const { return in_flight_ + waiting_.size(); }

 private:
  struct Finished {
    client::CallResult result;
    Done done;
  };
  struct Waiting {
    client::CallRequest request;
    Done done;
    Prepare prepare;
  };
  void send(Waiting w);

  client::AwsClient& client_;
  std::size_t max_in_flight_;
  std::size_t in_flight_ = 0;  // touched only on the pump's thread
  std::deque<Waiting> waiting_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Finished> finished_;  // guarded by mutex_: filled on the I/O thread
};

}  // namespace drc::aws::s3
