#pragma once
// An `aws ...` command line (as typed after "aws", or after "drconsole aws") read against the models:
// the global options wherever they stand, the service and operation (or "wait WAITER"), and each
// argument unpacked as the aws CLI unpacks it: scalars by type, lists as several words, structures
// and maps as JSON or shorthand, file:// and fileb:// read, --cli-input-json underneath, booleans as
// --flag / --no-flag.

#include <optional>
#include <variant>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/cli/commands/command_table.hpp"
#include "aws/model/model_catalog.hpp"
#include "util/result.hpp"

namespace drc::aws::cli {

struct GlobalOptions {
  std::string region, profile, endpoint_url, query, output, color;
  bool no_paginate = false;
  bool debug = false;
  bool no_verify_ssl = false;
  bool no_sign_request = false;  // --no-sign-request: anonymous requests, no credentials looked up
  std::optional<double> read_timeout, connect_timeout;  // seconds
};

struct PageOptions {
  std::optional<std::string> starting_token;
  std::optional<long long> page_size;
  std::optional<long long> max_items;
};

struct Invocation {
  GlobalOptions global;
  std::shared_ptr<const model::ServiceModel> model;
  const model::Operation* op = nullptr;  // for a waiter, the operation it polls
  std::string waiter;                    // "wait WAITER": the model's waiter name
  nlohmann::ordered_json params = nlohmann::ordered_json::object();
  PageOptions paging;
  // A streaming output (s3api get-object ... OUTFILE, lambda invoke ... OUTFILE): the output's payload
  // member goes to this file instead of the screen.
  std::string outfile;
  std::string outfile_member;
  // ec2 get-password-data --priv-launch-key: the private key file that decrypts PasswordData once it comes.
  std::string launch_key;
  // One of the CLI's own commands (eks update-kubeconfig, ...): then op is null and nothing above
  // but `global` and `model` is set; run_command.hpp runs it.
  std::optional<CustomCommandCall> custom;
};

// How the aws CLI fails on a bad command line: 2 where argparse refuses it (a missing required argument,
// an unknown command), 255 where the value cannot be used (bad JSON, not a number, unknown options).
struct InvocationError {
  int exit_code = 255;
  std::string message;
};

// The global options wherever they stand, and the words left: the command and its own arguments.
struct GlobalSplit {
  GlobalOptions global;
  std::vector<std::string> rest;
};
std::variant<GlobalSplit, InvocationError> split_global_options(const std::vector<std::string>& args);

std::variant<Invocation, InvocationError> parse_invocation(const model::ModelCatalog& catalog,
                                                           const std::vector<std::string>& args);

}  // namespace drc::aws::cli
