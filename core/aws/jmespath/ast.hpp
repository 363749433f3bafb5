#pragma once
// The syntax tree. Its shapes mirror the reference implementation's node types one for one, because some
// results depend on the shape (e.g. `a[0][1:2]` appends the slice to one index-expression node instead of
// starting a projection), and matching python means building the same tree.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace drc::aws::jmespath::detail {

struct Builtin;

enum class NodeType {
  Field,             // name
  Subexpression,     // children applied left to right: a.b.c
  IndexExpression,   // children applied left to right: a[0][1]
  Index,             // index
  Slice,             // slice
  Projection,        // [left, right]: right applied to each element of the array left gives
  ValueProjection,   // [left, right]: right applied to each value of the object left gives
  FilterProjection,  // [left, right, condition]
  Flatten,           // [child]
  Identity,          // the node a projection or bracket starts from
  Current,           // @
  Literal,           // literal
  MultiSelectList,   // children
  MultiSelectHash,   // children, with keys parallel to them
  Or,
  And,
  Not,
  Comparator,        // op, [left, right]
  Pipe,              // [left, right]
  Function,          // name, builtin (null when unknown: python reports that only when it is called)
  Expref,            // [child]
};

enum class CompareOp { Eq, Ne, Lt, Gt, Lte, Gte };

struct Node {
  explicit Node(NodeType t) : type(t) {}

  NodeType type;
  std::vector<std::unique_ptr<Node>> children;
  std::string name;
  std::vector<std::string> keys;
  nlohmann::json literal;
  std::int64_t index = 0;
  std::array<std::optional<std::int64_t>, 3> slice;  // start, stop, step
  CompareOp op = CompareOp::Eq;
  const Builtin* builtin = nullptr;
  int depth = 1;  // longest path to a leaf: the interpreter recurses this deep
};

using NodePtr = std::unique_ptr<Node>;

}  // namespace drc::aws::jmespath::detail
