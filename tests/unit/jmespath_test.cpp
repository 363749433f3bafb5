// JMESPath: results as the python jmespath package gives them (each expected value below was checked
// against jmespath 1.1.0), error kinds, column numbers in messages, and the limits on hostile input.

#include <gtest/gtest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "aws/jmespath/jmespath.hpp"
#include "aws/jmespath/python_json.hpp"

namespace {

namespace jp = drc::aws::jmespath;
using nlohmann::json;

struct Case {
  const char* expr;
  const char* data;
  const char* expected;  // compared as JSON, with the int/float distinction python prints
};

// Strict equality: nlohmann's == treats 1 and 1.0 as equal; python prints them differently.
bool same_typed(const json& a, const json& b) {
  if (a.is_number_float() != b.is_number_float()) return false;
  if (a.is_structured()) {
    if (a.type() != b.type() || a.size() != b.size()) return false;
    if (a.is_array()) {
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (!same_typed(a[i], b[i])) return false;
      }
      return true;
    }
    for (auto it = a.begin(); it != a.end(); ++it) {
      if (!b.contains(it.key()) || !same_typed(it.value(), b[it.key()])) return false;
    }
    return true;
  }
  return a == b;
}

constexpr Case kCases[] = {
    // Fields, quoted identifiers, sub-expressions, indexes.
    {"a.b.c", R"({"a": {"b": {"c": 7}}})", "7"},
    {"a.b.missing", R"({"a": {"b": {}}})", "null"},
    {R"("with space"."ünï")", R"({"with space": {"ünï": 1}})", "1"},
    {R"("\u00fc")", R"({"ü": true})", "true"},
    {"a[-1]", R"({"a": [1, 2, 3]})", "3"},
    {"a[3]", R"({"a": [1, 2, 3]})", "null"},
    {"a[0]", R"({"a": {"0": 1}})", "null"},
    {"a[99999999999999999999]", R"({"a": [1]})", "null"},
    {"a[-99999999999999999999:99999999999999999999:99999999999999999999]", R"({"a": [1, 2]})", "[1]"},
    // Slices, python's way.
    {"a[::-1]", R"({"a": [1, 2, 3, 4]})", "[4, 3, 2, 1]"},
    {"a[1::2]", R"({"a": [0, 1, 2, 3, 4, 5]})", "[1, 3, 5]"},
    {"a[-2:]", R"({"a": [0, 1, 2, 3]})", "[2, 3]"},
    {"a[4:1:-2]", R"({"a": [0, 1, 2, 3, 4, 5]})", "[4, 2]"},
    {"a[10:]", R"({"a": [0, 1]})", "[]"},
    {"a[:2].b", R"({"a": [{"b": 1}, {"c": 2}, {"b": 3}]})", "[1]"},
    {"a[0][0:1].b", R"({"a": [[{"b": 1}]]})", "null"},  // no projection: appended to the index node
    // Projections and null dropping.
    {"a[*].b", R"({"a": [{"b": 1}, {"c": 2}, {"b": null}, {"b": 3}]})", "[1, 3]"},
    {"a.*.b", R"({"a": {"x": {"b": 1}, "y": {"b": 2}, "z": 5}})", "[1, 2]"},
    {"a[]", R"({"a": [1, [2, [3]], []]})", "[1, 2, [3]]"},
    {"a[][]", R"({"a": [1, [2, [3]], []]})", "[1, 2, 3]"},
    {"a[*][0]", R"({"a": [[1, 2], [3], []]})", "[1, 3]"},
    {"a[*].b | [0]", R"({"a": [{"b": 1}, {"b": 2}]})", "1"},
    {"a[*].b[0]", R"({"a": [{"b": [1]}, {"b": [2]}]})", "[1, 2]"},
    {"a[*]", R"({"a": {"b": 1}})", "null"},
    {"*", R"({"b": 1, "a": 2})", "[2, 1]"},  // sorted keys (nlohmann), documented
    // Filters and comparisons.
    {"a[?b > `1`].b", R"({"a": [{"b": 1}, {"b": 2}, {"b": 3}]})", "[2, 3]"},
    {"a[?b == 'x'] | length(@)", R"({"a": [{"b": "x"}, {"b": "y"}, {"b": "x"}]})", "2"},
    {"a[?b]", R"({"a": [{"b": 0}, {"b": ""}, {"b": []}, {"b": false}, {"c": 1}]})", R"([{"b": 0}])"},
    {"a[?!b]", R"({"a": [{"b": 0}, {"b": ""}]})", R"([{"b": ""}])"},
    {"a[?b < 'n'].b", R"({"a": [{"b": "m"}, {"b": "o"}, {"b": 1}]})", "null"},  // string < number: error, see below
    {"`1` == `true`", "null", "false"},
    {"`[1]` == `[true]`", "null", "true"},
    {"`1.0` == `1`", "null", "true"},
    {"`2` < `2.5`", "null", "true"},
    {"`true` < `false`", "null", "null"},
    {"'a' < 'b'", "null", "true"},
    // Logic.
    {"a || b", R"({"a": [], "b": 2})", "2"},
    {"a && b", R"({"a": "", "b": 2})", R"("")"},
    {"!a", R"({"a": 0})", "false"},
    {"!a", R"({"a": {}})", "true"},
    // Multi-selects and pipes.
    {"[a, b]", R"({"a": 1})", "[1, null]"},
    {"{x: a, y: b}", R"({"a": 1})", R"({"x": 1, "y": null})"},
    {"{x: a y: b}", R"({"a": 1, "b": 2})", R"({"x": 1, "y": 2})"},  // python accepts the missing comma
    {"n.[a]", R"({"n": null})", "null"},
    {"f.[a]", R"({"f": false})", "[null]"},
    {"a | [0]", R"({"a": [5]})", "5"},
    // Literals: JSON, raw strings, and the legacy forms.
    {"`foo`", "null", R"("foo")"},
    {"`1 2`", "null", R"("1 2")"},
    {"``", "null", R"("")"},
    {"`{\"a\": [1, 2.0]}`", "null", R"({"a": [1, 2.0]})"},
    {R"('it\'s')", "null", R"("it's")"},
    {R"('a\\b')", "null", R"("a\\\\b")"},
    // Functions.
    {"abs(`-3`)", "null", "3"},
    {"avg(`[1, 2]`)", "null", "1.5"},
    {"avg(`[]`)", "null", "null"},
    {"ceil(`1.2`)", "null", "2"},
    {"floor(`-1.2`)", "null", "-2"},
    {"contains(`[1]`, `true`)", "null", "true"},
    {"contains('héllo', 'é')", "null", "true"},
    {"ends_with('abc', 'bc')", "null", "true"},
    {"starts_with('abc', 'bc')", "null", "false"},
    {"join('-', `[\"a\", \"b\"]`)", "null", R"("a-b")"},
    {"keys(@)", R"({"b": 1, "a": 2})", R"(["a", "b"])"},  // sorted keys (nlohmann); python: insertion order
    {"values(@)", R"({"b": 1, "a": 2})", "[2, 1]"},
    {"length('😀é')", "null", "2"},
    {"length(@)", R"({"a": 1, "b": 2})", "2"},
    {"map(&a, @)", R"([{"a": 1}, {}, {"a": 3}])", "[1, null, 3]"},
    {"max(`[1, 3.5, 2]`)", "null", "3.5"},
    {"max(`[1, 1.0]`)", "null", "1"},
    {"min(`[\"b\", \"a\"]`)", "null", R"("a")"},
    {"max_by(@, &a).n", R"([{"a": 1, "n": "x"}, {"a": 3, "n": "y"}, {"a": 3, "n": "z"}])", R"("y")"},
    {"min_by(@, &a).n", R"([{"a": 1, "n": "x"}, {"a": 1, "n": "y"}])", R"("x")"},
    {"merge(`{\"a\": 1}`, `{\"a\": 2, \"b\": 3}`)", "null", R"({"a": 2, "b": 3})"},
    {"not_null(a, b, `3`)", R"({"b": false})", "false"},
    {"reverse('aé😀')", "null", R"("😀éa")"},
    {"sort(`[3, 1.5, 2]`)", "null", "[1.5, 2, 3]"},
    {"sort(`[2, 1.0, 1]`)", "null", "[1.0, 1, 2]"},
    {"sort_by(@, &a)[*].n", R"([{"a": 2, "n": "x"}, {"a": 1, "n": "y"}, {"a": 2, "n": "z"}])", R"(["y", "x", "z"])"},
    {"sort_by(@, &a)", "[]", "[]"},
    {"sum(`[1, 2]`)", "null", "3"},
    {"sum(`[1, 2.5]`)", "null", "3.5"},
    {"sum(`[]`)", "null", "0"},
    {"to_array(`1`)", "null", "[1]"},
    {"to_string(`[1.0, 1e-05, \"é\"]`)", "null", R"("[1.0,1e-05,\"\\u00e9\"]")"},
    {"to_string(`1e16`)", "null", R"("1e+16")"},
    {"to_number(' 1_000 ')", "null", "1000"},
    {"to_number('1.')", "null", "1.0"},
    {"to_number('x')", "null", "null"},
    {"to_number(`true`)", "null", "null"},
    {"type(`1.5`)", "null", R"("number")"},
    {"type(&a)", "null", "null"},
    {"sort_by(@, not_null(&a))[0].a", R"([{"a": 2}, {"a": 1}])", "1"},
    {"sum(`[9223372036854775807, 1]`)", "null", "9223372036854775808"},
    {"abs(`-9223372036854775808`)", "null", "9223372036854775808"},
    // The benchmark's shape.
    {"DBSnapshots[?Status=='available'] | sort_by(@, &SnapshotCreateTime)[-1].DBSnapshotIdentifier",
     R"({"DBSnapshots": [{"DBSnapshotIdentifier": "a", "Status": "available", "SnapshotCreateTime": "2024-01-02"},
                         {"DBSnapshotIdentifier": "b", "Status": "creating", "SnapshotCreateTime": "2024-01-09"},
                         {"DBSnapshotIdentifier": "c", "Status": "available", "SnapshotCreateTime": "2024-01-05"},
                         {"DBSnapshotIdentifier": "d", "Status": "available", "SnapshotCreateTime": "2024-01-01"}]})",
     R"("c")"},
};

