#include "aws/model/model_catalog.hpp"

#include <cstdlib>
#include <fstream>
#include <iterator>

#include <nlohmann/json.hpp>

namespace drc::aws::model {

std::filesystem::path default_models_dir() {
  if (const char* env = std::getenv("DRC_MODELS_DIR"); env && *env) return env;
  std::error_code ec;
  for (const char* dir : {DRC_INSTALLED_MODELS_DIR, DRC_MODELS_SOURCE_DIR}) {
    if (*dir && std::filesystem::is_regular_file(std::filesystem::path(dir) / "services.json", ec)) return dir;
  }
  return DRC_MODELS_SOURCE_DIR;
}

Result<std::shared_ptr<ModelCatalog>> ModelCatalog::open(const std::filesystem::path& dir) {
  const auto index_path = dir / "services.json";
  std::ifstream in(index_path);
  if (!in) return make_error(index_path.string() + ": cannot read the AWS service models' index (is drconsole installed completely?)");
  auto catalog = std::make_shared<ModelCatalog>();
  catalog->dir_ = dir;
  try {
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto index = nlohmann::json::parse(text);
    catalog->botocore_version_ = index.value("botocore", "");
    for (const auto& [cli, e] : index.at("services").items()) {
      catalog->by_cli_name_.emplace(cli, Entry{e.at("file").get<std::string>(), e.at("service").get<std::string>()});
    }
  } catch (const std::exception& e) {
    return make_error(index_path.string() + ": the models' index cannot be read: " + e.what());
  }
  return catalog;
}

Result<std::shared_ptr<const ServiceModel>> ModelCatalog::service(const std::string& name) const {
  const Entry* entry = nullptr;
  if (auto it = by_cli_name_.find(name); it != by_cli_name_.end()) entry = &it->second;
  for (const auto& [cli, e] : by_cli_name_) {
    if (!entry && e.service == name) entry = &e;
  }
  if (!entry) return make_error("drconsole has no model for the service \"" + name + "\"");
  std::lock_guard lock(mutex_);
  if (auto it = loaded_.find(entry->file); it != loaded_.end()) return it->second;
  auto m = ServiceModel::open(dir_ / entry->file);
  if (!m) return m.error();
  loaded_.emplace(entry->file, *m);
  return *m;
}

std::vector<std::string> ModelCatalog::cli_names() const {
  std::vector<std::string> out;
  for (const auto& [cli, e] : by_cli_name_) out.push_back(cli);
  return out;
}

}  // namespace drc::aws::model
