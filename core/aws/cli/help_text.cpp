#include "aws/cli/help_text.hpp"

#include <algorithm>

#include "aws/cli/commands/command_table.hpp"

namespace drc::aws::cli {

namespace {

bool asks_for_help(const std::string& w) { return w == "--help" || w == "-h" || w == "help"; }

// --help or -h anywhere; "help" only where the aws CLI reads it, in the operation's place or just after
// it (elsewhere it may be a parameter's value).
bool wants_help(const std::vector<std::string>& words) {
  if (std::any_of(words.begin(), words.end(), [](const std::string& w) { return w == "--help" || w == "-h"; })) return true;
  return (words.size() >= 2 && words[1] == "help") || (words.size() >= 3 && words[2] == "help");
}

std::string service_help(const model::ServiceModel& svc) {
  const auto& cli = svc.metadata().cli_name;
  std::string out = "usage: drconsole aws " + cli + " OPERATION [parameters]\n\nOperations:\n";
  for (const auto& [name, op] : svc.cli_commands()) out += "  " + name + "\n";
  for (const auto& name : svc.cli_custom_commands()) out += "  " + name + "  (the aws CLI's own)\n";
  if (!svc.cli_waiters().empty()) {
    out += "\nWaiters (drconsole aws " + cli + " wait WAITER ...):\n";
    for (const auto& [name, w] : svc.cli_waiters()) out += "  " + name + "\n";
  }
  out += "\n'drconsole aws " + cli + " OPERATION --help' lists an operation's parameters.\n";
  return out;
}

std::string operation_help(const model::ServiceModel& svc, const std::string& command, const model::Operation& op) {
  const auto& cli = svc.metadata().cli_name;
  const model::Shape* input = op.input.empty() ? nullptr : svc.shape(op.input);
  std::vector<std::pair<std::string, std::string>> lines;  // option, what it takes
  for (const auto& [name, arg] : op.cli_args) {
    std::string takes;
    switch (arg.kind) {
      case model::CliArg::Kind::Boolean: takes = "flag"; break;
      case model::CliArg::Kind::Page: takes = "pagination"; break;
      case model::CliArg::Kind::Custom: takes = "the aws CLI's own argument"; break;
      case model::CliArg::Kind::Member: {
        const auto* m = input ? input->find(arg.member) : nullptr;
        const auto* s = m ? svc.shape(m->shape) : nullptr;
        takes = s ? std::string(model::to_string(s->type)) : "value";
        if (s && s->sensitive) takes += ", secret";
        break;
      }
    }
    if (arg.required) takes += ", required";
    lines.emplace_back(arg.custom == "StreamingOutputArgument" ? name : "--" + name, takes);
  }
  std::string out = "usage: drconsole aws " + cli + " " + command + " [parameters]\n";
  out += "operation: " + op.name + " (" + (op.access == model::Access::Read ? "reads" : "changes things") + ")\n\nParameters:\n";
  std::size_t width = 0;
  for (const auto& l : lines) width = std::max(width, l.first.size());
  for (const auto& [option, takes] : lines) out += "  " + option + std::string(width - option.size() + 2, ' ') + "(" + takes + ")\n";
  if (op.paginator) out += "\nPaginated: every page is fetched unless --no-paginate or --max-items says otherwise.\n";
  out += "\nGlobal options: --region --profile --endpoint-url --query --output json|text|table|yaml|yaml-stream --debug\n";
  return out;
}

// One of the CLI's own commands (command_table.cpp): its arguments, from the same table it is read with.
std::string command_help(const CommandSpec& spec) {
  std::vector<std::pair<std::string, std::string>> lines;
  for (const auto& a : spec.args) {
    std::string takes;
    switch (a.kind) {
      case CommandArg::Kind::Value: takes = "value"; break;
      case CommandArg::Kind::Integer: takes = "integer"; break;
      case CommandArg::Kind::Flag: takes = "flag"; break;
      case CommandArg::Kind::List: takes = "one or more values"; break;
    }
    if (a.required) takes += ", required";
    lines.emplace_back("--" + a.name, takes);
  }
  std::string out = "usage: drconsole aws " + spec.service + " " + spec.name + " [parameters]\n";
  out += std::string("the aws CLI's own command (") + (spec.access == model::Access::Read ? "reads" : "changes things") + ")\n";
  if (!lines.empty()) out += "\nParameters:\n";
  std::size_t width = 0;
  for (const auto& l : lines) width = std::max(width, l.first.size());
  for (const auto& [option, takes] : lines) out += "  " + option + std::string(width - option.size() + 2, ' ') + "(" + takes + ")\n";
  out += "\nGlobal options: --region --profile --endpoint-url --query --output json|text|table|yaml|yaml-stream --debug\n";
  return out;
}

}  // namespace

std::optional<std::string> help_for(const model::ModelCatalog& catalog, const std::vector<std::string>& words) {
  if (!wants_help(words)) return std::nullopt;
  if (words.empty() || asks_for_help(words[0]) || words[0].rfind("--", 0) == 0) return std::nullopt;  // the command's own help
  auto svc = catalog.service(words[0]);
  if (!svc) return std::nullopt;  // the unknown service is reported as usual
  if (words.size() < 2 || asks_for_help(words[1])) return service_help(**svc);
  const auto c = (*svc)->cli_commands().find(words[1]);
  if (c == (*svc)->cli_commands().end()) {
    const auto* spec = find_command((*svc)->metadata().cli_name, words[1]);
    return spec ? std::optional<std::string>(command_help(*spec)) : std::nullopt;
  }
  const auto* op = (*svc)->operation(c->second);
  if (!op) return std::nullopt;
  return operation_help(**svc, words[1], *op);
}

}  // namespace drc::aws::cli
