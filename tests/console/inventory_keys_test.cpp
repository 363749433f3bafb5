// Keys with the inventory pane focused: selection by row, sort, the live filter and the detail view,
// and the console's own keys still working beside them.

#include <gtest/gtest.h>

#include "console/inventory_fixture.hpp"
#include "console/inventory_rows.hpp"
#include "console/keys.hpp"

using namespace std::chrono;
using namespace drc;
using T = tui::KeyEvent::Type;

namespace {

tui::KeyEvent key(T t) { return {t, {}}; }
tui::KeyEvent ch(const std::string& c) { return {T::Char, c}; }

class InventoryKeys : public ::testing::Test {
 protected:
  void SetUp() override {
    model.has_cloud = true;
    tui::refresh_pane(model.inventory, test::sample_inventory(), test::sample_scope(), minutes(5), 0, test::kNow);
    state.steps = {{1, "Look", {}, {}, {}, {}, {}, {}}, {2, "Fix", {}, {}, {}, {}, {}, {}}};
    press(key(T::Tab));
  }
  std::optional<incident::Command> press(const tui::KeyEvent& k) { return tui::handle_key(model, k, state); }
  void type(const std::string& text) {
    for (char c : text) press(ch(std::string(1, c)));
  }

  tui::ConsoleModel model;
  incident::IncidentState state;
};

}  // namespace

TEST_F(InventoryKeys, TabFocusesThePaneAndArrowsMoveItsSelection) {
  EXPECT_EQ(model.focus, tui::Pane::Inventory);
  press(ch("j"));
  EXPECT_EQ(model.inventory.selected, "r/rds_instance/us-east-1/payments-db");
  press(key(T::Down));
  press(key(T::Up));
  EXPECT_EQ(model.inventory.selected, "r/rds_instance/us-east-1/payments-db");
  press(key(T::End));
  EXPECT_EQ(model.inventory.selected, "g/us-east-1/ec2/error");
  press(key(T::Home));
  EXPECT_EQ(model.inventory.selected, "r/rds_instance/us-east-1/ledger");
  EXPECT_EQ(model.selected, 0);  // the step selection did not move
}

TEST_F(InventoryKeys, SortCyclesAndReverses) {
  press(ch("o"));
  EXPECT_EQ(model.inventory.view.sort_column, tui::kStatusColumn);
  press(ch("o"));
  EXPECT_EQ(model.inventory.view.sort_column, tui::kResourceColumn);
  press(ch("O"));
  EXPECT_FALSE(model.inventory.view.ascending);
  press(ch("o"));
  EXPECT_EQ(model.inventory.view.sort_column, tui::kKindColumn);
  EXPECT_TRUE(model.inventory.view.ascending);
}

TEST_F(InventoryKeys, TheFilterIsLiveEnterKeepsItEscapeClearsIt) {
  press(ch("/"));
  EXPECT_EQ(model.prompt, tui::Prompt::Filter);
  type("Pay");
  EXPECT_EQ(model.inventory.view.filter, "Pay");  // as typed, before Enter
  press(key(T::Backspace));
  EXPECT_EQ(model.inventory.view.filter, "Pa");
  press(key(T::Enter));
  EXPECT_EQ(model.prompt, tui::Prompt::None);
  EXPECT_EQ(model.inventory.view.filter, "Pa");
  press(ch("/"));  // opens on what is there, to refine it
  EXPECT_EQ(model.editor.text(), "Pa");
  type("y");
  EXPECT_EQ(model.inventory.view.filter, "Pay");
  press(key(T::Escape));
  EXPECT_EQ(model.prompt, tui::Prompt::None);
  EXPECT_EQ(model.inventory.view.filter, "");
  // Typing q or s in the filter is text, not a command.
  press(ch("/"));
  EXPECT_FALSE(press(ch("s")));
  EXPECT_FALSE(model.quit);
  EXPECT_EQ(model.inventory.view.filter, "s");
}

TEST_F(InventoryKeys, EnterOpensTheDetailWhichTakesKeysUntilClosed) {
  press(ch("/"));
  type("payments");
  press(key(T::Enter));
  press(key(T::Enter));  // the first row shown, though none was selected
  ASSERT_TRUE(model.inventory.detail);
  EXPECT_EQ(*model.inventory.detail, "r/rds_instance/us-east-1/payments-db");
  EXPECT_FALSE(press(ch("s")));  // the detail view takes every key
  press(ch("q"));                // and q closes it rather than the console
  EXPECT_FALSE(model.inventory.detail);
  EXPECT_EQ(model.prompt, tui::Prompt::None);
  press(key(T::Enter));
  press(key(T::Escape));
  EXPECT_FALSE(model.inventory.detail);
}

TEST_F(InventoryKeys, TheConsolesOwnKeysStillWork) {
  const auto cmd = press(ch("s"));  // starts the selected step, whichever pane has focus
  ASSERT_TRUE(cmd);
  EXPECT_TRUE(std::holds_alternative<incident::StartStep>(*cmd));
  press(ch("r"));
  EXPECT_TRUE(model.inventory.refresh_requested);
  press(key(T::Tab));  // to the timeline: the pane's keys are its own again
  EXPECT_EQ(model.focus, tui::Pane::Timeline);
  press(ch("/"));
  EXPECT_EQ(model.prompt, tui::Prompt::None);
  press(key(T::Tab));
  press(ch("j"));
  EXPECT_EQ(model.selected, 1);
  EXPECT_EQ(model.inventory.selected, "");
}

TEST(ConsoleKeys, WithoutACloudTabSkipsTheInventory) {
  tui::ConsoleModel m;
  m.inventory.unavailable = "no configuration";
  incident::IncidentState st;
  tui::handle_key(m, {T::Tab, {}}, st);
  EXPECT_EQ(m.focus, tui::Pane::Timeline);
  tui::handle_key(m, {T::Char, "r"}, st);
  EXPECT_FALSE(m.inventory.refresh_requested);
}
