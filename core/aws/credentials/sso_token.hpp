#pragma once
// The access token `aws sso login` leaves in ~/.aws/sso/cache, as botocore reads it (SSOTokenLoader) and
// renews it (SSOTokenProvider): an sso-session's token that expires within 15 minutes is traded for a
// new one through SSO OIDC's CreateToken, with the refresh token and the client registration cached
// beside it, and the new token is written back where the aws CLI finds it. Legacy profiles (start URL
// and region in the profile itself) are never renewed, as in botocore. Two deliberate differences: a
// registration expiry that cannot be read means no renewal (botocore fails on it), and a token that
// cannot be written back still serves this call (botocore fails the call).

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/credentials/provider.hpp"
#include "util/result.hpp"

namespace drc::aws::credentials {

// botocore's window: a token with less left than this is renewed when it can be.
inline constexpr std::chrono::minutes kSsoRefreshWindow{15};

struct SsoToken {
  nlohmann::ordered_json cached;  // the cache file as read (or as renewed)
  Secret access_token;
  Timestamp expires;
};

// The cache file's name for a token: the SHA-1 of the sso-session's name, or of the start URL.
std::string sso_token_key(const std::string& name);

// The token cached under `name` (the sso-session's name, else the start URL), or botocore's error
// ("Error loading SSO Token: Token for NAME does not exist", "... is invalid").
Result<SsoToken> load_sso_token(const std::filesystem::path& dir, const std::string& name, const std::string& start_url);

// The CreateToken call that renews `token`, or nullopt when it cannot be renewed: no refresh token,
// client id, client secret or registration expiry cached, or the client registration has expired.
std::optional<SsoTokenCall> sso_refresh_call(const SsoToken& token, const std::string& region, Timestamp now);

// The token botocore caches after CreateToken answered `response` at `now`: the new access token, its
// expiry (now + expiresIn), the client registration kept, and the refresh token only if the answer
// rotated it. An error when the answer holds no token.
Result<SsoToken> sso_renewed_token(const SsoToken& old, const nlohmann::ordered_json& response, const std::string& start_url,
                                   const std::string& region, Timestamp now);

}  // namespace drc::aws::credentials