TEST(Jmespath, MatchesPythonOnHandWrittenCases) {
  for (const auto& c : kCases) {
    SCOPED_TRACE(c.expr);
    if (std::string(c.expr) == "a[?b < 'n'].b") continue;  // an error case, checked below
    const auto result = jp::search(c.expr, json::parse(c.data));
    ASSERT_TRUE(result.ok()) << result.error().message;
    const auto expected = json::parse(c.expected);
    EXPECT_TRUE(same_typed(*result, expected)) << "got " << result->dump() << ", expected " << expected.dump();
  }
}

struct ErrorCase {
  const char* expr;
  const char* data;
  const char* kind;
};

constexpr ErrorCase kErrors[] = {
    {"a.", "{}", "syntax"},
    {"", "{}", "syntax"},
    {"a[", "{}", "syntax"},
    {"{}", "{}", "syntax"},
    {"a = b", "{}", "syntax"},
    {"\"a\"(b)", "{}", "syntax"},
    {"a[1:2:3:4]", "{}", "syntax"},
    {"`{\"a\": }`", "{}", "syntax"},
    {"'unclosed", "{}", "syntax"},
    {"length(a,,b)", "{}", "syntax"},
    {"nope(@)", "{}", "unknown-function"},
    {"length()", "{}", "invalid-arity"},
    {"merge()", "{}", "invalid-arity"},
    {"nope(length())", "{}", "invalid-arity"},  // arguments first, then the name
    {"length(`1`)", "{}", "invalid-type"},
    {"sum(`[1, true]`)", "{}", "invalid-type"},
    {"max(`[1, \"a\"]`)", "{}", "invalid-type"},
    {"sort_by(@, &a)", R"([{"a": 1}, {"a": "x"}])", "invalid-type"},
    {"map(a, @)", "[]", "invalid-type"},
    {"a[?b < 'n'].b", R"({"a": [{"b": "m"}, {"b": 1}]})", "invalid-type"},
    {"contains('abc', `1`)", "{}", "invalid-type"},
    {"a[::0]", R"({"a": []})", "invalid-value"},
    {"&a", "{}", "invalid-value"},
};

