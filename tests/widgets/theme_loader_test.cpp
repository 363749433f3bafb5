#include <gtest/gtest.h>

#include "support/temp_dir.hpp"
#include "theme_loader.hpp"

using namespace drc;

TEST(Themes, EveryShippedThemeLoadsWithEveryRole) {
  for (const char* name : {"dark", "light", "high-contrast", "monochrome"}) {
    auto t = tui::find_theme(name, {DRC_SOURCE_THEMES_DIR});
    ASSERT_TRUE(t.ok()) << name << ": " << t.error().message;
    EXPECT_EQ(t->name, name);
  }
  auto dark = tui::find_theme("dark", {DRC_SOURCE_THEMES_DIR});
  EXPECT_EQ(dark->style(ui::Role::Alarm).bg, 1);  // red
  EXPECT_TRUE(dark->style(ui::Role::Alarm).bold);
  auto mono = tui::find_theme("monochrome", {DRC_SOURCE_THEMES_DIR});
  for (std::size_t i = 0; i < ui::kRoleCount; ++i) {
    EXPECT_EQ(mono->roles[i].fg, -1);
    EXPECT_EQ(mono->roles[i].bg, -1);
  }
  EXPECT_EQ(*mono, ui::monochrome_theme());
}

TEST(Themes, ErrorsNameFileLineAndWhatIsWrong) {
  test::TempDir tmp;
  test::write_file(tmp / "bad.yaml", "name: bad\nroles:\n  normal: {}\n  alarm: { fg: crimson }\n");
  auto t = tui::load_theme_file(tmp / "bad.yaml");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("bad.yaml:4: unknown colour 'crimson'"), std::string::npos) << t.error().message;
  test::write_file(tmp / "short.yaml", "name: short\nroles:\n  normal: {}\n");
  auto s = tui::load_theme_file(tmp / "short.yaml");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("role 'dim' is missing"), std::string::npos);
  test::write_file(tmp / "broken.yaml", "roles: [\n");
  EXPECT_FALSE(tui::load_theme_file(tmp / "broken.yaml").ok());
  auto missing = tui::find_theme("neon", {DRC_SOURCE_THEMES_DIR});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("themes: dark, high-contrast, light, monochrome"), std::string::npos)
      << missing.error().message;
}
