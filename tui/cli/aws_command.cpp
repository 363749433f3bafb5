#include "cli/aws_command.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <future>
#include <iostream>
#include <optional>

#include "aws/cli/commands/run_command.hpp"
#include "aws/cli/help_text.hpp"
#include "aws/cli/invocation.hpp"
#include "aws/cli/launch_key.hpp"
#include "aws/cli/output.hpp"
#include "aws/client/aws_client.hpp"
#include "aws/client/paginator.hpp"
#include "aws/client/waiter.hpp"
#include "aws/jmespath/jmespath.hpp"
#include "aws/s3/s3_commands.hpp"

#include "cli/debug_log.hpp"
#include "cli/terminal_prompt.hpp"

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

// A command line that cannot run: argparse's usage error (2), or the CLI's message and status.
void refuse(Context& ctx, int exit_code, const std::string& message) {
  if (exit_code == kAwsUsage) return usage_error(ctx, message);
  ctx.err << '\n' << message << '\n';
  ctx.exit_code = exit_code;
}

// Python's wording for a file it cannot open, as the aws CLI shows it.
Result<void> write_outfile(const std::string& path, const std::string& body) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return make_error("[Errno " + std::to_string(errno) + "] " + std::strerror(errno) + ": '" + path + "'");
  const bool written = std::fwrite(body.data(), 1, body.size(), f) == body.size();
  const int write_errno = errno;
  if (std::fclose(f) != 0 || !written) {
    return make_error("[Errno " + std::to_string(write_errno) + "] " + std::strerror(write_errno) + ": '" + path + "'");
  }
  return {};
}

// The client the global options ask for; on failure the reason is printed and the exit code set.
std::unique_ptr<aws::client::AwsClient> make_client(Context& ctx, const std::shared_ptr<aws::model::ModelCatalog>& catalog,
                                                    const aws::cli::GlobalOptions& global) {
  if (global.no_verify_ssl) {
    // A console for production outages does not talk to AWS without knowing who answers.
    ctx.err << "\ndrconsole always verifies TLS certificates, so --no-verify-ssl is refused. To trust a private "
               "certificate authority (a TLS-inspecting proxy, a private endpoint), set AWS_CA_BUNDLE to its PEM file.\n";
    ctx.exit_code = kAwsFailed;
    return nullptr;
  }
  aws::client::ClientConfig cfg;
  cfg.catalog = catalog;
  cfg.profile_flag = global.profile;
  cfg.region_flag = global.region;
  cfg.endpoint_url_flag = global.endpoint_url;
  cfg.sign_requests = !global.no_sign_request;
  cfg.mfa_prompt = ask_secret;
  cfg.aws_cli_messages = true;
  if (global.read_timeout && *global.read_timeout > 0) {
    cfg.read_timeout = std::chrono::milliseconds(static_cast<long long>(*global.read_timeout * 1000));
  }
  if (global.connect_timeout && *global.connect_timeout > 0) {
    cfg.http.connect_timeout = std::chrono::milliseconds(static_cast<long long>(*global.connect_timeout * 1000));
  }
  // --debug or DRC_LOG=debug: each request and response, redacted, on stderr.
  if (debug_wanted(global.debug)) cfg.debug = stderr_debug_log();
  auto client = aws::client::AwsClient::create(cfg);
  if (!client) {
    ctx.err << '\n' << client.error().message << '\n';
    ctx.exit_code = kAwsFailed;
    return nullptr;
  }
  return std::move(*client);
}

// aws s3 ...: the high-level commands (ls, cp, sync ...), not the s3api operations.
void run_s3(Context& ctx, const std::shared_ptr<aws::model::ModelCatalog>& catalog, const aws::cli::GlobalSplit& split) {
  const std::vector<std::string> words(split.rest.begin() + 1, split.rest.end());
  if (auto help = aws::s3::s3_help(words)) {
    ctx.out << *help;
    ctx.exit_code = kOk;
    return;
  }
  auto parsed = aws::s3::parse_s3_args(words);
  if (auto* e = std::get_if<aws::s3::ArgsError>(&parsed)) return refuse(ctx, e->exit_code, e->message);
  auto client = make_client(ctx, catalog, split.global);
  if (!client) return;
  const bool terminal = &ctx.out == &std::cout && ::isatty(STDOUT_FILENO) != 0;
  ctx.exit_code = aws::s3::run_s3_command(*client, std::get<aws::s3::S3Args>(parsed), {ctx.out, ctx.err, std::cin, terminal});
}