TEST(Jmespath, ReportsErrorsOfPythonsKind) {
  for (const auto& c : kErrors) {
    SCOPED_TRACE(c.expr);
    const auto result = jp::search(c.expr, json::parse(c.data));
    ASSERT_FALSE(result.ok()) << "got " << result->dump();
    EXPECT_EQ(jp::error_kind(result.error()), c.kind) << result.error().message;
  }
}

TEST(Jmespath, RuntimeErrorsNeedEvaluation) {
  // Like python, an unknown function or a bad call is only an error when it is reached.
  EXPECT_TRUE(jp::Expression::compile("nope(@)").ok());
  const auto skipped = jp::search("a && nope(@)", json::parse(R"({"a": false})"));
  ASSERT_TRUE(skipped.ok());
  EXPECT_EQ(*skipped, json(false));
  EXPECT_TRUE(jp::search("a[::0]", json::parse(R"({"a": "s"})")).ok());
}

TEST(Jmespath, SyntaxErrorsNameTheColumnInCharacters) {
  const auto e = jp::Expression::compile(R"("ünï".)");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().message,
            "syntax error at column 7: expected an identifier, '*', '[' or '{' after '.', got the end of the expression");
  const auto bad = jp::Expression::compile("a[?b == ]");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "syntax error at column 9: unexpected ']': expected an expression");
  const auto unknown = jp::Expression::compile("a.ü");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "syntax error at column 3: unexpected character 'ü'");
}

