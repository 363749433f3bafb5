#pragma once
// How `aws s3` names things: s3://bucket/key locations, local paths shown relative to the working
// directory, and sizes in base-2 units, each exactly as the aws CLI writes them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace drc::aws::s3 {

inline constexpr std::string_view kScheme = "s3://";

bool is_s3_uri(std::string_view path);

struct BucketKey {
  std::string bucket;
  std::string key;  // may be empty (the whole bucket) or end in '/' (a prefix)
};

// "bucket/some/key" (with or without s3://) split at the first '/', except that an access point or
// Outposts access point ARN is the bucket whole (awscli's find_bucket_key).
BucketKey split_bucket_key(std::string_view path);

// The CLI's refusal of what its s3 commands cannot address (S3 Object Lambda access points, Outposts
// bucket ARNs), for a path with or without s3://; nullopt when the path is fine.
std::optional<std::string> unsupported_resource(std::string_view path);

// A local file as the CLI shows it: its directory relative to the working directory, then its name
// ("./state.tfstate", "../backups/db.sql", "sub/x"), as Python's os.path.relpath would give it.
std::string relative_path(const std::string& file);

// An absolute, normalised path (Python's os.path.abspath): '.' and '..' resolved lexically.
std::string absolute_path(const std::string& path);

// "1 Byte", "10 Bytes", "1.0 KiB", "3.2 MiB" ... as the CLI's human_readable_size.
std::string human_readable_size(std::uint64_t bytes);

}  // namespace drc::aws::s3
