#include "aws/jmespath/interpreter.hpp"

#include <vector>

#include "aws/jmespath/errors.hpp"
#include "aws/jmespath/functions.hpp"

namespace drc::aws::jmespath::detail {

namespace {

// Counts JSON nodes, stopping at `limit` so a huge value costs no more than the budget it would exceed.
std::uint64_t count_nodes(const json& v, std::uint64_t limit, int depth) {
  if (depth > kMaxDataDepth) throw EvalError{"too-complex", "data nested too deeply"};
  std::uint64_t n = 1;
  if (v.is_structured()) {
    for (const auto& child : v) {
      if (n > limit) break;
      n += count_nodes(child, limit - n, depth + 1);
    }
  }
  return n;
}

// Python's slice.indices(): clamps start and stop into the list for the step's direction.
std::int64_t clamp_slice_bound(std::optional<std::int64_t> bound, std::int64_t length, std::int64_t step, bool is_start) {
  if (!bound) {
    if (step > 0) return is_start ? 0 : length;
    return is_start ? length - 1 : -1;
  }
  std::int64_t b = *bound;
  if (b < 0) {
    b += length;
    if (b < 0) b = step < 0 ? -1 : 0;
  } else if (b >= length) {
    b = step < 0 ? length - 1 : length;
  }
  return b;
}

[[noreturn]] void expref_as_json() {
  // Python would carry its opaque expression object on into the result, which no JSON output can hold.
  throw EvalError{"invalid-value", "an expression reference (&...) can only be used as a function argument"};
}

}  // namespace

std::uint64_t work_budget_for(const json& document) {
  constexpr std::uint64_t kCountLimit = std::uint64_t{1} << 40;
  return kWorkBudgetBase + kWorkPerDocumentNode * count_nodes(document, kCountLimit, 0);
}

void Interpreter::charge(std::uint64_t units) {
  if (units > budget_) {
    budget_ = 0;
    throw EvalError{"too-complex", "the expression needs too much work or memory on this data"};
  }
  budget_ -= units;
}

json Interpreter::copy(const json& v) {
  charge(count_nodes(v, budget_, 0));
  return v;
}

json Interpreter::materialize(Value v) {
  if (v.expref != nullptr) expref_as_json();
  if (v.ref != nullptr) return copy(*v.ref);
  return std::move(v.own);
}

Value Interpreter::eval(const Node& node, const json& current) {
  charge(1);
  switch (node.type) {
    case NodeType::Field: {
      if (!current.is_object()) return Value::null();
      const auto it = current.find(node.name);
      return it == current.end() ? Value::null() : Value::view(*it);
    }
    case NodeType::Subexpression:
    case NodeType::IndexExpression:
    case NodeType::Pipe: return chain(node, current);
    case NodeType::Index: return index(node, current);
    case NodeType::Slice: return slice(node, current);
    case NodeType::Projection: return projection(node, current);
    case NodeType::ValueProjection: return value_projection(node, current);
    case NodeType::FilterProjection: return filter_projection(node, current);
    case NodeType::Flatten: return flatten(node, current);
    case NodeType::Identity:
    case NodeType::Current: return Value::view(current);
    case NodeType::Literal: return Value::view(node.literal);
    case NodeType::MultiSelectList: return multi_select_list(node, current);
    case NodeType::MultiSelectHash: return multi_select_hash(node, current);
    case NodeType::Or: {
      Value left = eval(*node.children[0], current);
      if (is_truthy(left)) return left;
      return eval(*node.children[1], current);
    }
    case NodeType::And: {
      Value left = eval(*node.children[0], current);
      if (!is_truthy(left)) return left;
      return eval(*node.children[1], current);
    }
    case NodeType::Not: return Value::owned(!is_truthy(eval(*node.children[0], current)));
    case NodeType::Comparator: return comparator(node, current);
    case NodeType::Function: return function(node, current);
    case NodeType::Expref: return Value::reference(*node.children[0]);
  }
  return Value::null();
}

// Each child applies to what the previous one produced. A view into a value this frame owns must be
// copied before that value is replaced.
Value Interpreter::chain(const Node& node, const json& current) {
  Value result = Value::view(current);
  for (const auto& child : node.children) {
    if (result.expref != nullptr) {
      // Python looks fields and indexes up on its expression object and finds nothing.
      const bool lookup = child->type == NodeType::Field || child->type == NodeType::Index || child->type == NodeType::Slice;
      if (!lookup) expref_as_json();
      result = Value::null();
      continue;
    }
    Value next = eval(*child, result.get());
    if (result.ref == nullptr) {
      if (next.ref == &result.own) continue;
      if (next.ref != nullptr) next = Value::owned(copy(*next.ref));
    }
    result = std::move(next);
  }
  return result;
}

Value Interpreter::index(const Node& node, const json& current) {
  if (!current.is_array()) return Value::null();
  const auto size = static_cast<std::int64_t>(current.size());
  const std::int64_t i = node.index < 0 ? node.index + size : node.index;
  if (i < 0 || i >= size) return Value::null();
  return Value::view(current[static_cast<std::size_t>(i)]);
}

Value Interpreter::slice(const Node& node, const json& current) {
  if (!current.is_array()) return Value::null();
  const std::int64_t step = node.slice[2].value_or(1);
  if (step == 0) throw EvalError{"invalid-value", "a slice step cannot be zero"};
  const auto length = static_cast<std::int64_t>(current.size());
  const std::int64_t start = clamp_slice_bound(node.slice[0], length, step, true);
  const std::int64_t stop = clamp_slice_bound(node.slice[1], length, step, false);
  json out = json::array();
  for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step) {
    out.push_back(copy(current[static_cast<std::size_t>(i)]));
  }
  return Value::owned(std::move(out));
}

