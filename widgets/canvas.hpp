#pragma once
// An off-screen grid of cells that widgets draw into. The terminal backend copies only the cells that
// changed since the last frame; tests read a canvas back as text.

#include <climits>
#include <string>
#include <string_view>
#include <vector>

#include "theme.hpp"

namespace drc::ui {

struct Rect {
  int x = 0, y = 0, w = 0, h = 0;
  bool empty() const { return w <= 0 || h <= 0; }
  int right() const { return x + w; }
  int bottom() const { return y + h; }
};

struct Cell {
  std::string glyph = " ";  // one code point, UTF-8
  Role role = Role::Normal;
  friend bool operator==(const Cell&, const Cell&) = default;
};

class Canvas {
 public:
  Canvas(int width, int height);

  int width() const { return width_; }
  int height() const { return height_; }
  Rect bounds() const { return {0, 0, width_, height_}; }
  const Cell& at(int x, int y) const { return cells_[static_cast<std::size_t>(y * width_ + x)]; }

  // Writes text at (x, y), one cell per code point, stopping at max_cols or the canvas edge; control
  // characters become spaces. Returns the columns written.
  int text(int x, int y, std::string_view utf8, Role role, int max_cols = INT_MAX);
  void fill(Rect r, Role role, std::string_view glyph = " ");
  // A single-line frame with an optional title in its top edge.
  void frame(Rect r, Role role, std::string_view title = {}, Role title_role = Role::Title);
  void clear() { fill(bounds(), Role::Normal); }

  // The canvas as text: rows joined by '\n', trailing spaces trimmed per row.
  std::string to_text() const;
  std::string row_text(int y) const;

 private:
  void put(int x, int y, std::string_view glyph, Role role);

  int width_;
  int height_;
  std::vector<Cell> cells_;
};

// Code points in valid UTF-8 (a cell each).
int display_width(std::string_view utf8);
// Cuts to max_cols cells, ending in "…" when it had to cut.
std::string ellipsize(std::string_view utf8, int max_cols);

}  // namespace drc::ui
