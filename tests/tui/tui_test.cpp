// The console in a terminal: its checklist, prompts, journal, war room and the demo's inventory.

#include "tui/console_fixture.hpp"

using namespace std::chrono_literals;
using drc::test::Console;
using drc::test::kExamples;

TEST_F(Console, StartsWithChecklistCountdownAndTimeline) {
  start("run " + kExamples + "payments-db-failover.md --env prod --scenario 1");
  ASSERT_TRUE(wait_for("Steps 0/6")) << screen();
  const auto s = screen();
  EXPECT_NE(s.find("Primary database instance lost"), std::string::npos);
  EXPECT_NE(s.find("1. Confirm the instance state"), std::string::npos);
  EXPECT_NE(s.find("RTO 30m remaining"), std::string::npos);
  EXPECT_NE(s.find("╭─╮"), std::string::npos);  // the big countdown digits
  EXPECT_NE(s.find("tester declared the incident"), std::string::npos);
  EXPECT_NE(s.find("s start"), std::string::npos);
}

TEST_F(Console, StartThenCompleteMarksTheStepOnScreenAndInTheJournal) {
  start("run " + kExamples + "payments-db-failover.md --env prod --scenario 1");
  ASSERT_TRUE(wait_for("Steps 0/6"));
  keys({"s"});
  ASSERT_TRUE(wait_for("tester started step 1")) << screen();
  keys({"c"});
  ASSERT_TRUE(wait_for("Steps 1/6")) << screen();
  EXPECT_NE(screen().find("✓ 1. Confirm the instance"), std::string::npos) << screen();
  const auto text = drc::test::read_file(journal());
  EXPECT_NE(text.find("\"kind\":\"step.started\""), std::string::npos);
  EXPECT_NE(text.find("\"kind\":\"step.completed\""), std::string::npos);
  keys({"c"});  // completing it again is refused by the engine, and says so
  EXPECT_TRUE(wait_for("already done")) << screen();
}

