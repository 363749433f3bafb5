// The next page of each listing the inventory makes, from the service models' paginators: the token the
// answer gives goes into the input member the next request needs.

#include <gtest/gtest.h>

#include "aws/client/paginator.hpp"
#include "aws/model/model_catalog.hpp"

using namespace drc;
using Json = nlohmann::ordered_json;

namespace {

std::optional<Json> next(const std::string& service, const std::string& op, const Json& params, const Json& page) {
  static auto catalog = aws::model::ModelCatalog::open(DRC_MODELS_DIR);
  EXPECT_TRUE(catalog);
  auto svc = (*catalog)->service(service);
  EXPECT_TRUE(svc) << service;
  const auto* o = (*svc)->operation(op);
  EXPECT_TRUE(o && o->paginator) << op << " has no paginator";
  if (!o || !o->paginator) return std::nullopt;
  return aws::client::next_page_params(*o->paginator, params, page);
}

}  // namespace

TEST(InventoryPaging, EachListingsTokenGoesWhereItsNextRequestTakesIt) {
  EXPECT_EQ(next("rds", "DescribeDBSnapshots", Json::object(), {{"DBSnapshots", Json::array()}, {"Marker", "m2"}}),
            (Json{{"Marker", "m2"}}));
  EXPECT_EQ(next("ec2", "DescribeSnapshots", {{"OwnerIds", {"self"}}}, {{"Snapshots", Json::array()}, {"NextToken", "t2"}}),
            (Json{{"OwnerIds", {"self"}}, {"NextToken", "t2"}}));
  EXPECT_EQ(next("dynamodb", "ListTables", Json::object(), {{"TableNames", {"a"}}, {"LastEvaluatedTableName", "a"}}),
            (Json{{"ExclusiveStartTableName", "a"}}));
  EXPECT_EQ(next("backup", "ListRecoveryPointsByBackupVault", {{"BackupVaultName", "v"}}, {{"RecoveryPoints", Json::array()}, {"NextToken", "n"}}),
            (Json{{"BackupVaultName", "v"}, {"NextToken", "n"}}));
  EXPECT_EQ(next("s3", "ListBuckets", {{"MaxBuckets", 1000}}, {{"Buckets", Json::array()}, {"ContinuationToken", "c"}}),
            (Json{{"MaxBuckets", 1000}, {"ContinuationToken", "c"}}));
}

TEST(InventoryPaging, TheLastPageAndARepeatedTokenEndTheListing) {
  EXPECT_FALSE(next("rds", "DescribeDBSnapshots", Json::object(), {{"DBSnapshots", Json::array()}}));
  EXPECT_FALSE(next("dynamodb", "ListTables", Json::object(), {{"TableNames", {"a"}}}));
  // The same token again would ask for the same page forever.
  EXPECT_FALSE(next("rds", "DescribeDBSnapshots", {{"Marker", "m2"}}, {{"DBSnapshots", Json::array()}, {"Marker", "m2"}}));
}
