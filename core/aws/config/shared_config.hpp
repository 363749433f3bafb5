#pragma once
// The AWS shared config and credentials files (~/.aws/config, ~/.aws/credentials), read as the aws CLI
// reads them: [default] / [profile NAME] / [services NAME] / [sso-session NAME] sections in the config, [NAME] in the
// credentials file (whose values win), nested "key =" blocks, AWS_CONFIG_FILE and
// AWS_SHARED_CREDENTIALS_FILE to move them.

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "util/result.hpp"

namespace drc::aws::config {

using Section = std::map<std::string, std::string>;  // nested blocks appear as "parent.child"

// The environment, injectable so tests never read the real one.
using Env = std::function<std::optional<std::string>(const std::string&)>;
Env process_env();

struct SharedConfig {
  std::map<std::string, Section> profiles;  // merged: config file, then credentials file over it
  std::map<std::string, Section> services;  // [services NAME]
  std::map<std::string, Section> sso_sessions;  // [sso-session NAME]
  std::filesystem::path config_file, credentials_file;

  const Section* profile(const std::string& name) const;
};

// Reads both files (a missing file is an empty one). A line that is neither a section, a key, a
// comment nor a nested value is an error naming the file and line.
Result<SharedConfig> load_shared_config(const Env& env);

// Parses one INI text; `credentials` selects the credentials file's section naming.
Status parse_ini(std::string_view text, const std::string& file, bool credentials, SharedConfig& into);

// The profile in use: AWS_PROFILE, else AWS_DEFAULT_PROFILE, else "default" (a --profile flag wins over
// all of them and is passed in).
std::string profile_name(const Env& env, const std::string& flag);

// A setting: the environment variable `env_name` (when given and not empty), else the profile's `key`
// ("parent.child" for a nested block), else empty.
std::string setting(const Env& env, const SharedConfig& cfg, const std::string& profile, const char* env_name, const char* key);

}  // namespace drc::aws::config
