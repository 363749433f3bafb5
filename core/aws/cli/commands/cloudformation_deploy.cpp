// cloudformation deploy (awscli/customizations/cloudformation/deploy.py): reads the template file, merges
// --parameter-overrides with the template's parameters (UsePreviousValue for the others), then creates a
// change set, waits for it, and unless --no-execute-changeset executes it and waits for the stack
// (cfn_deployer.cpp). The template goes to CloudFormation as the file's text, never re-serialized; it is
// parsed (JSON, else YAML with CloudFormation's short-form tags) only to learn its parameters.

#include <filesystem>
#include <fstream>
#include <sstream>

#include "aws/cli/commands/cfn_deployer.hpp"
#include "aws/cli/commands/pyyaml.hpp"
#include "aws/cli/invocation.hpp"
#include "aws/cli/paramfile.hpp"
#include "aws/protocol/python_values.hpp"
#include "util/text.hpp"

namespace drc::aws::cli::detail {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::uintmax_t kMaxTemplateBodySize = 51200;

// A failure as a message the CLI prints (exit 255).
struct Failure {
  std::string message;
};

template <typename T>
using Checked = std::variant<T, Failure>;

// The value of a single-valued argument, file:// read as the CLI reads every argument of its commands.
Checked<std::optional<std::string>> scalar_arg(const CustomCommandCall& call, const std::string& name) {
  const auto* v = call.value(name);
  if (!v) return std::optional<std::string>{};
  auto r = resolve_paramfile(*v);
  if (!r) return Failure{"Error parsing parameter '--" + name + "': " + r.error().message};
  return std::optional<std::string>{std::move(*r)};
}

// A list argument (nargs='+' with a schema of strings) as the CLI unpacks it: one word may be file://
// (read), a word starting with '[' is a JSON list, otherwise the words themselves. A file that is not a
// JSON list is taken, as Python iterates a string, one character at a time.
Checked<std::optional<std::vector<std::string>>> list_arg(const CustomCommandCall& call, const std::string& name) {
  const auto it = call.args.find(name);
  if (it == call.args.end()) return std::optional<std::vector<std::string>>{};
  const auto cli_name = "--" + name;
  auto words = it->second;
  std::optional<std::string> single;
  if (words.size() == 1) {
    auto r = resolve_paramfile(words[0]);
    if (!r) return Failure{"Error parsing parameter '" + cli_name + "': " + r.error().message};
    if (words[0].rfind("file://", 0) == 0 || words[0].rfind("fileb://", 0) == 0) single = std::move(*r);
  }
  auto json_list = [&](const std::string& text) -> Checked<std::optional<std::vector<std::string>>> {
    Json parsed;
    try {
      parsed = Json::parse(text);
    } catch (const Json::parse_error& e) {
      return Failure{"Error parsing parameter '" + cli_name + "': Invalid JSON: " + e.what() + "\nJSON received: " + text};
    }
    // botocore's validation against the argument's schema (a list of strings), every problem at once.
    std::vector<std::string> out;
    std::string problems;
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      const auto& v = parsed[i];
      if (v.is_string()) {
        out.push_back(v.get<std::string>());
        continue;
      }
      problems += "\nInvalid type for parameter [" + std::to_string(i) + "], value: " + protocol::python_str_of_cli_json(v) +
                  ", type: " + protocol::python_class_of_cli_json(v) + ", valid types: <class 'str'>";
    }
    if (!problems.empty()) return Failure{"Parameter validation failed:" + problems};
    return std::optional<std::vector<std::string>>{std::move(out)};
  };
  auto first_non_space = [](const std::string& s) {
    const auto p = s.find_first_not_of(" \t\n\r\f\v");
    return p == std::string::npos ? '\0' : s[p];
  };
  if (single) {  // a file's content: a string
    if (single->empty() || first_non_space(*single) == '\0') return Failure{"string index out of range"};
    if (first_non_space(*single) == '[') return json_list(*single);
    std::vector<std::string> chars;
    for (char c : *single) chars.emplace_back(1, c);
    return std::optional<std::vector<std::string>>{std::move(chars)};
  }
  if (words.size() == 1 && first_non_space(words[0]) == '[') return json_list(words[0]);
  return std::optional<std::vector<std::string>>{std::move(words)};
}

