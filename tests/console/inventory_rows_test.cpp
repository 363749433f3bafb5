// The inventory pane's rows and drawing, from a hand-made inventory: what the commander reads.

#include <gtest/gtest.h>

#include "console/commander_view.hpp"
#include "console/console_model.hpp"
#include "console/inventory_detail.hpp"
#include "console/inventory_pane.hpp"
#include "console/inventory_rows.hpp"
#include "console/inventory_fixture.hpp"

using namespace std::chrono;
using drc::test::kNow;
using drc::ui::Role;
using namespace drc;

namespace {

tui::InventoryPane sample_pane(std::size_t calls_out = 2) {
  tui::InventoryPane pane;
  tui::refresh_pane(pane, test::sample_inventory(), test::sample_scope(), minutes(5), calls_out, kNow);
  return pane;
}

std::vector<std::string> ids(const tui::InventoryPane& pane) {
  std::vector<std::string> out;
  for (const auto& r : pane.rows) out.push_back(r.id);
  return out;
}

}  // namespace

TEST(InventoryRows, PostureWorstFirstThenTheRestThenWhatDidNotAnswer) {
  const auto pane = sample_pane();
  EXPECT_EQ(ids(pane), (std::vector<std::string>{"r/rds_instance/us-east-1/ledger", "r/rds_instance/us-east-1/payments-db",
                                                 "r/rds_instance/us-east-1/orders-db", "r/dynamodb_table/us-west-2/sessions",
                                                 "g/us-west-2/rds/unreachable", "g/us-east-1/ec2/error"}));
  const auto& breach = pane.rows[0];
  EXPECT_EQ(breach.cells, (std::vector<std::string>{"BREACH", "ledger", "RDS", "us-east-1", "snapshot", "9d", "no"}));
  EXPECT_EQ(breach.role, Role::Alarm);
  EXPECT_EQ(pane.rows[1].cells, (std::vector<std::string>{"warning", "payments-db", "RDS", "us-east-1", "PITR", "4m", "yes"}));
  EXPECT_EQ(pane.rows[1].role, Role::Warning);
  EXPECT_EQ(pane.rows[2].cells[0], "ok");
  EXPECT_EQ(pane.rows[2].role, Role::Normal);
  EXPECT_EQ(pane.rows[3].cells, (std::vector<std::string>{"", "sessions", "DynamoDB", "us-west-2", "none", "none", ""}));
  EXPECT_EQ(pane.rows[4].cells, (std::vector<std::string>{"us-west-2 rds: unreachable — no answer within 10s"}));
  EXPECT_EQ(pane.rows[4].role, Role::Alarm);
  EXPECT_TRUE(pane.rows[4].span);
  EXPECT_EQ(pane.rows[5].cells, (std::vector<std::string>{"us-east-1 ec2: AccessDenied (DescribeImages, DescribeVolumes)"}));
  EXPECT_EQ(pane.rows[5].role, Role::Warning);
  EXPECT_EQ(pane.title, "Inventory: 1 breach, 1 warning, 1 ok · 4 found · 1 unreachable · 1 error · 2 calls out");
}

TEST(InventoryRows, AgesSortAsDurationsAndGroupsStayApart) {
  auto pane = sample_pane();
  pane.view.sort_column = tui::kAgeColumn;
  const auto shown = ui::arrange(pane.rows, pane.view);
  std::vector<std::string> names;
  for (auto i : shown) names.push_back(pane.rows[i].cells[pane.rows[i].span ? 0 : 1]);
  // 2m, 4m, 9d among the protected; then the rest; then the gaps.
  EXPECT_EQ(names[0], "orders-db");
  EXPECT_EQ(names[1], "payments-db");
  EXPECT_EQ(names[2], "ledger");
  EXPECT_EQ(names[3], "sessions");
  pane.view.sort_column = tui::kStatusColumn;
  EXPECT_EQ(pane.rows[ui::arrange(pane.rows, pane.view)[0]].cells[1], "ledger");  // breach sorts first
}

TEST(InventoryRows, ShortLabels) {
  inventory::Newest n{kNow, "automated snapshot rds:db-daily-1", "rds:db-daily-1", "us-east-1"};
  EXPECT_EQ(tui::newest_label(n), "automated");
  n.what = "point-in-time restore";
  n.id.clear();
  EXPECT_EQ(tui::newest_label(n), "PITR");
  n.what = "AWS Backup recovery point arn:x";
  n.id = "arn:x";
  EXPECT_EQ(tui::newest_label(n), "Backup");
  EXPECT_EQ(tui::short_kind(inventory::ResourceKind::AuroraCluster), "Aurora");
}

