// A writer appending in a loop is SIGKILLed at random moments, 200 times. After every kill the journal must
// open, verify, and hold every event the writer was told was durable before it died.

#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <random>
#include <thread>

#include "incident/engine.hpp"
#include "support/temp_dir.hpp"
#include "timeline/file_journal.hpp"
#include "timeline/verify.hpp"

using namespace drc::incident;
using namespace drc::timeline;

namespace {

[[noreturn]] void writer(const std::filesystem::path& path, int ack_fd, unsigned seed) {
  SystemClock clock;
  auto j = FileJournal::open(path, Access::ReadWrite);
  if (!j.ok()) ::_exit(2);
  Engine e(std::move(j).value(), clock, "crash-writer", Mode::Commander);
  if (!e.refresh().ok()) ::_exit(3);
  const std::uint64_t ready = 0;  // opened and replayed: the kill window starts now
  if (::write(ack_fd, &ready, sizeof ready) != sizeof ready) ::_exit(5);
  std::mt19937 rng(seed);
  for (;;) {
    // Sizes vary so kills land in small and large writes alike.
    auto w = e.execute(AddNote{"note from " + std::to_string(seed) + " " + std::string(rng() % 1500, 'n')});
    if (!w.ok()) ::_exit(4);
    const std::uint64_t seq = w->back().seq;
    if (::write(ack_fd, &seq, sizeof seq) != sizeof seq) ::_exit(5);
  }
}

}  // namespace

TEST(JournalCrash, NothingAcknowledgedIsLostAcross200Kills) {
  drc::test::TempDir tmp;
  // A fresh journal every 25 kills: each writer re-reads its journal on open, and one journal growing over
  // all 200 rounds would make the test quadratic (minutes under ASan) without testing anything more.
  auto start_journal = [&](int generation) {
    const auto p = tmp / ("crash-" + std::to_string(generation) + ".jsonl");
    ManualClock clock(drc::Timestamp{std::chrono::milliseconds{1'790'000'000'000}});
    auto j = FileJournal::create(p);
    EXPECT_TRUE(j.ok());
    Engine e(std::move(j).value(), clock, "setup", Mode::Commander);
    EXPECT_TRUE(e.execute(Declare{{{"id", "crash"}, {"steps", nlohmann::json::array()}}}).ok());
    return p;
  };
  std::mt19937 rng(20261123);
  std::uint64_t acked = 1;
  std::uint64_t total_acked = 0;
  std::filesystem::path path;
  std::size_t torn_repairs = 0;
  int rounds_killed_mid_loop = 0;  // kills that landed after the writer had acknowledged at least one append
  for (int round = 0; round < 200; ++round) {
    if (round % 25 == 0) {
      total_acked += acked - 1;
      path = start_journal(round / 25);
      acked = 1;
    }
    int fds[2];
    ASSERT_EQ(::pipe2(fds, O_CLOEXEC), 0);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(fds[0]);
      writer(path, fds[1], static_cast<unsigned>(round));
    }
    ::close(fds[1]);
    std::uint64_t ready = 1;
    ASSERT_EQ(::read(fds[0], &ready, sizeof ready), static_cast<ssize_t>(sizeof ready)) << "round " << round;
    ASSERT_EQ(ready, 0u);
    // The window is counted in acknowledgements, then a random slice of an append: the kill lands at a
    // random point of the loop however fast this build appends (ASan is several times slower).
    std::uint64_t seq = 0;
    bool any = false;
    for (auto wait_for = rng() % 11; wait_for > 0; --wait_for) {
      ASSERT_EQ(::read(fds[0], &seq, sizeof seq), static_cast<ssize_t>(sizeof seq)) << "round " << round;
      acked = std::max(acked, seq);
      any = true;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 2000));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "round " << round << ": writer exited with " << WEXITSTATUS(status);
    while (::read(fds[0], &seq, sizeof seq) == sizeof seq) {
      acked = std::max(acked, seq);
      any = true;
    }
    rounds_killed_mid_loop += any;
    ::close(fds[0]);

    auto j = FileJournal::open(path, Access::ReadWrite);  // verifies the chain; sets a torn tail aside
    ASSERT_TRUE(j.ok()) << "round " << round << ": " << j.error().message;
    torn_repairs += (*j)->take_notices().size();
    auto events = (*j)->read_new();
    ASSERT_TRUE(events.ok());
    ASSERT_GE(events->size(), acked) << "round " << round << ": an acknowledged event was lost";
    for (std::uint64_t s = 1; s <= acked; ++s) ASSERT_EQ((*events)[s - 1].seq, s);
    ASSERT_TRUE(fold(*events).ok());
    // Opening for writing above already checked the whole chain; the standalone verifier (what
    // `timeline verify` runs) is asked too, every fifth round.
    if (round % 5 == 4) {
      auto v = verify_journal(path);
      ASSERT_TRUE(v.ok());
      ASSERT_FALSE(v->bad) << "round " << round << ": " << v->bad->message;
      ASSERT_EQ(v->events, events->size());
    }
  }
  total_acked += acked - 1;
  RecordProperty("acknowledged_events", static_cast<int>(total_acked));
  RecordProperty("torn_tails_set_aside", static_cast<int>(torn_repairs));
  RecordProperty("kills_mid_append_loop", rounds_killed_mid_loop);
  std::printf("acknowledged %llu events; %d of 200 kills landed inside the append loop; %zu torn tails set aside\n",
              static_cast<unsigned long long>(total_acked), rounds_killed_mid_loop, torn_repairs);
  // Most kills must land after appends were acknowledged, or the test would prove little.
  EXPECT_GE(rounds_killed_mid_loop, 150);
}
