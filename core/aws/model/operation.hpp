#pragma once
// An operation of a service model, with the aws CLI's arguments for it and its paginator.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace drc::aws::model {

// Whether a call can change anything. Guards refuse writes where a view is read-only (the war room, a
// drill pointed at production); anything not known to be a read is a write.
enum class Access { Read, Write };

// One aws CLI argument of an operation: --NAME sets a member of the input, or is one of the CLI's own.
struct CliArg {
  enum class Kind {
    Member,    // --name VALUE (or a bare flag for a boolean member) sets the member
    Boolean,   // --name / --no-name: sets the boolean member to `value`
    Page,      // --starting-token, --page-size, --max-items: pagination, not a member
    Custom,    // one of the CLI's customizations, named by `custom`
  };
  Kind kind = Kind::Member;
  std::string member;  // the input member (or for Page: StartingToken, PageSize, MaxItems)
  bool value = true;   // Boolean: what the flag sets
  bool required = false;
  bool positional = false;
  std::string custom;  // Custom: the CLI's argument class, e.g. "CountArgument"
};

struct Paginator {
  std::vector<std::string> input_tokens;
  std::vector<std::string> output_tokens;  // JMESPath-ish paths: "Marker", "NextToken", "A.B", "X || Y"
  std::string limit_key;
  std::vector<std::string> result_keys;
  std::string more_results;
  std::vector<std::string> non_aggregate_keys;
};

struct Operation {
  std::string name;
  std::string http_method = "POST";
  std::string request_uri = "/";
  int response_code = 200;
  std::string input;   // shape name; empty: no input
  std::string output;  // shape name; empty: no output
  std::string input_location_name;               // rest-xml: the body's root element
  std::optional<std::string> input_xml_namespace;  // rest-xml: the body's namespace
  std::string result_wrapper;                    // query: the element the result sits in
  std::vector<std::string> errors;               // exception shape names
  std::string host_prefix;                       // e.g. "{AccountId}." or "data-"
  std::map<std::string, nlohmann::json> static_context_params;  // endpoint rule set parameters it fixes (RequiresAccountId: true)
  std::vector<std::string> auth;                 // e.g. "aws.auth#sigv4", "smithy.api#noAuth"
  bool unsigned_payload = false;
  bool endpoint_operation = false;               // endpoint discovery's own call (dynamodb DescribeEndpoints)
  bool checksum_required = false;                // rest: needs a body checksum (Content-MD5 or x-amz-checksum)
  std::string checksum_algorithm_member;          // flexible checksums: the member naming the algorithm
  std::string checksum_mode_member;               // the member asking for the response's checksum (ChecksumMode)
  Access access = Access::Write;
  std::map<std::string, CliArg> cli_args;        // by CLI name, without the leading --
  std::optional<Paginator> paginator;
};

// Read or write, from the model: its own readonly flag, else the verb its name starts with, else the
// HTTP method (GET and HEAD are reads).
Access classify(const std::string& operation_name, const std::string& http_method, std::optional<bool> readonly);

}  // namespace drc::aws::model
