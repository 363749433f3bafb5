#pragma once
// The service models drconsole ships: found beside the installed binary's data or in the source tree,
// indexed by services.json, each service loaded the first time a call needs it.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "aws/model/service_model.hpp"
#include "util/result.hpp"

namespace drc::aws::model {

// Where the models are: $DRC_MODELS_DIR when set, else the installed copy, else the source tree's.
std::filesystem::path default_models_dir();

class ModelCatalog {
 public:
  static Result<std::shared_ptr<ModelCatalog>> open(const std::filesystem::path& dir = default_models_dir());

  // By the aws CLI's name ("s3api", "configservice") or botocore's ("s3", "config").
  Result<std::shared_ptr<const ServiceModel>> service(const std::string& name) const;

  // The aws CLI's names of the services the catalog holds, sorted.
  std::vector<std::string> cli_names() const;
  const std::string& botocore_version() const { return botocore_version_; }

 private:
  struct Entry {
    std::string file;
    std::string service;
  };
  std::filesystem::path dir_;
  std::string botocore_version_;
  std::map<std::string, Entry> by_cli_name_;
  mutable std::mutex mutex_;
  mutable std::map<std::string, std::shared_ptr<const ServiceModel>> loaded_;
};

}  // namespace drc::aws::model
