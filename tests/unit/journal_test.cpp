#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include "event_builders.hpp"
#include "incident/engine.hpp"
#include "support/temp_dir.hpp"
#include "timeline/file_journal.hpp"
#include "timeline/verify.hpp"

#include <sys/stat.h>

using namespace std::chrono_literals;
using namespace drc::incident;
using namespace drc::timeline;

namespace {

std::vector<EventDraft> drafts(std::initializer_list<std::pair<EventKind, nlohmann::json>> items) {
  std::vector<EventDraft> out;
  for (const auto& [k, d] : items) out.push_back(EventDraft{drc::test::t0(), "alice", k, d});
  return out;
}

Journal::Decide just(std::vector<EventDraft> d) {
  return [d](std::span<const Event>) -> drc::Result<std::vector<EventDraft>> { return d; };
}

void make_journal(const std::filesystem::path& p, int notes) {
  auto j = FileJournal::create(p);
  ASSERT_TRUE(j.ok());
  ASSERT_TRUE((*j)->append(just(drafts({{EventKind::IncidentDeclared, drc::test::declared_data()}}))).ok());
  for (int i = 0; i < notes; ++i) {
    ASSERT_TRUE((*j)->append(just(drafts({{EventKind::Note, {{"text", "note " + std::to_string(i)}}}}))).ok());
  }
}

}  // namespace

TEST(Journal, LinesAreChainedAndPrivate) {
  drc::test::TempDir tmp;
  make_journal(tmp / "j.jsonl", 2);
  struct stat st{};
  ASSERT_EQ(::stat((tmp / "j.jsonl").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto j = FileJournal::open(tmp / "j.jsonl", Access::ReadOnly);
  ASSERT_TRUE(j.ok());
  auto events = (*j)->read_new();
  ASSERT_TRUE(events.ok());
  ASSERT_EQ(events->size(), 3u);
  EXPECT_EQ((*events)[0].prev, kGenesisHash);
  EXPECT_EQ((*events)[1].prev, (*events)[0].hash);
  EXPECT_EQ((*events)[2].hash, event_hash((*events)[2]));
  EXPECT_EQ(drc::test::read_file(tmp / "j.jsonl").substr(0, 8), "{\"seq\":1");
}

TEST(Journal, CreateRefusesAnExistingFile) {
  drc::test::TempDir tmp;
  make_journal(tmp / "j.jsonl", 0);
  EXPECT_FALSE(FileJournal::create(tmp / "j.jsonl").ok());
}

TEST(Journal, TornLastLineIsSetAsideAndTheJournalOpens) {
  drc::test::TempDir tmp;
  const auto p = tmp / "j.jsonl";
  make_journal(p, 3);
  const auto whole = drc::test::read_file(p);
  const std::string torn = "{\"seq\":5,\"ts\":\"2026-";
  drc::test::write_file(p, whole + torn);

  auto v = verify_journal(p);
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(v->bad);
  EXPECT_EQ(v->bad->seq, 5u);

  auto j = FileJournal::open(p, Access::ReadWrite);
  ASSERT_TRUE(j.ok()) << j.error().message;
  auto notices = (*j)->take_notices();
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0].find("torn"), std::string::npos);
  EXPECT_EQ(drc::test::read_file(p), whole);
  EXPECT_EQ(drc::test::read_file(p.string() + ".torn-" + std::to_string(whole.size())), torn);
  EXPECT_EQ((*j)->read_new()->size(), 4u);
  ASSERT_TRUE((*j)->append(just(drafts({{EventKind::Note, {{"text", "after repair"}}}}))).ok());
  auto after = verify_journal(p);
  EXPECT_FALSE(after->bad);
  EXPECT_EQ(after->events, 5u);
}

