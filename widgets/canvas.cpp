#include "canvas.hpp"

#include <algorithm>

#include "glyph.hpp"

namespace drc::ui {

Canvas::Canvas(int width, int height)
    : width_(std::max(0, width)), height_(std::max(0, height)),
      cells_(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_)) {}

void Canvas::release(int x, int y) {
  auto& c = cells_[static_cast<std::size_t>(y * width_ + x)];
  if (c.glyph.empty() && x > 0) cells_[static_cast<std::size_t>(y * width_ + x - 1)].glyph = " ";
  if (x + 1 < width_) {
    auto& right = cells_[static_cast<std::size_t>(y * width_ + x + 1)];
    if (right.glyph.empty()) right.glyph = " ";
  }
}

void Canvas::put(int x, int y, std::string_view glyph, Role role, int width) {
  if (x < 0 || y < 0 || x + width > width_ || y >= height_) return;
  for (int k = 0; k < width; ++k) release(x + k, y);
  auto& c = cells_[static_cast<std::size_t>(y * width_ + x)];
  c.glyph.assign(glyph);
  c.role = role;
  if (width == 2) {
    auto& right = cells_[static_cast<std::size_t>(y * width_ + x + 1)];
    right.glyph.clear();
    right.role = role;
  }
}

int Canvas::text(int x, int y, std::string_view utf8, Role role, int max_cols) {
  int col = 0;
  for (std::size_t i = 0; i < utf8.size() && col < max_cols && x + col < width_;) {
    const auto g = next_glyph(utf8, i);
    if (col + g.width > max_cols || x + col + g.width > width_) break;
    put(x + col, y, g.bytes, role, g.width);
    col += g.width;
  }
  return col;
}

void Canvas::fill(Rect r, Role role, std::string_view glyph) {
  for (int y = std::max(0, r.y); y < std::min(height_, r.bottom()); ++y) {
    for (int x = std::max(0, r.x); x < std::min(width_, r.right()); ++x) put(x, y, glyph, role);
  }
}

void Canvas::frame(Rect r, Role role, std::string_view title, Role title_role) {
  if (r.w < 2 || r.h < 2) return;
  for (int x = r.x + 1; x < r.right() - 1; ++x) {
    put(x, r.y, "─", role);
    put(x, r.bottom() - 1, "─", role);
  }
  for (int y = r.y + 1; y < r.bottom() - 1; ++y) {
    put(r.x, y, "│", role);
    put(r.right() - 1, y, "│", role);
  }
  put(r.x, r.y, "┌", role);
  put(r.right() - 1, r.y, "┐", role);
  put(r.x, r.bottom() - 1, "└", role);
  put(r.right() - 1, r.bottom() - 1, "┘", role);
  if (!title.empty() && r.w > 4) {
    const auto shown = ellipsize(title, r.w - 4);
    put(r.x + 1, r.y, " ", role);
    const int n = text(r.x + 2, r.y, shown, title_role);
    put(r.x + 2 + n, r.y, " ", role);
  }
}

std::string Canvas::row_text(int y) const {
  std::string out;
  for (int x = 0; x < width_; ++x) out += at(x, y).glyph;
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string Canvas::to_text() const {
  std::string out;
  for (int y = 0; y < height_; ++y) {
    out += row_text(y);
    if (y + 1 < height_) out += '\n';
  }
  return out;
}

int display_width(std::string_view utf8) {
  int n = 0;
  for_each_glyph(utf8, [&](const Glyph& g) { n += g.width; });
  return n;
}

std::string ellipsize(std::string_view utf8, int max_cols) {
  if (max_cols <= 0) return {};
  if (display_width(utf8) <= max_cols) return std::string(utf8);
  std::string out;
  int cols = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto g = next_glyph(utf8, i);
    if (cols + g.width > max_cols - 1) break;
    out.append(g.bytes);
    cols += g.width;
  }
  return out + "…";
}

}  // namespace drc::ui
