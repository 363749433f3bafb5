// Serializes operation inputs read as JSON lines on stdin and writes each request as a JSON line, for
// check_serializers.py to compare with botocore's serializers.
//   in:  {"service": "rds", "operation": "DescribeDBInstances", "params": {...}}
//   out: {"method","path","query":[[k,v]],"headers":[[k,v]],"body","host_prefix"} or {"error": "..."}

#include <iostream>

#include <nlohmann/json.hpp>

#include "aws/model/model_catalog.hpp"
#include "aws/protocol/serializer.hpp"

using nlohmann::json;
using nlohmann::ordered_json;
using namespace drc::aws;

int main(int argc, char** argv) {
  auto catalog = model::ModelCatalog::open(argc > 1 ? argv[1] : model::default_models_dir());
  if (!catalog) {
    std::cerr << catalog.error().message << '\n';
    return 2;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto in = ordered_json::parse(line);
    json out;
    auto svc = (*catalog)->service(in.at("service").get<std::string>());
    const auto* op = svc ? (*svc)->operation(in.at("operation").get<std::string>()) : nullptr;
    if (!op) {
      out["error"] = svc ? "no such operation" : svc.error().message;
    } else if (auto s = protocol::serialize(**svc, *op, in.at("params")); !s) {
      out["error"] = s.error().message;
    } else {
      const auto& r = s->request;
      out = {{"method", r.method}, {"path", r.path}, {"query", json::array()}, {"headers", json::array()},
             {"body", r.body}, {"host_prefix", s->host_prefix}};
      for (const auto& [k, v] : r.query) out["query"].push_back({k, v});
      for (const auto& [k, v] : r.headers) out["headers"].push_back({k, v});
    }
    std::cout << out.dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
  }
  return 0;
}
