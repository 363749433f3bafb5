#include "aws/jmespath/python_json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

#include "aws/jmespath/errors.hpp"
#include "aws/jmespath/utf8.hpp"
#include "aws/jmespath/value.hpp"

namespace drc::aws::jmespath {

namespace {

void append_u_escape(std::string& out, unsigned unit) {
  constexpr std::string_view kHex = "0123456789abcdef";
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(unit >> shift) & 0xF];
}

void append_string(std::string& out, std::string_view s) {
  out += '"';
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = detail::next_code_point(s, i);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c >= 0x20 && c < 0x7F) {
          out += static_cast<char>(c);
        } else if (c >= 0x10000) {
          const char32_t v = c - 0x10000;
          append_u_escape(out, 0xD800 + static_cast<unsigned>(v >> 10));
          append_u_escape(out, 0xDC00 + static_cast<unsigned>(v & 0x3FF));
        } else {
          append_u_escape(out, static_cast<unsigned>(c));
        }
    }
  }
  out += '"';
}

}  // namespace

std::string python_float_repr(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
  // Shortest round-trip digits in scientific form, then laid out the way python's repr lays them out:
  // positional when the decimal exponent is in [-4, 16), otherwise d.ddde+XX.
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
  std::string sign;
  if (!sci.empty() && sci.front() == '-') {
    sign = "-";
    sci.remove_prefix(1);
  }
  const std::size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits += c;
  }
  int exponent = 0;
  std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+' ? 1 : 0), sci.data() + sci.size(), exponent);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();

  std::string out = sign;
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out += "0.";
      out.append(static_cast<std::size_t>(-exponent - 1), '0');
      out += digits;
    } else {
      const auto int_len = static_cast<std::size_t>(exponent) + 1;
      if (digits.size() <= int_len) {
        out += digits;
        out.append(int_len - digits.size(), '0');
        out += ".0";
      } else {
        out += digits.substr(0, int_len);
        out += '.';
        out += digits.substr(int_len);
      }
    }
  } else {
    out += digits[0];
    if (digits.size() > 1) {
      out += '.';
      out += digits.substr(1);
    }
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', exponent < 0 ? -exponent : exponent);
    out += exp;
  }
  return out;
}

namespace detail {

void append_python_json(std::string& out, const nlohmann::json& value, int depth) {
  if (depth > kMaxDataDepth) throw EvalError{"too-complex", "data nested too deeply to write as text"};
  switch (value.type()) {
    case nlohmann::json::value_t::null: out += "null"; break;
    case nlohmann::json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; break;
    case nlohmann::json::value_t::number_integer: out += std::to_string(value.get<std::int64_t>()); break;
    case nlohmann::json::value_t::number_unsigned: out += std::to_string(value.get<std::uint64_t>()); break;
    case nlohmann::json::value_t::number_float: out += python_float_repr(value.get<double>()); break;
    case nlohmann::json::value_t::string: append_string(out, value.get_ref<const std::string&>()); break;
    case nlohmann::json::value_t::array: {
      out += '[';
      bool first = true;
      for (const auto& item : value) {
        if (!first) out += ',';
        first = false;
        append_python_json(out, item, depth + 1);
      }
      out += ']';
      break;
    }
    case nlohmann::json::value_t::object: {
      out += '{';
      bool first = true;
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (!first) out += ',';
        first = false;
        append_string(out, it.key());
        out += ':';
        append_python_json(out, it.value(), depth + 1);
      }
      out += '}';
      break;
    }
    default: out += "null"; break;  // binary/discarded: never produced from JSON text
  }
}

}  // namespace detail

Result<std::string> to_python_json(const nlohmann::json& value) {
  std::string out;
  try {
    detail::append_python_json(out, value);
  } catch (const detail::EvalError& e) {
    return make_error(e.kind + ": " + e.message);
  }
  return out;
}

}  // namespace drc::aws::jmespath
