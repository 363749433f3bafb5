#include "aws/endpoints/rule_library.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

// GCC 12 warns, falsely, of an uninitialized std::function inside <regex> when optimising with the
// sanitizers on (GCC bug 105562). The partitions' region patterns are data, so a regex engine is needed.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace drc::aws::endpoints::rules {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool unreserved(char c) { return is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '~'; }

std::string percent_encode(const std::string& s, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : s) {
    if (unreserved(static_cast<char>(c)) || (keep_slash && c == '/')) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// Python's urlsplit, for what parseURL reads of it.
struct UrlParts {
  std::string scheme, netloc, path, query;
};

UrlParts split_url(const std::string& url) {
  UrlParts p;
  // Python drops leading controls and spaces, and tabs and newlines anywhere, before it splits.
  std::string rest;
  std::size_t start = 0;
  while (start < url.size() && static_cast<unsigned char>(url[start]) <= ' ') ++start;
  for (std::size_t i = start; i < url.size(); ++i) {
    if (url[i] != '\t' && url[i] != '\r' && url[i] != '\n') rest += url[i];
  }
  if (auto colon = rest.find(':'); colon != std::string::npos && colon > 0 && std::isalpha(static_cast<unsigned char>(rest[0]))) {
    const auto candidate = rest.substr(0, colon);
    if (std::all_of(candidate.begin(), candidate.end(), [](char c) { return is_alnum(c) || c == '+' || c == '-' || c == '.'; })) {
      p.scheme = candidate;
      std::transform(p.scheme.begin(), p.scheme.end(), p.scheme.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      rest = rest.substr(colon + 1);
    }
  }
  if (rest.rfind("//", 0) == 0) {
    const auto end = rest.find_first_of("/?#", 2);
    p.netloc = rest.substr(2, end == std::string::npos ? std::string::npos : end - 2);
    rest = end == std::string::npos ? "" : rest.substr(end);
  }
  if (auto hash = rest.find('#'); hash != std::string::npos) rest = rest.substr(0, hash);
  if (auto q = rest.find('?'); q != std::string::npos) {
    p.query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  // urlparse (not urlsplit) takes ";params" off the last segment of an http(s) path.
  const auto last_slash = rest.rfind('/');
  if (const auto semi = rest.find(';', last_slash == std::string::npos ? 0 : last_slash); semi != std::string::npos) {
    rest = rest.substr(0, semi);
  }
  p.path = rest;
  return p;
}

// The host and port of a netloc ("user@[::1]:8080"): the host without brackets, lower case.
void split_netloc(const std::string& netloc, std::string& host, std::string& port) {
  auto hostport = netloc.substr(netloc.rfind('@') == std::string::npos ? 0 : netloc.rfind('@') + 1);
  if (!hostport.empty() && hostport[0] == '[') {
    const auto close = hostport.find(']');
    host = hostport.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    const auto after = close == std::string::npos ? std::string() : hostport.substr(close + 1);
    port = !after.empty() && after[0] == ':' ? after.substr(1) : "";
  } else {
    const auto colon = hostport.find(':');  // Python partitions at the first colon
    host = hostport.substr(0, colon);
    port = colon == std::string::npos ? "" : hostport.substr(colon + 1);
  }
  std::transform(host.begin(), host.end(), host.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
}

// Four dot-separated groups of one to three digits, as botocore's IPV4_RE (999.1.1.1 included).
bool looks_like_ipv4(const std::string& s) {
  int groups = 0;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
    if (digits < 1 || digits > 3) return false;
    ++groups;
    if (i == s.size()) break;
    if (s[i] != '.') return false;
    ++i;
  }
  return groups == 4;
}

bool is_ipv6(const std::string& host) {
  const auto addr = host.substr(0, host.find('%'));  // a zone id (fe80::1%25eth0) is allowed after it
  in6_addr out{};
  return inet_pton(AF_INET6, addr.c_str(), &out) == 1;
}

// RFC 3986's remove_dot_segments, with runs of slashes collapsed as AWS wants (botocore's normalize_url_path).
std::string normalize_path(const std::string& path) {
  if (path.empty()) return "/";
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const auto seg = path.substr(start, end - start);
    if (!seg.empty() && seg != ".") {
      if (seg == "..") {
        if (!out.empty()) out.pop_back();
      } else {
        out.push_back(seg);
      }
    }
    start = end + 1;
  }
  std::string joined;
  for (std::size_t i = 0; i < out.size(); ++i) joined += (i ? "/" : "") + out[i];
  return std::string(path.front() == '/' ? "/" : "") + joined + (path.back() == '/' && !out.empty() ? "/" : "");
}

}  // namespace

struct PartitionTable::Patterns {
  std::vector<std::regex> by_partition;
};

Result<PartitionTable> PartitionTable::from_json(const nlohmann::json& doc) {
  PartitionTable t;
  auto patterns = std::make_shared<Patterns>();
  try {
    for (const auto& p : doc.at("partitions")) {
      Partition part;
      part.outputs = p.at("outputs");
      part.outputs["name"] = p.at("id");
      patterns->by_partition.emplace_back(p.at("regionRegex").get<std::string>());
      // A list of names (as the models keep it) or botocore's own object of them.
      const auto& regions = p.at("regions");
      if (regions.is_object()) {
        for (const auto& [name, info] : regions.items()) part.regions.push_back(name);
      } else {
        for (const auto& r : regions) part.regions.push_back(r.get<std::string>());
      }
      t.partitions_.push_back(std::move(part));
    }
  } catch (const std::exception& e) {  // a JSON type error or a bad region pattern
    return make_error(std::string("the partitions' data cannot be read: ") + e.what());
  }
  if (t.partitions_.empty()) return make_error("the partitions' data lists no partition");
  t.patterns_ = std::move(patterns);
  return t;
}

Result<PartitionTable> PartitionTable::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return make_error(file.string() + ": cannot read the AWS partitions (is drconsole installed completely?)");
  try {
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto t = from_json(nlohmann::json::parse(text));
    if (!t) return make_error(file.string() + ": " + t.error().message);
    return t;
  } catch (const std::exception& e) {
    return make_error(file.string() + ": not JSON: " + e.what());
  }
}

