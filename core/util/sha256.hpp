#pragma once
// Digests through OpenSSL's EVP interface, as lowercase hex: SHA-256 (signing), SHA-1 (the names of
// botocore's cache files), and the hex form of any bytes.

#include <string>
#include <string_view>

namespace drc {

std::string sha256_hex(std::string_view data);
std::string sha1_hex(std::string_view data);
// Bytes as lowercase hex, two digits each.
std::string to_hex(std::string_view bytes);

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void update(std::string_view data);
  std::string hex_digest();

 private:
  struct Impl;
  Impl* impl_;
};

}  // namespace drc
