#pragma once
// The sources that get a role's credentials from STS: role_arn with a source of credentials
// (AssumeRole, with an MFA code asked for when the profile names a device) and a web identity token file
// (AssumeRoleWithWebIdentity, as EKS and CI systems hand them out). Both look in the aws CLI's role cache
// first and fill it after, so neither the CLI nor drconsole asks STS (or the engineer) twice.

#include <filesystem>
#include <memory>
#include <string>

#include "aws/credentials/provider.hpp"

namespace drc::aws::credentials {

struct RoleDeps {
  AssumeRole call;
  MfaPrompt prompt;  // null: nobody can be asked
  std::filesystem::path cache_dir;  // empty: no file cache (a source profile's web identity)
  std::function<Timestamp()> now;
};

// `profile` names the profile for messages.
std::unique_ptr<Source> assume_role_source(std::unique_ptr<Source> source, AssumeRoleParams params, RoleDeps deps, std::string profile);
std::unique_ptr<Source> web_identity_source(AssumeRoleParams params, RoleDeps deps);

}  // namespace drc::aws::credentials
