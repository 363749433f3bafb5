#include "aws/jmespath/value.hpp"

#include "aws/jmespath/errors.hpp"

namespace drc::aws::jmespath::detail {

namespace {

// long double holds every int64, uint64 and double exactly on the platforms we build for (x87 80-bit or
// IEEE quad), so one conversion gives python's exact int/float comparison.
long double as_exact(const json& v) {
  switch (v.type()) {
    case json::value_t::number_integer: return static_cast<long double>(v.get<std::int64_t>());
    case json::value_t::number_unsigned: return static_cast<long double>(v.get<std::uint64_t>());
    case json::value_t::boolean: return v.get<bool>() ? 1.0L : 0.0L;
    default: return static_cast<long double>(v.get<double>());
  }
}

bool numeric_like(const json& v) { return v.is_number() || v.is_boolean(); }

bool equal_at(const json& a, const json& b, int depth) {
  if (depth > kMaxDataDepth) throw EvalError{"too-complex", "data nested too deeply to compare"};
  if (numeric_like(a) && numeric_like(b)) {
    if (a.is_boolean() && b.is_boolean()) return a.get<bool>() == b.get<bool>();
    return as_exact(a) == as_exact(b);
  }
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case json::value_t::null: return true;
    case json::value_t::string: return a.get_ref<const std::string&>() == b.get_ref<const std::string&>();
    case json::value_t::array: {
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!equal_at(a[i], b[i], depth + 1)) return false;
      }
      return true;
    }
    case json::value_t::object: {
      if (a.size() != b.size()) return false;
      for (auto it = a.begin(); it != a.end(); ++it) {
        const auto other = b.find(it.key());
        if (other == b.end() || !equal_at(it.value(), *other, depth + 1)) return false;
      }
      return true;
    }
    default: return false;  // binary and discarded values never come out of JSON text
  }
}

}  // namespace

std::string type_name(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "boolean";
    case json::value_t::string: return "string";
    case json::value_t::array: return "array";
    case json::value_t::object: return "object";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return "number";
    default: return "unknown";
  }
}

bool is_truthy(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return false;
    case json::value_t::boolean: return v.get<bool>();
    case json::value_t::string: return !v.get_ref<const std::string&>().empty();
    case json::value_t::array:
    case json::value_t::object: return !v.empty();
    default: return true;
  }
}

bool python_equal(const json& a, const json& b) { return equal_at(a, b, 0); }

bool jmespath_equal(const json& a, const json& b) {
  if ((a.is_boolean() && b.is_number()) || (a.is_number() && b.is_boolean())) return false;
  return python_equal(a, b);
}

int compare_numbers(const json& a, const json& b) {
  const long double x = as_exact(a);
  const long double y = as_exact(b);
  if (x < y) return -1;
  if (x > y) return 1;
  if (x == y) return 0;
  return 2;
}

bool python_less(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) return compare_numbers(a, b) == -1;
  if (a.is_string() && b.is_string()) {
    // Byte order of UTF-8 is code point order, which is how python orders str.
    return a.get_ref<const std::string&>() < b.get_ref<const std::string&>();
  }
  throw EvalError{"invalid-type", "cannot order a " + type_name(a) + " against a " + type_name(b)};
}

}  // namespace drc::aws::jmespath::detail
