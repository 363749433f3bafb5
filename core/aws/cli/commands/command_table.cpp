#include "aws/cli/commands/command_table.hpp"

#include <array>

namespace drc::aws::cli {

namespace {

using Kind = CommandArg::Kind;
using model::Access;

// From awscli/customizations/{ecr,rds}.py and eks/{get_token,update_kubeconfig}.py, in their order.
const std::array<CommandSpec, 5>& specs() {
  static const std::array<CommandSpec, 5> kSpecs{{
      // GetAuthorizationToken changes nothing; the password printed is a secret, not a change.
      {"ecr", "get-login-password", {}, Access::Read},
      {"ecr", "get-login", {{"registry-ids", Kind::List}, {"include-email", Kind::Flag}, {"no-include-email", Kind::Flag}}, Access::Read},
      // A signature computed here; nothing is sent anywhere.
      {"rds", "generate-db-auth-token",
       {{"hostname", Kind::Value, true}, {"port", Kind::Integer, true}, {"username", Kind::Value, true}},
       Access::Read},
      // A presigned sts GetCallerIdentity computed here (with --role-arn, an AssumeRole first, which
      // hands out temporary credentials and changes nothing).
      {"eks", "get-token", {{"cluster-name", Kind::Value}, {"role-arn", Kind::Value}, {"cluster-id", Kind::Value}}, Access::Read},
      // Reads the cluster from AWS but writes the kubeconfig file on this machine, and switches its
      // current context: kubectl's next command goes to another cluster. That is a change a read-only
      // guard must refuse, so it is a write (with --dry-run, which only prints, a read).
      {"eks", "update-kubeconfig",
       {{"name", Kind::Value, true}, {"kubeconfig", Kind::Value}, {"role-arn", Kind::Value}, {"proxy-url", Kind::Value},
        {"dry-run", Kind::Flag}, {"verbose", Kind::Flag}, {"alias", Kind::Value}, {"user-alias", Kind::Value},
        {"assume-role-arn", Kind::Value}},
       Access::Write},
  }};
  return kSpecs;
}

bool is_option(const std::string& w) { return w.size() > 2 && w.rfind("--", 0) == 0; }

}  // namespace

const std::string* CustomCommandCall::value(const std::string& name) const {
  const auto it = args.find(name);
  return it == args.end() || it->second.empty() ? nullptr : &it->second.front();
}

const CommandSpec* find_command(const std::string& service, const std::string& name) {
  for (const auto& s : specs()) {
    if (s.service == service && s.name == name) return &s;
  }
  return nullptr;
}

std::variant<CustomCommandCall, CommandLineError> parse_command_line(const CommandSpec& spec, const std::vector<std::string>& words) {
  CustomCommandCall call;
  call.spec = &spec;
  std::vector<std::string> unknown;
  for (std::size_t i = 0; i < words.size();) {
    std::string word = words[i++];
    std::optional<std::string> attached;
    if (is_option(word)) {
      if (const auto eq = word.find('='); eq != std::string::npos) {
        attached = word.substr(eq + 1);
        word = word.substr(0, eq);
      }
    }
    const CommandArg* arg = nullptr;
    for (const auto& a : spec.args) {
      if (is_option(word) && word.substr(2) == a.name) arg = &a;
    }
    if (!arg) {
      unknown.push_back(words[i - 1]);
      continue;
    }
    std::vector<std::string> values;
    if (arg->kind == Kind::Flag) {
      if (attached) return CommandLineError{2, "argument " + word + ": ignored explicit argument '" + *attached + "'"};
    } else {
      if (attached) values.push_back(*attached);
      while (i < words.size() && !is_option(words[i]) && (values.empty() || arg->kind == Kind::List)) values.push_back(words[i++]);
      if (values.empty()) {
        return CommandLineError{2, "argument " + word + ": expected " + (arg->kind == Kind::List ? "at least one argument" : "one argument")};
      }
    }
    call.args[arg->name] = std::move(values);
  }
  std::string missing;
  for (const auto& a : spec.args) {
    if (a.required && !call.has(a.name)) missing += (missing.empty() ? "--" : ", --") + a.name;
  }
  if (!missing.empty()) return CommandLineError{2, "the following arguments are required: " + missing};
  if (!unknown.empty()) {
    std::string list;
    for (const auto& u : unknown) list += (list.empty() ? "" : ",") + u;
    return CommandLineError{255, "Unknown options: " + list};
  }
  call.access = spec.access;
  if (spec.name == "update-kubeconfig" && call.has("dry-run")) call.access = model::Access::Read;
  return call;
}

}  // namespace drc::aws::cli
