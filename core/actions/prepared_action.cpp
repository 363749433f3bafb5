#include "actions/prepared_action.hpp"

#include "aws/cli/invocation.hpp"
#include "aws/cli/output.hpp"
#include "aws/client/redact.hpp"
#include "runbook/aws_command_line.hpp"

namespace drc::actions {

cloud::AccessOf model_access(std::shared_ptr<const aws::model::ModelCatalog> catalog) {
  return [catalog](const std::string& service, const std::string& operation) -> std::optional<aws::model::Access> {
    auto svc = catalog->service(service);
    if (!svc) return std::nullopt;
    const auto* op = (*svc)->operation(operation);
    return op ? std::optional(op->access) : std::nullopt;
  };
}

Result<PreparedAction> prepare_action(const aws::model::ModelCatalog& catalog, std::string_view command_line,
                                      const std::string& default_region) {
  const auto found = runbook::find_aws_commands(command_line, 1);
  if (found.empty()) return make_error("not an aws command: it should start with 'aws SERVICE OPERATION'");
  if (found.size() > 1) return make_error("one aws command at a time: this line holds " + std::to_string(found.size()));
  const auto& cmd = found.front();
  if (!cmd.placeholders.empty()) {
    std::string list;
    for (const auto& p : cmd.placeholders) list += (list.empty() ? "" : ", ") + p;
    return make_error("fill in " + list + " first");
  }
  if (cmd.service == "s3") {
    // The high-level S3 commands (cp, sync, ls ...) make many calls and read or write local files: more
    // than the one recorded call an action is.
    return make_error("'aws s3 " + cmd.operation + "' is one of the aws CLI's high-level S3 commands, many calls and local "
                      "files rather than one call: run it with drconsole aws s3 " + cmd.operation);
  }
  auto parsed = aws::cli::parse_invocation(catalog, cmd.args);
  if (auto* e = std::get_if<aws::cli::InvocationError>(&parsed)) return make_error(e->message);
  auto& inv = std::get<aws::cli::Invocation>(parsed);
  if (inv.custom) {
    // The CLI's own commands are no single AWS call the guard could judge: update-kubeconfig rewrites a
    // local file and switches kubectl's context, the token commands print secrets. So the console runs
    // none of them, whatever their classification; a shell runs them with drconsole aws.
    const bool writes = inv.custom->access != aws::model::Access::Read;
    return make_error("'aws " + cmd.service + " " + inv.custom->spec->name + "' is one of the aws CLI's own commands" +
                      (writes ? ", which changes things (in AWS or on this machine)" : "") + ": run it with drconsole aws");
  }
  if (!inv.launch_key.empty()) {
    // The console records and shows what a call returns: a decrypted administrator password is not for
    // the timeline or the war-room screen.
    return make_error("--priv-launch-key decrypts a password with a key on this machine: run it with drconsole aws");
  }
  if (!inv.waiter.empty()) {
    return make_error("'" + cmd.service + " wait " + cmd.args.at(2) + "' waits for minutes: run it with drconsole aws");
  }
  if (!inv.global.endpoint_url.empty() || !inv.global.profile.empty()) {
    return make_error("--endpoint-url and --profile belong to the environment, not to one line: remove them");
  }
  PreparedAction a;
  a.call.service = cmd.service;
  a.call.operation = inv.op->name;
  a.call.region = inv.global.region.empty() ? default_region : inv.global.region;
  a.call.params = aws::cli::to_plain(inv.params);
  a.writes = inv.op->access != aws::model::Access::Read;
  a.params_redacted = inv.op->input.empty() ? nlohmann::json::object()
                                            : aws::cli::to_plain(aws::client::redact(*inv.model, inv.op->input, inv.params));
  a.summary = cmd.service + " " + cmd.operation + (a.call.region.empty() ? "" : " in " + a.call.region);
  return a;
}

}  // namespace drc::actions
