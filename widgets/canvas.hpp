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
  // One glyph, UTF-8. Empty in the right half of a two-column glyph: that cell belongs to its left
  // neighbour, and the screen writes nothing there.
  std::string glyph = " ";
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

  // Writes text at (x, y), a cell per column (two for a wide glyph), stopping at max_cols or the canvas
  // edge, never with half a wide glyph; control characters become spaces. Returns the columns written.
  int text(int x, int y, std::string_view utf8, Role role, int max_cols = INT_MAX);
  void fill(Rect r, Role role, std::string_view glyph = " ");
  // A single-line frame with an optional title in its top edge.
  void frame(Rect r, Role role, std::string_view title = {}, Role title_role = Role::Title);
  void clear() { fill(bounds(), Role::Normal); }

  // The canvas as text: rows joined by '\n', trailing spaces trimmed per row.
  std::string to_text() const;
  std::string row_text(int y) const;

 private:
  void put(int x, int y, std::string_view glyph, Role role, int width = 1);
  // Before (x, y) is overwritten: a wide glyph it was half of becomes a space, so no half survives.
  void release(int x, int y);

  int width_;
  int height_;
  std::vector<Cell> cells_;
};

// Columns the text takes on screen.
int display_width(std::string_view utf8);
// Cuts to max_cols cells, ending in "…" when it had to cut.
std::string ellipsize(std::string_view utf8, int max_cols);

}  // namespace drc::ui
