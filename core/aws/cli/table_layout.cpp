#include "aws/cli/table_layout.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string_view>

#include "aws/cli/text_width.hpp"

namespace drc::aws::cli {

namespace {

using Widths = std::vector<long long>;

long long width_of(std::string_view s) { return static_cast<long long>(cli_text_width(s)); }

// Python's "x" * n, which is empty for n <= 0.
std::string repeat(std::string_view s, long long n) {
  std::string out;
  for (long long i = 0; i < n; ++i) out += s;
  return out;
}

// Each column's widest cell plus padding; with a total, scaled to add up to it exactly (Python's round()
// rounds halves to even, as nearbyint does; the rounding error is then taken off or added from one end).
Widths column_widths(const TableSection& s, long long padding, std::optional<long long> total) {
  Widths w;
  for (const auto m : s.max_widths) w.push_back(static_cast<long long>(m) + padding);
  if (!total || w.empty()) return w;
  const double scale = static_cast<double>(*total) / static_cast<double>(std::accumulate(w.begin(), w.end(), 0LL));
  for (auto& x : w) x = static_cast<long long>(std::nearbyint(scale * static_cast<double>(x)));
  long long off_by = std::accumulate(w.begin(), w.end(), 0LL) - *total;
  while (off_by != 0) {
    const bool grow = off_by < 0;
    for (std::size_t k = 0; k < w.size() && off_by != 0; ++k) {
      auto& x = w[grow ? w.size() - 1 - k : k];
      x += grow ? 1 : -1;
      off_by += grow ? 1 : -1;
    }
  }
  return w;
}

long long title_width(const TableSection& s) { return s.title ? width_of(*s.title) : 4; }  // len(str(None))

long long total_width(const TableSection& s) {
  long long total = 2 + 2LL * s.indent_level;
  for (const auto m : s.max_widths) total += static_cast<long long>(m) + 4;
  return std::max(title_width(s) + 2 + 2LL * s.indent_level, total);
}

long long widest(const std::vector<TableSection>& sections) {
  long long w = 0;
  for (const auto& s : sections) w = std::max(w, total_width(s));
  return w;
}

// A section with one row and headers reads better as rows of header and value when space is short.
void turn_single_rows(std::vector<TableSection>& sections) {
  for (auto& s : sections) {
    if (s.rows.size() != 1 || s.headers.empty()) continue;
    TableSections turned;
    turned.new_section(s.title, s.indent_level);
    for (std::size_t i = 0; i < std::min(s.headers.size(), s.rows[0].size()); ++i) {
      (void)turned.add_row({s.headers[i], s.rows[0][i]});  // always two cells: cannot be refused
    }
    s = std::move(turned.take().front());
  }
}

// What the CLI writes goes through colorama's autoreset wrapper when it colours: each write is followed
// by a reset, so the bytes depend on how the text is split into writes, which this keeps.
class Out {
 public:
  explicit Out(bool colour) : colour_(colour) {}
  void write(std::string_view s) {
    text_ += s;
    if (colour_) text_ += "\033[0m";
  }
  // A write through awscli's IndentedStream: `level` borders on the left, and on the right of a line.
  void indented(std::string_view s, int level, std::string_view border) {
    write(repeat(border, level));
    if (!s.empty() && s.back() == '\n') {
      write(s.substr(0, s.size() - 1));
      write(repeat(border, level));
      write("\n");
    } else {
      write(s);
    }
  }
  std::string take() { return std::move(text_); }

