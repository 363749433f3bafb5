#pragma once
// One scalar as the aws CLI's YAML emitter (ruamel.yaml typ="safe", which hands the events to libyaml)
// sees it: which characters it holds, whether it would read back as a string when written plain (YAML
// 1.2's implicit types: null, booleans, numbers, timestamps), and so which style it is written in.

#include <string>
#include <string_view>

namespace drc::aws::cli::yaml {

enum class Style { plain, single_quoted, double_quoted };

struct ScalarFacts {
  std::u32string chars;
  std::size_t bytes = 0;  // libyaml measures a simple key in bytes
  bool multiline = false;
  bool block_plain_allowed = true;
  bool single_quoted_allowed = true;
};

ScalarFacts analyze(std::string_view utf8);

// Whether a plain scalar with this text would be read as a string (ruamel's YAML 1.2 resolver).
bool plain_reads_as_string(std::string_view text);

// libyaml's choice for a block-context scalar: plain when allowed and it reads back as what it is,
// else single-quoted when allowed, else double-quoted.
Style choose_style(const ScalarFacts& facts, bool reads_back, bool simple_key);

// libyaml's character classes.
bool printable(char32_t c);
bool line_break(char32_t c);

}  // namespace drc::aws::cli::yaml
