#include "aws/s3/listing.hpp"

#include <cstdio>
#include <ctime>

#include "aws/s3/paths.hpp"

namespace drc::aws::s3 {

namespace {

std::string right(std::string s, std::size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

}  // namespace

std::string local_time_text(protocol::AwsTime t) {
  const std::time_t secs = static_cast<std::time_t>(protocol::unix_seconds(t));
  std::tm tm{};
  ::localtime_r(&secs, &tm);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                tm.tm_min, tm.tm_sec);
  return buf;
}

std::string bucket_line(protocol::AwsTime created, const std::string& name) {
  return local_time_text(created) + " " + name + "\n";
}

std::string prefix_line(const std::string& common_prefix) {
  // The component before the trailing '/', as the CLI's split('/')[-2].
  std::string trimmed = common_prefix;
  if (!trimmed.empty() && trimmed.back() == '/') trimmed.pop_back();
  const auto slash = trimmed.rfind('/');
  const std::string name = slash == std::string::npos ? trimmed : trimmed.substr(slash + 1);
  return right("PRE", 30) + " " + name + "/\n";
}

std::string object_line(protocol::AwsTime modified, std::uint64_t size, const std::string& name, bool human_readable) {
  const std::string size_text = human_readable ? human_readable_size(size) : std::to_string(size);
  return local_time_text(modified) + " " + right(size_text, 10) + " " + name + "\n";
}

std::string summary_lines(std::uint64_t objects, std::uint64_t bytes, bool human_readable) {
  return "\nTotal Objects: " + std::to_string(objects) + "\n" + right("Total Size: ", 15) +
         (human_readable ? human_readable_size(bytes) : std::to_string(bytes)) + "\n";
}

}  // namespace drc::aws::s3
