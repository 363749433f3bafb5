#include <gtest/gtest.h>

#include "event_builders.hpp"
#include "incident/engine.hpp"
#include "support/temp_dir.hpp"
#include "timeline/file_journal.hpp"

using namespace std::chrono_literals;
using namespace drc::incident;
using drc::timeline::Access;
using drc::timeline::FileJournal;

namespace {

struct Fixture {
  drc::test::TempDir tmp;
  ManualClock clock{drc::test::t0()};
  std::filesystem::path path = tmp / "inc.jsonl";

  std::unique_ptr<Engine> create() {
    auto j = FileJournal::create(path);
    EXPECT_TRUE(j.ok());
    auto e = std::make_unique<Engine>(std::move(j).value(), clock, "alice", Mode::Commander);
    EXPECT_TRUE(e->execute(Declare{drc::test::declared_data(3)}).ok());
    return e;
  }
  std::unique_ptr<Engine> open(Mode mode, const std::string& actor = "bob") {
    auto j = FileJournal::open(path, mode == Mode::WarRoom ? Access::ReadOnly : Access::ReadWrite);
    EXPECT_TRUE(j.ok()) << (j.ok() ? "" : j.error().message);
    auto e = std::make_unique<Engine>(std::move(j).value(), clock, actor, mode);
    EXPECT_TRUE(e->refresh().ok());
    return e;
  }
  std::size_t lines() const {
    auto text = drc::test::read_file(path);
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  }
};

}  // namespace

TEST(Engine, RecordsCommandsWithClockAndActor) {
  Fixture f;
  auto e = f.create();
  f.clock.advance(90s);
  auto w = e->execute(StartStep{1});
  ASSERT_TRUE(w.ok());
  ASSERT_EQ(w->size(), 1u);
  EXPECT_EQ((*w)[0].seq, 2u);
  EXPECT_EQ((*w)[0].actor, "alice");
  EXPECT_EQ((*w)[0].ts, drc::test::t0() + 90s);
  EXPECT_EQ(e->state().step(1)->status, StepStatus::Running);
  EXPECT_EQ(f.lines(), 2u);
}

TEST(Engine, RefusalsAreNeverWritten) {
  Fixture f;
  auto e = f.create();
  const auto before = f.lines();
  auto r = e->execute(CompleteStep{2, ""});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("start it before completing it"), std::string::npos);
  EXPECT_FALSE(e->execute(SkipStep{1, "   "}).ok());
  EXPECT_FALSE(e->execute(AddNote{""}).ok());
  EXPECT_FALSE(e->execute(AddNote{std::string(kMaxTextBytes + 1, 'x')}).ok());
  EXPECT_FALSE(e->execute(StartStep{42}).ok());
  auto long_reason = e->execute(SkipStep{1, std::string(kMaxTextBytes + 1, 'r')});
  ASSERT_FALSE(long_reason.ok());
  EXPECT_NE(long_reason.error().message.find("the limit is"), std::string::npos) << long_reason.error().message;
  auto no_reason = e->execute(SkipStep{1, "  "});
  ASSERT_FALSE(no_reason.ok());
  EXPECT_NE(no_reason.error().message.find("needs a reason"), std::string::npos);
  EXPECT_EQ(f.lines(), before);
  ASSERT_TRUE(e->execute(Resolve{"done"}).ok());
  auto after = e->execute(AddNote{"too late"});
  ASSERT_FALSE(after.ok());
  EXPECT_NE(after.error().message.find("resolved"), std::string::npos);
  EXPECT_EQ(f.lines(), before + 1);
}

TEST(Engine, WarRoomIsReadOnlyInCore) {
  Fixture f;
  auto e = f.create();
  auto wr = f.open(Mode::WarRoom);
  auto r = wr->execute(AddNote{"from the big screen"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("read-only"), std::string::npos);
  EXPECT_EQ(f.lines(), 1u);
}

TEST(Engine, TextIsSanitisedToUtf8) {
  Fixture f;
  auto e = f.create();
  ASSERT_TRUE(e->execute(AddNote{"bad \xff byte"}).ok());
  EXPECT_EQ(e->events().back().data["text"], "bad \xEF\xBF\xBD byte");
}

TEST(Engine, SecondWriterDecidesOnTheLatestState) {
  Fixture f;
  auto a = f.create();
  auto b = f.open(Mode::Commander);
  ASSERT_TRUE(a->execute(StartStep{1}).ok());
  // b has not seen step 1 start, but completing it must be judged on the journal as it is now.
  auto done = b->execute(CompleteStep{1, ""});
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ((*done)[0].seq, 3u);
  // And a, catching up under the lock, refuses to start it again.
  auto again = a->execute(StartStep{1});
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("already done"), std::string::npos);
  EXPECT_EQ(a->state().step(1)->status, StepStatus::Done);
}

TEST(Engine, WarRoomTailsNewEvents) {
  Fixture f;
  auto cmd = f.create();
  auto wr = f.open(Mode::WarRoom);
  EXPECT_EQ(wr->events().size(), 1u);
  ASSERT_TRUE(cmd->execute(AddNote{"hello room"}).ok());
  auto n = wr->refresh();
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1u);
  EXPECT_EQ(wr->state().notes, 1u);
  EXPECT_EQ(*wr->refresh(), 0u);
}
