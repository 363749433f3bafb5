#pragma once
// What evaluation passes around, and the reference's value semantics: truthiness, equality, ordering and
// type names. Python's rules differ from plain JSON ones in small ways that decide results (`1 == true` is
// false at the top of a comparison but `[1] == [true]` is true), so they live here in one place.

#include <string>

#include <nlohmann/json.hpp>

namespace drc::aws::jmespath::detail {

using nlohmann::json;

struct Node;

// Either a view of a JSON value owned elsewhere (the searched document, a literal in the tree, or a value
// an enclosing frame owns) or an owned value. Views avoid copying the document on every field access.
//
// Or an expression reference: python evaluates `&expr` to an opaque object that can travel through `||`,
// `&&` and function arguments before a function uses it (`sort_by(@, x && &y)`). It is truthy, equal to
// nothing, and not JSON: get() sees it as null, and it must never be materialized into a result.
struct Value {
  const json* ref = nullptr;
  json own;
  const Node* expref = nullptr;

  static Value view(const json& v) { return Value{&v, json(), nullptr}; }
  static Value owned(json v) { return Value{nullptr, std::move(v), nullptr}; }
  static Value null() { return Value{}; }
  static Value reference(const Node& n) { return Value{nullptr, json(), &n}; }

  const json& get() const { return ref != nullptr ? *ref : own; }
};

// Recursive helpers over data give up past this depth instead of exhausting the stack.
inline constexpr int kMaxDataDepth = 2000;

// JMESPath type names: "number", "string", "boolean", "array", "object", "null".
std::string type_name(const json& v);

// The reference's notion of false: null, false, "", [] and {}. Every number, even 0, is true.
bool is_truthy(const json& v);
inline bool is_truthy(const Value& v) { return v.expref != nullptr || is_truthy(v.get()); }

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
