#include "screen.hpp"

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#include <cwchar>

namespace drc::tui {

namespace {

short pair_for(ui::Role r) { return static_cast<short>(static_cast<int>(r) + 1); }

int attrs_for(const ui::Style& s) {
  int a = A_NORMAL;
  if (s.bold) a |= A_BOLD;
  if (s.dim) a |= A_DIM;
  if (s.underline) a |= A_UNDERLINE;
  if (s.reverse) a |= A_REVERSE;
  return a;
}

// Bright colours on an 8-colour terminal fall back to their base colour.
short fit_color(int c) {
  if (c < 0) return -1;
  if (c >= COLORS) return static_cast<short>(c % 8);
  return static_cast<short>(c);
}

std::string utf8_of(wint_t ch) {
  char buf[MB_LEN_MAX + 1] = {};
  std::mbstate_t st{};
  const auto n = std::wcrtomb(buf, static_cast<wchar_t>(ch), &st);
  return n == static_cast<std::size_t>(-1) ? std::string() : std::string(buf, n);
}

}  // namespace

Screen::Screen(const ui::Theme& theme, bool color) : theme_(theme), color_(color) {}

Result<std::unique_ptr<Screen>> Screen::open(const ui::Theme& theme, bool color) {
  if (newterm(nullptr, stdout, stdin) == nullptr) {
    return make_error("cannot open the terminal (is TERM set, and is this a terminal?)");
  }
  std::unique_ptr<Screen> s(new Screen(theme, color));
  raw();  // Ctrl-C arrives as a key and quits through the console, so the terminal is always restored
  noecho();
  nonl();
  keypad(stdscr, TRUE);
  set_escdelay(25);
  curs_set(0);
  s->color_ = color && has_colors();
  if (s->color_) {
    start_color();
    use_default_colors();
  }
  for (std::size_t i = 0; i < ui::kRoleCount; ++i) {
    const auto& st = theme.roles[i];
    if (s->color_) init_pair(pair_for(static_cast<ui::Role>(i)), fit_color(st.fg), fit_color(st.bg));
  }
  return s;
}

Screen::~Screen() { endwin(); }

int Screen::width() const { return COLS; }
int Screen::height() const { return LINES; }

void Screen::draw_cell(int x, int y, const ui::Cell& cell) {
  const auto& style = theme_.style(cell.role);
  attr_t a = static_cast<attr_t>(attrs_for(style));
  if (color_) a |= static_cast<attr_t>(COLOR_PAIR(pair_for(cell.role)));
  attrset(a);
  mvaddstr(y, x, cell.glyph.c_str());
}

void Screen::present(const ui::Canvas& canvas) {
  const bool full = !last_ || last_->width() != canvas.width() || last_->height() != canvas.height();
  if (full) clearok(stdscr, TRUE);
  for (int y = 0; y < canvas.height() && y < LINES; ++y) {
    for (int x = 0; x < canvas.width() && x < COLS; ++x) {
      // The bottom-right cell scrolls some terminals: curses refuses to write it, and nothing is lost.
      if (y == LINES - 1 && x == COLS - 1) continue;
      const auto& cell = canvas.at(x, y);
      if (cell.glyph.empty()) continue;  // the right half of a wide glyph, drawn with its left
      if (full || !(last_->at(x, y) == cell)) draw_cell(x, y, cell);
    }
  }
  attrset(A_NORMAL);
  wnoutrefresh(stdscr);
  doupdate();
  last_ = canvas;
}

KeyEvent Screen::read_key(std::chrono::milliseconds timeout) {
  wtimeout(stdscr, static_cast<int>(timeout.count()));
  wint_t ch = 0;
  const int r = wget_wch(stdscr, &ch);
  using T = KeyEvent::Type;
  if (r == ERR) return {};
  if (r == KEY_CODE_YES) {
    switch (ch) {
      case KEY_UP: return {T::Up, {}};
      case KEY_DOWN: return {T::Down, {}};
      case KEY_LEFT: return {T::Left, {}};
      case KEY_RIGHT: return {T::Right, {}};
      case KEY_HOME: return {T::Home, {}};
      case KEY_END: return {T::End, {}};
      case KEY_PPAGE: return {T::PageUp, {}};
      case KEY_NPAGE: return {T::PageDown, {}};
      case KEY_ENTER: return {T::Enter, {}};
      case KEY_BACKSPACE: return {T::Backspace, {}};
      case KEY_DC: return {T::Delete, {}};
      case KEY_BTAB: return {T::BackTab, {}};
      case KEY_RESIZE: last_.reset(); return {T::Resize, {}};
      default: return {};
    }
  }
  switch (ch) {
    case '\r':
    case '\n': return {T::Enter, {}};
    case 27: return {T::Escape, {}};
    case 127:
    case 8: return {T::Backspace, {}};
    case '\t': return {T::Tab, {}};
    case 3: return {T::Char, "q"};  // Ctrl-C
    default: break;
  }
  if (ch < 0x20) return {};
  return {T::Char, utf8_of(ch)};
}

}  // namespace drc::tui
