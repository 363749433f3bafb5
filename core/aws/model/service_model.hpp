#pragma once
// One service's model, read from a drconsole model file (scripts/gen-aws-models writes them). The file is
// indexed when opened; an operation, shape or waiter is parsed the first time it is asked for, so a call
// costs what it touches, not the size of the service (ec2's model is over a megabyte).

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "aws/model/operation.hpp"
#include "aws/model/shape.hpp"
#include "util/result.hpp"

namespace drc::aws::model {

enum class Protocol { Query, Ec2, Json, RestJson, RestXml };

struct ServiceMetadata {
  std::string service;  // botocore's name, e.g. "s3"
  std::string cli_name;  // the aws CLI's, e.g. "s3api"
  std::string api_version;
  std::string endpoint_prefix;
  std::string signing_name;
  std::string service_id;  // e.g. "RDS"; AWS_ENDPOINT_URL_<ID> is derived from it
  std::string json_version;
  std::string target_prefix;
  std::string global_endpoint;
  std::string xml_namespace;
  Protocol protocol = Protocol::Query;
  bool query_compatible = false;  // a json service that still answers with query error codes
};

class ServiceModel {
 public:
  // Reads and indexes a model file. The error names the file and line.
  static Result<std::shared_ptr<const ServiceModel>> open(const std::filesystem::path& file);

  const ServiceMetadata& metadata() const { return metadata_; }

  // Parsed on first use and kept; null when the model has no such record (or it cannot be read: then
  // last_error() says why). Safe to call from several threads.
  const Operation* operation(std::string_view name) const;
  const Shape* shape(std::string_view name) const;
  const nlohmann::json* waiter(std::string_view name) const;  // the waiters-2 definition
  // The endpoint rule set, for a service whose endpoints only it describes (s3control); null otherwise.
  const nlohmann::ordered_json* endpoint_rule_set() const;
  bool has_endpoint_rule_set() const { return !rule_sets_.empty(); }

  // The aws CLI's names: command → operation, waiter command → waiter.
  const std::map<std::string, std::string>& cli_commands() const { return cli_commands_; }
  const std::map<std::string, std::string>& cli_waiters() const { return cli_waiters_; }
  const std::vector<std::string>& cli_custom_commands() const { return cli_custom_; }
  std::vector<std::string> operation_names() const;

  std::string last_error() const;

 private:
  ServiceModel() = default;
  std::string_view record(char kind, std::string_view name) const;
  // The record parsed by `read` on first use, then kept; null (and last_error) when it cannot be read.
  template <class T, class Read>
  const T* cached(char kind, const char* what, std::string_view name,
                  std::unordered_map<std::string, std::unique_ptr<T>>& cache, Read read) const;

  std::filesystem::path file_;
  std::string text_;
  std::unordered_map<std::string_view, std::string_view> operations_, shapes_, waiters_, rule_sets_;  // name → its line
  ServiceMetadata metadata_;
  std::map<std::string, std::string> cli_commands_, cli_waiters_;
  std::vector<std::string> cli_custom_;

  mutable std::mutex mutex_;
  mutable std::unordered_map<std::string, std::unique_ptr<Operation>> operation_cache_;
  mutable std::unordered_map<std::string, std::unique_ptr<Shape>> shape_cache_;
  mutable std::unordered_map<std::string, std::unique_ptr<nlohmann::json>> waiter_cache_;
  mutable std::unordered_map<std::string, std::unique_ptr<nlohmann::ordered_json>> rule_set_cache_;
  mutable std::string last_error_;
};

std::string_view to_string(Protocol p);

}  // namespace drc::aws::model
