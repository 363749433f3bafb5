#pragma once
// IAM Identity Center (SSO) profiles, as botocore's SSOProvider reads them: sso_account_id and
// sso_role_name with sso_start_url and sso_region in the profile, or in the [sso-session NAME] it names.
// The access token is the one `aws sso login` left in ~/.aws/sso/cache (an sso-session's renewed as
// botocore renews it, see sso_token.hpp); the role's credentials come from the SSO portal's
// GetRoleCredentials. drconsole does not log in (a browser's business): when the token has expired and
// cannot be renewed, the error says so in botocore's words.

#include <memory>
#include <optional>
#include <string>

#include "aws/credentials/provider.hpp"

namespace drc::aws::credentials {

// nullopt when the profile is not an SSO profile (neither sso_account_id nor sso_role_name).
std::optional<std::unique_ptr<Source>> sso_source(const ChainInputs& in, const std::string& profile, const config::Section& section);

}  // namespace drc::aws::credentials
