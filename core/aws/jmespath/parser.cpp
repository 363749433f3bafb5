#include "aws/jmespath/parser.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "aws/jmespath/errors.hpp"
#include "aws/jmespath/functions.hpp"
#include "aws/jmespath/lexer.hpp"

namespace drc::aws::jmespath::detail {

namespace {

// Binding power below which a token ends a projection's right-hand side.
constexpr int kProjectionStop = 10;

NodePtr node(NodeType type, std::vector<NodePtr> children = {}) {
  auto n = std::make_unique<Node>(type);
  int deepest = 0;
  for (const auto& c : children) deepest = std::max(deepest, c->depth);
  n->depth = deepest + 1;
  n->children = std::move(children);
  return n;
}

NodePtr node(NodeType type, NodePtr a) {
  std::vector<NodePtr> v;
  v.push_back(std::move(a));
  return node(type, std::move(v));
}

NodePtr node(NodeType type, NodePtr a, NodePtr b) {
  std::vector<NodePtr> v;
  v.push_back(std::move(a));
  v.push_back(std::move(b));
  return node(type, std::move(v));
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  NodePtr parse() {
    NodePtr root = expression(0);
    if (current() != TokenType::Eof) fail(token(), "unexpected " + describe(current()) + " after a complete expression");
    return root;
  }

 private:
  // Depth bookkeeping on every recursion: a node's depth is checked where it is built, and parser
  // recursion is checked here, so neither can exhaust the stack.
  class DepthGuard {
   public:
    DepthGuard(Parser& p, const Token& at) : p_(p) {
      if (++p_.recursion_ > kMaxTreeDepth) throw SyntaxError{at.offset, "expression nested too deeply"};
    }
    ~DepthGuard() { --p_.recursion_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser& p_;
  };

  NodePtr checked(NodePtr n) const {
    if (n->depth > kMaxTreeDepth) throw SyntaxError{token().offset, "expression nested too deeply"};
    return n;
  }

  const Token& token(std::size_t ahead = 0) const {
    return tokens_[std::min(index_ + ahead, tokens_.size() - 1)];
  }
  TokenType current() const { return token().type; }
  TokenType lookahead(std::size_t n) const { return token(n).type; }
  void advance() {
    if (index_ + 1 < tokens_.size()) ++index_;
  }

  [[noreturn]] static void fail(const Token& t, std::string message) { throw SyntaxError{t.offset, std::move(message)}; }

  void expect(TokenType type) {
    if (current() != type) fail(token(), "expected " + describe(type) + ", got " + describe(current()));
    advance();
  }

  NodePtr expression(int bp) {
    DepthGuard guard(*this, token());
    const Token left_token = token();
    advance();
    NodePtr left = checked(nud(left_token));
    while (bp < binding_power(current())) {
      left = checked(led(current(), std::move(left)));
    }
    return left;
  }

  NodePtr nud(const Token& t) {
    switch (t.type) {
      case TokenType::Literal: {
        auto n = node(NodeType::Literal);
        n->literal = t.literal;
        return n;
      }
      case TokenType::UnquotedIdentifier: return field(t.text);
      case TokenType::QuotedIdentifier:
        if (current() == TokenType::LParen) fail(token(), "a quoted identifier cannot name a function");
        return field(t.text);
      case TokenType::Star: {
        NodePtr right = current() == TokenType::RBracket ? node(NodeType::Identity)
                                                         : projection_rhs(binding_power(TokenType::Star));
        return node(NodeType::ValueProjection, node(NodeType::Identity), std::move(right));
      }
      case TokenType::Filter: return filter(node(NodeType::Identity));
      case TokenType::LBrace: return multi_select_hash();
      case TokenType::LParen: {
        NodePtr inner = expression(0);
        expect(TokenType::RParen);
        return inner;
      }
      case TokenType::Flatten: {
        NodePtr left = node(NodeType::Flatten, node(NodeType::Identity));
        return node(NodeType::Projection, std::move(left), projection_rhs(binding_power(TokenType::Flatten)));
      }
      case TokenType::Not: return node(NodeType::Not, expression(binding_power(TokenType::Not)));
      case TokenType::LBracket:
        if (current() == TokenType::Number || current() == TokenType::Colon) {
          return project_if_slice(node(NodeType::Identity), index_or_slice());
        }
        if (current() == TokenType::Star && lookahead(1) == TokenType::RBracket) {
          advance();
          advance();
          return node(NodeType::Projection, node(NodeType::Identity), projection_rhs(binding_power(TokenType::Star)));
        }
        return multi_select_list();
      case TokenType::Current: return node(NodeType::Current);
      case TokenType::Expref: return node(NodeType::Expref, expression(binding_power(TokenType::Expref)));
      case TokenType::Eof: fail(t, "the expression is incomplete: expected more after it");
      default: fail(t, "unexpected " + describe(t.type) + ": expected an expression");
    }
  }

  NodePtr led(TokenType type, NodePtr left) {
    const Token at = token();
    advance();
    switch (type) {
      case TokenType::Dot:
        if (current() == TokenType::Star) {
          advance();
          return node(NodeType::ValueProjection, std::move(left), projection_rhs(binding_power(TokenType::Dot)));
        } else {
          NodePtr right = dot_rhs(binding_power(TokenType::Dot));
          if (left->type == NodeType::Subexpression) return append(std::move(left), std::move(right));
          return node(NodeType::Subexpression, std::move(left), std::move(right));
        }
      case TokenType::Pipe: return node(NodeType::Pipe, std::move(left), expression(binding_power(TokenType::Pipe)));
      case TokenType::Or: return node(NodeType::Or, std::move(left), expression(binding_power(TokenType::Or)));
      case TokenType::And: return node(NodeType::And, std::move(left), expression(binding_power(TokenType::And)));
      case TokenType::LParen: return function(at, std::move(left));
      case TokenType::Filter: return filter(std::move(left));
      case TokenType::Eq: return comparator(CompareOp::Eq, std::move(left), type);
      case TokenType::Ne: return comparator(CompareOp::Ne, std::move(left), type);
      case TokenType::Gt: return comparator(CompareOp::Gt, std::move(left), type);
      case TokenType::Gte: return comparator(CompareOp::Gte, std::move(left), type);
      case TokenType::Lt: return comparator(CompareOp::Lt, std::move(left), type);
      case TokenType::Lte: return comparator(CompareOp::Lte, std::move(left), type);
      case TokenType::Flatten: {
        NodePtr flat = node(NodeType::Flatten, std::move(left));
        return node(NodeType::Projection, std::move(flat), projection_rhs(binding_power(TokenType::Flatten)));
      }
      case TokenType::LBracket:
        if (current() == TokenType::Number || current() == TokenType::Colon) {
          NodePtr right = index_or_slice();
          if (left->type == NodeType::IndexExpression) return append(std::move(left), std::move(right));
          return project_if_slice(std::move(left), std::move(right));
        }
        expect(TokenType::Star);
        expect(TokenType::RBracket);
        return node(NodeType::Projection, std::move(left), projection_rhs(binding_power(TokenType::Star)));
      default: fail(at, "unexpected " + describe(type) + " after an expression");
    }
  }

  static NodePtr field(const std::string& name) {
    auto n = node(NodeType::Field);
    n->name = name;
    return n;
  }

  static NodePtr append(NodePtr parent, NodePtr child) {
    parent->depth = std::max(parent->depth, child->depth + 1);
    parent->children.push_back(std::move(child));
    return parent;
  }

  NodePtr comparator(CompareOp op, NodePtr left, TokenType type) {
    auto n = node(NodeType::Comparator, std::move(left), expression(binding_power(type)));
    n->op = op;
    return n;
  }

  NodePtr function(const Token& paren, NodePtr left) {
    if (left->type != NodeType::Field) fail(paren, "only a plain name can be called as a function");
    std::vector<NodePtr> args;
    while (current() != TokenType::RParen) {
      args.push_back(expression(0));
      if (current() == TokenType::Comma) expect(TokenType::Comma);
    }
    expect(TokenType::RParen);
    auto n = node(NodeType::Function, std::move(args));
    n->name = left->name;
    n->builtin = find_builtin(n->name);
    return n;
  }

  NodePtr filter(NodePtr left) {
    NodePtr condition = expression(0);
    expect(TokenType::RBracket);
    NodePtr right = current() == TokenType::Flatten ? node(NodeType::Identity)
                                                    : projection_rhs(binding_power(TokenType::Filter));
    std::vector<NodePtr> v;
    v.push_back(std::move(left));
    v.push_back(std::move(right));
    v.push_back(std::move(condition));
    return node(NodeType::FilterProjection, std::move(v));
  }

  NodePtr index_or_slice() {
    if (current() == TokenType::Colon || lookahead(1) == TokenType::Colon) return slice();
    auto n = node(NodeType::Index);
    n->index = token().number;
    advance();
    expect(TokenType::RBracket);
    return n;
  }

  NodePtr slice() {
    auto n = node(NodeType::Slice);
    std::size_t part = 0;
    while (current() != TokenType::RBracket && part < 3) {
      if (current() == TokenType::Colon) {
        if (++part == 3) fail(token(), "a slice has at most three parts (start:stop:step)");
        advance();
      } else if (current() == TokenType::Number) {
        n->slice[part] = token().number;
        advance();
      } else {
        fail(token(), "expected a number, ':' or ']' in a slice, got " + describe(current()));
      }
    }
    expect(TokenType::RBracket);
    return n;
  }

  NodePtr project_if_slice(NodePtr left, NodePtr right) {
    const bool is_slice = right->type == NodeType::Slice;
    NodePtr index = node(NodeType::IndexExpression, std::move(left), std::move(right));
    if (!is_slice) return index;
    return node(NodeType::Projection, std::move(index), projection_rhs(binding_power(TokenType::Star)));
  }

  NodePtr multi_select_list() {
    std::vector<NodePtr> items;
    while (true) {
      items.push_back(expression(0));
      if (current() == TokenType::RBracket) break;
      expect(TokenType::Comma);
    }
    expect(TokenType::RBracket);
    return node(NodeType::MultiSelectList, std::move(items));
  }

  NodePtr multi_select_hash() {
    std::vector<NodePtr> values;
    std::vector<std::string> keys;
    while (true) {
      if (current() != TokenType::UnquotedIdentifier && current() != TokenType::QuotedIdentifier) {
        fail(token(), "expected a key name in '{...}', got " + describe(current()));
      }
      keys.push_back(token().text);
      advance();
      expect(TokenType::Colon);
      values.push_back(expression(0));
      if (current() == TokenType::Comma) {
        advance();
      } else if (current() == TokenType::RBrace) {
        advance();
        break;
      }
      // Anything else: the reference simply reads the next key, so `{a: x b: y}` is accepted.
    }
    auto n = node(NodeType::MultiSelectHash, std::move(values));
    n->keys = std::move(keys);
    return n;
  }

  NodePtr projection_rhs(int bp) {
    const TokenType t = current();
    if (binding_power(t) < kProjectionStop) return node(NodeType::Identity);
    if (t == TokenType::LBracket || t == TokenType::Filter) return expression(bp);
    if (t == TokenType::Dot) {
      advance();
      return dot_rhs(bp);
    }
    fail(token(), "unexpected " + describe(t) + " after a projection");
  }

  NodePtr dot_rhs(int bp) {
    const TokenType t = current();
    if (t == TokenType::UnquotedIdentifier || t == TokenType::QuotedIdentifier || t == TokenType::Star) {
      return expression(bp);
    }
    if (t == TokenType::LBracket) {
      advance();
      return multi_select_list();
    }
    if (t == TokenType::LBrace) {
      advance();
      return multi_select_hash();
    }
    fail(token(), "expected an identifier, '*', '[' or '{' after '.', got " + describe(t));
  }

  std::vector<Token> tokens_;
  std::size_t index_ = 0;
  int recursion_ = 0;
};

}  // namespace

NodePtr parse_expression(std::string_view text) { return Parser(tokenize(text)).parse(); }

}  // namespace drc::aws::jmespath::detail
