#pragma once
// A paginated operation run to the end (or to --max-items), as botocore's PageIterator does it: tokens
// from each page fed to the next, --page-size as the model's limit key, result keys gathered across
// pages, non-aggregate keys from the first page, and a NextToken (base64 JSON, botocore's form) when
// --max-items stops part-way. Asynchronous like every call.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aws/client/aws_client.hpp"

namespace drc::aws::client {

struct Paging {
  std::optional<std::string> starting_token;
  std::optional<long long> page_size;
  std::optional<long long> max_items;
};

struct PaginatedResult {
  CallResult last;                          // the last call's details (an error stops the walk)
  std::vector<nlohmann::ordered_json> pages;  // each page as trimmed for --max-items
  nlohmann::ordered_json non_aggregate = nlohmann::ordered_json::object();
  std::optional<std::string> resume_token;  // NextToken
  int calls = 0;
  bool ok() const { return last.ok(); }
  // Result keys merged over the pages, then the non-aggregate keys, then NextToken: what the aws CLI prints.
  nlohmann::ordered_json full_result(const model::Paginator& p) const;
};

void paginate(AwsClient& client, const model::Operation& op, CallRequest request, Paging paging,
              std::function<void(PaginatedResult)> done);

// The input for the page after `page`, asked for with `params`; nullopt when there is none (no token, the
// model's more_results false, or the same token as the one just sent, which would loop forever).
std::optional<nlohmann::ordered_json> next_page_params(const model::Paginator& p, const nlohmann::ordered_json& params,
                                                       const nlohmann::ordered_json& page);

// JMESPath over ordered JSON: a plain dotted path walks the value keeping its key order; anything else
// goes through the full JMESPath engine.
std::optional<nlohmann::ordered_json> search(const std::string& expression, const nlohmann::ordered_json& value);
// Sets a dotted path, making the objects on the way.
void set_path(nlohmann::ordered_json& target, const std::string& dotted, nlohmann::ordered_json value);

}  // namespace drc::aws::client