// parse_key_value_arg: "Key=Value" words as an ordered mapping (a repeated key keeps its first place and
// its last value, as a Python dict does).
Checked<Json> key_values(const std::vector<std::string>& words, const std::string& argname) {
  Json out = Json::object();
  for (const auto& w : words) {
    const auto eq = w.find('=');
    if (eq == std::string::npos) {
      return Failure{protocol::python_str(Json::array({w})) + " value passed to --" + argname + " must be of format Key=Value"};
    }
    out[w.substr(0, eq)] = w.substr(eq + 1);
  }
  return out;
}

// open(path, "r").read(): UTF-8 with universal newlines.
Checked<std::string> read_template(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Failure{"[Errno 13] Permission denied: '" + path + "'"};
  std::ostringstream s;
  s << in.rdbuf();
  const auto raw = s.str();
  if (!is_valid_utf8(raw)) return Failure{"'utf-8' codec can't decode the template file " + path};
  std::string text;
  text.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      text += '\n';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    } else {
      text += raw[i];
    }
  }
  return text;
}

// yamlhelper.yaml_parse: JSON first, YAML (with the short-form intrinsics) when it is not JSON.
Checked<Json> parse_template(const std::string& text) {
  try {
    return Json::parse(text);
  } catch (const Json::parse_error&) {
  }
  auto yaml = load_pyyaml(text, LocalTags::CloudFormation);
  if (!yaml) return Failure{yaml.error().message};
  return std::move(*yaml);
}

// merge_parameters: every parameter of the template, in its order, overridden or kept as it was.
Checked<Json> merge_parameters(const Json& tmpl, const Json& overrides) {
  if (!tmpl.is_object()) return Failure{"'" + protocol::python_type_name(tmpl) + "' object has no attribute 'get'"};
  Json out = Json::array();
  const auto it = tmpl.find("Parameters");
  if (it == tmpl.end() || !it->is_object()) return out;
  for (const auto& [key, unused] : it->items()) {
    Json p = Json::object();
    p["ParameterKey"] = key;
    if (overrides.contains(key)) p["ParameterValue"] = overrides[key];
    else p["UsePreviousValue"] = true;
    out.push_back(std::move(p));
  }
  return out;
}

template <typename T>
const Failure* failure_of(const Checked<T>& c) {
  return std::get_if<Failure>(&c);
}

}  // namespace

