#include "line_editor.hpp"

namespace drc::ui {

namespace {
bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

void LineEditor::insert(std::string_view utf8) {
  std::string clean;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) clean.push_back(c);
  }
  if (text_.size() + clean.size() > max_bytes_) return;
  text_.insert(cursor_, clean);
  cursor_ += clean.size();
}

void LineEditor::edit(EditKey key) {
  switch (key) {
    case EditKey::Left:
      while (cursor_ > 0 && continuation(text_[--cursor_])) {
      }
      break;
    case EditKey::Right:
      if (cursor_ < text_.size()) {
        ++cursor_;
        while (cursor_ < text_.size() && continuation(text_[cursor_])) ++cursor_;
      }
      break;
    case EditKey::Home: cursor_ = 0; break;
    case EditKey::End: cursor_ = text_.size(); break;
    case EditKey::Backspace: {
      if (cursor_ == 0) break;
      auto start = cursor_;
      while (start > 0 && continuation(text_[--start])) {
      }
      text_.erase(start, cursor_ - start);
      cursor_ = start;
      break;
    }
    case EditKey::Delete: {
      if (cursor_ >= text_.size()) break;
      auto end = cursor_ + 1;
      while (end < text_.size() && continuation(text_[end])) ++end;
      text_.erase(cursor_, end - cursor_);
      break;
    }
    case EditKey::KillLine:
      text_.clear();
      cursor_ = 0;
      break;
  }
}

int LineEditor::cursor_cells() const { return display_width(std::string_view(text_).substr(0, cursor_)); }

void draw_prompt(Canvas& canvas, Rect row, std::string_view label, const LineEditor& editor) {
  if (row.empty()) return;
  canvas.fill({row.x, row.y, row.w, 1}, Role::Normal);
  int x = row.x + canvas.text(row.x, row.y, label, Role::Title, row.w / 2);
  x += canvas.text(x, row.y, " ", Role::Normal);
  const int room = row.right() - x - 1;
  if (room <= 0) return;
  // Scroll so the cursor is in view: show the tail that ends at the cursor when it is past the room.
  const auto& t = editor.text();
  const int cur = editor.cursor_cells();
  int skip = cur > room ? cur - room : 0;
  std::size_t i = 0;
  for (int c = 0; c < skip && i < t.size(); ++c) {
    ++i;
    while (i < t.size() && continuation(t[i])) ++i;
  }
  canvas.text(x, row.y, std::string_view(t).substr(i), Role::Normal, room);
  canvas.text(x + (cur - skip), row.y, "▏", Role::Accent);
}

}  // namespace drc::ui
