#pragma once
// The aws CLI's table (awscli.table.MultiTable) apart from what goes in it: sections, each a title, column
// headers and rows of text at an indent level, laid out to one width and drawn with +---+ and | borders.
//
//   TableSections  collects sections as the formatter walks a response (and refuses a row of the wrong
//                  length, as the CLI does, with its message)
//   render_table   lays the sections out: every section as wide as the widest; when that is wider than
//                  the terminal, single-row sections turn into key/value rows first; columns scaled to fit

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "util/result.hpp"

namespace drc::aws::cli {

struct TableSection {
  std::optional<std::string> title;  // nullopt where the CLI's title is None
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
  int indent_level = 0;
  std::optional<std::size_t> columns;    // fixed by the first header or row
  std::vector<std::size_t> max_widths;  // per column, over the headers and rows
};

class TableSections {
 public:
  void new_section(std::optional<std::string> title, int indent_level);
  Status add_header(const std::vector<std::string>& headers);
  Status add_row(const std::vector<std::string>& row);
  std::vector<TableSection> take() { return std::move(sections_); }

 private:
  TableSection& current();
  Status widen(const std::vector<std::string>& cells);
  std::vector<TableSection> sections_;
};

struct TableLook {
  long long terminal_width = 80;
  bool colour = false;  // the CLI's colorama styles, with its reset after every write
};

std::string render_table(std::vector<TableSection> sections, const TableLook& look);

}  // namespace drc::aws::cli
