#pragma once
// What the protocol serializers share (internal to core/aws/protocol). They throw SerializeError from
// deep inside a walk over the input; serialize() turns it into an error value.

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/http/request.hpp"
#include "aws/model/service_model.hpp"

namespace drc::aws::protocol::detail {

using Json = nlohmann::ordered_json;

struct SerializeError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The model's shapes by name, failing loudly when the model lacks one.
class Shapes {
 public:
  explicit Shapes(const model::ServiceModel& m) : model_(m) {}
  const model::Shape& get(const std::string& name) const;
  const model::ServiceModel& model() const { return model_; }

 private:
  const model::ServiceModel& model_;
};

enum class TimeFormat { Iso8601, Rfc822, Unix };

// The wire text of a scalar (string, number, boolean, timestamp, blob), as query bodies, URIs, query
// strings, headers and XML write it. `path` names the parameter for errors.
std::string scalar_text(const model::Shape& shape, const Json& value, TimeFormat fallback, const std::string& path);
TimeFormat time_format(const model::Shape& shape, TimeFormat fallback);

// A JSON body value for a shape (json and rest-json protocols).
Json json_value(const Shapes& shapes, const model::Shape& shape, const Json& value, const std::string& path);

// An XML body for a payload or the input's body members (rest-xml).
std::string xml_document(const Shapes& shapes, const model::Shape& shape, const Json& value, const std::string& root_name,
                         const std::optional<model::XmlNamespace>& root_namespace, const std::string& path);

// Form fields for query and ec2 bodies, in the order written.
void query_fields(const Shapes& shapes, const model::Shape& shape, const Json& value, const std::string& prefix,
                  bool ec2, http::Pairs& out, const std::string& path);

[[noreturn]] void type_error(const std::string& path, const Json& value, const char* valid);
std::string member_path(const std::string& parent, const std::string& member);

}  // namespace drc::aws::protocol::detail
