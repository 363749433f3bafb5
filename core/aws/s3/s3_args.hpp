#pragma once
// An `aws s3 SUBCOMMAND ...` command line read as the aws CLI reads it: which options each subcommand
// takes, the paths, and the object settings (--acl, --sse, --metadata ...) as the request members they
// become on PutObject, CopyObject and CreateMultipartUpload.

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace drc::aws::s3 {

struct Filter {
  bool include = false;  // --include, else --exclude
  std::string pattern;
};

// SSE-C: the algorithm (AES256) and the key's own bytes; the client sends them base64 with their MD5.
struct CustomerKey {
  std::string algorithm, key;
  bool given() const { return !algorithm.empty(); }
};

struct S3Args {
  std::string command;  // ls cp mv rm sync mb rb presign website
  std::vector<std::string> paths;
  bool recursive = false, human_readable = false, summarize = false;
  bool dryrun = false, quiet = false, only_show_errors = false, no_progress = false;
  bool force = false, delete_removed = false, size_only = false, exact_timestamps = false;
  bool follow_symlinks = true, guess_mime_type = true;
  bool force_glacier_transfer = false, ignore_glacier_warnings = false;
  std::optional<long long> page_size, expected_size;
  long long expires_in = 3600;
  std::vector<Filter> filters;  // in the order given: the last match wins
  bool content_type_given = false;
  // Members for the requests that create objects (ACL, StorageClass, ContentType, Metadata, SSE ...).
  nlohmann::ordered_json object_params = nlohmann::ordered_json::object();
  std::optional<std::string> request_payer;  // RequestPayer on every request
  std::optional<std::string> checksum_mode;  // ChecksumMode on downloads
  nlohmann::ordered_json tags = nlohmann::ordered_json::array();  // mb --tags
  std::string bucket_name_prefix, bucket_region;  // ls of buckets
  CustomerKey sse_c;              // --sse-c, --sse-c-key: the objects written or read
  CustomerKey sse_c_copy_source;  // --sse-c-copy-source(-key): the objects copied from
  std::string source_region;      // --source-region: where an s3-to-s3 copy's source bucket is
  std::optional<std::string> index_document, error_document;  // website
};

// The SSE-C members a request carries for `key`: {prefix}Algorithm and {prefix}Key ("SSECustomer" for
// the object itself, "CopySourceSSECustomer" for a copy's source); nothing when no key was given.
void add_customer_key(nlohmann::ordered_json& params, const CustomerKey& key, const std::string& prefix);

struct ArgsError {
  int exit_code = 255;  // 2: argparse refused it (the usage line is printed)
  std::string message;
};

std::variant<S3Args, ArgsError> parse_s3_args(const std::vector<std::string>& args);

// `s3 --help`, `s3 SUBCOMMAND --help` (or `help`): the subcommands, or one's paths and options; nullopt
// when the words do not ask for help.
std::optional<std::string> s3_help(const std::vector<std::string>& args);

}  // namespace drc::aws::s3
