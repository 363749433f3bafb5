#pragma once
// What evaluation passes around, and the reference's value semantics: truthiness, equality, ordering and
// type names. Python's rules differ from plain JSON ones in small ways that decide results (`1 == true` is
// false at the top of a comparison but `[1] == [true]` is true), so they live here in one place.

#include <string>

#include <nlohmann/json.hpp>

namespace drc::aws::jmespath::detail {

using nlohmann::json;

// Either a view of a JSON value owned elsewhere (the searched document, a literal in the tree, or a value
// an enclosing frame owns) or an owned value. Views avoid copying the document on every field access.
struct Value {
  const json* ref = nullptr;
  json own;

  static Value view(const json& v) { return Value{&v, json()}; }
  static Value owned(json v) { return Value{nullptr, std::move(v)}; }
  static Value null() { return Value{}; }

  const json& get() const { return ref != nullptr ? *ref : own; }
};

// Recursive helpers over data give up past this depth instead of exhausting the stack.
inline constexpr int kMaxDataDepth = 2000;

// JMESPath type names: "number", "string", "boolean", "array", "object", "null".
std::string type_name(const json& v);

// The reference's notion of false: null, false, "", [] and {}. Every number, even 0, is true.
bool is_truthy(const json& v);

// python's `==` on the decoded values: numbers compare exactly across int and float, and booleans count
// as 0 and 1 (True == 1), at every depth.
bool python_equal(const json& a, const json& b);

// The `==` operator: python_equal, except that a boolean never equals a number at the top level.
bool jmespath_equal(const json& a, const json& b);

// Exact numeric comparison of two JSON numbers (int64, uint64 or double): -1, 0, 1, or 2 when unordered (NaN).
int compare_numbers(const json& a, const json& b);

// Ordering as python's `<` on two strings or two numbers. Throws EvalError (invalid-type) for a string
// against a number, as python raises TypeError.
bool python_less(const json& a, const json& b);

}  // namespace drc::aws::jmespath::detail
