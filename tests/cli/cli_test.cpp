// Runs the real drconsole binary with its own state folder.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

using drc::test::ProcessResult;
using nlohmann::json;

namespace {

const std::string kExamples = DRC_EXAMPLES_DIR "/runbooks/";
const std::string kData = DRC_TEST_DATA_DIR "/runbooks/";

class Cli : public ::testing::Test {
 protected:
  drc::test::TempDir tmp;

  ProcessResult run(std::vector<std::string> args, const std::string& stdin_text = {}) {
    args.insert(args.begin(), DRC_BINARY);
    return drc::test::run_process(args, {{"XDG_STATE_HOME", tmp.path().string()}, {"USER", "tester"}}, stdin_text);
  }
  std::filesystem::path journal(const std::string& id) { return tmp / "drconsole" / "incidents" / (id + ".jsonl"); }
  static std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
  }
  static std::size_t line_count(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }
};

}  // namespace

TEST_F(Cli, DeclareStepNoteStatusVerify) {
  auto d = run({"declare", kExamples + "payments-db-failover.md", "--scenario", "1", "--env", "prod", "--severity", "p2"});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  const auto id = trimmed(d.out);
  ASSERT_FALSE(id.empty());
  EXPECT_EQ(id.find('\n'), std::string::npos);

  EXPECT_EQ(run({"step", "start", "1"}).exit_code, 0);
  auto c = run({"step", "complete", "1", "--note", "instance is failed"});
  EXPECT_EQ(c.exit_code, 0) << c.err;
  EXPECT_NE(c.out.find("completed step 1"), std::string::npos);
  EXPECT_EQ(run({"--as", "scribe-sam", "note", "restore started from snapshot"}).exit_code, 0);

  auto s = run({"status", "--json"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  auto j = json::parse(s.out);
  EXPECT_EQ(j["incident"], id);
  EXPECT_EQ(j["status"], "open");
  EXPECT_EQ(j["severity"], "P2");
  EXPECT_EQ(j["environment"], "prod");
  EXPECT_EQ(j["rpo_target_s"], 300);
  EXPECT_EQ(j["rto"]["target_s"], 1800);
  EXPECT_GT(j["rto"]["remaining_s"].get<int>(), 1700);
  EXPECT_LE(j["rto"]["remaining_s"].get<int>(), 1800);
  EXPECT_EQ(j["rto"]["state"], "ok");
  EXPECT_EQ(j["next_update"]["every_s"], 900);
  ASSERT_EQ(j["steps"].size(), 6u);
  EXPECT_EQ(j["steps"][0]["status"], "done");
  EXPECT_EQ(j["steps"][1]["status"], "pending");
  EXPECT_EQ(j["steps"][0]["estimate"]["max_s"], 120);
  EXPECT_EQ(j["notes"], 1);
  EXPECT_EQ(j["events"], 4);

  auto v = run({"timeline", "verify", journal(id).string()});
  EXPECT_EQ(v.exit_code, 0) << v.err;
  EXPECT_NE(v.out.find("4 events"), std::string::npos);

  const auto text = drc::test::read_file(journal(id));
  EXPECT_NE(text.find("\"actor\":\"scribe-sam\""), std::string::npos);
  EXPECT_NE(text.find("\"actor\":\"tester\""), std::string::npos);
}

TEST_F(Cli, OneChangedByteFailsVerifyNamingTheSeq) {
  auto d = run({"declare", kExamples + "web-tier-quickref.md", "-s", "2", "-e", "prod"});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  const auto id = trimmed(d.out);
  ASSERT_EQ(run({"note", "first"}).exit_code, 0);
  ASSERT_EQ(run({"note", "second"}).exit_code, 0);
  ASSERT_EQ(run({"note", "third"}).exit_code, 0);
  auto text = drc::test::read_file(journal(id));
  const auto pos = text.find("second");
  ASSERT_NE(pos, std::string::npos);
  text[pos] = 'S';
  drc::test::write_file(journal(id), text);
  auto v = run({"timeline", "verify", journal(id).string()});
  EXPECT_EQ(v.exit_code, 1);
  EXPECT_NE(v.err.find("seq 3"), std::string::npos) << v.err;
  // And the damaged journal takes no more writes.
  auto n = run({"note", "--incident", id, "more"});
  EXPECT_EQ(n.exit_code, 1);
  EXPECT_NE(n.err.find("damaged at seq 3"), std::string::npos) << n.err;
  EXPECT_EQ(drc::test::read_file(journal(id)), text);
}

TEST_F(Cli, RefusedCommandsChangeNothing) {
  ASSERT_EQ(run({"declare", kExamples + "storage-platform-dr.md", "-s", "1", "-e", "production"}).exit_code, 0);
  auto before = run({"status", "--json"});
  auto r = run({"step", "complete", "2"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("start it before completing it"), std::string::npos) << r.err;
  EXPECT_EQ(run({"step", "start", "9"}).exit_code, 1);
  auto skip = run({"step", "skip", "2"});
  EXPECT_EQ(skip.exit_code, 2);
  EXPECT_NE(skip.err.find("needs a reason"), std::string::npos);
  EXPECT_EQ(json::parse(run({"status", "--json"}).out)["events"], json::parse(before.out)["events"]);
}

TEST_F(Cli, SeveralOpenIncidentsMustBeNamed) {
  auto a = run({"declare", kExamples + "web-tier-quickref.md", "-s", "1", "-e", "prod"});
  auto b = run({"declare", kExamples + "web-tier-quickref.md", "-s", "2", "-e", "prod"});
  ASSERT_EQ(a.exit_code, 0);
  ASSERT_EQ(b.exit_code, 0);
  auto n = run({"note", "which one?"});
  EXPECT_EQ(n.exit_code, 1);
  EXPECT_NE(n.err.find("2 incidents are open"), std::string::npos);
  EXPECT_EQ(run({"note", "--incident", trimmed(b.out), "this one"}).exit_code, 0);
  auto list = run({"incidents", "--json"});
  ASSERT_EQ(list.exit_code, 0);
  auto j = json::parse(list.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[1]["notes"], 1);
  EXPECT_EQ(run({"resolve", "-i", trimmed(a.out), "--summary", "rolled back"}).exit_code, 0);
  EXPECT_EQ(run({"note", "now only one is open"}).exit_code, 0);
  auto late = run({"note", "-i", trimmed(a.out), "too late"});
  EXPECT_EQ(late.exit_code, 1);
  EXPECT_NE(late.err.find("resolved"), std::string::npos);
}

TEST_F(Cli, DeclareErrorsSayWhatToFix) {
  auto env = run({"declare", kExamples + "storage-platform-dr.md", "-s", "1", "-e", "qa"});
  EXPECT_EQ(env.exit_code, 1);
  EXPECT_NE(env.err.find("no environment 'qa'"), std::string::npos) << env.err;
  auto sc = run({"declare", kExamples + "storage-platform-dr.md", "-e", "prod"});
  EXPECT_EQ(sc.exit_code, 2);
  EXPECT_NE(sc.err.find("choose one with --scenario"), std::string::npos);
  auto sev = run({"declare", kExamples + "storage-platform-dr.md", "-s", "1", "-e", "prod", "--severity", "urgent"});
  EXPECT_EQ(sev.exit_code, 1);
  EXPECT_NE(sev.err.find("P1..P5"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(tmp / "drconsole" / "incidents") &&
               !std::filesystem::is_empty(tmp / "drconsole" / "incidents"));
}

TEST_F(Cli, BadRunbooksGetOneClearLine) {
  drc::test::write_file(tmp / "empty.md", "");
  drc::test::write_file(tmp / "bin.md", std::string("\x7f" "ELF\0\0\0", 7));
  for (const auto& f : {(tmp / "empty.md").string(), (tmp / "bin.md").string(), tmp.path().string(),
                        (tmp / "nope.md").string(), kData + "not-a-runbook.md"}) {
    auto r = run({"lint", f});
    EXPECT_EQ(r.exit_code, 1) << f;
    EXPECT_EQ(line_count(r.err), 1u) << f << ": " << r.err;
    EXPECT_EQ(r.err.rfind(f, 0), 0u) << r.err;  // the line starts with the file
    EXPECT_TRUE(r.out.empty());
  }
}

TEST_F(Cli, LintJsonAndExitCodes) {
  auto ok = run({"lint", "--json", kExamples + "payments-db-failover.md"});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  auto j = json::parse(ok.out);
  EXPECT_EQ(j["objectives"]["prod"]["rto_s"], 1800);
  EXPECT_EQ(j["objectives"]["prod"]["rpo_s"], 300);
  ASSERT_EQ(j["scenarios"].size(), 3u);
  const auto& sc = j["scenarios"][0];
  EXPECT_EQ(sc["title"], "Primary database instance lost");
  EXPECT_EQ(sc["line"], 13);
  EXPECT_TRUE(sc["estimate"].is_null());
  EXPECT_EQ(sc["steps"][3]["estimate"]["min_s"], 900);
  EXPECT_EQ(sc["steps"][3]["estimate"]["max_s"], 1200);
  EXPECT_EQ(sc["steps"][3]["commands"][0]["service"], "rds");
  EXPECT_TRUE(j["problems"].empty());

  auto bad = run({"lint", kData + "bad-front-matter.md"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("bad-front-matter.md:5: error: prod.rto must be a duration"), std::string::npos) << bad.out;
  auto warn_only = run({"lint", kData + "split-list.md"});
  EXPECT_EQ(warn_only.exit_code, 0);
  EXPECT_EQ(run({"lint"}).exit_code, 2);
  EXPECT_EQ(run({"lint", "--bogus", "x.md"}).exit_code, 2);
  EXPECT_EQ(run({"frobnicate"}).exit_code, 2);
}

TEST_F(Cli, HelpOnEveryCommand) {
  for (std::vector<std::string> args :
       {std::vector<std::string>{"--help"}, {"lint", "--help"}, {"declare", "--help"}, {"step", "--help"},
        {"note", "--help"}, {"status", "--help"}, {"resolve", "--help"}, {"incidents", "--help"},
        {"timeline", "--help"}, {"timeline", "verify", "--help"}, {"timeline", "export", "--help"},
        {"update", "--help"}, {"role", "--help"}, {"decision", "--help"}}) {
    auto r = run(args);
    EXPECT_EQ(r.exit_code, 0) << args[0];
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << args[0];
  }
}

TEST_F(Cli, ExportWritesThePostIncidentTimeline) {
  auto d = run({"declare", kExamples + "payments-db-failover.md", "-s", "2", "-e", "prod"});
  ASSERT_EQ(d.exit_code, 0);
  const auto id = trimmed(d.out);
  ASSERT_EQ(run({"step", "start", "1"}).exit_code, 0);
  ASSERT_EQ(run({"decision", "fail over to us-west-2"}).exit_code, 0);
  ASSERT_EQ(run({"note", "-"}, "pasted from the pager | with a pipe\n").exit_code, 0);
  ASSERT_EQ(run({"update", "-c", "#payments", "failover under way"}).exit_code, 0);
  ASSERT_EQ(run({"resolve", "--summary", "running from us-west-2"}).exit_code, 0);
  auto md = run({"timeline", "export", id});
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("# Incident " + id + ": Region unavailable (us-east-1)"), std::string::npos);
  EXPECT_NE(md.out.find("## Timeline"), std::string::npos);
  EXPECT_NE(md.out.find("tester started step 1: Declare the region lost"), std::string::npos);
  EXPECT_NE(md.out.find("tester decided: fail over to us-west-2"), std::string::npos);
  EXPECT_NE(md.out.find("pasted from the pager \\| with a pipe"), std::string::npos);
  EXPECT_NE(md.out.find("| RTO | 30m: met"), std::string::npos) << md.out;
  auto js = run({"timeline", "export", journal(id).string(), "--format", "json"});
  ASSERT_EQ(js.exit_code, 0);
  auto j = json::parse(js.out);
  EXPECT_EQ(j["incident"], id);
  EXPECT_EQ(j["events"].size(), 6u);
  EXPECT_EQ(j["events"][5]["kind"], "incident.resolved");
}

TEST_F(Cli, StateFilesArePrivate) {
  auto d = run({"declare", kExamples + "web-tier-quickref.md", "-s", "1", "-e", "prod"});
  ASSERT_EQ(d.exit_code, 0);
  auto perms = [](const std::filesystem::path& p) { return std::filesystem::status(p).permissions() & std::filesystem::perms::all; };
  using std::filesystem::perms;
  EXPECT_EQ(perms(tmp / "drconsole"), perms::owner_all);
  EXPECT_EQ(perms(tmp / "drconsole" / "incidents"), perms::owner_all);
  EXPECT_EQ(perms(journal(trimmed(d.out))), perms::owner_read | perms::owner_write);
}
