#include "aws/model/operation.hpp"

#include <array>
#include <cctype>

namespace drc::aws::model {

namespace {

// Verbs that only look. A word must end where the verb does ("Get" matches GetObject, not Getaway).
constexpr std::array<std::string_view, 14> kReadVerbs{
    "Describe", "List", "Get", "Head", "Search", "Lookup", "BatchGet", "Query", "Scan",
    "Select", "Filter", "Check", "Estimate", "Preview",
};

bool starts_with_verb(const std::string& name, std::string_view verb) {
  if (name.compare(0, verb.size(), verb) != 0) return false;
  return name.size() == verb.size() || std::isupper(static_cast<unsigned char>(name[verb.size()]));
}

}  // namespace

Access classify(const std::string& operation_name, const std::string& http_method, std::optional<bool> readonly) {
  if (readonly) return *readonly ? Access::Read : Access::Write;
  for (auto verb : kReadVerbs) {
    if (starts_with_verb(operation_name, verb)) return Access::Read;
  }
  if (http_method == "GET" || http_method == "HEAD") return Access::Read;
  return Access::Write;
}

}  // namespace drc::aws::model
