#pragma once
// The standard library of AWS endpoint rule sets: the functions a rule's conditions call, as the
// Smithy rules engine defines them and botocore's RuleSetStandardLibrary implements them. A value that
// is not there (an unset parameter, a URL that does not parse) is JSON null.

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/result.hpp"

namespace drc::aws::endpoints::rules {

using Value = nlohmann::json;

// partitions.json, as scripts/gen-aws-models keeps it: what aws.partition answers for a region.
class PartitionTable {
 public:
  static Result<PartitionTable> load(const std::filesystem::path& file);
  static Result<PartitionTable> from_json(const nlohmann::json& doc);
  // The partition whose region list or region pattern takes `region`; the first (aws) otherwise. Its
  // outputs: name, dnsSuffix, dualStackDnsSuffix, supportsFIPS, supportsDualStack, implicitGlobalRegion.
  Value lookup(const Value& region) const;

 private:
  struct Partition {
    Value outputs;
    std::vector<std::string> regions;
  };
  struct Patterns;  // the partitions' region patterns, compiled once (<regex> stays out of this header)
  std::vector<Partition> partitions_;
  std::shared_ptr<const Patterns> patterns_;
};

// {scheme, authority, path, normalizedPath, isIp}, or null for anything but an http(s) URL without a query.
Value parse_url(const Value& url);
// {partition, service, region, accountId, resourceId: [...]}, or null when it is not an ARN.
Value parse_arn(const Value& arn);
// An RFC 1123 label (1 to 63 letters, digits, hyphens; no hyphen at either end); with subdomains, each
// dot-separated label must be one.
bool is_valid_host_label(const Value& value, bool allow_subdomains);
// A bucket name S3 can put in the host: a valid label (or labels), 3 or more long, no upper case, not an IPv4 address.
bool is_virtual_hostable_s3_bucket(const Value& value, bool allow_subdomains);
// Characters start..stop (from the end when reversed) of an ASCII string; null when out of range.
Value substring(const std::string& value, long start, long stop, bool reverse);
// Every byte but the unreserved (A-Z a-z 0-9 - _ . ~) percent-encoded, '/' included.
std::string uri_encode(const std::string& value);
// `obj` at a path such as "name", "a.b" or "resourceId[1]" (an index past the end gives null).
Value get_attr(const Value& obj, const std::string& path);

}  // namespace drc::aws::endpoints::rules