Value Interpreter::projection(const Node& node, const json& current) {
  const Value base = eval(*node.children[0], current);
  if (!base.get().is_array()) return Value::null();
  json out = json::array();
  for (const auto& element : base.get()) {
    Value v = eval(*node.children[1], element);
    if (!v.get().is_null()) out.push_back(materialize(std::move(v)));
  }
  return Value::owned(std::move(out));
}

Value Interpreter::value_projection(const Node& node, const json& current) {
  const Value base = eval(*node.children[0], current);
  if (!base.get().is_object()) return Value::null();
  json out = json::array();
  for (const auto& element : base.get()) {
    Value v = eval(*node.children[1], element);
    if (!v.get().is_null()) out.push_back(materialize(std::move(v)));
  }
  return Value::owned(std::move(out));
}

Value Interpreter::filter_projection(const Node& node, const json& current) {
  const Value base = eval(*node.children[0], current);
  if (!base.get().is_array()) return Value::null();
  json out = json::array();
  for (const auto& element : base.get()) {
    if (!is_truthy(eval(*node.children[2], element))) continue;
    Value v = eval(*node.children[1], element);
    if (!v.get().is_null()) out.push_back(materialize(std::move(v)));
  }
  return Value::owned(std::move(out));
}

Value Interpreter::flatten(const Node& node, const json& current) {
  const Value base = eval(*node.children[0], current);
  if (!base.get().is_array()) return Value::null();
  json out = json::array();
  for (const auto& element : base.get()) {
    if (element.is_array()) {
      for (const auto& inner : element) out.push_back(copy(inner));
    } else {
      out.push_back(copy(element));
    }
  }
  return Value::owned(std::move(out));
}

Value Interpreter::multi_select_list(const Node& node, const json& current) {
  if (current.is_null()) return Value::null();
  json out = json::array();
  for (const auto& child : node.children) out.push_back(materialize(eval(*child, current)));
  return Value::owned(std::move(out));
}

Value Interpreter::multi_select_hash(const Node& node, const json& current) {
  if (current.is_null()) return Value::null();
  json out = json::object();
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    out[node.keys[i]] = materialize(eval(*node.children[i], current));
  }
  return Value::owned(std::move(out));
}

Value Interpreter::comparator(const Node& node, const json& current) {
  const Value left = eval(*node.children[0], current);
  const Value right = eval(*node.children[1], current);
  if (left.expref != nullptr || right.expref != nullptr) {
    // Python compares its expression object by identity: equal to nothing, and not orderable.
    if (node.op == CompareOp::Eq) return Value::owned(false);
    if (node.op == CompareOp::Ne) return Value::owned(true);
    return Value::null();
  }
  const json& a = left.get();
  const json& b = right.get();
  switch (node.op) {
    case CompareOp::Eq: return Value::owned(jmespath_equal(a, b));
    case CompareOp::Ne: return Value::owned(!jmespath_equal(a, b));
    default: break;
  }
  // Ordering is defined only between numbers and between strings; anything else compares as null.
  const auto comparable = [](const json& v) { return v.is_number() || v.is_string(); };
  if (!comparable(a) || !comparable(b)) return Value::null();
  switch (node.op) {
    case CompareOp::Lt: return Value::owned(python_less(a, b));
    case CompareOp::Gt: return Value::owned(python_less(b, a));
    case CompareOp::Lte: return Value::owned(!python_less(b, a) && (a.is_string() || compare_numbers(a, b) != 2));
    case CompareOp::Gte: return Value::owned(!python_less(a, b) && (a.is_string() || compare_numbers(a, b) != 2));
    default: return Value::null();
  }
}

Value Interpreter::function(const Node& node, const json& current) {
  // Arguments are evaluated before the name is looked up, so an error inside an argument wins, as in python.
  std::vector<Arg> args;
  args.reserve(node.children.size());
  for (const auto& child : node.children) {
    Value v = eval(*child, current);
    const Node* expref = v.expref;
    args.push_back(Arg{std::move(v), expref});
  }
  if (node.builtin == nullptr) throw EvalError{"unknown-function", "there is no function named " + node.name + "()"};
  return call_builtin(*this, *node.builtin, args);
}

}  // namespace drc::aws::jmespath::detail
