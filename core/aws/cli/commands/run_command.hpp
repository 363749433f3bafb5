#pragma once
// Runs one of the aws CLI's own commands (command_table.hpp) as the CLI does: the same AWS calls, the
// same files written, the same output, the same exit status.

#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/cli/commands/command_table.hpp"
#include "aws/cli/invocation.hpp"
#include "aws/client/aws_client.hpp"
#include "util/time_format.hpp"

namespace drc::aws::cli {

struct CommandIo {
  client::AwsClient& client;
  const GlobalOptions& global;
  config::Env env;                  // KUBECONFIG, HOME, AWS_PROFILE, KUBERNETES_EXEC_INFO
  std::function<Timestamp()> now;   // the signing time
  // Where a long-running command (cloudformation deploy) writes standard output as it goes, so that its
  // progress shows while it waits; null: into CommandOutcome::out, printed at the end.
  std::function<void(const std::string&)> print = nullptr;
};

struct CommandOutcome {
  int exit_code = 0;
  std::string out;                                  // printed as it is
  std::optional<nlohmann::ordered_json> formatted;  // printed with --query and --output, then a newline
  std::string err;                                  // printed as it is: warnings, or why it failed
};

CommandOutcome run_custom_command(const CustomCommandCall& call, CommandIo& io);

// ssm start-session and ecs execute-command: the call opens a session, which AWS's session-manager-plugin
// then carries, on this terminal (session_plugin.cpp).
bool is_session_command(const Invocation& inv);
CommandOutcome run_session_command(const Invocation& inv, CommandIo& io);

namespace detail {

// A failure as the CLI prints an exception: on stderr between newlines, exit 255.
CommandOutcome failed(const std::string& message);
// One call, waited for. The CLI's commands make their own clients: some take --region and
// --endpoint-url from the command line, some only the region, some neither (`flags` says which).
struct CallFlags {
  bool region = true;
  bool endpoint_url = true;
};
client::CallResult call_aws(CommandIo& io, const std::string& service, const std::string& operation,
                            nlohmann::ordered_json params, CallFlags flags = {}, std::optional<Credentials> creds = std::nullopt);
Result<Credentials> credentials(CommandIo& io);
// sts AssumeRole with the chain's credentials: the role's temporary credentials, or the CLI's error text.
Result<Credentials> assume_role(CommandIo& io, const std::string& role_arn, const std::string& session_name, CallFlags flags);

CommandOutcome ecr_get_login_password(const CustomCommandCall& call, CommandIo& io);
CommandOutcome ecr_get_login(const CustomCommandCall& call, CommandIo& io);
CommandOutcome rds_generate_db_auth_token(const CustomCommandCall& call, CommandIo& io);
CommandOutcome eks_get_token(const CustomCommandCall& call, CommandIo& io);
CommandOutcome eks_update_kubeconfig(const CustomCommandCall& call, CommandIo& io);
CommandOutcome cloudformation_deploy(const CustomCommandCall& call, CommandIo& io);

}  // namespace detail

}  // namespace drc::aws::cli