Value PartitionTable::lookup(const Value& region) const {
  if (region.is_string()) {
    const auto& r = region.get_ref<const std::string&>();
    for (std::size_t i = 0; i < partitions_.size(); ++i) {
      const auto& p = partitions_[i];
      if (std::find(p.regions.begin(), p.regions.end(), r) != p.regions.end() || std::regex_search(r, patterns_->by_partition[i])) {
        return p.outputs;
      }
    }
  }
  return partitions_.front().outputs;
}

Value parse_url(const Value& url) {
  if (!url.is_string()) return nullptr;
  const auto& s = url.get_ref<const std::string&>();
  const auto parts = split_url(s);
  if ((parts.scheme != "http" && parts.scheme != "https") || !parts.query.empty()) return nullptr;
  std::string host, port;
  split_netloc(parts.netloc, host, port);
  if (!port.empty()) {  // int(port) must work and be at most 65535 ("000080" is 80)
    if (!std::all_of(port.begin(), port.end(), is_digit)) return nullptr;
    const auto digits = port.substr(std::min(port.find_first_not_of('0'), port.size()));
    if (digits.size() > 5 || (!digits.empty() && std::stol(digits) > 65535)) return nullptr;
  }
  auto normalized = percent_encode(normalize_path(parts.path), true);
  if (normalized.empty() || normalized.back() != '/') normalized += '/';
  const bool unsafe = s.find_first_of("\t\r\n") != std::string::npos;
  return Value{{"scheme", parts.scheme},
               {"authority", parts.netloc},
               {"path", parts.path},
               {"normalizedPath", normalized},
               {"isIp", looks_like_ipv4(host) || (!unsafe && is_ipv6(host))}};
}

Value parse_arn(const Value& arn) {
  if (!arn.is_string()) return nullptr;
  const auto& s = arn.get_ref<const std::string&>();
  if (s.rfind("arn:", 0) != 0) return nullptr;
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (int i = 0; i < 5; ++i) {
    const auto colon = s.find(':', start);
    if (colon == std::string::npos) return nullptr;
    parts.push_back(s.substr(start, colon - start));
    start = colon + 1;
  }
  const auto resource = s.substr(start);
  if (parts[1].empty() || parts[2].empty() || resource.empty()) return nullptr;
  Value ids = Value::array();
  std::size_t from = 0;
  while (true) {
    const auto sep = resource.find_first_of(":/", from);
    ids.push_back(resource.substr(from, sep == std::string::npos ? std::string::npos : sep - from));
    if (sep == std::string::npos) break;
    from = sep + 1;
  }
  return Value{{"partition", parts[1]}, {"service", parts[2]}, {"region", parts[3]}, {"accountId", parts[4]}, {"resourceId", ids}};
}

bool is_valid_host_label(const Value& value, bool allow_subdomains) {
  if (!value.is_string()) return false;
  const auto& s = value.get_ref<const std::string&>();
  if (allow_subdomains) {
    std::size_t start = 0;
    while (true) {
      const auto dot = s.find('.', start);
      if (!is_valid_host_label(s.substr(start, dot == std::string::npos ? std::string::npos : dot - start), false)) return false;
      if (dot == std::string::npos) return true;
      start = dot + 1;
    }
  }
  // Python's "$" also matches before a final newline.
  const std::string_view label = !s.empty() && s.back() == '\n' ? std::string_view(s).substr(0, s.size() - 1) : std::string_view(s);
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
  return std::all_of(label.begin(), label.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '-'; });
}

bool is_virtual_hostable_s3_bucket(const Value& value, bool allow_subdomains) {
  if (!value.is_string()) return false;
  const auto& s = value.get_ref<const std::string&>();
  if (s.size() < 3 || looks_like_ipv4(s)) return false;
  if (std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return false;
  return is_valid_host_label(value, allow_subdomains);
}

Value substring(const std::string& value, long start, long stop, bool reverse) {
  const auto len = static_cast<long>(value.size());
  if (start >= stop || len < stop || std::any_of(value.begin(), value.end(), [](char c) { return static_cast<unsigned char>(c) > 127; })) {
    return nullptr;
  }
  if (reverse) return value.substr(static_cast<std::size_t>(len - stop), static_cast<std::size_t>(stop - start));
  return value.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(stop - start));
}

std::string uri_encode(const std::string& value) { return percent_encode(value, false); }

Value get_attr(const Value& obj, const std::string& path) {
  const Value* cur = &obj;
  std::size_t start = 0;
  while (true) {
    const auto dot = path.find('.', start);
    auto part = path.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
    std::optional<std::size_t> index;
    if (auto open = part.find('['); open != std::string::npos && part.back() == ']') {
      const auto digits = part.substr(open + 1, part.size() - open - 2);
      if (digits.empty() || !std::all_of(digits.begin(), digits.end(), is_digit)) return nullptr;
      index = std::stoul(digits);
      part = part.substr(0, open);
    }
    if (!part.empty()) {
      if (!cur->is_object() || !cur->contains(part)) return nullptr;
      cur = &(*cur)[part];
    }
    if (index) {
      if (!cur->is_array() || *index >= cur->size()) return nullptr;
      return (*cur)[*index];
    }
    if (dot == std::string::npos) return *cur;
    start = dot + 1;
  }
}

}  // namespace drc::aws::endpoints::rules
