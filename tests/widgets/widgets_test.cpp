// Widgets render into an off-screen canvas; the tests read it back as text.

#include <gtest/gtest.h>

#include <clocale>

#include "widgets/big_clock.hpp"
#include "widgets/canvas.hpp"
#include "widgets/checklist.hpp"
#include "widgets/glyph.hpp"
#include "widgets/key_bar.hpp"
#include "widgets/log_view.hpp"
#include "widgets/table.hpp"
#include "widgets/text_block.hpp"

using namespace drc::ui;

TEST(Canvas, TextClipsAndFramesDraw) {
  Canvas c(12, 3);
  c.frame(c.bounds(), Role::Border, "Steps");
  EXPECT_EQ(c.to_text(), "┌ Steps ───┐\n│          │\n└──────────┘");
  EXPECT_EQ(c.text(8, 1, "abcdef", Role::Normal), 4);  // clipped at the edge
  EXPECT_EQ(c.row_text(1), "│       abcd");
  c.text(1, 1, "a\tb\x1b", Role::Normal);
  EXPECT_EQ(c.row_text(1), "│a b    abcd");  // tab and escape became spaces
  EXPECT_EQ(c.at(1, 1).role, Role::Normal);
  EXPECT_EQ(c.at(0, 0).role, Role::Border);
}

TEST(Canvas, EllipsizeCountsCodePoints) {
  EXPECT_EQ(ellipsize("short", 10), "short");
  EXPECT_EQ(ellipsize("restore the database", 10), "restore t…");
  EXPECT_EQ(ellipsize("Überprüfung läuft", 6), "Überp…");
  EXPECT_EQ(display_width("Überprüfung"), 11);
  EXPECT_EQ(ellipsize("x", 0), "");
}

namespace {
// Widths follow the locale, as curses's do; drconsole runs under the user's (UTF-8) one.
void use_utf8_locale() { ASSERT_NE(std::setlocale(LC_CTYPE, "C.UTF-8"), nullptr); }
}  // namespace

TEST(Glyph, WidthsFollowTheTerminal) {
  use_utf8_locale();
  EXPECT_EQ(display_width("漢字"), 4);
  EXPECT_EQ(display_width("🚨 page"), 7);
  EXPECT_EQ(display_width("e\xCC\x81"), 1);          // e + combining acute: one column
  EXPECT_EQ(display_width("\xE2\x9A\xA0\xEF\xB8\x8F"), 1);  // ⚠ + VS16: the selector is dropped
  std::vector<std::string> glyphs;
  for_each_glyph("a\xE2\x9A\xA0\xEF\xB8\x8F" "b\xFF", [&](const Glyph& g) { glyphs.emplace_back(g.bytes); });
  EXPECT_EQ(glyphs, (std::vector<std::string>{"a", "\xE2\x9A\xA0", "b", "\xEF\xBF\xBD"}));
}

TEST(Canvas, WideGlyphsTakeTwoCellsAndNeverHalf) {
  use_utf8_locale();
  Canvas c(7, 1);
  EXPECT_EQ(c.text(0, 0, "a漢字b", Role::Normal), 6);
  EXPECT_EQ(c.row_text(0), "a漢字b");
  EXPECT_EQ(c.at(1, 0).glyph, "漢");
  EXPECT_EQ(c.at(2, 0).glyph, "");  // the right half belongs to its left neighbour
  c.text(2, 0, "x", Role::Normal);  // overwriting half of 漢 blanks the other half
  EXPECT_EQ(c.row_text(0), "a x字b");
  EXPECT_EQ(c.text(5, 0, "漢字", Role::Normal), 2);  // only one fits before the edge
  EXPECT_EQ(c.row_text(0), "a x字漢");
  EXPECT_EQ(c.text(0, 0, "漢字", Role::Normal, 3), 2);  // and never half of one at max_cols
  EXPECT_EQ(c.row_text(0), "漢x字漢");
}

TEST(Canvas, EllipsizeAndWrapCountColumns) {
  use_utf8_locale();
  EXPECT_EQ(ellipsize("漢字漢字", 5), "漢字…");
  EXPECT_EQ(ellipsize("漢字漢字", 4), "漢…");
  EXPECT_EQ(wrap_text("漢字漢字漢字", 5), (std::vector<std::string>{"漢字", "漢字", "漢字"}));
}

TEST(Checklist, MarksSelectionAndRightText) {
  ChecklistModel m;
  m.items = {{"✓", Role::Ok, "Confirm the instance state", Role::Normal, "2m01s / 2m", Role::Dim},
             {"▶", Role::Accent, "Freeze writers", Role::Normal, "0m30s / 5m", Role::Dim},
             {" ", Role::Normal, "Find the newest restorable point", Role::Normal, "3m", Role::Dim}};
  m.selected = 1;
  Canvas c(40, 3);
  draw_checklist(c, c.bounds(), m);
  EXPECT_EQ(c.to_text(),
            " ✓ Confirm the instance sta… 2m01s / 2m\n"
            " ▶ Freeze writers            0m30s / 5m\n"
            "   Find the newest restorable point  3m");
  EXPECT_EQ(c.at(3, 1).role, Role::Selected);
  EXPECT_EQ(c.at(1, 0).role, Role::Ok);
}

