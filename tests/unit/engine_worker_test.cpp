#include <gtest/gtest.h>

#include <thread>

#include "event_builders.hpp"
#include "incident/engine_worker.hpp"
#include "support/temp_dir.hpp"
#include "timeline/file_journal.hpp"
#include "timeline/verify.hpp"

using namespace std::chrono_literals;
using namespace drc::incident;
using drc::timeline::Access;
using drc::timeline::FileJournal;

namespace {

struct Fixture {
  drc::test::TempDir tmp;
  ManualClock clock{drc::test::t0()};
  std::filesystem::path path = tmp / "inc.jsonl";

  std::unique_ptr<Engine> engine(Mode mode, const std::string& actor) {
    auto j = std::filesystem::exists(path)
                 ? FileJournal::open(path, mode == Mode::WarRoom ? Access::ReadOnly : Access::ReadWrite)
                 : FileJournal::create(path);
    EXPECT_TRUE(j.ok());
    auto e = std::make_unique<Engine>(std::move(j).value(), clock, actor, mode);
    EXPECT_TRUE(e->refresh().ok());
    return e;
  }
  std::unique_ptr<Engine> declared() {
    auto e = engine(Mode::Commander, "alice");
    EXPECT_TRUE(e->execute(Declare{drc::test::declared_data(3)}).ok());
    return e;
  }
};

// Takes reports until `done` holds for what was gathered, or gives up after a generous bound (a failing
// test, never a timing assertion: the bound only keeps a broken worker from hanging the suite).
EngineWorker::Report gather(EngineWorker& w, const std::function<bool(const EngineWorker::Report&)>& done) {
  EngineWorker::Report all;
  for (int i = 0; i < 2000 && !done(all); ++i) {
    auto r = w.take();
    for (auto& e : r.events) all.events.push_back(std::move(e));
    for (auto& o : r.outcomes) all.outcomes.push_back(std::move(o));
    for (auto& n : r.notices) all.notices.push_back(std::move(n));
    std::this_thread::sleep_for(5ms);
  }
  return all;
}

}  // namespace

TEST(EngineWorker, FirstReportIsWhatTheEngineHeld) {
  Fixture f;
  EngineWorker w(f.declared(), 50ms);
  auto r = w.take();
  ASSERT_EQ(r.events.size(), 1u);
  EXPECT_EQ(r.events[0].kind, EventKind::IncidentDeclared);
  EXPECT_TRUE(r.outcomes.empty());
}

TEST(EngineWorker, OutcomesComeBackWithTheirEventsInOrder) {
  Fixture f;
  EngineWorker w(f.declared(), 50ms);
  Replica view;
  ASSERT_TRUE(view.take(w.take().events, "test").ok());
  const auto t1 = w.submit(StartStep{1});
  const auto t2 = w.submit(CompleteStep{1, "ok"});
  const auto t3 = w.submit(CompleteStep{3, ""});  // step 3 never started: refused
  EXPECT_EQ(w.in_flight(), 3u);
  auto all = gather(w, [](const auto& r) { return r.outcomes.size() == 3; });
  ASSERT_EQ(all.outcomes.size(), 3u);
  EXPECT_EQ(w.in_flight(), 0u);
  EXPECT_EQ(all.outcomes[0].ticket, t1);
  EXPECT_EQ(all.outcomes[1].ticket, t2);
  EXPECT_EQ(all.outcomes[2].ticket, t3);
  EXPECT_TRUE(all.outcomes[0].written.ok());
  EXPECT_TRUE(all.outcomes[1].written.ok());
  EXPECT_FALSE(all.outcomes[2].written.ok());
  ASSERT_EQ(all.events.size(), 2u);
  ASSERT_TRUE(view.take(all.events, "test").ok());
  EXPECT_EQ(view.state().step(1)->status, StepStatus::Done);
  EXPECT_EQ(view.state().last_seq, 3u);
}

TEST(EngineWorker, WarRoomRefusalsComeBackAsOutcomes) {
  Fixture f;
  f.declared();
  EngineWorker w(f.engine(Mode::WarRoom, "screen"), 50ms);
  w.take();
  w.submit(AddNote{"hello"});
  auto all = gather(w, [](const auto& r) { return !r.outcomes.empty(); });
  ASSERT_EQ(all.outcomes.size(), 1u);
  ASSERT_FALSE(all.outcomes[0].written.ok());
  EXPECT_NE(all.outcomes[0].written.error().message.find("read-only"), std::string::npos);
  EXPECT_TRUE(all.events.empty());
}

TEST(EngineWorker, TailsWhatAnotherWriterAppends) {
  Fixture f;
  f.declared();
  EngineWorker w(f.engine(Mode::WarRoom, "screen"), 20ms);
  w.take();
  auto other = f.engine(Mode::Commander, "bob");
  ASSERT_TRUE(other->execute(AddNote{"from another shell"}).ok());
  auto all = gather(w, [](const auto& r) { return !r.events.empty(); });
  ASSERT_EQ(all.events.size(), 1u);
  EXPECT_EQ(all.events[0].kind, EventKind::Note);
  EXPECT_EQ(all.events[0].actor, "bob");
}

TEST(EngineWorker, InterleavedWritersAreEachReportedOnce) {
  Fixture f;
  EngineWorker w(f.declared(), 5ms);
  auto other = f.engine(Mode::Commander, "bob");
  for (int i = 0; i < 20; ++i) {
    w.submit(AddNote{"mine " + std::to_string(i)});
    ASSERT_TRUE(other->execute(AddNote{"theirs " + std::to_string(i)}).ok());
  }
  auto all = gather(w, [](const auto& r) { return r.events.size() == 41; });
  ASSERT_EQ(all.events.size(), 41u);
  for (std::size_t i = 0; i < all.events.size(); ++i) EXPECT_EQ(all.events[i].seq, i + 1);
  Replica view;
  EXPECT_TRUE(view.take(all.events, "test").ok());
}

TEST(EngineWorker, StopWritesEverythingSubmitted) {
  Fixture f;
  EngineWorker w(f.declared(), 1s);
  for (int i = 0; i < 50; ++i) w.submit(AddNote{"note " + std::to_string(i)});
  auto engine = w.stop();
  ASSERT_TRUE(engine);
  EXPECT_EQ(engine->state().notes, 50u);
  engine.reset();
  auto report = drc::timeline::verify_journal(f.path);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->bad.has_value());
  EXPECT_EQ(report->events, 51u);
}
