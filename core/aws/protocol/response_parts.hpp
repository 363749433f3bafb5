#pragma once
// Shared by the XML and JSON response readers (internal to core/aws/protocol).

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/model/service_model.hpp"
#include "aws/protocol/response.hpp"

namespace drc::aws::protocol::detail {

struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An XML element's name without its namespace prefix ("s3:Code" -> "Code"), as botocore matches tags.
std::string local_name(const char* name);

// Deeper than any real response; a hostile or broken one stops here instead of exhausting the stack.
inline constexpr int kMaxDepth = 96;

class Reader {
 public:
  Reader(const model::ServiceModel& m, const ParseOptions& o) : model_(m), options_(o) {}
  const model::Shape& shape(const std::string& name) const;
  const ParseOptions& options() const { return options_; }
  // A scalar from its text (XML bodies, headers): numbers, booleans, timestamps as the options say.
  nlohmann::ordered_json scalar(const model::Shape& s, const std::string& text, bool rest_json_header) const;
  nlohmann::ordered_json timestamp(const nlohmann::ordered_json& wire) const;

 private:
  const model::ServiceModel& model_;
  const ParseOptions& options_;
};

// XML (query, ec2, rest-xml): the structure under `root` (an element's children), or a whole document.
nlohmann::ordered_json read_xml_body(const Reader& r, const model::Shape& shape, const std::string& xml,
                                     const std::string& result_wrapper, std::string* request_id, bool ec2);
// JSON (json, rest-json).
nlohmann::ordered_json read_json_value(const Reader& r, const model::Shape& shape, const nlohmann::ordered_json& v, int depth);

}  // namespace drc::aws::protocol::detail
