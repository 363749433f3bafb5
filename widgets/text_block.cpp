#include "text_block.hpp"

#include "glyph.hpp"

namespace drc::ui {

namespace {

// The byte length of the longest prefix that fits in `cells` columns (at least one glyph, so a line of
// one column still advances past a wide glyph).
std::size_t cut_at_cells(std::string_view s, int cells) {
  std::size_t i = 0;
  for (int c = 0; i < s.size();) {
    std::size_t j = i;
    const auto g = next_glyph(s, j);
    if (c + g.width > cells && i > 0) break;
    c += g.width;
    i = j;
  }
  return i;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, int width) {
  std::vector<std::string> out;
  if (width <= 0) return out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view para = text.substr(start, nl - start);
    if (para.empty()) out.emplace_back();
    std::string line;
    int line_w = 0;
    std::size_t i = 0;
    const auto indent = para.find_first_not_of(' ');
    if (indent != std::string_view::npos && indent > 0) {
      line.assign(std::min<std::size_t>(indent, static_cast<std::size_t>(width / 2)), ' ');
      line_w = static_cast<int>(line.size());
      i = indent;
    }
    const int indent_w = line_w;
    while (i < para.size()) {
      auto sp = para.find(' ', i);
      if (sp == std::string_view::npos) sp = para.size();
      std::string_view word = para.substr(i, sp - i);
      i = sp + 1;
      if (word.empty()) continue;
      int ww = display_width(word);
      if (line_w > indent_w && line_w + 1 + ww > width) {
        out.push_back(line);
        line.assign(static_cast<std::size_t>(indent_w), ' ');
        line_w = indent_w;
      }
      while (ww > width - line_w && width - line_w > 0 && line_w == indent_w) {  // a word wider than the line
        const auto cut = cut_at_cells(word, width - line_w);
        out.push_back(line + std::string(word.substr(0, cut)));
        word.remove_prefix(cut);
        ww = display_width(word);
      }
      if (word.empty()) continue;
      if (line_w > indent_w) {
        line += ' ';
        ++line_w;
      }
      line += word;
      line_w += ww;
    }
    if (!para.empty() && line_w > 0) out.push_back(line);
    if (nl >= text.size()) break;
    start = nl + 1;
  }
  return out;
}

int draw_text_block(Canvas& canvas, Rect area, std::string_view text, Role role) {
  if (area.empty()) return 0;
  const auto lines = wrap_text(text, area.w);
  const int shown = std::min<int>(area.h, static_cast<int>(lines.size()));
  for (int r = 0; r < shown; ++r) {
    std::string line = lines[static_cast<std::size_t>(r)];
    if (r == area.h - 1 && static_cast<int>(lines.size()) > area.h) line = ellipsize(line + " …", area.w);
    canvas.text(area.x, area.y + r, line, role, area.w);
  }
  return shown;
}

}  // namespace drc::ui
