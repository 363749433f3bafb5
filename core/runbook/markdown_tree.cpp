#include "runbook/markdown_tree.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstring>
#include <memory>

#include "util/text.hpp"

namespace drc::runbook {

namespace {

// Deeper nesting than this is not a runbook's; stopping keeps the recursion bounded on hostile input.
constexpr int kMaxDepth = 48;

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

void inline_text(cmark_node* node, std::string& out, std::vector<std::string>& code, int depth) {
  if (depth > kMaxDepth) return;
  for (cmark_node* c = cmark_node_first_child(node); c != nullptr; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
        out += cmark_node_get_literal(c);
        break;
      case CMARK_NODE_CODE: {
        const char* lit = cmark_node_get_literal(c);
        out += lit;
        code.emplace_back(lit);
        break;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK:
        out += ' ';
        break;
      case CMARK_NODE_HTML_INLINE:
        break;
      default:
        inline_text(c, out, code, depth + 1);
        break;
    }
  }
}

MdNode::Kind kind_of(cmark_node* n) {
  switch (cmark_node_get_type(n)) {
    case CMARK_NODE_DOCUMENT: return MdNode::Kind::Document;
    case CMARK_NODE_HEADING: return MdNode::Kind::Heading;
    case CMARK_NODE_PARAGRAPH: return MdNode::Kind::Paragraph;
    case CMARK_NODE_LIST: return MdNode::Kind::List;
    case CMARK_NODE_ITEM: return MdNode::Kind::Item;
    case CMARK_NODE_CODE_BLOCK: return MdNode::Kind::CodeBlock;
    case CMARK_NODE_BLOCK_QUOTE: return MdNode::Kind::BlockQuote;
    default: break;
  }
  const char* type = cmark_node_get_type_string(n);
  if (std::strcmp(type, "table") == 0) return MdNode::Kind::Table;
  if (std::strcmp(type, "table_row") == 0 || std::strcmp(type, "table_header") == 0) return MdNode::Kind::TableRow;
  if (std::strcmp(type, "table_cell") == 0) return MdNode::Kind::TableCell;
  return MdNode::Kind::Other;
}

MdNode convert(cmark_node* n, int depth, bool& capped) {
  MdNode out;
  out.kind = kind_of(n);
  out.start_line = cmark_node_get_start_line(n);
  out.end_line = cmark_node_get_end_line(n);
  switch (out.kind) {
    case MdNode::Kind::Heading:
      out.level = cmark_node_get_heading_level(n);
      inline_text(n, out.text, out.inline_code, 0);
      out.text = squash_spaces(out.text);
      return out;
    case MdNode::Kind::Paragraph:
    case MdNode::Kind::TableCell:
      inline_text(n, out.text, out.inline_code, 0);
      out.text = squash_spaces(out.text);
      return out;
    case MdNode::Kind::CodeBlock: {
      const char* info = cmark_node_get_fence_info(n);
      out.info = info ? std::string(trim(info)) : std::string();
      if (auto sp = out.info.find_first_of(" \t{"); sp != std::string::npos) out.info.resize(sp);
      out.literal = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
      int len = 0, offset = 0;
      char fence = 0;
      out.fenced = cmark_node_get_fenced(n, &len, &offset, &fence) != 0;
      return out;
    }
    case MdNode::Kind::List:
      out.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
      out.list_start = cmark_node_get_list_start(n);
      break;
    default:
      break;
  }
  if (depth >= kMaxDepth) {
    capped = cmark_node_first_child(n) != nullptr;
    return out;
  }
  for (cmark_node* c = cmark_node_first_child(n); c != nullptr; c = cmark_node_next(c)) {
    out.children.push_back(convert(c, depth + 1, capped));
  }
  return out;
}

}  // namespace

MarkdownParse parse_markdown(std::string_view text) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table")) {
    cmark_parser_attach_syntax_extension(parser.get(), table);
  }
  cmark_parser_feed(parser.get(), text.data(), text.size());
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
  MarkdownParse result;
  if (root) result.document = convert(root.get(), 0, result.depth_capped);
  result.document.kind = MdNode::Kind::Document;
  return result;
}

}  // namespace drc::runbook
