#pragma once
// The one door to AWS. Every action drconsole takes goes through Cloud::call; AwsCloud speaks the real
// wire protocols, SimCloud answers from a world file. Nothing above this door knows which it talks to.

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace drc::cloud {

struct CloudCall {
  std::string service;    // "rds", "ec2", "backup", ...
  std::string operation;  // the API's name: "DescribeDBInstances"
  std::string region;
  nlohmann::json params = nlohmann::json::object();
  // One page only, for a caller that wants each page as it comes (and a deadline per request): the
  // result then names the call for the next page. Otherwise a paginated operation is walked to the end.
  bool one_page = false;
};

struct CloudError {
  std::string code;  // the API's error code: "DBInstanceNotFound"
  std::string message;
};

struct CloudResult {
  CloudCall call;
  nlohmann::json output;  // the operation's output shape as JSON (timestamps as ISO-8601 strings)
  std::optional<CloudError> error;
  std::chrono::milliseconds duration{0};
  std::string request_id;
  int attempts = 1;
  std::optional<CloudCall> next_page;  // for a one_page call with more to come
  bool ok() const { return !error.has_value(); }
};

class Cloud {
 public:
  virtual ~Cloud() = default;
  using Done = std::function<void(CloudResult)>;
  // Starts the call and returns at once; `done` runs later, on the cloud's own thread.
  virtual void call(CloudCall call, Done done) = 0;
};

}  // namespace drc::cloud
