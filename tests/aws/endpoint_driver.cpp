// Resolves {"service","region"} lines on stdin to {"url","signing_region"} (or {"error"}), for
// check_endpoints.py to compare with botocore.

#include <iostream>

#include <nlohmann/json.hpp>

#include "aws/endpoints/endpoints.hpp"
#include "aws/model/model_catalog.hpp"

using nlohmann::json;
using namespace drc::aws;

int main(int argc, char** argv) {
  const std::filesystem::path dir = argc > 1 ? argv[1] : model::default_models_dir();
  auto catalog = model::ModelCatalog::open(dir);
  auto partitions = endpoints::Partitions::load(dir / "endpoints.json");
  if (!catalog || !partitions) return 2;
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto in = json::parse(line);
    json out;
    auto svc = (*catalog)->service(in.at("service").get<std::string>());
    if (!svc) {
      out["error"] = svc.error().message;
    } else if (auto e = (*partitions)->resolve((*svc)->metadata(), in.at("region")); !e) {
      out["error"] = e.error().message;
    } else {
      out = {{"url", e->url()}, {"signing_region", e->signing_region}};
    }
    std::cout << out.dump() << '\n';
  }
  return 0;
}