TEST(InventoryPane, DrawsTitleRowsAndTheFilterInForce) {
  auto pane = sample_pane(0);
  ui::Canvas c(72, 10);
  tui::draw_inventory_pane(c, c.bounds(), pane, true);
  EXPECT_EQ(c.row_text(0), "┌ Inventory: 1 breach, 1 warning, 1 ok · 4 found · 1 unreachable · 1 … ┐");
  EXPECT_EQ(c.row_text(1), "│Status  Resource               Kind     Region    Newest       Age DR │");
  EXPECT_EQ(c.row_text(2), "│BREACH  ledger                 RDS      us-east-1 snapshot      9d no │");
  EXPECT_EQ(c.row_text(6), "│us-west-2 rds: unreachable — no answer within 10s                     │");
  EXPECT_EQ(c.at(1, 2).role, Role::Selected);  // focused: the first row is selected
  EXPECT_EQ(c.at(1, 3).role, Role::Warning);
  pane.view.filter = "DB";
  pane.view.sort_column = tui::kResourceColumn;
  tui::draw_inventory_pane(c, c.bounds(), pane, false);
  EXPECT_EQ(c.row_text(2), "│ok      orders-db              RDS      us-east-1 PITR          2m no │");
  EXPECT_EQ(c.row_text(3), "│warning payments-db            RDS      us-east-1 PITR          4m yes│");
  EXPECT_EQ(c.row_text(4), "│        sessions               DynamoDB us-west-2 none        none    │");  // "DB" in its kind
  EXPECT_EQ(c.at(1, 2).role, Role::Normal);  // not focused: no selection shown
  EXPECT_EQ(c.row_text(9), "└─ /DB  3 of 6  sorted by Resource ▲ ──────────────────────────────────┘");
}

TEST(InventoryDetail, ShowsPostureWindowRetentionAndEveryPoint) {
  auto pane = sample_pane(0);
  pane.detail = "r/rds_instance/us-east-1/payments-db";
  ui::Canvas c(100, 24);
  tui::draw_inventory_detail(c, pane);
  const auto text = c.to_text();
  EXPECT_NE(text.find("┌ RDS instance payments-db · us-east-1 "), std::string::npos) << text;
  EXPECT_NE(text.find("Posture      warning — newest point 4m old, over 75% of the RPO of 5m"), std::string::npos) << text;
  EXPECT_NE(text.find("PITR window  2026-"), std::string::npos) << text;
  EXPECT_NE(text.find("Retention    7 days"), std::string::npos) << text;
  EXPECT_NE(text.find("DR copy      yes: newest in us-west-2 15h ago"), std::string::npos) << text;
  EXPECT_NE(text.find("Recovery points (1)"), std::string::npos) << text;
  EXPECT_NE(text.find("15h snapshot           us-west-2 available payments-copy"), std::string::npos) << text;
  EXPECT_EQ(tui::detail_point_count(pane), 1);

  pane.detail = "g/us-west-2/rds/unreachable";
  ui::Canvas g(100, 24);
  tui::draw_inventory_detail(g, pane);
  const auto gaps = g.to_text();
  EXPECT_NE(gaps.find("┌ us-west-2 rds: no answer "), std::string::npos) << gaps;
  EXPECT_NE(gaps.find("DescribeDBSnapshots  Timeout"), std::string::npos) << gaps;
  EXPECT_EQ(tui::detail_point_count(pane), 0);
}

TEST(InventoryPane, WithoutACloudOneLineSaysWhy) {
  tui::ConsoleModel model;
  model.inventory.unavailable = "cannot use AWS for prod: The config profile (payments-prod) could not be found";
  incident::IncidentState state;
  const std::vector<ui::LogLine> timeline;
  ui::Canvas c(100, 30);
  tui::draw_console(c, {state, timeline, nullptr, model, kNow});
  EXPECT_EQ(c.row_text(4), "  No inventory: cannot use AWS for prod: The config profile (payments-prod) could not be found");
  EXPECT_EQ(c.at(2, 4).role, Role::Warning);
  EXPECT_EQ(c.to_text().find("┌ Inventory"), std::string::npos);  // no pane: the steps keep their room
}
