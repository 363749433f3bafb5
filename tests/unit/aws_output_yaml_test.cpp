// --output yaml and yaml-stream against what the aws CLI's YAML formatter prints for the same values: the
// expected text was printed once by ruamel.yaml 0.17.21 (with ruamel.yaml.clib, so libyaml's emitter) set
// up as the aws CLI v2's YAMLDumper sets it up, and pasted here; nothing below runs Python.

#include <gtest/gtest.h>

#include "aws/cli/output.hpp"

namespace {

std::string yaml(const char* json) { return drc::aws::cli::format_yaml(nlohmann::ordered_json::parse(json)); }
std::string stream_page(const char* json) { return drc::aws::cli::format_yaml_stream_page(nlohmann::ordered_json::parse(json)); }

}  // namespace

TEST(AwsOutputYaml, KeysSortedAndNested) {
  EXPECT_EQ(yaml(R"json({"Zeta": 1, "Alpha": {"b": [1, 2], "a": "x"}, "Mid": [{"k": "v", "j": []}, {}]})json"),
      "Alpha:\n"
      "  a: x\n"
      "  b:\n"
      "  - 1\n"
      "  - 2\n"
      "Mid:\n"
      "- j: []\n"
      "  k: v\n"
      "- {}\n"
      "Zeta: 1\n");
}

TEST(AwsOutputYaml, StringsThatNeedQuoting) {
  EXPECT_EQ(yaml(R"json({"values": ["true", "True", "yes", "123", "1.5", "1e3", "0x1F", "0o17", "1_000", ".inf", ".NaN", "null", "Null", "~", "", "2026-01-01", "2026-01-01T12:00:00Z", "2026-1-1 1:00:00", "12:30:00", "x: y", "x:", " lead", "trail ", "a # b", "a#b", "#x", "- x", "-x", "---", "...", "? x", "?x", ":x", "[x]", "{x}", "&a", "*a", "!a", "|a", ">a", "'q'", "\"q\"", "%a", "@a", "`a", "<<", "=", "it's", "a,b"]})json"),
      "values:\n"
      "- 'true'\n"
      "- 'True'\n"
      "- yes\n"
      "- '123'\n"
      "- '1.5'\n"
      "- '1e3'\n"
      "- '0x1F'\n"
      "- '0o17'\n"
      "- '1_000'\n"
      "- '.inf'\n"
      "- '.NaN'\n"
      "- 'null'\n"
      "- 'Null'\n"
      "- '~'\n"
      "- ''\n"
      "- '2026-01-01'\n"
      "- '2026-01-01T12:00:00Z'\n"
      "- '2026-1-1 1:00:00'\n"
      "- 12:30:00\n"
      "- 'x: y'\n"
      "- 'x:'\n"
      "- ' lead'\n"
      "- 'trail '\n"
      "- 'a # b'\n"
      "- a#b\n"
      "- '#x'\n"
      "- '- x'\n"
      "- -x\n"
      "- '---'\n"
      "- '...'\n"
      "- '? x'\n"
      "- ?x\n"
      "- :x\n"
      "- '[x]'\n"
      "- '{x}'\n"
      "- '&a'\n"
      "- '*a'\n"
      "- '!a'\n"
      "- '|a'\n"
      "- '>a'\n"
      "- '''q'''\n"
      "- '\"q\"'\n"
      "- '%a'\n"
      "- '@a'\n"
      "- '`a'\n"
      "- '<<'\n"
      "- '='\n"
      "- it's\n"
      "- a,b\n");
}

TEST(AwsOutputYaml, ScalarsOfEveryType) {
  EXPECT_EQ(yaml(R"json({"n": null, "t": true, "f": false, "i": 42, "neg": -7, "big": 12345678901234567890, "fl": 1.5, "e": 1e+20, "small": 1e-05, "z": -0.0, "one": 1.0})json"),
      "big: 12345678901234567890\n"
      "e: 1e+20\n"
      "f: false\n"
      "fl: 1.5\n"
      "i: 42\n"
      "n: null\n"
      "neg: -7\n"
      "one: 1.0\n"
      "small: 1e-05\n"
      "t: true\n"
      "z: -0.0\n");
}

TEST(AwsOutputYaml, UnicodeAndEscapes) {
  EXPECT_EQ(yaml(R"json({"cafe": "caf\u00e9 \u00f1and\u00fa \u65e5\u672c\u8a9e", "emoji": "ok \ud83d\ude00", "tab": "a\tb", "crlf": "a\r\nb", "nbsp": "a\u00a0b", "bom": "\ufeffx", "ctrl": "\u0001\u007f", "nel": "a\u0085b", "ls": "a\u2028b", "quote": "say \"hi\"", "backslash": "a\\b"})json"),
      "backslash: a\\b\n"
      "bom: \"\\uFEFFx\"\n"
      "cafe: café ñandú 日本語\n"
      "crlf: \"a\\r\\nb\"\n"
      "ctrl: \"\\x01\\x7F\"\n"
      "emoji: \"ok \\U0001F600\"\n"
      "ls: 'a\xe2""\x80""\xa8""  b'\n"
      "nbsp: a\xc2""\xa0""b\n"
      "nel: \"a\\Nb\"\n"
      "quote: say \"hi\"\n"
      "tab: \"a\\tb\"\n");
}

