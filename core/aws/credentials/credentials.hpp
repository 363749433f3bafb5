#pragma once
// AWS credentials. The secret parts are held in a type that cannot be streamed or formatted by accident:
// reading one takes a call to reveal(), which only the signer makes.

#include <optional>
#include <string>

#include "util/time_format.hpp"

namespace drc::aws {

class Secret {
 public:
  Secret() = default;
  explicit Secret(std::string value) : value_(std::move(value)) {}
  const std::string& reveal() const { return value_; }
  bool empty() const { return value_.empty(); }
  friend bool operator==(const Secret&, const Secret&) = default;

 private:
  std::string value_;
};

struct Credentials {
  std::string access_key_id;  // not secret: it names the key, and appears in every request
  Secret secret_access_key;
  Secret session_token;
  std::optional<Timestamp> expiration;
  std::string source;  // where they came from, for messages: "environment", "profile prod", ...
};

}  // namespace drc::aws
