#include "aws/http/request.hpp"

#include <algorithm>
#include <cctype>

#include "aws/http/response.hpp"
#include "aws/http/uri.hpp"

namespace drc::aws::http {

const std::string& Body::empty_text() {
  static const std::string kEmpty;
  return kEmpty;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

namespace {

// host, and :port when it is not the scheme's default.
std::string authority_of(const Request& r, std::string h) {
  const int default_port = r.scheme == "http" ? 80 : 443;
  if (h.find(':') != std::string::npos && h.front() != '[') h = "[" + h + "]";  // an IPv6 literal
  if (r.port && *r.port != default_port) h += ":" + std::to_string(*r.port);
  return h;
}

}  // namespace

std::string Request::authority() const {
  // Lower case, as botocore signs it and urllib3 sends it; shown_url() keeps the host as written.
  std::string h = host;
  for (auto& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return authority_of(*this, h);
}

std::string Request::shown_url() const {
  std::string u = scheme + "://" + authority_of(*this, host) + (path.empty() ? "/" : path);
  if (!query.empty()) u += "?" + query_string();
  return u;
}


std::string Request::query_string() const {
  std::string out;
  for (const auto& [k, v] : query) {
    if (!out.empty()) out += '&';
    out += percent_encode(k);
    if (!v.empty()) out += '=' + percent_encode(v);  // "?versioning", as the models write it
  }
  return out;
}

std::string Request::url() const {
  std::string u = scheme + "://" + authority() + (path.empty() ? "/" : path);
  if (!query.empty()) u += "?" + query_string();
  return u;
}

const std::string* Request::header(std::string_view name) const { return find_header(headers, name); }

const std::string* find_header(const Pairs& headers, std::string_view name) {
  for (const auto& [k, v] : headers) {
    if (iequals(k, name)) return &v;
  }
  return nullptr;
}

const std::string* Response::header(std::string_view name) const { return find_header(headers, name); }

void Request::set_header(std::string_view name, std::string value) {
  remove_header(name);
  headers.emplace_back(std::string(name), std::move(value));
}

void Request::remove_header(std::string_view name) {
  std::erase_if(headers, [&](const auto& h) { return iequals(h.first, name); });
}

}  // namespace drc::aws::http