CommandOutcome cloudformation_deploy(const CustomCommandCall& call, CommandIo& io) {
  auto template_file = scalar_arg(call, "template-file");
  auto stack_name = scalar_arg(call, "stack-name");
  auto s3_bucket = scalar_arg(call, "s3-bucket");
  auto s3_prefix = scalar_arg(call, "s3-prefix");
  auto kms_key_id = scalar_arg(call, "kms-key-id");
  auto role_arn = scalar_arg(call, "role-arn");
  auto overrides_words = list_arg(call, "parameter-overrides");
  auto capabilities = list_arg(call, "capabilities");
  auto notification_arns = list_arg(call, "notification-arns");
  auto tag_words = list_arg(call, "tags");
  // The CLI unpacks its arguments in the order of its table, and stops at the first that fails.
  for (const Failure* f : {failure_of(template_file), failure_of(stack_name), failure_of(s3_bucket), failure_of(s3_prefix),
                           failure_of(kms_key_id), failure_of(overrides_words), failure_of(capabilities), failure_of(role_arn),
                           failure_of(notification_arns), failure_of(tag_words)}) {
    if (f) return failed(f->message);
  }
  const auto path = *std::get<std::optional<std::string>>(template_file);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return failed("Invalid template path " + path);
  auto text = read_template(path);
  if (auto* f = failure_of(text)) return failed(f->message);

  auto overrides = key_values(std::get<std::optional<std::vector<std::string>>>(overrides_words).value_or(std::vector<std::string>{}),
                              "parameter-overrides");
  if (auto* f = failure_of(overrides)) return failed(f->message);
  auto tags = key_values(std::get<std::optional<std::vector<std::string>>>(tag_words).value_or(std::vector<std::string>{}), "tags");
  if (auto* f = failure_of(tags)) return failed(f->message);
  auto tmpl = parse_template(std::get<std::string>(text));
  if (auto* f = failure_of(tmpl)) return failed(f->message);
  auto parameters = merge_parameters(std::get<Json>(tmpl), std::get<Json>(overrides));
  if (auto* f = failure_of(parameters)) return failed(f->message);

  const auto& bucket = std::get<std::optional<std::string>>(s3_bucket);
  // A bucket named "" is no bucket to the CLI either.
  const bool have_bucket = bucket && !bucket->empty();
  if (std::filesystem::file_size(path, ec) > kMaxTemplateBodySize && !have_bucket) {
    return failed(
        "Templates with a size greater than 51,200 bytes must be deployed via an S3 Bucket. Please add the --s3-bucket parameter "
        "to your command. The local template will be copied to that S3 bucket and then deployed.");
  }

  ChangeSetRequest request;
  request.stack_name = *std::get<std::optional<std::string>>(stack_name);
  request.template_body = std::move(std::get<std::string>(text));
  request.parameters = std::move(std::get<Json>(parameters));
  request.capabilities = std::get<std::optional<std::vector<std::string>>>(capabilities).value_or(std::vector<std::string>{});
  for (const auto& [key, value] : std::get<Json>(tags).items()) request.tags.push_back(Json{{"Key", key}, {"Value", value}});
  request.role_arn = std::get<std::optional<std::string>>(role_arn);
  request.notification_arns = std::get<std::optional<std::vector<std::string>>>(notification_arns);
  if (have_bucket) {
    request.upload = TemplateUpload{*bucket, std::get<std::optional<std::string>>(s3_prefix).value_or(""),
                                    std::get<std::optional<std::string>>(kms_key_id).value_or(""), call.has("force-upload")};
  }
  const bool execute = !call.has("no-execute-changeset");
  const bool disable_rollback = call.last_of("disable-rollback", "no-disable-rollback");
  const bool fail_on_empty = !call.last_of("no-fail-on-empty-changeset", "fail-on-empty-changeset");
  const auto name = request.stack_name;

  CommandOutcome o;
  // Standard output as it happens where the caller can take it (the waits may last an hour).
  auto say = [&o, &io](const std::string& line) {
    if (io.print) io.print(line);
    else o.out += line;
  };
  auto fail = [&o](const DeployError& e) {
    auto f = failed(e.message);
    f.out = std::move(o.out);
    f.err = o.err + f.err;
    return f;
  };
  auto cs = create_changeset(io, std::move(request), o.err);
  if (auto* e = std::get_if<DeployError>(&cs)) return fail(*e);
  const auto& changeset = std::get<ChangeSet>(cs);
  say("\nWaiting for changeset to be created..\n");
  if (auto r = wait_for_changeset(io, changeset, name); auto* e = std::get_if<DeployError>(&r)) {
    if (e->empty && !fail_on_empty) {
      say("\n" + e->message + "\n");
      return o;
    }
    return fail(*e);
  }
  if (!execute) {
    say("Changeset created successfully. Run the following command to review changes:\n"
        "aws cloudformation describe-change-set --change-set-name " + changeset.id + "\n");
    return o;
  }
  if (auto r = execute_changeset(io, changeset, name, disable_rollback); auto* e = std::get_if<DeployError>(&r)) return fail(*e);
  say("Waiting for stack create/update to complete\n");
  if (auto r = wait_for_execute(io, changeset, name); auto* e = std::get_if<DeployError>(&r)) return fail(*e);
  say("Successfully created/updated stack - " + name + "\n");
  return o;
}

}  // namespace drc::aws::cli::detail
