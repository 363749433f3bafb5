#include "aws/cli/commands/command_table.hpp"

#include <array>

namespace drc::aws::cli {

namespace {

using Kind = CommandArg::Kind;
using model::Access;

// From awscli/customizations/{ecr,rds}.py, eks/{get_token,update_kubeconfig}.py and cloudformation/deploy.py,
// in their order.
const std::array<CommandSpec, 6>& specs() {
  static const std::array<CommandSpec, 6> kSpecs{{
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
      // Creates (and unless --no-execute-changeset, executes) a change set: a stack created or updated,
      // and with --s3-bucket an object written. Even without executing, a change set is a change.
      {"cloudformation", "deploy",
       {{"template-file", Kind::Value, true}, {"stack-name", Kind::Value, true}, {"s3-bucket", Kind::Value},
        {"force-upload", Kind::Flag}, {"s3-prefix", Kind::Value}, {"kms-key-id", Kind::Value},
        {"parameter-overrides", Kind::List}, {"capabilities", Kind::List}, {"no-execute-changeset", Kind::Flag},
        {"disable-rollback", Kind::Flag}, {"no-disable-rollback", Kind::Flag}, {"role-arn", Kind::Value},
        {"notification-arns", Kind::List}, {"fail-on-empty-changeset", Kind::Flag}, {"no-fail-on-empty-changeset", Kind::Flag},
        {"tags", Kind::List}},
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

bool CustomCommandCall::last_of(const std::string& name, const std::string& other) const {
  for (auto it = given.rbegin(); it != given.rend(); ++it) {
    if (*it == name) return true;
    if (*it == other) return false;
  }
  return false;
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
    call.given.push_back(arg->name);
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
