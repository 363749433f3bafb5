#include "aws/s3/paths.hpp"

#include <unistd.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

// GCC 12 warns, falsely, of an uninitialized std::function inside <regex> when optimising with the
// sanitizers on (GCC bug 105562), as in endpoints.cpp. awscli's ARN patterns are kept as it writes them.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>

namespace drc::aws::s3 {

namespace {

std::vector<std::string> components(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) out.emplace_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

std::string current_dir() {
  std::string buf(4096, '\0');
  if (!::getcwd(buf.data(), buf.size())) return "/";
  buf.resize(std::char_traits<char>::length(buf.c_str()));
  return buf;
}

// Python's os.path.normpath on an absolute path.
std::string normalise_absolute(std::string_view path) {
  std::vector<std::string> kept;
  for (auto& c : components(path)) {
    if (c == ".") continue;
    if (c == "..") {
      if (!kept.empty()) kept.pop_back();
      continue;
    }
    kept.push_back(std::move(c));
  }
  std::string out;
  for (const auto& c : kept) out.append("/").append(c);
  return out.empty() ? std::string("/") : out;
}

}  // namespace

bool is_s3_uri(std::string_view path) { return path.substr(0, kScheme.size()) == kScheme; }

namespace {

// awscli/customizations/s3/utils.py's patterns, each with a bucket group and a key group.
const std::regex& access_point_arn() {
  static const std::regex re(R"(^(arn:(aws).*:s3:[a-z\-0-9]*:[0-9]{12}:accesspoint[:/][^/]+)/?(.*)$)");
  return re;
}
const std::regex& outpost_access_point_arn() {
  static const std::regex re(R"(^(arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]accesspoint[/:][a-zA-Z0-9\-]{1,63})[/:]?(.*)$)");
  return re;
}

}  // namespace

std::optional<std::string> unsupported_resource(std::string_view path) {
  if (is_s3_uri(path)) path.remove_prefix(kScheme.size());
  if (path.rfind("arn:", 0) != 0) return std::nullopt;  // every pattern below starts so
  static const std::regex object_lambda(R"(^arn:(aws).*:s3-object-lambda:[a-z\-0-9]+:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\-]{1,63}[/:]?.*$)");
  static const std::regex outpost_bucket(R"(^arn:(aws).*:s3-outposts:[a-z\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\-]{1,63}[/:]bucket[/:][a-zA-Z0-9\-]{1,63}[/:]?.*$)");
  const std::string p(path);
  if (std::regex_match(p, object_lambda)) return "s3 commands do not support S3 Object Lambda resources. Use s3api commands instead.";
  if (std::regex_match(p, outpost_bucket)) return "s3 commands do not support Outpost Bucket ARNs. Use s3control commands instead.";
  return std::nullopt;
}

BucketKey split_bucket_key(std::string_view path) {
  if (is_s3_uri(path)) path.remove_prefix(kScheme.size());
  if (path.rfind("arn:", 0) == 0) {
    const std::string p(path);
    std::smatch m;
    if (std::regex_match(p, m, access_point_arn()) || std::regex_match(p, m, outpost_access_point_arn())) return {m[1].str(), m[3].str()};
  }
  const auto slash = path.find('/');
  if (slash == std::string_view::npos) return {std::string(path), ""};
  return {std::string(path.substr(0, slash)), std::string(path.substr(slash + 1))};
}

std::string absolute_path(const std::string& path) {
  if (!path.empty() && path[0] == '/') return normalise_absolute(path);
  return normalise_absolute(current_dir() + "/" + path);
}

std::string relative_path(const std::string& file) {
  const auto slash = file.rfind('/');
  const std::string dir = slash == std::string::npos ? "" : (slash == 0 ? "/" : file.substr(0, slash));
  const std::string base = slash == std::string::npos ? file : file.substr(slash + 1);
  const auto from = components(absolute_path(current_dir()));
  const auto to = components(absolute_path(dir.empty() ? "." : dir));
  std::size_t common = 0;
  while (common < from.size() && common < to.size() && from[common] == to[common]) ++common;
  std::vector<std::string> parts(from.size() - common, "..");
  parts.insert(parts.end(), to.begin() + static_cast<std::ptrdiff_t>(common), to.end());
  std::string rel = parts.empty() ? std::string(".") : parts.front();
  for (std::size_t i = 1; i < parts.size(); ++i) rel.append("/").append(parts[i]);
  return rel.append("/").append(base);
}

std::string human_readable_size(std::uint64_t bytes) {
  if (bytes == 1) return "1 Byte";
  if (bytes < 1024) return std::to_string(bytes) + " Bytes";
  static constexpr std::array<const char*, 8> kSuffixes{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
  const double value = static_cast<double>(bytes);
  double unit = 1024.0 * 1024.0;
  for (const char* suffix : kSuffixes) {
    // The CLI moves to the next unit once the value would round to 1024 of this one.
    if (std::round(value / unit * 1024.0) < 1024.0 || suffix == kSuffixes.back()) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.1f %s", 1024.0 * value / unit, suffix);
      return buf;
    }
    unit *= 1024.0;
  }
  return std::to_string(bytes) + " Bytes";
}

}  // namespace drc::aws::s3
