#pragma once
// botocore's JSONFileCache on disk, shared with the aws CLI: one JSON file per key in a directory
// (~/.aws/cli/cache for assumed roles, ~/.aws/sso/cache for SSO tokens).

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "aws/config/shared_config.hpp"
#include "util/time_format.hpp"

namespace drc::aws::credentials {

// $HOME/.aws, where both caches live, as os.path.expanduser finds it: HOME when it is set (an empty one is
// the root), else the password database's home.
std::filesystem::path aws_home_dir(const config::Env& env);

// The JSON object in DIR/KEY.json; nullopt when the file is absent, unreadable, not JSON or not an object.
std::optional<nlohmann::ordered_json> read_cache_file(const std::filesystem::path& dir, const std::string& key);

// Writes DIR/KEY.json as JSONFileCache does: the directory made if need be, the text written to a temporary
// file of mode 0600 beside it, synced, then renamed into place, so that a reader (the other tool, at the
// same moment) never sees half a file. False when it could not be written; nothing is left behind then.
bool write_cache_file(const std::filesystem::path& dir, const std::string& key, const nlohmann::ordered_json& value);

// A time as the caches hold it: botocore's strftime forms ("2026-11-24T12:00:00UTC" for roles,
// "2026-11-24T12:00:00Z" for SSO tokens) or any ISO 8601 form.
std::optional<Timestamp> cache_time(std::string text);
// The strftime form, whole seconds, `zone` after them ("UTC" or "Z").
std::string cache_time_text(Timestamp t, std::string_view zone);

}  // namespace drc::aws::credentials
