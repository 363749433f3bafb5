#pragma once
// IAM Identity Center (SSO) profiles, as botocore's SSOProvider reads them: sso_account_id and
// sso_role_name with sso_start_url and sso_region in the profile, or in the [sso-session NAME] it names.
// The access token is the one `aws sso login` left in ~/.aws/sso/cache; the role's credentials come from
// the SSO portal's GetRoleCredentials. drconsole does not log in (a browser's business) nor refresh the
// token: when it has expired, the error says to run `aws sso login`.

#include <memory>
#include <optional>
#include <string>

#include "aws/credentials/provider.hpp"

namespace drc::aws::credentials {

// nullopt when the profile is not an SSO profile (neither sso_account_id nor sso_role_name).
std::optional<std::unique_ptr<Source>> sso_source(const ChainInputs& in, const std::string& profile, const config::Section& section);

}  // namespace drc::aws::credentials
