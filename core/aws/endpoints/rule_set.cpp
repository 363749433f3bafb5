#include "aws/endpoints/rule_set.hpp"

#include <cctype>
#include <optional>
#include <stdexcept>

namespace drc::aws::endpoints::rules {

namespace {

using Json = nlohmann::json;           // values
using Doc = nlohmann::ordered_json;    // the rule set, in the model's order

// A literal of the rule set as a value.
Json literal(const Doc& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_null()) return nullptr;
  return Json::parse(v.dump());
}

// A rule set that cannot be followed (a wrong type, an unknown function) or an error rule that matched.
// Thrown inside the evaluator only, and turned into an Error at resolve().
struct RuleError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Python's repr of a value, for the messages botocore words with it.
std::string py_type(const Json& v) {
  if (v.is_string()) return "<class 'str'>";
  if (v.is_boolean()) return "<class 'bool'>";
  if (v.is_null()) return "<class 'NoneType'>";
  if (v.is_array()) return "<class 'list'>";
  if (v.is_object()) return "<class 'dict'>";
  return "<class 'int'>";
}

std::string py_str(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>() ? "True" : "False";
  if (v.is_null()) return "None";
  return v.dump();
}

class Evaluator {
 public:
  explicit Evaluator(const PartitionTable& partitions) : partitions_(partitions) {}

  // A rule's result: an endpoint, or nothing (its conditions failed, or no rule of its tree matched).
  std::optional<RuleEndpoint> rule(const Doc& r, Json scope) const {
    for (const auto& cond : r.value("conditions", Doc::array())) {
      const auto result = call(cond, scope);
      if (result.is_null() || (result.is_boolean() && !result.get<bool>())) return std::nullopt;
    }
    const auto type = r.value("type", "");
    if (type == "endpoint") return endpoint(r.at("endpoint"), scope);
    if (type == "error") throw RuleError(py_str(value(r.at("error"), scope)));
    if (type == "tree") {
      for (const auto& sub : r.at("rules")) {
        if (auto e = rule(sub, scope)) return e;  // each rule gets its own copy of the scope
      }
      return std::nullopt;
    }
    throw RuleError("Unknown rule type: " + type + ". A rule must be of type tree, endpoint or error.");
  }

 private:
  static bool is_template(const std::string& s) {
    // botocore's TEMPLATE_STRING_RE, \{[a-zA-Z#]+\}: only such a brace pair makes a string a template.
    for (auto open = s.find('{'); open != std::string::npos; open = s.find('{', open + 1)) {
      auto i = open + 1;
      while (i < s.size() && (std::isalpha(static_cast<unsigned char>(s[i])) || s[i] == '#')) ++i;
      if (i > open + 1 && i < s.size() && s[i] == '}') return true;
    }
    return false;
  }

