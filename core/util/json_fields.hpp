#pragma once
// Reading fields of event data that may be missing or of the wrong type (a hand-edited journal, an older
// version): absent or mistyped reads as empty, never throws.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace drc {

inline std::string json_string(const nlohmann::json& data, const char* key) {
  if (!data.is_object()) return {};
  auto it = data.find(key);
  return it != data.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline std::optional<std::int64_t> json_int(const nlohmann::json& data, const char* key) {
  if (!data.is_object()) return std::nullopt;
  auto it = data.find(key);
  if (it == data.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

}  // namespace drc