void run(Context& ctx, const std::vector<std::string>& args) {
  auto catalog = aws::model::ModelCatalog::open();
  if (!catalog) {
    ctx.err << catalog.error().message << '\n';
    ctx.exit_code = kAwsFailed;
    return;
  }
  auto split = aws::cli::split_global_options(args);
  if (auto* e = std::get_if<aws::cli::InvocationError>(&split)) return refuse(ctx, e->exit_code, e->message);
  if (const auto& rest = std::get<aws::cli::GlobalSplit>(split).rest; !rest.empty() && rest[0] == "s3") {
    return run_s3(ctx, *catalog, std::get<aws::cli::GlobalSplit>(split));
  }
  if (auto help = aws::cli::help_for(**catalog, std::get<aws::cli::GlobalSplit>(split).rest)) {
    ctx.out << *help;
    ctx.exit_code = kOk;
    return;
  }
  auto parsed = aws::cli::parse_invocation(**catalog, args);
  if (auto* e = std::get_if<aws::cli::InvocationError>(&parsed)) return refuse(ctx, e->exit_code, e->message);
  auto& inv = std::get<aws::cli::Invocation>(parsed);
  auto client = make_client(ctx, *catalog, inv.global);
  if (!client) return;
  std::optional<aws::jmespath::Expression> query;
  if (!inv.global.query.empty()) {
    auto q = aws::jmespath::Expression::compile(inv.global.query);
    if (!q) {
      ctx.err << "\nBad value for --query " << inv.global.query << ": " << q.error().message << '\n';
      ctx.exit_code = kAwsFailed;
      return;
    }
    query = std::move(*q);
  }
  const std::string& format = inv.global.output;
  // The CLI colours tables with --color on, or by default when standard output is a terminal;
  // NO_COLOR (which the CLI ignores) turns that default off, as everywhere in drconsole.
  const char* no_color = std::getenv("NO_COLOR");
  const bool terminal = ::isatty(STDOUT_FILENO) != 0;
  const bool colour = inv.global.color == "on" || (inv.global.color != "off" && terminal && !(no_color && *no_color));
  const aws::cli::TableLook look{aws::cli::table_terminal_width(), colour};
  // The table's title: the operation's name, or the name of one of the CLI's own commands (get-token).
  const std::string title = inv.custom && inv.custom->spec ? inv.custom->spec->name : inv.op ? inv.op->name : "";
  auto apply_query = [&](const Json& data) -> std::optional<Json> {
    if (!query) return data;
    auto r = query->search(aws::cli::to_plain(data));
    if (!r) {
      ctx.err << '\n' << r.error().message << '\n';
      ctx.exit_code = kAwsFailed;
      return std::nullopt;
    }
    return aws::cli::to_ordered(*r);
  };
  // --query, then the output format.
  auto print = [&](const Json& data) -> bool {
    const auto shown = apply_query(data);
    if (!shown) return false;
    if (format == "text") {
      ctx.out << aws::cli::format_text(*shown);
    } else if (format == "table") {
      auto table = aws::cli::format_table(title, *shown, look);
      if (table) ctx.out << *table;
      // colorama, which a coloured table starts in the CLI, resets a terminal once more as the CLI exits.
      if (colour && terminal) ctx.out << "\033[0m";
      if (!table) {
        ctx.err << '\n' << table.error().message << '\n';
        ctx.exit_code = kAwsFailed;
        return false;
      }
    } else if (format == "yaml") {
      ctx.out << aws::cli::format_yaml(*shown);
    } else if (format == "yaml-stream") {
      if (*shown != Json::object()) ctx.out << aws::cli::format_yaml_stream_page(*shown);
    } else if (*shown != Json::object()) {
      ctx.out << aws::cli::format_json(*shown);
    }
    return true;
  };

  if (inv.custom) {  // one of the CLI's own commands (eks update-kubeconfig, ...)
    aws::cli::CommandIo io{*client, inv.global, aws::config::process_env(),
                           [] { return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()); },
                           [&ctx](const std::string& text) { ctx.out << text << std::flush; }};
    auto outcome = aws::cli::run_custom_command(*inv.custom, io);
    ctx.err << outcome.err;
    ctx.out << outcome.out;
    ctx.exit_code = outcome.exit_code;
    if (outcome.formatted && print(*outcome.formatted)) ctx.out << '\n';  // the CLI prints a blank line after
    return;
  }
  if (aws::cli::is_session_command(inv)) {  // ssm start-session, ecs execute-command: the plugin takes the terminal
    ctx.out << std::flush;
    ctx.err << std::flush;
    aws::cli::CommandIo io{*client, inv.global, aws::config::process_env(),
                           [] { return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now()); },
                           nullptr};
    auto outcome = aws::cli::run_session_command(inv, io);
    ctx.err << outcome.err;
    ctx.exit_code = outcome.exit_code;
    return;
  }
  aws::client::CallRequest req;
  req.service = inv.model->metadata().service;
  req.operation = inv.op->name;
  req.params = inv.params;
  if (!inv.waiter.empty()) {
    // Silent on success, as the aws CLI; a progress line while it polls, when stderr is a terminal.
    const bool tty = ::isatty(STDERR_FILENO) != 0;
    std::promise<aws::client::WaitResult> done;
    auto f = done.get_future();
    aws::client::wait_for(
        *client, inv.waiter, *inv.model->waiter(inv.waiter), std::move(req),
        [&ctx, tty, &inv](const aws::client::WaitProgress& p) {
          if (tty) ctx.err << "\rwaiting for " << inv.waiter << ": attempt " << p.attempt << " of " << p.max_attempts << "   " << std::flush;
        },
        [&done](aws::client::WaitResult r) { done.set_value(std::move(r)); });
    auto w = f.get();
    if (tty) ctx.err << "\r\033[K" << std::flush;
    if (!w.success) {
      ctx.err << '\n' << w.message << '\n';
      ctx.exit_code = kAwsFailed;
      return;
    }
    ctx.exit_code = kOk;
    return;
  }
  // The aws CLI pages through everything unless told not to, or given a page token of the model's own.
  bool paginate = inv.op->paginator.has_value() && !inv.global.no_paginate;
  if (paginate) {
    for (const auto& t : inv.op->paginator->input_tokens) paginate = paginate && !inv.params.contains(t);
  }
  if (paginate) {
    std::promise<aws::client::PaginatedResult> done;
    auto f = done.get_future();
    aws::client::paginate(*client, *inv.op, std::move(req),
                          {inv.paging.starting_token, inv.paging.page_size, inv.paging.max_items},
                          [&done](aws::client::PaginatedResult r) { done.set_value(std::move(r)); });
    auto pages = f.get();
    if (!pages.ok()) {
      ctx.err << '\n' << pages.last.error_text() << '\n';
      ctx.exit_code = kAwsFailed;
      return;
    }
    ctx.exit_code = kOk;
    if (format == "yaml-stream") {
      // Each page as it came (less its request id), queried on its own; no NextToken of the CLI's.
      for (const auto& page : pages.pages) {
        const auto shown = apply_query(page);
        if (!shown) return;
        ctx.out << aws::cli::format_yaml_stream_page(*shown);
      }
      return;
    }
    if (format == "text") {
      // The text format prints page by page, the non-aggregate keys with the first.
      const auto& p = *inv.op->paginator;
      for (std::size_t i = 0; i < pages.pages.size(); ++i) {
        Json current = i == 0 ? pages.non_aggregate : Json::object();
        for (const auto& key : p.result_keys) {
          aws::client::set_path(current, key, aws::client::search(key, pages.pages[i]).value_or(nullptr));
        }
        if (!print(current)) return;
      }
      if (pages.resume_token) print(Json{{"NextToken", {{"NextToken", *pages.resume_token}}}});
      return;
    }
    print(pages.full_result(*inv.op->paginator));
    return;
  }
  auto result = client->call_sync(std::move(req));
  if (!result.ok()) {
    ctx.err << '\n' << result.error_text() << '\n';
    ctx.exit_code = kAwsFailed;
    return;
  }
  if (!inv.outfile.empty()) {
    // The payload goes to the file; the rest of the output is printed as usual.
    auto& output = *result.output;
    const auto body = output.contains(inv.outfile_member) ? output[inv.outfile_member].get<std::string>() : std::string();
    output.erase(inv.outfile_member);
    if (auto w = write_outfile(inv.outfile, body); !w) {
      ctx.err << '\n' << w.error().message << '\n';
      ctx.exit_code = kAwsFailed;
      return;
    }
  }
  if (!inv.launch_key.empty()) {
    if (auto d = aws::cli::decrypt_password_data(*result.output, inv.launch_key); !d) {
      ctx.err << '\n' << d.error().message << '\n';
      ctx.exit_code = kAwsFailed;
      return;
    }
  }
  ctx.exit_code = kOk;
  print(*result.output);
}

}  // namespace

void add_aws_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("aws", "Run any AWS operation as the aws CLI does: drconsole aws SERVICE OPERATION [--param value ...]");
  cmd->prefix_command();
  cmd->allow_extras();
  cmd->callback([&ctx, cmd] { run(ctx, cmd->remaining()); });
}

}  // namespace drc::cli