TEST(Journal, ReadOnlyOpenReportsATornLineWithoutTouchingIt) {
  drc::test::TempDir tmp;
  const auto p = tmp / "j.jsonl";
  make_journal(p, 1);
  const auto text = drc::test::read_file(p) + "{\"seq\":3";
  drc::test::write_file(p, text);
  auto j = FileJournal::open(p, Access::ReadOnly);
  ASSERT_TRUE(j.ok());
  EXPECT_EQ((*j)->read_new()->size(), 2u);
  EXPECT_FALSE((*j)->take_notices().empty());
  EXPECT_EQ(drc::test::read_file(p), text);
}

TEST(Journal, DamageInsideIsRefusedWithTheFirstBadSeq) {
  drc::test::TempDir tmp;
  const auto p = tmp / "j.jsonl";
  make_journal(p, 4);
  auto text = drc::test::read_file(p);
  const auto pos = text.find("note 2");
  ASSERT_NE(pos, std::string::npos);
  text[pos + 5] = '7';
  drc::test::write_file(p, text);
  auto j = FileJournal::open(p, Access::ReadWrite);
  ASSERT_FALSE(j.ok());
  EXPECT_NE(j.error().message.find("seq 4"), std::string::npos) << j.error().message;
  auto v = verify_journal(p);
  ASSERT_TRUE(v->bad);
  EXPECT_EQ(v->bad->seq, 4u);
  EXPECT_EQ(v->events, 3u);
}

TEST(Journal, EveryChangedByteIsDetected) {
  drc::test::TempDir tmp;
  const auto p = tmp / "j.jsonl";
  make_journal(p, 2);
  const auto original = drc::test::read_file(p);
  std::size_t line_start_seq = 1;
  for (std::size_t i = 0; i < original.size(); ++i) {
    auto changed = original;
    changed[i] = static_cast<char>(changed[i] ^ 0x01);
    drc::test::write_file(p, changed);
    auto v = verify_journal(p);
    ASSERT_TRUE(v.ok());
    ASSERT_TRUE(v->bad.has_value()) << "flipping byte " << i << " went unnoticed";
    // The bad seq is the line that holds the byte (a newline belongs to the line it ends).
    EXPECT_EQ(v->bad->seq, line_start_seq) << "byte " << i;
    if (original[i] == '\n') ++line_start_seq;
  }
}

TEST(Journal, RemovedOrReorderedLinesBreakTheChain) {
  drc::test::TempDir tmp;
  const auto p = tmp / "j.jsonl";
  make_journal(p, 3);
  auto text = drc::test::read_file(p);
  auto l2 = text.find('\n') + 1;
  auto l3 = text.find('\n', l2) + 1;
  drc::test::write_file(p, text.substr(0, l2) + text.substr(l3));  // drop seq 2
  auto v = verify_journal(p);
  ASSERT_TRUE(v->bad);
  EXPECT_EQ(v->bad->seq, 2u);
}

TEST(Journal, TwoWriterProcessesNeverInterleaveOrLose) {
  drc::test::TempDir tmp;
  const auto p = tmp / "j.jsonl";
  make_journal(p, 0);
  constexpr int kPerWriter = 150;
  std::vector<pid_t> pids;
  for (int w = 0; w < 2; ++w) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      SystemClock clock;
      auto j = FileJournal::open(p, Access::ReadWrite);
      if (!j.ok()) ::_exit(2);
      Engine e(std::move(j).value(), clock, "writer" + std::to_string(w), Mode::Commander);
      if (!e.refresh().ok()) ::_exit(3);
      for (int i = 0; i < kPerWriter; ++i) {
        if (!e.execute(AddNote{"w" + std::to_string(w) + " " + std::to_string(i) + std::string(200, 'x')}).ok()) ::_exit(4);
      }
      ::_exit(0);
    }
    pids.push_back(pid);
  }
  for (auto pid : pids) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
  }
  auto v = verify_journal(p);
  ASSERT_TRUE(v.ok());
  EXPECT_FALSE(v->bad) << v->bad->message;
  EXPECT_EQ(v->events, 1u + 2 * kPerWriter);
  auto j = FileJournal::open(p, Access::ReadOnly);
  auto st = fold(*(*j)->read_new());
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->notes, 2u * kPerWriter);
}
