#include "canvas.hpp"

#include <algorithm>

namespace drc::ui {

namespace {

// Length of the UTF-8 sequence that starts with byte b (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char b) {
  if (b >= 0xF0) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC0) return 2;
  return 1;
}

}  // namespace

Canvas::Canvas(int width, int height)
    : width_(std::max(0, width)), height_(std::max(0, height)),
      cells_(static_cast<std::size_t>(width_) * static_cast<std::size_t>(height_)) {}

void Canvas::put(int x, int y, std::string_view glyph, Role role) {
  if (x < 0 || y < 0 || x >= width_ || y >= height_) return;
  auto& c = cells_[static_cast<std::size_t>(y * width_ + x)];
  c.glyph.assign(glyph);
  c.role = role;
}

int Canvas::text(int x, int y, std::string_view utf8, Role role, int max_cols) {
  int col = 0;
  for (std::size_t i = 0; i < utf8.size() && col < max_cols && x + col < width_;) {
    const auto n = std::min(sequence_length(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
    auto glyph = utf8.substr(i, n);
    if (n == 1 && (static_cast<unsigned char>(glyph[0]) < 0x20 || glyph[0] == 0x7f)) glyph = " ";
    put(x + col, y, glyph, role);
    ++col;
    i += n;
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
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string ellipsize(std::string_view utf8, int max_cols) {
  if (max_cols <= 0) return {};
  if (display_width(utf8) <= max_cols) return std::string(utf8);
  std::string out;
  int cols = 0;
  for (std::size_t i = 0; i < utf8.size() && cols < max_cols - 1;) {
    const auto n = std::min(sequence_length(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
    out.append(utf8.substr(i, n));
    ++cols;
    i += n;
  }
  return out + "…";
}

}  // namespace drc::ui
