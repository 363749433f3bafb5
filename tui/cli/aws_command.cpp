#include "cli/aws_command.hpp"

#include "aws/cli/invocation.hpp"
#include "aws/cli/output.hpp"
#include "aws/client/aws_client.hpp"

namespace drc::cli {

namespace {

using Json = nlohmann::ordered_json;

// The aws CLI's exit statuses: 2 for a command line it cannot parse, 255 for everything else that fails.
constexpr int kAwsUsage = 2;
constexpr int kAwsFailed = 255;

void usage_error(Context& ctx, const std::string& message) {
  ctx.err << "usage: drconsole aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\n"
          << "drconsole aws: error: " << message << '\n';
  ctx.exit_code = kAwsUsage;
}

void run(Context& ctx, const std::vector<std::string>& args) {
  auto catalog = aws::model::ModelCatalog::open();
  if (!catalog) {
    ctx.err << catalog.error().message << '\n';
    ctx.exit_code = kAwsFailed;
    return;
  }
  auto parsed = aws::cli::parse_invocation(**catalog, args);
  if (auto* e = std::get_if<aws::cli::InvocationError>(&parsed)) {
    if (e->exit_code == kAwsUsage) return usage_error(ctx, e->message);
    ctx.err << '\n' << e->message << '\n';
    ctx.exit_code = e->exit_code;
    return;
  }
  auto& inv = std::get<aws::cli::Invocation>(parsed);
  aws::client::ClientConfig cfg;
  cfg.profile_flag = inv.global.profile;
  cfg.region_flag = inv.global.region;
  cfg.endpoint_url_flag = inv.global.endpoint_url;
  if (inv.global.read_timeout && *inv.global.read_timeout > 0) {
    cfg.read_timeout = std::chrono::milliseconds(static_cast<long long>(*inv.global.read_timeout * 1000));
  }
  if (inv.global.connect_timeout && *inv.global.connect_timeout > 0) {
    cfg.http.connect_timeout = std::chrono::milliseconds(static_cast<long long>(*inv.global.connect_timeout * 1000));
  }
  if (inv.global.debug) cfg.debug = [&ctx](const std::string& line) { ctx.err << "drconsole debug: " << line << '\n'; };
  auto client = aws::client::AwsClient::create(cfg);
  if (!client) {
    ctx.err << '\n' << client.error().message << '\n';
    ctx.exit_code = kAwsFailed;
    return;
  }
  aws::client::CallRequest req;
  req.service = inv.model->metadata().service;
  req.operation = inv.op->name;
  req.params = inv.params;
  auto result = (*client)->call_sync(std::move(req));
  if (!result.ok()) {
    ctx.err << '\n' << result.error_text() << '\n';
    ctx.exit_code = kAwsFailed;
    return;
  }
  const auto& output = inv.global.output;
  if (output == "text") {
    ctx.out << aws::cli::format_text(*result.output);
  } else if (*result.output != Json::object()) {
    ctx.out << aws::cli::format_json(*result.output);
  }
  ctx.exit_code = kOk;
}

}  // namespace

void add_aws_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("aws", "Run any AWS operation as the aws CLI does: drconsole aws SERVICE OPERATION [--param value ...]");
  cmd->prefix_command();
  cmd->allow_extras();
  cmd->callback([&ctx, cmd] { run(ctx, cmd->remaining()); });
}

}  // namespace drc::cli
