#pragma once
// The AWS calls the credential chain makes through the client that uses it: STS AssumeRole (signed with
// the source's credentials, an MFA code when asked) and AssumeRoleWithWebIdentity, the SSO portal's
// GetRoleCredentials and SSO OIDC's CreateToken (renewing an sso-session's token). Each goes where botocore's own clients for them go: not to the command's
// --endpoint-url, but to the service's configured or standard endpoint.

#include "aws/credentials/provider.hpp"

namespace drc::aws::client {

class AwsClient;

// `client` must outlive the chain that holds these (the client owns its chain).
credentials::AssumeRole sts_role_calls(AwsClient& client);
credentials::SsoGetRoleCredentials sso_role_calls(AwsClient& client);
credentials::SsoCreateToken sso_token_calls(AwsClient& client);

}  // namespace drc::aws::client