 private:
  bool colour_;
  std::string text_;
};

std::string row_style(const std::string& s, bool colour) { return colour ? "\033[1m\033[34m" + s + "\033[0m" : s; }

std::string center(const std::string& text, long long text_width, long long length, std::string_view left) {
  const long long start = length / 2 - text_width / 2 - 1;
  const long long so_far = width_of(left) + start + text_width;
  return std::string(left) + repeat(" ", start) + text + repeat(" ", length - 1 - so_far) + "|";
}

std::string align_left(const std::string& text, long long text_width, long long length, std::string_view left) {
  const long long padding = length - (text_width + 2 + width_of(left) + 1) >= 0 ? 2 : 0;
  const long long so_far = static_cast<long long>(left.size()) + padding + text_width;
  return std::string(left) + repeat(" ", padding) + text + repeat(" ", length - so_far - 1) + "|";
}

std::string line_break(const Widths& widths) {
  std::string line;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    line += i == 0 ? "+" + repeat("-", widths[i] - 2) + "+" : repeat("-", widths[i] - 1) + "+";
  }
  return line + "\n";
}

void render_section(const TableSection& s, long long width, bool colour, Out& out) {
  const std::string border = colour ? "\033[2m\033[33m|\033[0m" : "|";
  auto write = [&](const std::string& line) { out.indented(line, s.indent_level, border); };
  width -= 2LL * s.indent_level;
  if (s.title && !s.title->empty()) {
    write(center(*s.title, width_of(*s.title), width, "|") + "\n");
    if (s.headers.empty() && s.rows.empty()) write("+" + repeat("-", width - 2) + "+\n");
  }
  if (!s.headers.empty()) {
    const auto widths = column_widths(s, 4, width);
    std::string line;
    for (std::size_t i = 0; i < std::min(widths.size(), s.headers.size()); ++i) {
      line += center(s.headers[i], width_of(s.headers[i]), widths[i], i == 0 ? "|" : "");
    }
    write(line_break(widths));
    write(line + "\n");
  }
  if (s.rows.empty()) return;
  const auto widths = column_widths(s, 4, width);
  if (widths.empty()) return;
  write(line_break(widths));
  for (const auto& row : s.rows) {
    std::string line;
    for (std::size_t i = 0; i < std::min(widths.size(), row.size()); ++i) {
      line += align_left(row_style(row[i], colour), width_of(row[i]), widths[i], i == 0 ? "|" : "");
    }
    write(line + "\n");
  }
  write(line_break(widths));
}

}  // namespace

TableSection& TableSections::current() {
  if (sections_.empty()) sections_.emplace_back();
  return sections_.back();
}

void TableSections::new_section(std::optional<std::string> title, int indent_level) {
  auto& s = sections_.emplace_back();
  s.title = std::move(title);
  s.indent_level = indent_level;
}

Status TableSections::widen(const std::vector<std::string>& cells) {
  auto& widths = current().max_widths;
  if (widths.empty()) {
    for (const auto& c : cells) widths.push_back(cli_text_width(c));
    return {};
  }
  // The CLI indexes its list of widths with each cell's position, failing as Python does past its end.
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i >= widths.size()) return make_error("list index out of range");
    widths[i] = std::max(widths[i], cli_text_width(cells[i]));
  }
  return {};
}

Status TableSections::add_header(const std::vector<std::string>& headers) {
  if (auto w = widen(headers); !w) return w;
  auto& s = current();
  if (!s.columns) s.columns = headers.size();
  s.headers = headers;
  return {};
}

Status TableSections::add_row(const std::vector<std::string>& row) {
  auto& s = current();
  if (!s.columns) s.columns = row.size();
  if (row.size() != *s.columns) {
    return make_error("Row should have " + std::to_string(*s.columns) + " elements, instead it has " +
                      std::to_string(row.size()));
  }
  s.rows.push_back(row);
  return widen(row);
}

std::string render_table(std::vector<TableSection> sections, const TableLook& look) {
  long long width = widest(sections);
  if (width > look.terminal_width) {
    turn_single_rows(sections);
    width = widest(sections);
  }
  Out out(look.colour);
  out.write(repeat("-", width) + "\n");
  for (const auto& s : sections) render_section(s, width, look.colour, out);
  return out.take();
}

}  // namespace drc::aws::cli
