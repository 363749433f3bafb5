#pragma once
// The aws CLI's own commands (its customizations' BasicCommands: ecr get-login-password, rds
// generate-db-auth-token, eks get-token, eks update-kubeconfig, cloudformation deploy, ...): their argument tables, how
// drconsole classifies what each does, and the command line read against them as the CLI's argparse
// reads it. Running them is run_command.hpp's.

#include <map>
#include <optional>
#include <variant>
#include <string>
#include <vector>

#include "aws/model/operation.hpp"

namespace drc::aws::cli {

struct CommandArg {
  enum class Kind { Value, Integer, Flag, List };  // List: nargs='+'
  std::string name;                                 // without "--"
  Kind kind = Kind::Value;
  bool required = false;
};

struct CommandSpec {
  std::string service;  // the CLI's name, e.g. "eks"
  std::string name;     // e.g. "update-kubeconfig"
  std::vector<CommandArg> args;
  // Read: nothing changes, here or in AWS (a token may be printed, which is a secret but no change).
  // Write: something changes, in AWS or on this machine, so that the guards that keep a war room or an
  // unconfirmed production read-only must refuse it.
  model::Access access = model::Access::Write;
};

// A command line read against one of them: each given argument's words (none for a flag), by name.
struct CustomCommandCall {
  const CommandSpec* spec = nullptr;
  std::map<std::string, std::vector<std::string>> args;
  std::vector<std::string> given;  // the arguments' names in the order given (repeats included)
  model::Access access = model::Access::Write;  // the spec's, or Read where the line itself changes nothing (--dry-run)
  bool has(const std::string& name) const { return args.count(name) != 0; }
  const std::string* value(const std::string& name) const;
  // Of two flags that share one destination (--x and --no-x), whether `name` was given after `other`
  // (or alone): argparse keeps the last.
  bool last_of(const std::string& name, const std::string& other) const;
};

// nullptr: a command drconsole does not provide.
const CommandSpec* find_command(const std::string& service, const std::string& name);

// How the CLI fails on the line: 2 for argparse (a missing required argument, a missing value), 255 for
// unknown options.
struct CommandLineError {
  int exit_code = 2;
  std::string message;
};

// `words` are what follows "aws SERVICE COMMAND", the global options already taken out.
std::variant<CustomCommandCall, CommandLineError> parse_command_line(const CommandSpec& spec, const std::vector<std::string>& words);

}  // namespace drc::aws::cli