TEST_F(Console, ANoteFromAnotherShellAppears) {
  start("run " + kExamples + "payments-db-failover.md --env prod --scenario 2");
  ASSERT_TRUE(wait_for("Steps 0/4"));
  auto r = cli({"--as", "scribe", "note", "replica lag is 3 seconds"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(wait_for("scribe: replica lag is 3 seconds", 2s)) << screen();
}

TEST_F(Console, WideCharactersKeepTheFramesAligned) {
  start("run " + kExamples + "payments-db-failover.md --env prod --scenario 2");
  ASSERT_TRUE(wait_for("Steps 0/4"));
  ASSERT_EQ(cli({"--as", "scribe", "note", "漢字 🚨 ⚠️ café paged the DBA"}).exit_code, 0);
  ASSERT_TRUE(wait_for("paged the DBA", 2s)) << screen();
  // The timeline row is 98 columns inside its frame: "HH:MM:SS " (9) + "scribe: " (8) + the note, where
  // 漢字 and 🚨 take two columns each and ⚠ one (its emoji selector dropped) = 28, then 53 spaces.
  const auto text = screen();
  const auto at = text.find("scribe: 漢字");
  ASSERT_NE(at, std::string::npos) << text;
  const auto line = text.substr(at, text.find('\n', at) - at);
  EXPECT_EQ(line, "scribe: 漢字 🚨 ⚠ café paged the DBA" + std::string(53, ' ') + "│") << text;
}

TEST_F(Console, PromptsTakeAReasonAndEscapeCancels) {
  start("run " + kExamples + "payments-db-failover.md --env prod --scenario 1");
  ASSERT_TRUE(wait_for("Steps 0/6"));
  keys({"j", "x"});
  ASSERT_TRUE(wait_for("Why skip this step?"));
  keys({"-l", "not needed: writers already stopped"});
  keys({"Enter"});
  ASSERT_TRUE(wait_for("skipped step 2: Freeze writers: not needed")) << screen();
  keys({"n"});
  ASSERT_TRUE(wait_for("Note:"));
  keys({"-l", "never sent"});
  keys({"Escape"});
  ASSERT_TRUE(wait_for("s start"));
  EXPECT_EQ(drc::test::read_file(journal()).find("never sent"), std::string::npos);
}

TEST_F(Console, ResizeBelowMinimumAndBack) {
  start("run " + kExamples + "payments-db-failover.md --env prod --scenario 1");
  ASSERT_TRUE(wait_for("Steps 0/6"));
  run_tmux({"resize-window", "-x", "60", "-y", "20"});
  ASSERT_TRUE(wait_for("Terminal too small: 60x20")) << screen();
  run_tmux({"resize-window", "-x", "100", "-y", "30"});
  ASSERT_TRUE(wait_for("Steps 0/6")) << screen();
  EXPECT_EQ(screen().find("too small"), std::string::npos);
}

TEST_F(Console, QuitAsksThenLeavesAJournalThatVerifies) {
  start("run " + kExamples + "payments-db-failover.md --env prod --scenario 1");
  ASSERT_TRUE(wait_for("Steps 0/6"));
  keys({"q"});
  ASSERT_TRUE(wait_for("Leave the console?"));
  keys({"y"});
  const auto until = std::chrono::steady_clock::now() + 5s;
  while (!std::filesystem::exists(tmp / "exit-code") && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(50ms);
  }
  std::this_thread::sleep_for(100ms);
  EXPECT_EQ(drc::test::read_file(tmp / "exit-code"), "0\n");
  auto v = cli({"timeline", "verify", journal()});
  EXPECT_EQ(v.exit_code, 0) << v.err;
}

TEST_F(Console, WarRoomRefusesChangesInCore) {
  auto d = cli({"declare", kExamples + "web-tier-quickref.md", "-s", "1", "-e", "prod"});
  ASSERT_EQ(d.exit_code, 0);
  const auto before = drc::test::read_file(journal());
  start("watch");
  ASSERT_TRUE(wait_for("war room")) << screen();
  keys({"s"});
  EXPECT_TRUE(wait_for("read-only")) << screen();
  EXPECT_EQ(drc::test::read_file(journal()), before);
  cli({"note", "from the commander"});
  EXPECT_TRUE(wait_for("tester: from the commander", 2s));
}

TEST_F(Console, ABadEnvironmentFailsBeforeAnyScreen) {
  start("run " + kExamples + "payments-db-failover.md --env qa 2> " + (tmp / "err").string());
  const auto until = std::chrono::steady_clock::now() + 5s;
  while (drc::test::read_file(tmp / "exit-code").empty() && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(50ms);
  }
  EXPECT_EQ(drc::test::read_file(tmp / "exit-code"), "1\n");
  EXPECT_NE(drc::test::read_file(tmp / "err").find("no environment 'qa'"), std::string::npos);
  EXPECT_EQ(screen().find("Which scenario"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(tmp / "drconsole" / "incidents") &&
               !std::filesystem::is_empty(tmp / "drconsole" / "incidents"));
}

TEST_F(Console, DemoFillsTheInventoryFromTheSimulatedCloud) {
  start("demo --theme dark", 120, 34);
  ASSERT_TRUE(wait_for("DRILL")) << screen();
  // Every answer arrives after its simulated latency; the pane fills as they do, protected resources'
  // posture first, worst first. ledger-reporting (backup retention 0, so only its 9-day-old snapshot
  // counts) is over the 5m RPO; payments-prod-db's newest point (PITR, 4m) is over 75 % of it;
  // payments-aurora's (3m) within it.
  ASSERT_TRUE(wait_for("Inventory: 1 breach, 1 warning, 1 ok · 6 found")) << screen();
  const auto s = screen();
  EXPECT_NE(s.find("payments-prod-db-usw2"), std::string::npos);  // the DR region answered too
  EXPECT_NE(s.find("orders"), std::string::npos);                 // vaults listed, then their points
  const auto breach = s.find("BREACH  ledger-reporting");
  const auto warning = s.find("warning payments-prod-db ");
  const auto ok = s.find("ok      payments-aurora");
  ASSERT_NE(breach, std::string::npos) << s;
  ASSERT_NE(warning, std::string::npos) << s;
  ASSERT_NE(ok, std::string::npos) << s;
  EXPECT_LT(breach, warning);  // worst first
  EXPECT_LT(warning, ok);
  EXPECT_LT(ok, s.find("payments-prod-db-usw2"));  // the rest of the inventory after the posture
  EXPECT_EQ(s.find("NotSimulated"), std::string::npos) << s;  // the simulated cloud answers all it is asked

  // The colours as drawn: the dark theme's alarm is bold bright white on red (white on an 8-colour
  // terminal), its warning bold yellow; an ok row is plain.
  const auto colours = screen_with_colours();
  const auto alarm = drc::test::look_of(colours, "BREACH  ledger-reporting");
  ASSERT_TRUE(alarm) << colours;
  EXPECT_EQ(alarm->bg, 1);
  EXPECT_TRUE(alarm->fg == 15 || alarm->fg == 7) << alarm->fg;
  EXPECT_TRUE(alarm->bold);
  const auto warn = drc::test::look_of(colours, "warning payments-prod-db ");
  ASSERT_TRUE(warn) << colours;
  EXPECT_EQ(warn->fg, 3);
  EXPECT_EQ(warn->bg, -1);
  EXPECT_TRUE(warn->bold);
  const auto plain = drc::test::look_of(colours, "ok      payments-aurora");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->bg, -1);
  EXPECT_EQ(plain->fg, -1);
  EXPECT_FALSE(plain->bold);

  // The drill is kept apart from real incidents.
  EXPECT_TRUE(std::filesystem::exists(tmp / "drconsole" / "drills" / "incidents"));
  EXPECT_FALSE(std::filesystem::exists(tmp / "drconsole" / "incidents"));
  keys({"s"});
  EXPECT_TRUE(wait_for("tester started step 1")) << screen();
}

TEST_F(Console, NeedsATerminal) {
  auto r = cli({"run", kExamples + "payments-db-failover.md", "--env", "prod", "-s", "1"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("needs a terminal"), std::string::npos);
}
