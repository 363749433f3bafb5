#pragma once
// A runbook's Markdown as a small plain tree (cmark-gfm does the parsing; nothing else sees its types).

#include <string>
#include <string_view>
#include <vector>

namespace drc::runbook {

struct MdNode {
  enum class Kind { Document, Heading, Paragraph, List, Item, CodeBlock, Table, TableRow, TableCell, BlockQuote, Other };
  Kind kind = Kind::Other;
  int start_line = 0;
  int end_line = 0;
  int level = 0;             // heading level
  bool ordered = false;      // list
  int list_start = 1;        // ordered list's first number
  std::string text;          // plain inline text of a heading, paragraph or table cell
  std::string info;          // code block's language
  std::string literal;       // code block's text
  bool fenced = false;
  std::vector<std::string> inline_code;  // `code` spans in a paragraph, heading or cell
  std::vector<MdNode> children;
};

struct MarkdownParse {
  MdNode document;
  bool depth_capped = false;  // nesting deeper than we follow was flattened away
};

// Parses CommonMark + GFM tables. Line numbers are those of `text`.
MarkdownParse parse_markdown(std::string_view text);

}  // namespace drc::runbook
