// Reads HTTP responses as JSON lines on stdin and writes what drconsole parses from each, for
// check_parsers.py to compare with botocore's parsers.
//   in:  {"service","operation","status","headers":[[k,v]],"body","iso":false}
//   out: {"output": {...}, "request_id"} | {"error": {"code","message","request_id"}} | {"failed": "..."}

#include <iostream>

#include <nlohmann/json.hpp>

#include "aws/model/model_catalog.hpp"
#include "aws/protocol/response.hpp"

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
    const auto in = json::parse(line);
    ordered_json out;
    auto svc = (*catalog)->service(in.at("service").get<std::string>());
    const auto* op = svc ? (*svc)->operation(in.at("operation").get<std::string>()) : nullptr;
    if (!op) {
      out["failed"] = "no such operation";
    } else {
      protocol::HttpResponse resp;
      resp.status = in.at("status");
      for (const auto& h : in.at("headers")) resp.headers.emplace_back(h.at(0), h.at(1));
      resp.body = in.at("body");
      if (resp.status >= 300) {
        const auto e = protocol::parse_error(**svc, resp);
        out["error"] = {{"code", e.code}, {"message", e.message}, {"request_id", e.request_id}};
      } else if (auto p = protocol::parse_response(**svc, *op, resp, {in.value("iso", false)}); p) {
        out["output"] = p->output;
        out["request_id"] = p->request_id;
      } else {
        out["failed"] = p.error().message;
      }
    }
    std::cout << out.dump(-1, ' ', false, ordered_json::error_handler_t::replace) << '\n';
  }
  return 0;
}
