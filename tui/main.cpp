// drconsole: the command line. Each subcommand lives in cli/; this file only wires them and maps
// parse errors to exit code 2.

#include <CLI/CLI.hpp>

#include <clocale>

#include "cli/aws_command.hpp"
#include "cli/console_commands.hpp"
#include "cli/context.hpp"
#include "cli/dr_commands.hpp"
#include "cli/incident_commands.hpp"
#include "cli/lint_command.hpp"
#include "cli/timeline_commands.hpp"

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");  // the console draws UTF-8
  drc::cli::Context ctx;
  CLI::App app{"drconsole: a terminal console for AWS disaster recovery", "drconsole"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "drconsole 0.1.0");
  app.add_option("--as", ctx.actor, "Record actions as this person (default: $USER)");
  drc::cli::add_lint_command(app, ctx);
  drc::cli::add_incident_commands(app, ctx);
  drc::cli::add_timeline_commands(app, ctx);
  drc::cli::add_console_commands(app, ctx);
  drc::cli::add_aws_command(app, ctx);
  drc::cli::add_dr_commands(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return drc::cli::kUsage;
  }
  return ctx.exit_code;
}
