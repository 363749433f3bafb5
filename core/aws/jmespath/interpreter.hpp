#pragma once
// Walks the syntax tree over a document, node by node as the reference's TreeInterpreter does.

#include <cstdint>

#include "aws/jmespath/ast.hpp"
#include "aws/jmespath/value.hpp"

namespace drc::aws::jmespath::detail {

// A budget of work units per search: one per node visited, one per JSON node copied. Expressions such as
// `[@,@] | [@,@] | ...` double their result at every step, so without a budget a short expression could
// take unbounded time and memory. The budget grows with the document, so legitimate queries over large
// AWS responses (which copy each element a few times) stay far inside it, while a blow-up on a small
// document stops within a fraction of a second.
inline constexpr std::uint64_t kWorkBudgetBase = 1'000'000;
inline constexpr std::uint64_t kWorkPerDocumentNode = 32;

// The budget for searching `document`. Throws EvalError for documents nested deeper than kMaxDataDepth.
std::uint64_t work_budget_for(const json& document);

class Interpreter {
 public:
  explicit Interpreter(std::uint64_t budget) : budget_(budget) {}

  // Throws EvalError. A view in the result may point into `current`, the tree, or the searched document.
  Value eval(const Node& node, const json& current);

  // Takes ownership of a value, copying a view (and paying for the copy).
  json materialize(Value v);
  json copy(const json& v);

  // Throws EvalError("too-complex") once the budget is spent.
  void charge(std::uint64_t units);

 private:
  Value chain(const Node& node, const json& current);
  Value projection(const Node& node, const json& current);
  Value value_projection(const Node& node, const json& current);
  Value filter_projection(const Node& node, const json& current);
  Value flatten(const Node& node, const json& current);
  Value index(const Node& node, const json& current);
  Value slice(const Node& node, const json& current);
  Value multi_select_list(const Node& node, const json& current);
  Value multi_select_hash(const Node& node, const json& current);
  Value comparator(const Node& node, const json& current);
  Value function(const Node& node, const json& current);

  std::uint64_t budget_;
};

}  // namespace drc::aws::jmespath::detail