TEST(Jmespath, CompiledExpressionIsReusableAndCopyable) {
  const auto compiled = jp::Expression::compile("a[?b > `1`].b | sum(@)");
  ASSERT_TRUE(compiled.ok());
  const jp::Expression copy = *compiled;
  EXPECT_EQ(*copy.search(json::parse(R"({"a": [{"b": 1}, {"b": 2}, {"b": 3}]})")), json(5));
  EXPECT_EQ(*compiled->search(json::parse(R"({"a": [{"b": 10}]})")), json(10));
  EXPECT_EQ(copy.text(), "a[?b > `1`].b | sum(@)");
}

TEST(Jmespath, RefusesOverlongAndOverDeepExpressions) {
  const auto too_long = jp::Expression::compile(std::string(jp::kMaxExpressionLength + 1, 'a'));
  ASSERT_FALSE(too_long.ok());
  EXPECT_EQ(jp::error_kind(too_long.error()), "too-complex");

  const std::string deep_parens = std::string(5000, '(') + "a" + std::string(5000, ')');
  const auto parens = jp::Expression::compile(deep_parens);
  ASSERT_FALSE(parens.ok());
  EXPECT_EQ(jp::error_kind(parens.error()), "syntax");

  std::string pipes = "a";
  for (int i = 0; i < 5000; ++i) pipes += "|a";
  EXPECT_FALSE(jp::Expression::compile(pipes).ok());

  const std::string deep_literal = "`" + std::string(3000, '[') + std::string(3000, ']') + "`";
  EXPECT_FALSE(jp::Expression::compile(deep_literal).ok());

  EXPECT_FALSE(jp::Expression::compile(std::string("a\xff", 2)).ok());  // not UTF-8
}

TEST(Jmespath, StopsExponentialWork) {
  // Every step doubles the result; without the work budget this would never finish.
  std::string doubling = "@";
  for (int i = 0; i < 60; ++i) doubling += " | [@, @]";
  const auto result = jp::search(doubling, json(1));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(jp::error_kind(result.error()), "too-complex");
}

TEST(Jmespath, WritesJsonAsPython) {
  EXPECT_EQ(jp::python_float_repr(1.0), "1.0");
  EXPECT_EQ(jp::python_float_repr(-0.0), "-0.0");
  EXPECT_EQ(jp::python_float_repr(1e16), "1e+16");
  EXPECT_EQ(jp::python_float_repr(1234567890123456.0), "1234567890123456.0");
  EXPECT_EQ(jp::python_float_repr(0.0001), "0.0001");
  EXPECT_EQ(jp::python_float_repr(0.00001), "1e-05");
  EXPECT_EQ(jp::python_float_repr(1.5e300), "1.5e+300");
  EXPECT_EQ(jp::python_float_repr(0.1), "0.1");
  EXPECT_EQ(*jp::to_python_json(json::parse(R"({"b": [1, 2.5, null], "a": "é\u007f😀"})")),
            R"({"a":"\u00e9\u007f\ud83d\ude00","b":[1,2.5,null]})");
}

}  // namespace
