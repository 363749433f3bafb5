#pragma once
// The one-line text input behind prompts ("Reason for skipping:"): editing keys in, text and cursor out.

#include <string>

#include "canvas.hpp"

namespace drc::ui {

enum class EditKey { Left, Right, Home, End, Backspace, Delete, KillLine };

class LineEditor {
 public:
  explicit LineEditor(std::size_t max_bytes = 4096) : max_bytes_(max_bytes) {}
  void insert(std::string_view utf8);  // printable text; control characters are dropped
  void edit(EditKey key);
  const std::string& text() const { return text_; }
  int cursor_cells() const;

 private:
  std::string text_;
  std::size_t cursor_ = 0;  // byte offset, always at a code point boundary
  std::size_t max_bytes_;
};

// "Reason: some text▏" on one row; the text scrolls so the cursor stays visible.
void draw_prompt(Canvas& canvas, Rect row, std::string_view label, const LineEditor& editor);

}  // namespace drc::ui