TEST(Checklist, KeepsTheSelectionInView) {
  ChecklistModel m;
  for (int i = 1; i <= 10; ++i) {
    ChecklistItem item;
    item.label = "step " + std::to_string(i);
    m.items.push_back(item);
  }
  m.selected = 8;
  Canvas c(20, 3);
  EXPECT_EQ(draw_checklist(c, c.bounds(), m), 6);
  EXPECT_EQ(c.to_text(), "   step 7\n   step 8\n   step 9");
}

TEST(BigClock, DrawsCountdownsIncludingOverrun) {
  Canvas c(30, 3);
  draw_big_clock(c, 0, 0, "1:05", Role::Ok);
  EXPECT_EQ(c.to_text(), " ╶┐   ╭─╮ ╭─╴\n  │ ∙ │ │ ╰─╮\n  ╵ ∙ ╰─╯ ╶─╯");
  EXPECT_EQ(big_clock_width("1:05"), 13);
  EXPECT_EQ(big_clock_width("-0:05:12"), 2 + 1 + 3 + 1 + 1 + 1 + 3 + 1 + 3 + 1 + 1 + 1 + 3 + 1 + 3);
  Canvas o(30, 3);
  draw_big_clock(o, 0, 0, "-1", Role::Alarm);
  EXPECT_EQ(o.row_text(1), "──   │");
  EXPECT_EQ(o.at(0, 1).role, Role::Alarm);
}

TEST(Table, HeaderSortMarkerRowsAndSelection) {
  TableModel m;
  m.columns = {{"Resource", 0, false}, {"Age", 6, true}, {"Status", 8, false}};
  m.rows = {{{"prod-postgres", "4m12s", "ok"}, Role::Normal}, {{"payments-aurora", "2d", "BREACH"}, Role::Alarm}};
  m.sort_column = 1;
  m.ascending = false;
  m.selected = 0;
  m.focused = true;
  Canvas c(32, 3);
  draw_table(c, c.bounds(), m);
  EXPECT_EQ(c.to_text(),
            "Resource          Age ▼ Status\n"
            "prod-postgres     4m12s ok\n"
            "payments-aurora      2d BREACH");
  EXPECT_EQ(c.at(0, 2).role, Role::Alarm);
  EXPECT_EQ(c.at(0, 1).role, Role::Selected);
  TableModel empty;
  empty.columns = {{"Resource", 0, false}};
  empty.empty_text = "waiting for the cloud…";
  Canvas e(30, 2);
  draw_table(e, e.bounds(), empty);
  EXPECT_EQ(e.row_text(1), "waiting for the cloud…");
}

TEST(LogView, FollowsTheTailAndScrollsBack) {
  LogModel m;
  for (int i = 1; i <= 5; ++i) {
    LogLine line;
    line.time = "18:0" + std::to_string(i);
    line.text = "event " + std::to_string(i);
    m.lines.push_back(line);
  }
  Canvas c(30, 2);
  draw_log(c, c.bounds(), m);
  EXPECT_EQ(c.to_text(), "18:04 event 4\n18:05 event 5");
  m.scroll_back = 2;
  draw_log(c, c.bounds(), m);
  EXPECT_EQ(c.row_text(1), "18:03 event 3");
  EXPECT_NE(c.row_text(0).find("more"), std::string::npos);
}

TEST(KeyBar, DropsHintsThatDoNotFit) {
  Canvas c(30, 1);
  draw_key_bar(c, c.bounds(), {{"s", "start"}, {"c", "complete"}, {"x", "skip"}, {"?", "help"}}, "q quit");
  EXPECT_EQ(c.to_text(), "s start  c complete     q quit");
}

#include "widgets/line_editor.hpp"

TEST(TextBlock, WrapsAtSpacesKeepsIndentAndCuts) {
  EXPECT_EQ(wrap_text("restore the database from the latest snapshot", 16),
            (std::vector<std::string>{"restore the", "database from", "the latest", "snapshot"}));
  EXPECT_EQ(wrap_text("a\n\n  - nested item text", 12), (std::vector<std::string>{"a", "", "  - nested", "  item text"}));
  EXPECT_EQ(wrap_text("abcdefghij", 4), (std::vector<std::string>{"abcd", "efgh", "ij"}));
  Canvas c(10, 2);
  EXPECT_EQ(draw_text_block(c, c.bounds(), "one two three four five", Role::Normal), 2);
  EXPECT_EQ(c.to_text(), "one two\nthree fou…");
}

TEST(LineEditor, EditsByCodePoint) {
  LineEditor e(20);
  e.insert("caf\xC3\xA9");
  e.insert("\x1b[A");  // control bytes are dropped, the rest kept
  EXPECT_EQ(e.text(), "caf\xC3\xA9[A");
  e.edit(EditKey::Backspace);
  e.edit(EditKey::Backspace);
  e.edit(EditKey::Backspace);
  EXPECT_EQ(e.text(), "caf");
  e.edit(EditKey::Home);
  e.insert("x");
  EXPECT_EQ(e.text(), "xcaf");
  EXPECT_EQ(e.cursor_cells(), 1);
  e.edit(EditKey::End);
  e.insert(std::string(30, 'y'));  // over the cap: refused whole
  EXPECT_EQ(e.text(), "xcaf");
  Canvas c(20, 1);
  draw_prompt(c, c.bounds(), "Reason:", e);
  EXPECT_EQ(c.to_text(), "Reason: xcaf▏");
}
