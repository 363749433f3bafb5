#include "aws/cli/launch_key.hpp"

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <iterator>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "aws/protocol/values.hpp"
#include "util/path_expand.hpp"
#include "util/text.hpp"

namespace drc::aws::cli {

namespace {

constexpr const char* kNotAFile = "priv-launch-key should be a path to the local SSH private key file used to launch the instance.";
constexpr const char* kCannotDecrypt = "Unable to decrypt password data using provided private key file.";

struct BioFree {
  void operator()(BIO* b) const { BIO_free(b); }
};
struct KeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct CtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};

std::optional<std::string> rsa_pkcs1_decrypt(const std::string& pem, const std::string& cipher) {
  std::unique_ptr<BIO, BioFree> bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return std::nullopt;
  // No passphrase callback: an encrypted key cannot be read, as with the CLI.
  std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, [](char*, int, int, void*) { return 0; }, nullptr));
  if (!key || EVP_PKEY_base_id(key.get()) != EVP_PKEY_RSA) return std::nullopt;
  std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new(key.get(), nullptr));
  if (!ctx || EVP_PKEY_decrypt_init(ctx.get()) <= 0 || EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING) <= 0) {
    return std::nullopt;
  }
  // OpenSSL 3.2 and later answer a wrong key with random bytes ("implicit rejection") unless told not to;
  // python-rsa, which the CLI uses, reports the failure. OpenSSL 3.0 knows no such setting (and fails).
  EVP_PKEY_CTX_ctrl_str(ctx.get(), "rsa_pkcs1_implicit_rejection", "0");
  const auto* in = reinterpret_cast<const unsigned char*>(cipher.data());
  std::size_t size = 0;
  if (EVP_PKEY_decrypt(ctx.get(), nullptr, &size, in, cipher.size()) <= 0) return std::nullopt;
  std::string plain(size, '\0');
  if (EVP_PKEY_decrypt(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &size, in, cipher.size()) <= 0) {
    return std::nullopt;
  }
  plain.resize(size);
  return plain;
}

}  // namespace

Result<std::string> launch_key_path(const std::string& value) {
  const auto path = expand_user(expand_vars(value));
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return make_error(kNotAFile);
  return path;
}

Status decrypt_password_data(nlohmann::ordered_json& output, const std::string& key_path) {
  if (!output.is_object() || !output.contains("PasswordData") || !output["PasswordData"].is_string() ||
      output["PasswordData"].get_ref<const std::string&>().empty()) {
    return {};
  }
  std::ifstream in(key_path, std::ios::binary);
  if (!in.is_open()) return make_error(kCannotDecrypt);
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Python's b64decode drops the line breaks EC2 puts in the data.
  std::string data;
  for (char c : output["PasswordData"].get<std::string>()) {
    if (c != '\n' && c != '\r' && c != ' ') data += c;
  }
  const auto cipher = protocol::base64_decode(data);
  auto plain = cipher ? rsa_pkcs1_decrypt(key, *cipher) : std::nullopt;
  OPENSSL_cleanse(key.data(), key.size());  // the private key leaves memory as soon as it is used
  // Python's strict bytes.decode('utf-8'): no overlong forms, no surrogates, nothing past U+10FFFF.
  if (!plain || !is_valid_utf8(*plain)) {
    if (plain) OPENSSL_cleanse(plain->data(), plain->size());
    return make_error(kCannotDecrypt);
  }
  output["PasswordData"] = *plain;
  OPENSSL_cleanse(plain->data(), plain->size());
  return {};
}

}  // namespace drc::aws::cli
