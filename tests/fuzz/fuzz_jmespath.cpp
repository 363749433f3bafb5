// Hostile input for JMESPath: compiling and searching must never crash, hang, or throw past the API.
//
// Built normally, main() runs a fixed number of deterministic iterations (mutated seed expressions and
// raw random bytes) in a couple of seconds, as a ctest. Built with -DDRC_LIBFUZZER (the CMake option of
// the same name, clang only), the same exercise() becomes a libFuzzer target.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/jmespath/jmespath.hpp"
#include "aws/jmespath/python_json.hpp"

namespace {

namespace jp = drc::aws::jmespath;
using nlohmann::json;

const std::vector<json>& documents() {
  static const std::vector<json> docs = {
      json::parse(R"({"a": {"b": [1, 2.5, "x", null, true, {"c": [[1], [2, 3]]}]}, "foo": [{"bar": 1}, {"bar": "z"}],
                      "s": "héllo 😀", "n": null, "e": [], "o": {}, "k": -9223372036854775808})"),
      json::parse(R"([[1, 2], [3, [4, [5]]], {"a": 1}, "str", 0, -1.5e300])"),
      json(nullptr),
      json("text"),
  };
  return docs;
}

void check(bool condition, const char* what, std::string_view input) {
  if (condition) return;
  std::fprintf(stderr, "fuzz_jmespath: %s for input (%zu bytes): %.*s\n", what, input.size(),
               static_cast<int>(std::min<std::size_t>(input.size(), 500)), input.data());
  std::abort();
}

void exercise(std::string_view input) {
  const auto compiled = jp::Expression::compile(input);
  if (!compiled) {
    check(!compiled.error().message.empty(), "empty compile error message", input);
    return;
  }
  for (const auto& doc : documents()) {
    const auto result = compiled->search(doc);
    if (!result) {
      const auto kind = jp::error_kind(result.error());
      check(kind == "invalid-type" || kind == "invalid-arity" || kind == "unknown-function" ||
                kind == "invalid-value" || kind == "too-complex",
            "runtime error of an undocumented kind", input);
      continue;
    }
    check(jp::to_python_json(*result).ok(), "result cannot be written as JSON", input);
  }
}

#ifndef DRC_LIBFUZZER
const std::vector<std::string>& seeds() {
  static const std::vector<std::string> s = {
      "a.b[0].c", "foo[*].bar", "foo[?bar > `1`].bar | [0]", "a.b[::-1]", "a.b[1:3:2]", "*.b", "a.b[]",
      "{x: a, y: foo[0]}", "[a, foo, s]", "a || n && !e", "sort_by(foo, &bar)", "max_by(foo, &bar)",
      "length(s)", "to_string(@)", "to_number('1_000')", "merge(o, `{\"z\": 1}`)", "map(&[0], @)",
      "`{\"a\": [1, 2]}`", "'raw\\'s'", "\"quoted \\u00e9\"", "not_null(n, e, `1`)", "a.b[?@ == `2.5`]",
      "reverse(s)", "sum(a.b[?type(@) == 'number'])", "keys(@) | join(',', @)", "@ | @[0] | [@, @]",
      "a.b[99999999999999999999:-99999999999999999999:-99999999999999999999]",
  };
  return s;
}

std::string mutate(std::mt19937& rng, std::string text) {
  static constexpr std::string_view kPieces = "[]{}()*.?@&|!<>=,:'`\"-0123456789abz \\\n\t";
  const int edits = 1 + static_cast<int>(rng() % 4);
  for (int i = 0; i < edits; ++i) {
    const std::size_t pos = text.empty() ? 0 : rng() % (text.size() + 1);
    switch (rng() % 5) {
      case 0:
        if (pos < text.size()) text.erase(pos, 1);
        break;
      case 1: text.insert(pos, 1, kPieces[rng() % kPieces.size()]); break;
      case 2: text.insert(pos, 1, static_cast<char>(rng() % 256)); break;
      case 3: {
        const std::size_t len = text.empty() ? 0 : rng() % (text.size() - std::min(pos, text.size()) + 1);
        text.insert(pos, text.substr(std::min(pos, text.size()), len));
        break;
      }
      default: text.insert(pos, seeds()[rng() % seeds().size()]); break;
    }
  }
  return text;
}
#endif

}  // namespace

#ifdef DRC_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  exercise(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
#else
int main(int argc, char** argv) {
  const long iterations = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 40000;
  std::mt19937 rng(12345);
  for (const auto& s : seeds()) exercise(s);
  for (long i = 0; i < iterations; ++i) {
    if (i % 10 == 0) {
      std::string bytes(rng() % 64, '\0');
      for (auto& c : bytes) c = static_cast<char>(rng() % 256);
      exercise(bytes);
    } else {
      exercise(mutate(rng, seeds()[rng() % seeds().size()]));
    }
  }
  // Deliberately hostile shapes, each of which must be refused or answered quickly.
  exercise(std::string(70000, 'a'));
  exercise(std::string(20000, '(') + "a");
  exercise(std::string(20000, '[') + "a");
  exercise(std::string(20000, '!') + "a");
  exercise("`" + std::string(20000, '[') + "`");
  std::string chain = "@";
  for (int i = 0; i < 40; ++i) chain += " | [@, @, @]";
  exercise(chain);
  std::printf("fuzz_jmespath: %ld iterations, no crash\n", iterations);
  return 0;
}
#endif
