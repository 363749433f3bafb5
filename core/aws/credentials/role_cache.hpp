#pragma once
// The aws CLI's cache of assumed-role credentials (~/.aws/cli/cache, botocore's JSONFileCache): one JSON
// file per role configuration, named by the SHA-1 of the AssumeRole arguments as botocore writes them.
// A role assumed (and an MFA code typed) with the aws CLI serves drconsole until it nears expiry, and
// the other way round: an on-call engineer types the code once, not once per command.

#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/config/shared_config.hpp"
#include "aws/credentials/cache_file.hpp"
#include "aws/credentials/credentials.hpp"

namespace drc::aws::credentials {

struct AssumeRoleParams;

// botocore's _create_cache_key: SHA-1 (hex) of json.dumps(args, sort_keys=True), where args are the
// call's RoleArn and each configured RoleSessionName, ExternalId, SerialNumber and DurationSeconds.
std::string role_cache_key(const AssumeRoleParams& params);

// $HOME/.aws/cli/cache (the password database's home when HOME is unset).
std::filesystem::path role_cache_dir(const config::Env& env);

// The cached credentials for `key`, unless the file is absent, unreadable, or they expire within 15
// minutes (botocore's window for cached roles).
std::optional<Credentials> read_cached_role(const std::filesystem::path& dir, const std::string& key, Timestamp now);

// Writes the STS response as botocore does (the expiry in its strftime form): to a temporary file of
// mode 0600 beside it, then renamed into place. Failure to write only loses the cache.
void write_cached_role(const std::filesystem::path& dir, const std::string& key, const nlohmann::ordered_json& response);

}  // namespace drc::aws::credentials
