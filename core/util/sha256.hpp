#pragma once
// SHA-256 through OpenSSL's EVP interface, as lowercase hex.

#include <string>
#include <string_view>

namespace drc {

std::string sha256_hex(std::string_view data);

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
