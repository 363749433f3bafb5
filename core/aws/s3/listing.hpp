#pragma once
// The lines `aws s3 ls` prints: buckets, common prefixes ("PRE"), objects, and the --summarize totals.
// Times are shown in the local time zone (TZ), as the CLI shows them.

#include <cstdint>
#include <string>

#include "aws/protocol/values.hpp"

namespace drc::aws::s3 {

// "2026-11-24 03:39:24", local time.
std::string local_time_text(protocol::AwsTime t);

std::string bucket_line(protocol::AwsTime created, const std::string& name);
// For a common prefix "a/b/": the last component, "                           PRE b/".
std::string prefix_line(const std::string& common_prefix);
std::string object_line(protocol::AwsTime modified, std::uint64_t size, const std::string& name, bool human_readable);
std::string summary_lines(std::uint64_t objects, std::uint64_t bytes, bool human_readable);

}  // namespace drc::aws::s3
