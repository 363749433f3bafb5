#include "aws/cli/invocation.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "aws/cli/custom_args.hpp"
#include "aws/cli/launch_key.hpp"
#include "aws/cli/number_args.hpp"
#include "aws/cli/paramfile.hpp"
#include "aws/cli/shorthand.hpp"

namespace drc::aws::cli {

using Json = nlohmann::ordered_json;
using model::ShapeType;

namespace {

struct Usage : std::runtime_error {
  using std::runtime_error::runtime_error;
};
struct BadValue : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const std::set<std::string> kGlobalValued{"--region", "--profile", "--endpoint-url", "--query", "--output", "--color",
                                          "--cli-read-timeout", "--cli-connect-timeout", "--ca-bundle"};
const std::set<std::string> kGlobalFlags{"--no-paginate", "--debug", "--no-verify-ssl", "--no-sign-request", "--no-cli-pager",
                                         "--cli-auto-prompt", "--no-cli-auto-prompt"};

std::string trim_left(const std::string& s) { return s.substr(std::min(s.size(), s.find_first_not_of(" \t\r\n"))); }

bool is_complex(const model::ServiceModel& m, const model::Shape& s) {
  if (s.document) return false;
  if (s.type == ShapeType::Structure || s.type == ShapeType::Map) return true;
  if (s.type == ShapeType::List) {
    const auto* member = m.shape(s.member->shape);
    return member && (member->type == ShapeType::Structure || member->type == ShapeType::List || member->type == ShapeType::Map);
  }
  return false;
}

Json parse_json(const std::string& value, const std::string& cli_name) {
  try {
    return Json::parse(value);
  } catch (const std::exception& e) {
    throw BadValue("Error parsing parameter '" + cli_name + "': Invalid JSON: " + e.what() + "\nJSON received: " + value);
  }
}

long long to_int(const std::string& v) {
  auto n = python_int(v);
  if (!n) throw BadValue(n.error().message);
  return *n;
}

double to_float(const std::string& v) {
  auto d = python_float(v);
  if (!d) throw BadValue(d.error().message);
  return *d;
}

Json scalar(const model::Shape& s, const std::string& v) {
  switch (s.type) {
    case ShapeType::Integer:
    case ShapeType::Long: return to_int(v);
    case ShapeType::Float:
    case ShapeType::Double: return to_float(v);
    case ShapeType::Boolean: {
      std::string lower = v;
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return lower != "false" && !v.empty();
    }
    default: return v;
  }
}

// One word of a value: JSON, shorthand or a scalar, as the shape asks.
Json unpack_one(const model::ServiceModel& m, const model::Shape& s, const std::string& v, const std::string& cli_name) {
  const auto t = trim_left(v);
  if (s.document || (s.type != ShapeType::Structure && s.type != ShapeType::Map && s.type != ShapeType::List)) {
    if (s.document) return parse_json(v, cli_name);
    return scalar(s, v);
  }
  if (!t.empty() && (t[0] == '{' || t[0] == '[')) return parse_json(v, cli_name);
  if (s.type == ShapeType::Structure && s.members.size() == 1 && s.members[0].name == "Value" && v.find('=') == std::string::npos) {
    const auto* vs = m.shape(s.members[0].shape);
    if (vs && vs->type == ShapeType::String) return Json{{"Value", v}};
  }
  if (!is_complex(m, s)) throw BadValue("Error parsing parameter '" + cli_name + "': Invalid JSON:\n" + v);
  auto parsed = parse_shorthand(v);
  if (!parsed) throw BadValue("Error parsing parameter '" + cli_name + "': " + parsed.error().message);
  auto value = std::move(*parsed);
  if (auto st = apply_model_types(m, s, value); !st) throw BadValue("Error parsing parameter '" + cli_name + "': " + st.error().message);
  return value;
}

Json unpack(const model::ServiceModel& m, const model::Shape& s, const std::vector<std::string>& words, const std::string& cli_name,
            bool old_list_case = false) {
  if (s.type == ShapeType::List) {
    if (words.size() == 1 && !trim_left(words[0]).empty() && trim_left(words[0])[0] == '[') return parse_json(words[0], cli_name);
    const auto* member = m.shape(s.member->shape);
    if (!member) throw BadValue("the model has no shape " + s.member->shape);
    const bool json_first = !words.empty() && !trim_left(words[0]).empty() && (trim_left(words[0])[0] == '{' || trim_left(words[0])[0] == '[');
    if (old_list_case && member->type == ShapeType::Structure && member->members.size() == 1 && !json_first) {
      Json out = Json::array();
      for (const auto& w : words) out.push_back(Json{{member->members[0].name, w}});
      return out;
    }
    Json out = Json::array();
    for (const auto& w : words) out.push_back(unpack_one(m, *member, w, cli_name));
    return out;
  }
  return unpack_one(m, s, words.at(0), cli_name);
}

Json read_body_file(const std::string& path, const std::string& cli_name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw BadValue("Error parsing parameter '" + cli_name + "': Blob values must be a path to a file.");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

std::variant<GlobalSplit, InvocationError> split_global_options(const std::vector<std::string>& args) {
  GlobalSplit out;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      std::string a = args[i];
      std::string attached;
      bool has_attached = false;
      if (a.rfind("--", 0) == 0) {
        if (auto eq = a.find('='); eq != std::string::npos) {
          attached = a.substr(eq + 1);
          a = a.substr(0, eq);
          has_attached = true;
        }
      }
      if (kGlobalValued.count(a)) {
        if (!has_attached && i + 1 >= args.size()) throw Usage("argument " + a + ": expected one argument");
        const std::string v = has_attached ? attached : args[++i];
        auto& g = out.global;
        if (a == "--region") g.region = v;
        if (a == "--profile") g.profile = v;
        if (a == "--endpoint-url") g.endpoint_url = v;
        if (a == "--query") g.query = v;
        if (a == "--output") {
          if (v != "json" && v != "text" && v != "table" && v != "yaml" && v != "yaml-stream") {
            throw Usage("argument --output: Invalid choice, valid choices are:\n\njson | text\ntable | yaml\nyaml-stream");
          }
          g.output = v;
        }
        if (a == "--color") {
          if (v != "on" && v != "off" && v != "auto") throw Usage("argument --color: Invalid choice, valid choices are:\n\non | off\nauto");
          g.color = v;
        }
        if (a == "--cli-read-timeout") g.read_timeout = to_float(v);
        if (a == "--cli-connect-timeout") g.connect_timeout = to_float(v);
        continue;
      }
      if (kGlobalFlags.count(a) && !has_attached) {
        if (a == "--no-paginate") out.global.no_paginate = true;
        if (a == "--debug") out.global.debug = true;
        if (a == "--no-verify-ssl") out.global.no_verify_ssl = true;
        if (a == "--no-sign-request") out.global.no_sign_request = true;
        continue;
      }
      out.rest.push_back(args[i]);
    }
  } catch (const Usage& e) {
    return InvocationError{2, e.what()};
  } catch (const BadValue& e) {
    return InvocationError{255, e.what()};
  }
  return out;
}

std::variant<Invocation, InvocationError> parse_invocation(const model::ModelCatalog& catalog, const std::vector<std::string>& args) {
  Invocation inv;
  std::vector<std::string> rest;
  try {
    auto split = split_global_options(args);
    if (auto* e = std::get_if<InvocationError>(&split)) return *e;
    inv.global = std::get<GlobalSplit>(split).global;
    rest = std::move(std::get<GlobalSplit>(split).rest);
    if (rest.empty() || rest[0].rfind("--", 0) == 0) throw Usage("the following arguments are required: command");
    auto svc = catalog.service(rest[0]);
    if (!svc) throw Usage("argument command: Invalid choice: '" + rest[0] + "' is not a service drconsole has a model for");
    inv.model = *svc;
    if (rest.size() < 2 || rest[1].rfind("--", 0) == 0) throw Usage("the following arguments are required: operation");
    std::size_t first_arg = 2;
    std::string op_name;
    if (rest[1] == "wait" && !inv.model->cli_waiters().empty()) {
      if (rest.size() < 3) throw Usage("the following arguments are required: waiter_name");
      auto w = inv.model->cli_waiters().find(rest[2]);
      if (w == inv.model->cli_waiters().end()) throw Usage("argument waiter_name: Invalid choice: '" + rest[2] + "'");
      inv.waiter = w->second;
      const auto* def = inv.model->waiter(inv.waiter);
      if (!def) throw BadValue("the model has no waiter " + inv.waiter);
      op_name = def->at("operation").get<std::string>();
      first_arg = 3;
    } else {
      auto c = inv.model->cli_commands().find(rest[1]);
      if (c == inv.model->cli_commands().end()) {
        const auto& custom = inv.model->cli_custom_commands();
        if (std::find(custom.begin(), custom.end(), rest[1]) != custom.end()) {
          if (const auto* spec = find_command(inv.model->metadata().cli_name, rest[1])) {
            auto call = parse_command_line(*spec, std::vector<std::string>(rest.begin() + 2, rest.end()));
            if (auto* e = std::get_if<CommandLineError>(&call)) return InvocationError{e->exit_code, e->message};
            inv.custom = std::move(std::get<CustomCommandCall>(call));
            return inv;
          }
          throw BadValue("\"aws " + inv.model->metadata().cli_name + " " + rest[1] +
                         "\" is one of the aws CLI's own commands, which drconsole does not provide");
        }
        throw Usage("argument operation: Invalid choice: '" + rest[1] + "' is not an operation of " + inv.model->metadata().cli_name);
      }
      op_name = c->second;
    }
    inv.op = inv.model->operation(op_name);
    if (!inv.op) throw BadValue("the model has no operation " + op_name + ": " + inv.model->last_error());
    const model::Shape* input = inv.op->input.empty() ? nullptr : inv.model->shape(inv.op->input);

    std::vector<std::string> unknown;
    std::set<std::string> given;
    std::optional<std::string> streaming_output;  // the name of the positional OUTFILE argument, if any
    for (const auto& [name, arg] : inv.op->cli_args) {
      if (arg.kind == model::CliArg::Kind::Custom && arg.custom == "StreamingOutputArgument") streaming_output = name;
      if (arg.custom == "S3SelectStreamOutputArgument") {
        throw BadValue("\"aws s3api " + rest[1] + "\" answers with an event stream, which drconsole does not read yet");
      }
    }
    if (streaming_output) {
      const auto* out = inv.op->output.empty() ? nullptr : inv.model->shape(inv.op->output);
      if (!out || out->payload.empty()) throw BadValue("the model gives " + op_name + " no streaming payload to write to a file");
      inv.outfile_member = out->payload;
    }
    Json explicit_params = Json::object();
    Json cli_input = Json::object();
    std::map<std::string, GivenCustomArg> custom_args;  // the CLI's own arguments: custom_args.cpp
    for (std::size_t i = first_arg; i < rest.size();) {
      std::string a = rest[i];
      std::optional<std::string> attached;
      if (a.rfind("--", 0) == 0) {
        if (auto eq = a.find('='); eq != std::string::npos) {
          attached = a.substr(eq + 1);
          a = a.substr(0, eq);
        }
      }
      if (a.rfind("--", 0) != 0) {
        // The one positional argument an operation can have: a streaming output's file.
        if (streaming_output && inv.outfile.empty() && given.insert(*streaming_output).second) {
          inv.outfile = a;
        } else {
          unknown.push_back(a);
        }
        ++i;
        continue;
      }
      const auto name = a.substr(2);
      ++i;
      // The words that follow, up to the next option: one, or several for a list.
      auto take_words = [&](bool many, const char* at_least = "one argument") {
        std::vector<std::string> words;
        if (attached) words.push_back(*attached);
        while (i < rest.size() && (words.empty() || many) && !(rest[i].rfind("--", 0) == 0 && rest[i].size() > 2)) {
          words.push_back(rest[i++]);
        }
        if (words.empty()) throw Usage("argument " + a + ": expected " + at_least);
        for (auto& w : words) {
          auto r = resolve_paramfile(w);
          if (!r) throw BadValue(r.error().message);
          w = *r;
        }
        return words;
      };
      if (name == "cli-input-json") {
        cli_input = parse_json(take_words(false).at(0), a);
        if (!cli_input.is_object()) throw BadValue("Invalid type for --cli-input-json: expected a JSON object");
        continue;
      }
      auto it = inv.op->cli_args.find(name);
      // OUTFILE is positional: "--outfile" is no option of the CLI's.
      if (it == inv.op->cli_args.end() || it->second.custom == "StreamingOutputArgument") {
        unknown.push_back(a);
        while (i < rest.size() && rest[i].rfind("--", 0) != 0) unknown.push_back(rest[i++]);
        continue;
      }
      const auto& arg = it->second;
      given.insert(name);
      switch (arg.kind) {
        case model::CliArg::Kind::Boolean:
          if (attached) throw Usage("argument " + a + ": ignored explicit argument '" + *attached + "'");
          explicit_params[arg.member] = arg.value;
          break;
        case model::CliArg::Kind::Page: {
          const auto v = take_words(false).at(0);
          if (arg.member == "StartingToken") inv.paging.starting_token = v;
          if (arg.member == "PageSize") inv.paging.page_size = to_int(v);
          if (arg.member == "MaxItems") inv.paging.max_items = to_int(v);
          break;
        }
        case model::CliArg::Kind::Custom: {
          if (arg.custom == "CountArgument") {  // ec2 run-instances --count N or MIN:MAX
            const auto v = take_words(false).at(0);
            const auto colon = v.find(':');
            explicit_params["MinCount"] = to_int(v.substr(0, colon));
            explicit_params["MaxCount"] = to_int(colon == std::string::npos ? v : v.substr(colon + 1));
            break;
          }
          const auto arity = custom_arity(arg.custom);
          if (!arity) {
            throw BadValue("--" + name + " is one of the aws CLI's own arguments (" + arg.custom +
                           "), which drconsole does not provide: give the model's parameters instead");
          }
          const bool value_follows = attached || (i < rest.size() && !(rest[i].rfind("--", 0) == 0 && rest[i].size() > 2));
          if (*arity == CustomArity::Flag && attached) throw Usage("argument " + a + ": ignored explicit argument '" + *attached + "'");
          GivenCustomArg g{&arg, std::nullopt};
          if (*arity == CustomArity::OneOrMore) {
            g.words = take_words(true, "at least one argument");
          } else if (*arity == CustomArity::One || (*arity != CustomArity::Flag && value_follows)) {
            g.words = take_words(*arity == CustomArity::Many);
          }
          if (*arity == CustomArity::Many && !g.words) g.words.emplace();
          custom_args[name] = std::move(g);
          break;
        }
        case model::CliArg::Kind::Member: {
          const auto* m = input ? input->find(arg.member) : nullptr;
          const auto* s = m ? inv.model->shape(m->shape) : nullptr;
          if (!s) throw BadValue("the model has no member " + arg.member + " for --" + name);
          if (s->type == ShapeType::Blob && (m->streaming || s->streaming)) {
            // The aws CLI reads a streaming body (s3api put-object --body) from the file it names.
            explicit_params[arg.member] = read_body_file(take_words(false).at(0), a);
            break;
          }
          explicit_params[arg.member] = unpack(*inv.model, *s, take_words(s->type == ShapeType::List), a,
                                               uses_old_list_case(*inv.model, rest[1], name));
          break;
        }
      }
    }
    // argparse converts types as it reads: a bad int is its first complaint.
    if (auto e = check_argument_types(custom_args)) return InvocationError{e->exit_code, e->message};
    std::vector<std::string> missing;
    for (const auto& [name, arg] : inv.op->cli_args) {
      if (!arg.required || given.count(name) || cli_input.contains(arg.member)) continue;
      missing.push_back(streaming_output == name ? name : "--" + name);
    }
    if (!missing.empty()) {
      std::string list;
      for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
      throw Usage("the following arguments are required: " + list);
    }
    for (const auto& [name, arg] : inv.op->cli_args) {
      // The aws CLI's --count (ec2 run-instances) defaults to 1 when neither it nor the counts are given.
      if (arg.kind == model::CliArg::Kind::Custom && arg.custom == "CountArgument" && !given.count(name) &&
          !cli_input.contains("MinCount")) {
        explicit_params["MinCount"] = 1;
        explicit_params["MaxCount"] = 1;
      }
    }
    if (!unknown.empty()) {
      std::string list;
      for (const auto& u : unknown) list += (list.empty() ? "" : ", ") + u;
      return InvocationError{255, "Unknown options: " + list};
    }
    const UnpackWords unpack_words = [&](const model::Shape& s, const std::vector<std::string>& words,
                                         const std::string& cli_name) -> Result<Json> {
      try {
        return unpack(*inv.model, s, words, cli_name);
      } catch (const std::runtime_error& e) {
        return make_error(e.what());
      }
    };
    if (auto e = apply_custom_args({*inv.model, *inv.op, custom_args, given, unpack_words}, explicit_params)) {
      return InvocationError{e->exit_code, e->message};
    }
    for (const auto& [name, g] : custom_args) {
      if (g.arg->custom != "LaunchKeyArgument" || !g.words || g.words->empty() || g.words->front().empty()) continue;
      auto path = launch_key_path(g.words->front());
      if (!path) return InvocationError{255, path.error().message};
      inv.launch_key = *path;
    }
    inv.params = cli_input;
    for (const auto& [k, v] : explicit_params.items()) inv.params[k] = v;
    finish_custom_params(*inv.model, *inv.op, inv.params);
    if (!inv.paging.page_size && inv.waiter.empty()) {
      inv.paging.page_size = ec2_default_page_size(*inv.model, *inv.op, inv.params, !inv.global.no_paginate);
    }
  } catch (const Usage& e) {
    return InvocationError{2, e.what()};
  } catch (const BadValue& e) {
    return InvocationError{255, e.what()};
  }
  return inv;
}

}  // namespace drc::aws::cli