TEST(AwsOutputYaml, MultilineStrings) {
  EXPECT_EQ(yaml(R"json({"two": "line one\nline two", "trailing": "x\n", "blank": "a\n\nb", "spaced": "a \nb", "indented": "a\n b"})json"),
      "blank: 'a\n"
      "\n"
      "\n"
      "  b'\n"
      "indented: \"a\\n b\"\n"
      "spaced: \"a \\nb\"\n"
      "trailing: 'x\n"
      "\n"
      "  '\n"
      "two: 'line one\n"
      "\n"
      "  line two'\n");
}

TEST(AwsOutputYaml, LongStringsWrapAtSpaces) {
  EXPECT_EQ(yaml(R"json({"plain": "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz", "single": " aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz", "double": "\taaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp  qqqq rrrr", "nospace": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "nested": {"deeper": [{"text": "The quick brown fox jumps over the lazy dog and keeps running far beyond the edge of the line"}]}})json"),
      "double: \"\\taaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n"
      "  pppp  qqqq rrrr\"\n"
      "nested:\n"
      "  deeper:\n"
      "  - text: The quick brown fox jumps over the lazy dog and keeps running far beyond\n"
      "      the edge of the line\n"
      "nospace: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
      "plain: aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n"
      "  pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz\n"
      "single: ' aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo\n"
      "  pppp qqqq rrrr ssss tttt uuuu vvvv wwww xxxx yyyy zzzz'\n");
}

TEST(AwsOutputYaml, AwkwardKeys) {
  EXPECT_EQ(yaml(R"json({"true": 1, "": 2, "a: b": 3, "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk": {"a": [1]}, "x\ny": [1, 2], "é": "accent"})json"),
      "'': 2\n"
      "'a: b': 3\n"
      "? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n"
      ": a:\n"
      "  - 1\n"
      "'true': 1\n"
      "? 'x\n"
      "\n"
      "  y'\n"
      ": - 1\n"
      "  - 2\n"
      "é: accent\n");
}

TEST(AwsOutputYaml, ListsOfLists) {
  EXPECT_EQ(yaml(R"json([["a", 1], [], [[{"k": "v"}]], {"m": [[1]]}])json"),
      "- - a\n"
      "  - 1\n"
      "- []\n"
      "- - - k: v\n"
      "- m:\n"
      "  - - 1\n");
}

TEST(AwsOutputYaml, EmptyTopLevelListIsFlow) {
  EXPECT_EQ(yaml(R"json([])json"),
      "[]\n");
}

TEST(AwsOutputYaml, EmptyObjectPrintsNothing) {
  EXPECT_EQ(yaml(R"json({})json"),
"");
}

TEST(AwsOutputYaml, TopLevelStringIsJson) {
  EXPECT_EQ(yaml(R"json("2026-01-01 ü \"q\"")json"),
      "\"2026-01-01 ü \\\"q\\\"\"\n");
}

TEST(AwsOutputYaml, TopLevelNumberIsJson) {
  EXPECT_EQ(yaml(R"json(1.5)json"),
      "1.5\n");
}

TEST(AwsOutputYaml, TopLevelNullIsJson) {
  EXPECT_EQ(yaml(R"json(null)json"),
      "null\n");
}

TEST(AwsOutputYaml, StreamPageIsAOneItemList) {
  EXPECT_EQ(stream_page(R"json({"Parameters": [{"Name": "/dr/p00", "Value": "0"}], "NextToken": "abc"})json"),
      "- NextToken: abc\n"
      "  Parameters:\n"
      "  - Name: /dr/p00\n"
      "    Value: '0'\n");
}

TEST(AwsOutputYaml, StreamScalarPage) {
  EXPECT_EQ(stream_page(R"json("123")json"),
      "- '123'\n");
}

TEST(AwsOutputYaml, StreamEmptyPage) {
  EXPECT_EQ(stream_page(R"json({})json"),
      "- {}\n");
}

TEST(AwsOutputYaml, StreamNullPage) {
  EXPECT_EQ(stream_page(R"json(null)json"),
      "- null\n");
}
