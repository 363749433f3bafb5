#include "aws/client/flexible_checksum.hpp"

#include <openssl/evp.h>

#include <array>
#include <cctype>
#include <cstdint>

#include "aws/protocol/values.hpp"

namespace drc::aws::client {

namespace {

// The algorithms botocore computes without its optional CRT package, in its order of preference.
constexpr std::array<const char*, 4> kSupported{"crc32", "sha1", "sha256", "sha512"};
// Those it computes only with the CRT package, which the aws CLI on a Debian machine lacks (as drconsole).
constexpr std::array<const char*, 5> kCrtOnly{"crc32c", "crc64nvme", "xxhash64", "xxhash3", "xxhash128"};

bool supported(const std::string& a) {
  for (const char* s : kSupported) {
    if (a == s) return true;
  }
  return false;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// CRC-32 (IEEE 802.3, reflected 0xEDB88320), the checksum S3 and botocore default to. OpenSSL has none.
std::uint32_t crc32(const std::string& data) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  std::uint32_t c = 0xFFFFFFFFu;
  for (const unsigned char b : data) c = table[(c ^ b) & 0xFFu] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

}  // namespace

std::string checksum_base64(const std::string& algorithm, const std::string& body) {
  if (algorithm == "crc32") {
    const auto c = crc32(body);
    const std::string be{static_cast<char>(c >> 24), static_cast<char>(c >> 16), static_cast<char>(c >> 8), static_cast<char>(c)};
    return protocol::base64_encode(be);
  }
  const EVP_MD* md = algorithm == "sha1"   ? EVP_sha1()
                     : algorithm == "sha512" ? EVP_sha512()
                     : algorithm == "md5"    ? EVP_md5()
                                             : EVP_sha256();
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(body.data(), body.size(), digest, &len, md, nullptr);
  return protocol::base64_encode(std::string(reinterpret_cast<const char*>(digest), len));
}

void request_response_checksum(const model::Operation& op, const ChecksumSettings& s, nlohmann::ordered_json& params) {
  if (!op.checksum_mode_member.empty() && s.response_when_supported && !params.contains(op.checksum_mode_member)) {
    params[op.checksum_mode_member] = "ENABLED";
  }
}

Result<void> add_request_checksum(const model::ServiceModel& svc, const model::Operation& op, const ChecksumSettings& s,
                                  const nlohmann::ordered_json& params, http::Request& wire) {
  for (const auto& [k, v] : wire.headers) {
    if (lower(k).rfind("x-amz-checksum-", 0) == 0) return {};  // the caller gave one
  }
  const auto& member = op.checksum_algorithm_member;
  std::string algorithm;
  if (!member.empty() && params.contains(member) && params[member].is_string()) {
    algorithm = lower(params[member].get<std::string>());
    if (!supported(algorithm)) {
      for (const char* crt : kCrtOnly) {
        if (algorithm != crt) continue;
        auto upper = algorithm;
        for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        // botocore's first sentence; its remedy (pip install botocore[crt]) is no use here.
        return make_error("Missing Dependency: Using " + upper + " requires an additional dependency. drconsole computes "
                          "CRC32, SHA1, SHA256 and SHA512: choose one of those.");
      }
      return make_error("Unsupported checksum algorithm: " + algorithm);
    }
  } else if (op.checksum_required || (!member.empty() && s.request_when_supported)) {
    // A checksum the operation requires is CRC32 unless the caller chose one (botocore has long stopped
    // sending Content-MD5 for it).
    algorithm = "crc32";
    // The algorithm member's own header says which one was used, as botocore sends it.
    const auto* input = op.input.empty() ? nullptr : svc.shape(op.input);
    const auto* m = input ? input->find(member) : nullptr;
    if (m && m->location == model::Location::Header && !m->location_name.empty()) wire.headers.emplace_back(m->location_name, "CRC32");
  } else {
    return {};
  }
  wire.headers.emplace_back("x-amz-checksum-" + algorithm, checksum_base64(algorithm, wire.body));
  return {};
}

Result<void> verify_response_checksum(const model::Operation& op, const nlohmann::ordered_json& params,
                                      const http::Request& wire, const http::Response& response) {
  if (op.checksum_mode_member.empty() || params.value(op.checksum_mode_member, "") != "ENABLED") return {};
  // A range of an object carries no checksum of its own to check.
  if (wire.header("Range") || response.status == 206) return {};
  for (const char* algorithm : kSupported) {
    const auto* expected = response.header(std::string("x-amz-checksum-") + algorithm);
    // "...-3": a checksum of the parts' checksums, which cannot be checked against the body.
    if (!expected || expected->find('-') != std::string::npos) continue;
    const auto actual = checksum_base64(algorithm, response.body);
    if (actual != *expected) {
      return make_error("Expected checksum " + *expected + " did not match calculated checksum: " + actual);
    }
    return {};
  }
  return {};
}

}  // namespace drc::aws::client
