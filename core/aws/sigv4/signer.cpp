#include "aws/sigv4/signer.hpp"

#include <openssl/hmac.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <map>
#include <stdexcept>

#include "aws/http/uri.hpp"
#include "util/sha256.hpp"
#include "util/text.hpp"

namespace drc::aws::sigv4 {

namespace {

constexpr std::array<std::string_view, 11> kUnsignedHeaders{
    "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
    "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Trimall: no whitespace at either end, and each run of it inside becomes one space.
std::string trim_all(std::string_view v) {
  std::string out;
  bool pending_space = false;
  for (char c : v) {
    if (is_space(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

// Lower-cased name → values in the order they were added, for the headers that are signed.
std::map<std::string, std::vector<std::string>> headers_to_sign(const http::Request& req) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& [name, value] : req.headers) {
    auto n = to_lower(name);
    if (std::find(kUnsignedHeaders.begin(), kUnsignedHeaders.end(), n) != kUnsignedHeaders.end()) continue;
    out[n].push_back(value);
  }
  if (!out.count("host")) out["host"].push_back(req.authority());
  return out;
}

std::string canonical_query(const http::Pairs& query) {
  std::vector<std::pair<std::string, std::string>> encoded;
  encoded.reserve(query.size());
  for (const auto& [k, v] : query) encoded.emplace_back(http::percent_encode(k), http::percent_encode(v));
  std::sort(encoded.begin(), encoded.end());
  std::string out;
  for (const auto& [k, v] : encoded) {
    if (!out.empty()) out += '&';
    out += k + "=" + v;
  }
  return out;
}

Key hmac(std::string_view key, std::string_view data) {
  Key out{};
  unsigned int len = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
            data.size(), out.data(), &len) ||
      len != out.size()) {
    throw std::runtime_error("OpenSSL could not compute HMAC-SHA256");
  }
  return out;
}

std::string_view view(const Key& k) { return {reinterpret_cast<const char*>(k.data()), k.size()}; }

}  // namespace

std::string amz_date(Timestamp t) {
  const auto secs = std::chrono::floor<std::chrono::seconds>(t);
  const auto day = std::chrono::floor<std::chrono::days>(secs);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss hms{secs - day};
  char buf[40];  // room for any year the types allow, not only four digits
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()));
  return buf;
}

std::string credential_scope(const Params& p) {
  return amz_date(p.time).substr(0, 8) + "/" + p.region + "/" + p.service + "/aws4_request";
}

std::string payload_hash(const http::Request& req, const Params& p) {
  // S3 leaves its payload unsigned only over TLS and when the body carries a checksum of its own.
  bool has_checksum = req.header("Content-MD5") != nullptr;
  for (const auto& h : req.headers) {
    has_checksum = has_checksum || (h.first.size() > 15 && http::iequals(h.first.substr(0, 15), "x-amz-checksum-"));
  }
  const bool sign_anyway = p.s3 && (req.scheme != "https" || !has_checksum);
  if (p.unsigned_payload && !sign_anyway) return std::string(kUnsignedPayload);
  return req.body.empty() ? std::string(kEmptySha256) : sha256_hex(req.body.str());
}

std::string signed_headers(const http::Request& req) {
  std::string out;
  for (const auto& [name, values] : headers_to_sign(req)) {
    if (!out.empty()) out += ';';
    out += name;
  }
  return out;
}

std::string canonical_request(const http::Request& req, const Params& p, std::string_view payload) {
  std::string out = req.method;
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  out += '\n';
  // Every service but S3 signs the path normalised and encoded a second time.
  out += p.s3 ? (req.path.empty() ? std::string("/") : req.path) : http::percent_encode(http::remove_dot_segments(req.path), "/~");
  out += '\n';
  out += canonical_query(req.query);
  out += '\n';
  const auto headers = headers_to_sign(req);
  std::string names;
  for (const auto& [name, values] : headers) {
    out += name;
    out += ':';
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i) out += ',';
      out += trim_all(values[i]);
    }
    out += '\n';
    if (!names.empty()) names += ';';
    names += name;
  }
  out += '\n';
  out += names;
  out += '\n';
  out += payload;
  return out;
}

std::string string_to_sign(const Params& p, std::string_view canonical) {
  return "AWS4-HMAC-SHA256\n" + amz_date(p.time) + "\n" + credential_scope(p) + "\n" + sha256_hex(canonical);
}

Key signing_key(const Secret& secret, const Params& p) {
  const auto k_date = hmac("AWS4" + secret.reveal(), amz_date(p.time).substr(0, 8));
  const auto k_region = hmac(view(k_date), p.region);
  const auto k_service = hmac(view(k_region), p.service);
  return hmac(view(k_service), "aws4_request");
}

std::string signature(const Key& key, std::string_view sts) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto mac = hmac(view(key), sts);
  std::string out;
  out.reserve(64);
  for (auto b : mac) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0x0f]);
  }
  return out;
}

std::string prepare(http::Request& req, const Credentials& creds, const Params& p) {
  req.remove_header("Authorization");
  req.set_header("X-Amz-Date", amz_date(p.time));
  req.remove_header("X-Amz-Security-Token");
  if (!creds.session_token.empty()) req.set_header("X-Amz-Security-Token", creds.session_token.reveal());
  auto payload = payload_hash(req, p);
  if (p.s3 || p.unsigned_payload) {
    req.set_header("X-Amz-Content-SHA256", payload);
  } else {
    req.remove_header("X-Amz-Content-SHA256");
  }
  return payload;
}

Signed sign(http::Request& req, const Credentials& creds, const Params& p) {
  const auto payload = prepare(req, creds, p);
  Signed s;
  s.canonical_request = canonical_request(req, p, payload);
  s.string_to_sign = string_to_sign(p, s.canonical_request);
  s.signature = signature(signing_key(creds.secret_access_key, p), s.string_to_sign);
  req.set_header("Authorization", "AWS4-HMAC-SHA256 Credential=" + creds.access_key_id + "/" + credential_scope(p) +
                                      ", SignedHeaders=" + signed_headers(req) + ", Signature=" + s.signature);
  return s;
}

}  // namespace drc::aws::sigv4
