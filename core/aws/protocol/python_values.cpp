#include "aws/protocol/python_values.hpp"

#include <cstdio>
#include <utility>

#include "aws/protocol/values.hpp"
#include "util/text.hpp"

namespace drc::aws::protocol {

using Json = nlohmann::ordered_json;

namespace {

// Whether Python's repr() writes a character as an escape: str.isprintable() is false for controls,
// format characters, and separators other than the space. The ranges are those in common use; code points
// Unicode leaves unassigned (also escaped by Python) are not listed.
bool python_escapes(char32_t c) {
  static constexpr std::pair<char32_t, char32_t> kUnprintable[] = {
      {0x00, 0x1F},     {0x7F, 0xA0},     {0xAD, 0xAD},     {0x600, 0x605},   {0x61C, 0x61C},   {0x6DD, 0x6DD},
      {0x70F, 0x70F},   {0x180E, 0x180E}, {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x2064}, {0x2066, 0x206F},
      {0x3000, 0x3000}, {0xD800, 0xF8FF}, {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB}, {0xE0001, 0xE0001}, {0xE0020, 0xE007F},
      {0xF0000, 0x10FFFF}};
  for (const auto& [first, last] : kUnprintable) {
    if (c >= first && c <= last) return true;
  }
  return false;
}

// repr() of a str: single quotes unless the text has a single quote and no double one.
std::string repr_string(const std::string& s) {
  const bool has_single = s.find('\'') != std::string::npos;
  const char32_t quote = has_single && s.find('"') == std::string::npos ? U'"' : U'\'';
  std::string out = utf8_encode(quote);
  for (const char32_t c : utf8_code_points(s)) {
    if (c == quote || c == U'\\') {
      out += '\\';
      out += utf8_encode(c);
    } else if (c == U'\n') {
      out += "\\n";
    } else if (c == U'\r') {
      out += "\\r";
    } else if (c == U'\t') {
      out += "\\t";
    } else if (python_escapes(c)) {
      char buf[16];
      const auto u = static_cast<unsigned>(c);
      std::snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", u);
      out += buf;
    } else {
      out += utf8_encode(c);
    }
  }
  return out + utf8_encode(quote);
}

std::string repr(const Json& v, bool ordered_dicts = false) {
  switch (v.type()) {
    case Json::value_t::string: return repr_string(v.get<std::string>());
    case Json::value_t::array: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + repr(v[i], ordered_dicts);
      return out + "]";
    }
    case Json::value_t::object: {
      if (ordered_dicts && v.empty()) return "OrderedDict()";
      std::string out = ordered_dicts ? "OrderedDict([" : "{";
      bool first = true;
      for (const auto& [k, x] : v.items()) {
        out += (first ? "" : ", ") + (ordered_dicts ? "(" + repr_string(k) + ", " + repr(x, true) + ")"
                                                     : repr_string(k) + ": " + repr(x));
        first = false;
      }
      return out + (ordered_dicts ? "])" : "}");
    }
    default: return python_str(v);
  }
}

}  // namespace

std::string python_str(const Json& v) {
  switch (v.type()) {
    case Json::value_t::string: return v.get<std::string>();
    case Json::value_t::boolean: return v.get<bool>() ? "True" : "False";
    case Json::value_t::null: return "None";
    case Json::value_t::number_float: return python_float(v.get<double>());
    case Json::value_t::array:
    case Json::value_t::object: return repr(v);
    default: return v.dump();
  }
}

bool python_truthy(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return false;
    case Json::value_t::boolean: return v.get<bool>();
    case Json::value_t::number_integer: return v.get<std::int64_t>() != 0;
    case Json::value_t::number_unsigned: return v.get<std::uint64_t>() != 0;
    case Json::value_t::number_float: return v.get<double>() != 0.0;
    case Json::value_t::string: return !v.get_ref<const std::string&>().empty();
    case Json::value_t::array:
    case Json::value_t::object: return !v.empty();
    default: return false;
  }
}

std::string python_type_name(const Json& v) {
  switch (v.type()) {
    case Json::value_t::string: return "str";
    case Json::value_t::boolean: return "bool";
    case Json::value_t::null: return "NoneType";
    case Json::value_t::number_float: return "float";
    case Json::value_t::array: return "list";
    case Json::value_t::object: return "dict";
    default: return "int";
  }
}

std::string python_str_of_cli_json(const Json& v) {
  return v.is_array() || v.is_object() ? repr(v, true) : python_str(v);
}

std::string python_class_of_cli_json(const Json& v) {
  return v.is_object() ? "<class 'collections.OrderedDict'>" : "<class '" + python_type_name(v) + "'>";
}

}  // namespace drc::aws::protocol
