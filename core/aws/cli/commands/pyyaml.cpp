#include "aws/cli/commands/pyyaml.hpp"

#include <yaml-cpp/yaml.h>

// GCC 12 at -O1 (the sanitizer build) warns, falsely, that the std::function inside <regex>'s compiled
// states may be used uninitialized; -Werror would stop the build. Silenced for this file, where the
// regexes are PyYAML's own resolvers, kept verbatim so they can be checked against PyYAML's.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <regex>

#include "aws/protocol/values.hpp"

namespace drc::aws::cli {

using Json = nlohmann::ordered_json;

namespace {

// YAML 1.1's implicit resolvers, as PyYAML's Resolver has them. Built on first use, not at start-up:
// every drconsole command would otherwise pay for compiling them.
struct Resolvers {
  std::regex boolean{"^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"};
  std::regex floating{
      "^(?:[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
      "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"};
  std::regex integer{"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"};
  std::regex null{"^(?:~|null|Null|NULL|)$"};
  std::regex timestamp{
      "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:"
      "[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"};
  std::regex merge_or_value{"^(?:<<|=)$"};
};

const Resolvers& resolvers() {
  static const Resolvers r;
  return r;
}

// Whether a plain scalar with this text would read back as something other than a string.
bool resolves_to_non_string(const std::string& s) {
  const auto& r = resolvers();
  return std::regex_match(s, r.boolean) || std::regex_match(s, r.floating) || std::regex_match(s, r.integer) ||
         std::regex_match(s, r.null) || std::regex_match(s, r.timestamp) || std::regex_match(s, r.merge_or_value);
}

// construct_yaml_int for the common forms; sexagesimal and out-of-range ones stay text.
Json typed_int(const std::string& text) {
  std::string s;
  for (char c : text) {
    if (c != '_') s += c;
  }
  int sign = 1;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    sign = s[0] == '-' ? -1 : 1;
    s = s.substr(1);
  }
  if (s.find(':') != std::string::npos) return text;
  int base = 10;
  if (s.rfind("0b", 0) == 0) {
    base = 2;
    s = s.substr(2);
  } else if (s.rfind("0x", 0) == 0) {
    base = 16;
    s = s.substr(2);
  } else if (s.size() > 1 && s[0] == '0') {
    base = 8;
  }
  try {
    return sign * std::stoll(s, nullptr, base);
  } catch (const std::exception&) {
    return text;
  }
}

Json typed_scalar(const YAML::Node& n) {
  const auto& text = n.Scalar();
  if (n.Tag() != "?") return text;  // quoted, or with an explicit tag: a string
  const auto& r = resolvers();
  if (std::regex_match(text, r.null)) return nullptr;
  if (std::regex_match(text, r.boolean)) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return c == 'y' || c == 't' || (c == 'o' && text.size() == 2 && std::tolower(static_cast<unsigned char>(text[1])) == 'n');
  }
  if (std::regex_match(text, r.integer)) return typed_int(text);
  if (std::regex_match(text, r.floating) && text.find(':') == std::string::npos) {
    std::string s;
    for (char c : text) {
      if (c != '_') s += c;
    }
    if (s.find("inf") != std::string::npos || s.find("Inf") != std::string::npos || s.find("INF") != std::string::npos) {
      return s[0] == '-' ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    }
    if (s.find("nan") != std::string::npos || s.find("NaN") != std::string::npos || s.find("NAN") != std::string::npos) {
      return std::numeric_limits<double>::quiet_NaN();
    }
    return std::stod(s);
  }
  return text;
}

Json to_json(const YAML::Node& n, int depth, LocalTags tags);

// yamlhelper's intrinsics_multi_constructor: a short-form intrinsic as its long form.
Json cloudformation_intrinsic(const YAML::Node& n, int depth) {
  const auto name = n.Tag().substr(1);
  const auto key = (name == "Ref" || name == "Condition" ? "" : "Fn::") + name;
  Json value;
  if (n.IsScalar()) {
    const auto& text = n.Scalar();
    if (name == "GetAtt") {
      // "Resource.Attribute" split at its first dot.
      const auto dot = text.find('.');
      value = dot == std::string::npos ? Json::array({text}) : Json::array({text.substr(0, dot), text.substr(dot + 1)});
    } else {
      value = text;  // construct_scalar: the text, untyped
    }
  } else if (n.IsNull()) {
    value = "";  // `!Ref` alone: an empty scalar
  } else {  // a sequence or mapping, read as if untagged
    YAML::Node untagged = YAML::Clone(n);
    untagged.SetTag("?");
    value = to_json(untagged, depth + 1, LocalTags::CloudFormation);
  }
  Json out = Json::object();
  out[key] = std::move(value);
  return out;
}

bool local_tag(const YAML::Node& n) {
  const auto& tag = n.Tag();
  return tag.size() > 1 && tag[0] == '!' && tag[1] != '!';
}

Json to_json(const YAML::Node& n, int depth, LocalTags tags) {
  if (depth > 200) throw YAML::Exception(YAML::Mark::null_mark(), "nesting too deep");
  if (tags == LocalTags::CloudFormation && local_tag(n)) return cloudformation_intrinsic(n, depth);
  switch (n.Type()) {
    case YAML::NodeType::Null: return nullptr;
    case YAML::NodeType::Scalar: return typed_scalar(n);
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (const auto& item : n) out.push_back(to_json(item, depth + 1, tags));
      return out;
    }
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (const auto& kv : n) {
        const auto key = to_json(kv.first, depth + 1, tags);
        out[key.is_string() ? key.get<std::string>() : key.dump()] = to_json(kv.second, depth + 1, tags);
      }
      return out;
    }
    case YAML::NodeType::Undefined: break;
  }
  return nullptr;
}

