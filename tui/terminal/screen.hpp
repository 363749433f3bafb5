#pragma once
// The terminal. This module is the only one that knows curses: the rest of the program draws into
// ui::Canvas and reads KeyEvents. present() writes only the cells that changed since the last frame.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "util/result.hpp"
#include "widgets/canvas.hpp"
#include "widgets/theme.hpp"

namespace drc::tui {

struct KeyEvent {
  enum class Type { None, Char, Up, Down, Left, Right, Home, End, PageUp, PageDown, Enter, Escape, Backspace,
                    Delete, Tab, BackTab, Resize };
  Type type = Type::None;
  std::string text;  // the character, UTF-8, for Type::Char
};

class Screen {
 public:
  // Takes over the terminal; the destructor gives it back. color=false draws with attributes only.
  static Result<std::unique_ptr<Screen>> open(const ui::Theme& theme, bool color);
  ~Screen();
  Screen(const Screen&) = delete;
  Screen& operator=(const Screen&) = delete;

  int width() const;
  int height() const;
  void present(const ui::Canvas& canvas);
  // Waits up to `timeout` for a key (or a resize); Type::None when none came.
  KeyEvent read_key(std::chrono::milliseconds timeout);

 private:
  Screen(const ui::Theme& theme, bool color);
  void draw_cell(int x, int y, const ui::Cell& cell);

  ui::Theme theme_;
  bool color_;
  std::optional<ui::Canvas> last_;
};

}  // namespace drc::tui
