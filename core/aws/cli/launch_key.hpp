#pragma once
// ec2 get-password-data --priv-launch-key KEY: EC2 returns a Windows instance's administrator password
// encrypted with its key pair's public key; the aws CLI decrypts it with the private key file (RSA,
// PKCS#1 v1.5) before printing it. A restored Windows instance is reached with that password.

#include <string>

#include <nlohmann/json.hpp>

#include "util/result.hpp"

namespace drc::aws::cli {

// The path as the CLI reads it (os.path.expandvars, then expanduser). An error, in the CLI's words, when
// it names no regular file.
Result<std::string> launch_key_path(const std::string& value);

// Replaces a non-empty PasswordData with the password it holds. Reads a PEM RSA private key (PKCS#1, as
// EC2 and the CLI use, or PKCS#8). Any failure is the CLI's one message; the password and the key never
// appear in it.
Status decrypt_password_data(nlohmann::ordered_json& output, const std::string& key_path);

}  // namespace drc::aws::cli
