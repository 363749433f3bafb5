#include <gtest/gtest.h>

#include <random>

#include "runbook/loader.hpp"
#include "support/temp_dir.hpp"

using namespace std::chrono_literals;
using namespace drc::runbook;

namespace {

const std::string kData = DRC_TEST_DATA_DIR "/runbooks/";
const std::string kExamples = DRC_EXAMPLES_DIR "/runbooks/";

Runbook load(const std::string& path) {
  auto rb = load_runbook(path);
  EXPECT_TRUE(rb.ok()) << (rb.ok() ? "" : rb.error().message);
  return rb.ok() ? std::move(rb).value() : Runbook{};
}

std::vector<std::size_t> step_counts(const Runbook& rb) {
  std::vector<std::size_t> out;
  for (const auto& s : rb.scenarios) out.push_back(s.steps.size());
  return out;
}

bool has_problem(const Runbook& rb, int line, Severity sev, const std::string& fragment) {
  for (const auto& p : rb.problems) {
    if (p.line == line && p.severity == sev && p.message.find(fragment) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST(RunbookLoader, FrontMatterAndStepHeadings) {
  auto rb = load(kExamples + "payments-db-failover.md");
  EXPECT_EQ(rb.service, "payments");
  ASSERT_EQ(rb.scenarios.size(), 3u);
  EXPECT_EQ(step_counts(rb), (std::vector<std::size_t>{6, 4, 4}));
  const auto& sc = rb.scenarios[0];
  EXPECT_EQ(sc.title, "Primary database instance lost");
  EXPECT_NE(sc.detection.find("5xx rate"), std::string::npos);
  EXPECT_EQ(sc.steps[0].title, "Confirm the instance state");
  EXPECT_EQ(sc.steps[0].estimate, (DurationRange{2min, 2min}));
  EXPECT_EQ(sc.steps[3].estimate, (DurationRange{15min, 20min}));
  ASSERT_EQ(sc.steps[3].commands.size(), 2u);
  EXPECT_EQ(sc.steps[3].commands[0].operation, "restore-db-instance-to-point-in-time");
  EXPECT_EQ(sc.steps[3].commands[0].line, 53);
  EXPECT_NE(sc.steps[0].body.find("If the status is `available`"), std::string::npos);
  const auto* prod = find_environment(rb, "prod");
  ASSERT_NE(prod, nullptr);
  EXPECT_EQ(prod->rto, 30min);
  EXPECT_EQ(prod->rpo, 5min);
  EXPECT_EQ(prod->comms_every, 15min);
  EXPECT_EQ(prod->dr_region, "us-west-2");
  EXPECT_EQ(find_environment(rb, "non-production")->rto, 8h);
  EXPECT_FALSE(rb.has_errors());
}

TEST(RunbookLoader, OrderedListsWithBoldTitlesAndEnvironmentTable) {
  auto rb = load(kExamples + "storage-platform-dr.md");
  EXPECT_EQ(step_counts(rb), (std::vector<std::size_t>{4, 3, 3}));
  EXPECT_EQ(rb.scenarios[0].steps[0].title, "Check the catalogue instance");
  EXPECT_EQ(rb.scenarios[0].estimate, (DurationRange{45min, 60min}));
  // "**Estimated Time:**" followed by a list of cases: the whole span.
  EXPECT_EQ(rb.scenarios[1].estimate, (DurationRange{15min, 4h}));
  EXPECT_EQ(find_environment(rb, "prod")->rto, 2h);
  EXPECT_EQ(find_environment(rb, "staging")->rpo, 24h);
  EXPECT_EQ(rb.comms_every, 20min);
  EXPECT_EQ(rb.scenarios[0].steps[1].commands.at(0).placeholders, std::vector<std::string>{"<latest-automated-snapshot>"});
}

TEST(RunbookLoader, ResponseListsAndQuickReferenceTable) {
  auto rb = load(kExamples + "web-tier-quickref.md");
  EXPECT_EQ(step_counts(rb), (std::vector<std::size_t>{4, 4}));
  EXPECT_EQ(rb.scenarios[1].estimate, (DurationRange{0s, 1h}));
  // No environment is named: the objectives apply to any.
  const auto* any = find_environment(rb, "whatever-env");
  ASSERT_NE(any, nullptr);
  EXPECT_EQ(any->rto, 1h);
  EXPECT_EQ(any->rpo, 15min);
  ASSERT_EQ(rb.scenarios[0].steps[0].commands.size(), 1u);  // from inline code
  EXPECT_EQ(rb.scenarios[0].steps[0].commands[0].operation, "describe-services");
}

TEST(RunbookLoader, StepParagraphs) {
  auto rb = load(kData + "step-paragraphs.md");
  ASSERT_EQ(step_counts(rb), (std::vector<std::size_t>{3}));
  EXPECT_EQ(rb.scenarios[0].steps[1].title, "Drain the dead-letter queue");
  EXPECT_EQ(rb.scenarios[0].steps[1].estimate, (DurationRange{10min, 10min}));
  EXPECT_EQ(rb.scenarios[0].steps[0].commands.size(), 1u);
  EXPECT_EQ(rb.scenarios[0].detection, "backlog alarm above 1M messages.");
  EXPECT_EQ(find_environment(rb, "production")->rpo, 1min);
}

TEST(RunbookLoader, SectionsWithStepsWhenNoScenarioHeadings) {
  auto rb = load(kData + "untitled-procedures.md");
  ASSERT_EQ(rb.scenarios.size(), 1u);
  EXPECT_EQ(rb.scenarios[0].title, "Failover the cache cluster");
  EXPECT_EQ(rb.scenarios[0].steps.size(), 3u);
}

TEST(RunbookLoader, ListInterruptedByCodeAtTheMarginContinues) {
  auto rb = load(kData + "split-list.md");
  ASSERT_EQ(rb.scenarios.size(), 1u);
  EXPECT_EQ(rb.scenarios[0].title, "Network partition");
  ASSERT_EQ(rb.scenarios[0].steps.size(), 3u);
  EXPECT_EQ(rb.scenarios[0].steps[0].commands.size(), 1u);
  EXPECT_EQ(rb.scenarios[0].steps[2].number, 3);
  EXPECT_EQ(rb.scenarios[0].estimate, (DurationRange{20min, 20min}));
}

TEST(RunbookLoader, ComponentTablesUnderEnvironmentHeadings) {
  auto rb = load(kData + "components.md");
  const auto* prod = find_environment(rb, "prod");
  ASSERT_NE(prod, nullptr);
  ASSERT_EQ(prod->components.size(), 2u);
  EXPECT_EQ(prod->components[0].name, "Postgres Database");
  EXPECT_EQ(prod->components[1].rpo, std::nullopt);  // N/A
  EXPECT_EQ(prod->rto, 30min);  // strictest component
  EXPECT_EQ(prod->rpo, 5min);
  EXPECT_EQ(find_environment(rb, "staging")->rto, 4h);
}

TEST(RunbookLoader, FrontMatterProblemsNameTheirLines) {
  auto rb = load(kData + "bad-front-matter.md");
  EXPECT_TRUE(has_problem(rb, 3, Severity::Warning, "unknown front matter key 'owner'"));
  EXPECT_TRUE(has_problem(rb, 5, Severity::Error, "prod.rto must be a duration"));
  EXPECT_TRUE(has_problem(rb, 5, Severity::Warning, "unknown key 'colour'"));
  EXPECT_TRUE(rb.has_errors());
  ASSERT_EQ(rb.scenarios.size(), 1u);
  EXPECT_EQ(rb.scenarios[0].line, 10);  // front matter lines still count
}

TEST(RunbookLoader, BrokenYamlIsAnErrorWithALine) {
  auto rb = load(kData + "broken-yaml.md");
  EXPECT_TRUE(rb.has_errors());
  EXPECT_TRUE(has_problem(rb, 4, Severity::Error, "not valid YAML"));
}

TEST(RunbookLoader, MarkdownThatIsNotARunbookGetsOneProblem) {
  auto rb = load(kData + "not-a-runbook.md");
  ASSERT_EQ(rb.problems.size(), 1u);
  EXPECT_NE(rb.problems[0].message.find("no scenarios found"), std::string::npos);
  EXPECT_TRUE(rb.has_errors());
}

TEST(RunbookLoader, FilesThatCannotBeRunbooks) {
  drc::test::TempDir tmp;
  drc::test::write_file(tmp / "empty.md", "");
  drc::test::write_file(tmp / "blank.md", "\n\n   \n");
  drc::test::write_file(tmp / "binary.md", std::string("PK\x03\x04\0\0junk", 10));
  drc::test::write_file(tmp / "latin1.md", "# Runbook\n\n## Scenario: caf\xe9\n");
  drc::test::write_file(tmp / "huge.md", std::string(kMaxRunbookBytes + 1, 'a'));
  struct Case {
    std::string file, fragment;
  };
  for (const auto& c : std::vector<Case>{{"empty.md", "empty file"},
                                         {"blank.md", "empty file"},
                                         {"binary.md", "binary file"},
                                         {"latin1.md", ":3: not UTF-8"},
                                         {"huge.md", "too large"},
                                         {"missing.md", "no such file"},
                                         {"", "is a directory"}}) {
    auto rb = load_runbook(tmp / c.file);
    ASSERT_FALSE(rb.ok()) << c.file;
    EXPECT_NE(rb.error().message.find(c.fragment), std::string::npos) << rb.error().message;
  }
}

TEST(RunbookLoader, HostileInputIsBoundedAndNeverCrashes) {
  // Deep nesting, a giant heading, and random bytes that are valid UTF-8.
  const std::string deep = std::string(100000, '>') + " x\n\n## Scenario: deep\n\n1. step\n";
  auto rb = parse_runbook(deep, "deep.md");
  EXPECT_EQ(rb.scenarios.size(), 1u);
  const std::string long_heading = "## Scenario: " + std::string(200000, 'x') + "\n\n1. a\n";
  EXPECT_NO_THROW(parse_runbook(long_heading, "long.md"));
  std::mt19937 rng(1234);
  const std::string alphabet = "#*-_`>|:()[]{}$\\\"' \n\t0123456789abcdefSscenarioStep.aws";
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const auto len = rng() % 2000;
    for (std::size_t i = 0; i < len; ++i) text.push_back(alphabet[rng() % alphabet.size()]);
    EXPECT_NO_THROW(parse_runbook(text, "fuzz.md"));
  }
}

TEST(RunbookSelect, ByNumberTitleOrUniqueFragment) {
  auto rb = load(kExamples + "payments-db-failover.md");
  EXPECT_EQ((*select_scenario(rb, "2"))->title, "Region unavailable (us-east-1)");
  EXPECT_EQ((*select_scenario(rb, "ledger"))->title, "Bad migration corrupted ledger rows");
  auto none = select_scenario(rb, "9");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("scenarios 1 to 3"), std::string::npos);
  EXPECT_FALSE(select_scenario(rb, "zzz").ok());
}

TEST(RunbookLoader, ScenarioHeadingForms) {
  struct Case {
    std::string heading;
    std::optional<std::string> title;
  };
  for (const auto& c : std::vector<Case>{
           {"## Scenario: Name", "Name"},
           {"### Scenario 2: Complete RDS Instance Failure", "Complete RDS Instance Failure"},
           {"## Scenario 1: AZ Failure (Automatic)", "AZ Failure (Automatic)"},
           {"## 3.2 Scenario A - Queue lost", "Queue lost"},
           {"## DR Scenario #4 \xE2\x80\x94 Region down", "Region down"},
           {"## Scenario 7", "Scenario 7"},
           {"## Disaster Scenarios and Recovery Procedures", std::nullopt},
           {"## Scenario Planning", std::nullopt},
           {"## Scenarios", std::nullopt},
       }) {
    auto rb = parse_runbook(c.heading + "\n\n1. only step\n", "h.md");
    if (c.title) {
      ASSERT_EQ(rb.scenarios.size(), 1u) << c.heading;
      EXPECT_EQ(rb.scenarios[0].title, *c.title) << c.heading;
    } else {
      EXPECT_TRUE(rb.scenarios.empty() || rb.scenarios[0].title == c.heading.substr(3)) << c.heading;
      EXPECT_TRUE(rb.scenarios.empty()) << c.heading << " was taken for a scenario";
    }
  }
}

TEST(RunbookLoader, StepHeadingForms) {
  auto rb = parse_runbook(
      "## Scenario: S\n\n#### Step 1: First (5 min)\n\ntext\n\n#### Step #2 - Second\n\n#### 3) Third\n\n"
      "#### Steps to follow\n",
      "s.md");
  ASSERT_EQ(rb.scenarios.size(), 1u);
  ASSERT_EQ(rb.scenarios[0].steps.size(), 3u);
  EXPECT_EQ(rb.scenarios[0].steps[0].title, "First");
  EXPECT_EQ(rb.scenarios[0].steps[1].title, "Second");
  EXPECT_EQ(rb.scenarios[0].steps[2].title, "Third");
  EXPECT_EQ(rb.scenarios[0].steps[0].body, "text");
}