  // Python's str.format over the scope: {name} and {name#attr}, with {{ and }} for braces.
  static std::string render(const std::string& s, const Json& scope) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if ((s[i] == '{' || s[i] == '}') && i + 1 < s.size() && s[i + 1] == s[i]) {
        out += s[i++];
        continue;
      }
      if (s[i] != '{') {
        out += s[i];
        continue;
      }
      const auto close = s.find('}', i);
      if (close == std::string::npos) throw RuleError("a template without its closing brace: " + s);
      const auto ref = s.substr(i + 1, close - i - 1);
      const Json* v = &scope;
      std::size_t start = 0;
      while (true) {
        const auto hash = ref.find('#', start);
        const auto key = ref.substr(start, hash == std::string::npos ? std::string::npos : hash - start);
        if (!v->is_object() || !v->contains(key)) throw RuleError("the template " + s + " names " + key + ", which is not set");
        v = &(*v)[key];
        if (hash == std::string::npos) break;
        start = hash + 1;
      }
      out += py_str(*v);
      i = close;
    }
    return out;
  }

  Json value(const Doc& v, Json& scope) const {
    if (v.is_object() && v.contains("fn")) return call(v, scope);
    if (v.is_object() && v.contains("ref")) {
      const auto name = v.at("ref").get<std::string>();
      return scope.contains(name) ? scope[name] : Json();
    }
    if (v.is_string() && is_template(v.get_ref<const std::string&>())) return render(v.get<std::string>(), scope);
    return literal(v);
  }

  // botocore's words for a function given something other than a string.
  static const std::string& str_arg(const Json& v) {
    if (!v.is_string()) throw RuleError("Input must be a string, not " + py_type(v) + ".");
    return v.get_ref<const std::string&>();
  }

  static bool bool_arg(const Json& v) { return v.is_boolean() && v.get<bool>(); }

  Json call(const Doc& f, Json& scope) const {
    const auto fn = f.at("fn").get<std::string>();
    std::vector<Json> args;
    for (const auto& a : f.value("argv", Doc::array())) args.push_back(value(a, scope));
    auto arg = [&](std::size_t i) -> const Json& {
      if (i >= args.size()) throw RuleError(fn + " needs " + std::to_string(i + 1) + " arguments");
      return args[i];
    };
    Json result;
    if (fn == "isSet") {
      result = !arg(0).is_null();
    } else if (fn == "not") {
      result = !bool_arg(arg(0));
    } else if (fn == "booleanEquals") {
      if (!arg(0).is_boolean() || !arg(1).is_boolean()) {
        throw RuleError("Both arguments must be bools, not " + py_type(arg(0)) + " and " + py_type(arg(1)) + ".");
      }
      result = arg(0).get<bool>() == arg(1).get<bool>();
    } else if (fn == "stringEquals") {
      if (!arg(0).is_string() || !arg(1).is_string()) {
        throw RuleError("Both values must be strings, not " + py_type(arg(0)) + " and " + py_type(arg(1)) + ".");
      }
      result = arg(0) == arg(1);
    } else if (fn == "getAttr") {
      result = get_attr(arg(0), str_arg(arg(1)));
    } else if (fn == "aws.partition") {
      result = partitions_.lookup(arg(0));
    } else if (fn == "aws.parseArn") {
      result = parse_arn(arg(0));
    } else if (fn == "parseURL") {
      result = parse_url(arg(0));
    } else if (fn == "isValidHostLabel") {
      result = is_valid_host_label(arg(0), bool_arg(arg(1)));
    } else if (fn == "aws.isVirtualHostableS3Bucket") {
      result = is_virtual_hostable_s3_bucket(arg(0), bool_arg(arg(1)));
    } else if (fn == "substring") {
      if (!arg(1).is_number_integer() || !arg(2).is_number_integer()) throw RuleError("substring: start and stop must be integers");
      result = substring(str_arg(arg(0)), arg(1).get<long>(), arg(2).get<long>(), bool_arg(arg(3)));
    } else if (fn == "uriEncode") {
      result = arg(0).is_null() ? Json() : Json(uri_encode(str_arg(arg(0))));
    } else {
      throw RuleError("the rule set calls " + fn + ", a function drconsole does not know: regenerate the models with a matching drconsole");
    }
    if (auto it = f.find("assign"); it != f.end()) {
      const auto name = it->get<std::string>();
      if (scope.contains(name)) {
        throw RuleError("Assignment " + name + " already exists in scoped variables and cannot be overwritten");
      }
      scope[name] = result;
    }
    return result;
  }

  RuleEndpoint endpoint(const Doc& e, Json& scope) const {
    RuleEndpoint out;
    out.url = py_str(value(e.at("url"), scope));
    if (auto p = e.find("properties"); p != e.end()) out.properties = properties(*p, scope);
    if (auto h = e.find("headers"); h != e.end()) {
      // botocore keeps only a header's first value (it has no multi-valued headers).
      for (const auto& [name, values] : h->items()) {
        if (values.is_array() && !values.empty()) out.headers.emplace_back(name, py_str(value(values.front(), scope)));
      }
    }
    return out;
  }

  Json properties(const Doc& p, const Json& scope) const {
    if (p.is_array()) {
      Json out = Json::array();
      for (const auto& v : p) out.push_back(properties(v, scope));
      return out;
    }
    if (p.is_object()) {
      Json out = Json::object();
      for (const auto& [k, v] : p.items()) out[k] = properties(v, scope);
      return out;
    }
    if (p.is_string() && is_template(p.get_ref<const std::string&>())) return render(p.get<std::string>(), scope);
    return literal(p);
  }

  const PartitionTable& partitions_;
};

}  // namespace

Result<RuleEndpoint> resolve(const Doc& rule_set, const Json& params, const PartitionTable& partitions) {
  try {
    Json scope = Json::object();
    std::string given = "\n";  // what "No endpoint found" lists: the parameters as passed in, one a line
    bool first = true;
    for (const auto& [name, spec] : rule_set.at("parameters").items()) {
      Json v = params.contains(name) ? params.at(name) : Json();
      if (!v.is_null()) {
        given += (first ? "" : "\n") + name + ": " + py_str(v);
        first = false;
      }
      if (v.is_null()) {
        if (spec.contains("default")) {
          v = literal(spec.at("default"));
        } else if (spec.value("required", false)) {
          return make_error("Cannot find value for required parameter " + name);
        }
      } else {
        const auto type = spec.value("type", "string");
        const bool ok = type == "boolean" || type == "Boolean" ? v.is_boolean() : type == "stringArray" ? v.is_array() : v.is_string();
        if (!ok) {
          const std::string want = type == "boolean" || type == "Boolean" ? "<class 'bool'>" : type == "stringArray" ? "<class 'tuple'>" : "<class 'str'>";
          return make_error("Value (" + name + ") is the wrong type. Must be " + want + ".");
        }
      }
      if (!v.is_null()) scope[name] = v;
    }
    Evaluator ev(partitions);
    for (const auto& r : rule_set.at("rules")) {
      if (auto e = ev.rule(r, scope)) return *e;
    }
    return make_error("No endpoint found for parameters:" + given);
  } catch (const RuleError& e) {
    return make_error(e.what());
  } catch (const std::exception& e) {  // a rule set of a shape this evaluator does not know
    return make_error(std::string("the endpoint rule set cannot be followed: ") + e.what());
  }
}

}  // namespace drc::aws::endpoints::rules
