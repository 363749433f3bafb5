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

#include "widgets/modal.hpp"
#include "widgets/table_view.hpp"

namespace {

TableRow row(std::string id, std::vector<std::string> cells, int group = 0, std::vector<std::string> keys = {}) {
  TableRow r;
  r.id = std::move(id);
  r.cells = std::move(cells);
  r.group = group;
  r.sort_keys = std::move(keys);
  return r;
}

std::vector<std::string> ids(const std::vector<TableRow>& rows, const std::vector<std::size_t>& shown) {
  std::vector<std::string> out;
  for (auto i : shown) out.push_back(rows[i].id);
  return out;
}

// Ages as shown, with keys that sort them as durations: "4m12s" is younger than "3h".
std::vector<TableRow> aged_rows() {
  return {row("a", {"payments-db", "3h"}, 0, {"", "10800"}), row("b", {"Ledger", "4m12s"}, 0, {"", "00252"}),
          row("c", {"aurora", "2d"}, 0, {"", "172800"}), row("x", {"orders", "1d"}, 1, {"", "86400"}),
          row("y", {"vol-0abc", "20h"}, 1, {"", "72000"})};
}

}  // namespace

TEST(TableView, SortsWithinGroupsByKeyOrCaseInsensitiveText) {
  const auto rows = aged_rows();
  TableView v;
  EXPECT_EQ(ids(rows, arrange(rows, v)), (std::vector<std::string>{"a", "b", "c", "x", "y"}));  // their own order
  v.sort_column = 0;
  EXPECT_EQ(ids(rows, arrange(rows, v)), (std::vector<std::string>{"c", "b", "a", "x", "y"}));  // aurora, Ledger, payments
  v.sort_column = 1;
  EXPECT_EQ(ids(rows, arrange(rows, v)), (std::vector<std::string>{"b", "a", "c", "y", "x"}));  // by key, not by text
  v.ascending = false;
  EXPECT_EQ(ids(rows, arrange(rows, v)), (std::vector<std::string>{"c", "a", "b", "x", "y"}));  // groups never mix
  v.sort_column = -1;
  EXPECT_EQ(ids(rows, arrange(rows, v)), (std::vector<std::string>{"c", "b", "a", "y", "x"}));  // own order backwards
}

TEST(TableView, CycleSortVisitsEachColumnThenNone) {
  TableView v;
  v.ascending = false;
  cycle_sort(v, 2);
  EXPECT_EQ(v.sort_column, 0);
  EXPECT_TRUE(v.ascending);
  cycle_sort(v, 2);
  EXPECT_EQ(v.sort_column, 1);
  cycle_sort(v, 2);
  EXPECT_EQ(v.sort_column, -1);
}

TEST(TableView, FilterMatchesAnyCellIgnoringCase) {
  const auto rows = aged_rows();
  TableView v;
  v.filter = "LEDGER";
  EXPECT_EQ(ids(rows, arrange(rows, v)), (std::vector<std::string>{"b"}));
  v.filter = "o";  // orders, vol-0abc, aurora
  EXPECT_EQ(ids(rows, arrange(rows, v)), (std::vector<std::string>{"c", "x", "y"}));
  v.filter = "1d";  // the shown text, not the sort key
  EXPECT_EQ(ids(rows, arrange(rows, v)), (std::vector<std::string>{"x"}));
  v.filter = "nothing like it";
  EXPECT_TRUE(arrange(rows, v).empty());
  EXPECT_TRUE(row_matches(rows[0], ""));
}

TEST(TableView, SelectionFollowsTheRowNotThePosition) {
  const auto rows = aged_rows();
  TableView v;
  auto shown = arrange(rows, v);
  EXPECT_EQ(step_selection(rows, shown, "", 1), "b");  // none selected: from the first
  EXPECT_EQ(step_selection(rows, shown, "b", 1), "c");
  EXPECT_EQ(step_selection(rows, shown, "y", 1), "y");  // stops at the end
  EXPECT_EQ(step_selection(rows, shown, "a", -5), "a");
  v.sort_column = 1;
  shown = arrange(rows, v);  // b a c y x
  EXPECT_EQ(position_of(rows, shown, "c"), 2);
  EXPECT_EQ(step_selection(rows, shown, "c", 1), "y");
  TableModel t;
  show_rows(t, rows, shown, "c");
  EXPECT_EQ(t.selected, 2);
  EXPECT_EQ(t.rows[2].id, "c");
  v.filter = "zzz";
  shown = arrange(rows, v);
  EXPECT_EQ(step_selection(rows, shown, "c", 1), "");
  show_rows(t, rows, shown, "c");
  EXPECT_EQ(t.selected, -1);
  EXPECT_TRUE(t.rows.empty());
}

TEST(Table, SpanRowsNarrowColumnsAndTheSortMarker) {
  TableModel m;
  m.columns = {{"Status", 6, false, 0}, {"Resource", 0, false, 0}, {"Region", 9, false, 30}, {"DR", 3, false, 0}};
  m.rows = {{{"BREACH", "ledger-reporting", "us-east-1", "no"}, Role::Alarm},
            {{"us-west-2 rds: unreachable — no answer within 10s"}, Role::Alarm}};
  m.rows[1].span = true;
  m.sort_column = 3;
  Canvas wide(37, 3);
  draw_table(wide, wide.bounds(), m);
  EXPECT_EQ(wide.to_text(),
            "Status Resource         Region    DR▲\n"  // no room for " ▲": the marker still shows
            "BREACH ledger-reporting us-east-1 no\n"
            "us-west-2 rds: unreachable — no answ…");
  EXPECT_EQ(wide.at(36, 1).role, Role::Alarm);  // the whole row, not only its text
  EXPECT_EQ(wide.at(20, 2).role, Role::Alarm);
  Canvas narrow(27, 2);  // too narrow for the region: it is left out
  draw_table(narrow, narrow.bounds(), m);
  EXPECT_EQ(narrow.row_text(1), "BREACH ledger-reporting no");
  EXPECT_FALSE(column_shown(m.columns[2], 27));
  EXPECT_TRUE(column_shown(m.columns[2], 30));
}

TEST(Modal, CentresFramesAndLeavesTheEdgesShowing) {
  Canvas c(30, 8);
  c.fill(c.bounds(), Role::Normal, ".");
  const auto body = draw_modal(c, 100, 5, "Detail", "Esc close");
  EXPECT_EQ(c.row_text(0), "..............................");
  EXPECT_EQ(c.row_text(1), ".┌ Detail ──────────────────┐.");
  EXPECT_EQ(c.row_text(3), ".│                          │.");
  EXPECT_EQ(c.row_text(5), ".└────────────── Esc close ─┘.");
  EXPECT_EQ(body.x, 3);
  EXPECT_EQ(body.y, 2);
  EXPECT_EQ(body.w, 24);
  EXPECT_EQ(body.h, 3);
  Canvas tiny(5, 2);
  EXPECT_TRUE(draw_modal(tiny, 10, 10, "x").empty());
}
