#include "aws/endpoints/endpoints.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>

// GCC 12 warns, falsely, of an uninitialized std::function inside <regex> when optimising with the
// sanitizers on (GCC bug 105562). The partitions' region patterns are data, so a regex engine is needed.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>

namespace drc::aws::endpoints {

using nlohmann::json;

std::string Endpoint::url() const {
  std::string h = host;
  if (h.find(':') != std::string::npos && h.front() != '[') h = "[" + h + "]";
  std::string u = scheme + "://" + h;
  if (port) u += ":" + std::to_string(*port);
  return u + base_path;
}

Result<Endpoint> parse_endpoint_url(const std::string& url) {
  static const std::regex kUrl(R"(^(https?)://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?(/[^?#]*)?$)");
  std::smatch m;
  if (!std::regex_match(url, m, kUrl)) {
    return make_error("the endpoint URL \"" + url + "\" is not of the form https://host[:port][/path]");
  }
  Endpoint e;
  e.scheme = m[1];
  e.host = m[2];
  if (e.host.front() == '[') e.host = e.host.substr(1, e.host.size() - 2);
  // The host keeps its case for the URLs botocore shows; the request sends and signs it in lower case.
  if (m[3].matched) {
    const int port = std::stoi(m[3]);
    if (port < 1 || port > 65535) return make_error("the endpoint URL \"" + url + "\" has no valid port");
    e.port = port;
  }
  e.base_path = m[4].matched ? std::string(m[4]) : std::string();
  while (!e.base_path.empty() && e.base_path.back() == '/') e.base_path.pop_back();
  e.custom = true;
  return e;
}

Result<std::shared_ptr<const Partitions>> Partitions::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return make_error(file.string() + ": cannot read the endpoints data (is drconsole installed completely?)");
  auto p = std::make_shared<Partitions>();
  try {
    // Whole, then parsed: nlohmann reads a string several times faster than a stream, and every
    // drconsole aws command starts here.
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    p->data_ = json::parse(text);
    (void)p->data_.at("partitions").at(0).at("dnsSuffix");
  } catch (const std::exception& e) {
    return make_error(file.string() + ": the endpoints data cannot be read: " + e.what());
  }
  return std::shared_ptr<const Partitions>(std::move(p));
}

bool valid_region_name(const std::string& region) {
  // ^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{,63}(?<!-)$, except that an empty name is refused too (botocore would
  // go on to build a host from it).
  auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  if (region.empty() || region.size() > 63 || region.front() == '-' || region.back() == '-') return false;
  if (std::all_of(region.begin(), region.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return std::all_of(region.begin(), region.end(), [&](char c) { return alnum(c) || c == '-'; });
}

std::string invalid_region_message(const std::string& region) {
  return "Provided region_name '" + region + "' doesn't match a supported format.";
}

Result<Endpoint> Partitions::resolve(const model::ServiceMetadata& svc, const std::string& region) const {
  if (!valid_region_name(region)) return make_error(invalid_region_message(region));
  const auto& parts = data_.at("partitions");
  const json* partition = nullptr;
  for (const auto& p : parts) {  // a region the partition lists, else one its pattern matches
    for (const auto& r : p.at("regions")) {
      if (r == region) partition = &p;
    }
    if (partition) break;
  }
  for (const auto& p : parts) {
    if (!partition && std::regex_match(region, std::regex(p.at("regionRegex").get<std::string>()))) partition = &p;
  }
  if (!partition) partition = &parts.at(0);  // botocore falls back to the aws partition too

  Endpoint e;
  e.partition = partition->at("partition");
  e.signing_region = region;
  const std::string dns = partition->at("dnsSuffix");
  std::string hostname = partition->at("hostname");
  std::string endpoint_region = region;
  const auto& services = partition->at("services");
  if (auto s = services.find(svc.endpoint_prefix); s != services.end()) {
    // A global service answers at one endpoint whatever the region, and signs for the partition's region.
    if (s->value("isRegionalized", true) == false && s->contains("partitionEndpoint")) {
      endpoint_region = s->at("partitionEndpoint");
    }
    if (auto d = s->find("defaults"); d != s->end() && d->contains("hostname")) hostname = d->at("hostname");
    if (auto eps = s->find("endpoints"); eps != s->end()) {
      if (auto r = eps->find(endpoint_region); r != eps->end()) {
        if (r->contains("hostname")) hostname = r->at("hostname");
        if (auto cs = r->find("credentialScope"); cs != r->end() && cs->contains("region")) {
          e.signing_region = cs->at("region");
        }
      }
    }
  }
  auto replace = [&](const std::string& key, const std::string& with) {
    for (auto at = hostname.find(key); at != std::string::npos; at = hostname.find(key)) hostname.replace(at, key.size(), with);
  };
  // The aws CLI (v1) keeps S3's legacy global endpoint for us-east-1.
  if (svc.endpoint_prefix == "s3" && region == "us-east-1") hostname = "s3.amazonaws.com";
  replace("{service}", svc.endpoint_prefix);
  replace("{region}", endpoint_region);
  replace("{dnsSuffix}", dns);
  e.host = hostname;
  return e;
}

std::string endpoint_env_suffix(const std::string& service_id) {
  std::string out;
  for (char c : service_id) out += c == ' ' || c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::string> configured_endpoint_url(const model::ServiceMetadata& svc, const std::string& flag,
                                                   const config::Env& env, const config::SharedConfig& cfg,
                                                   const std::string& profile) {
  if (!flag.empty()) return flag;
  auto ignore = env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
  const auto* p = cfg.profile(profile);
  if (!ignore && p) {
    if (auto it = p->find("ignore_configured_endpoint_urls"); it != p->end()) ignore = it->second;
  }
  if (ignore && (*ignore == "true" || *ignore == "True")) return std::nullopt;
  const auto suffix = endpoint_env_suffix(svc.service_id);
  if (auto v = env("AWS_ENDPOINT_URL_" + suffix); v && !v->empty()) return v;
  if (auto v = env("AWS_ENDPOINT_URL"); v && !v->empty()) return v;
  if (p) {
    if (auto s = p->find("services"); s != p->end()) {
      if (auto sec = cfg.services.find(s->second); sec != cfg.services.end()) {
        std::string key = suffix;
        for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (auto u = sec->second.find(key + ".endpoint_url"); u != sec->second.end()) return u->second;
      }
    }
    if (auto u = p->find("endpoint_url"); u != p->end()) return u->second;
  }
  return std::nullopt;
}

}  // namespace drc::aws::endpoints

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