bool printable_ascii(unsigned char c) { return c == '\n' || (c >= 0x20 && c <= 0x7e); }

// analyze_scalar and choose_scalar_style, for block context.
enum class Style { Plain, Single, Double };

Style style_for(const std::string& s, bool simple_key) {
  if (s.empty()) return Style::Single;
  bool special = false, line_break = false, block_indicators = false;
  if (s.rfind("---", 0) == 0 || s.rfind("...", 0) == 0) block_indicators = true;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const bool next_space = i + 1 >= s.size() || s[i + 1] == ' ' || s[i + 1] == '\n';
    const bool prev_space = i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\n');
    if (i == 0) {
      if (std::string_view("#,[]{}&*!|>'\"%@`").find(static_cast<char>(c)) != std::string_view::npos) block_indicators = true;
      if ((c == '?' || c == ':' || c == '-') && next_space) block_indicators = true;
    } else {
      if (c == ':' && next_space) block_indicators = true;
      if (c == '#' && prev_space) block_indicators = true;
    }
    if (c == '\n') line_break = true;
    if (!printable_ascii(c)) special = true;
  }
  const bool edge_space = s.front() == ' ' || s.back() == ' ';
  if (special) return Style::Double;
  if (line_break) return simple_key ? Style::Double : Style::Single;
  if (block_indicators || edge_space || resolves_to_non_string(s) || (simple_key && s.size() > 128)) return Style::Single;
  return Style::Plain;
}

std::string double_quoted(const std::string& s) {
  // PyYAML (allow_unicode off) escapes by code point: decode UTF-8 first.
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = c;
    std::size_t len = 1;
    if (c >= 0xC0 && c < 0xE0 && i + 1 < s.size()) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu), len = 2;
    } else if (c >= 0xE0 && c < 0xF0 && i + 2 < s.size()) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3Fu), len = 3;
    } else if (c >= 0xF0 && i + 3 < s.size()) {
      cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
           ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3Fu), len = 4;
    }
    i += len;
    static const std::pair<std::uint32_t, const char*> kNamed[] = {
        {0, "0"}, {7, "a"}, {8, "b"}, {9, "t"}, {10, "n"}, {11, "v"}, {12, "f"}, {13, "r"}, {27, "e"},
        {'"', "\""}, {'\\', "\\"}, {0x85, "N"}, {0xA0, "_"}, {0x2028, "L"}, {0x2029, "P"}};
    const char* named = nullptr;
    for (const auto& [code, name] : kNamed) {
      if (code == cp) named = name;
    }
    char buf[16];
    if (named) {
      out += std::string("\\") + named;
    } else if (cp >= 0x20 && cp <= 0x7e) {
      out += static_cast<char>(cp);
    } else {
      std::snprintf(buf, sizeof buf, cp <= 0xFF ? "\\x%02X" : cp <= 0xFFFF ? "\\u%04X" : "\\U%08X", cp);
      out += buf;
    }
  }
  return out + "\"";
}

std::string scalar_text(const Json& v, bool simple_key) {
  if (v.is_null()) return "null";
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return v.dump();
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::isnan(d)) return ".nan";
    if (std::isinf(d)) return d > 0 ? ".inf" : "-.inf";
    return protocol::python_float(d);
  }
  const auto s = v.get<std::string>();
  switch (style_for(s, simple_key)) {
    case Style::Plain: return s;
    case Style::Double: return double_quoted(s);
    case Style::Single: {
      std::string out = "'";
      for (char c : s) {
        if (c == '\'') out += '\'';
        if (c == '\n') {
          out += "\n\n";  // a line break inside single quotes is written as an empty line
          continue;
        }
        out += c;
      }
      return out + "'";
    }
  }
  return s;
}

bool is_collection(const Json& v) { return (v.is_object() || v.is_array()) && !v.empty(); }

void emit(const Json& v, int indent, std::string& out);

// A value after "key:" or "- ": on the same line when it is a scalar or empty collection.
void emit_after(const Json& v, int indent, bool in_sequence, std::string& out) {
  if (!is_collection(v)) {
    out += " " + (v.is_object() ? std::string("{}") : v.is_array() ? std::string("[]") : scalar_text(v, false)) + "\n";
    return;
  }
  if (in_sequence) {
    // "- key: v" / "- - item": the first entry shares the dash's line.
    out += " ";
    std::string inner;
    emit(v, indent + 2, inner);
    out += inner.substr(static_cast<std::size_t>(indent + 2));
    return;
  }
  out += "\n";
  // A sequence inside a mapping is not indented further; a mapping is, by two.
  emit(v, v.is_array() ? indent : indent + 2, out);
}

void emit(const Json& v, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent), ' ');
  if (v.is_object()) {
    for (const auto& [k, x] : v.items()) {
      out += pad + scalar_text(k, true) + ":";
      emit_after(x, indent, false, out);
    }
  } else if (v.is_array()) {
    for (const auto& x : v) {
      out += pad + "-";
      emit_after(x, indent, true, out);
    }
  }
}

}  // namespace

Result<Json> load_pyyaml(const std::string& text, LocalTags tags) {
  try {
    return to_json(YAML::Load(text), 0, tags);
  } catch (const YAML::Exception& e) {
    return make_error(e.what());
  }
}

std::string dump_pyyaml(const Json& value) {
  if (!is_collection(value)) {
    return (value.is_object() ? std::string("{}") : value.is_array() ? std::string("[]") : scalar_text(value, false)) + "\n" +
           (value.is_object() || value.is_array() ? "" : "...\n");
  }
  std::string out;
  emit(value, 0, out);
  return out;
}

}  // namespace drc::aws::cli
