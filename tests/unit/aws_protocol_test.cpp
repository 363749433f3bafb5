#include <gtest/gtest.h>

#include "aws/model/model_catalog.hpp"
#include "aws/protocol/response.hpp"
#include "aws/protocol/serializer.hpp"
#include "aws/protocol/values.hpp"

using namespace drc::aws;
using namespace drc::aws::protocol;

namespace {

std::shared_ptr<const model::ServiceModel> service(const std::string& name) {
  static auto catalog = *model::ModelCatalog::open(DRC_MODELS_DIR);
  return *catalog->service(name);
}

}  // namespace

TEST(AwsValues, FloatsAsPythonPrintsThem) {
  EXPECT_EQ(python_float(5.0), "5.0");
  EXPECT_EQ(python_float(0.5), "0.5");
  EXPECT_EQ(python_float(1e-05), "1e-05");
  EXPECT_EQ(python_float(0.0001), "0.0001");
  EXPECT_EQ(python_float(1e16), "1e+16");
  EXPECT_EQ(python_float(123456789012345.0), "123456789012345.0");
  EXPECT_EQ(python_float(-2.5e-7), "-2.5e-07");
  EXPECT_EQ(python_float(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(python_float(0.0), "0.0");
}

namespace {
// The ISO form of a parsed timestamp, or a marker that parsing failed (never a dereferenced empty optional).
std::string iso(std::string_view text) {
  const auto t = parse_timestamp_text(text);
  return t ? format_iso8601(*t) : "<not a timestamp>";
}
}  // namespace

TEST(AwsValues, TimestampsInEveryNotation) {
  const auto t = parse_timestamp_text("2025-06-01T12:30:45Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(format_iso8601(*t), "2025-06-01T12:30:45Z");
  EXPECT_EQ(format_rfc822(*t), "Sun, 01 Jun 2025 12:30:45 GMT");
  EXPECT_EQ(unix_seconds(*t), 1748781045);
  EXPECT_EQ(iso("2025-06-01T12:30:45.123456Z"), "2025-06-01T12:30:45.123456Z");
  EXPECT_EQ(iso("2025-06-01T14:30:45+02:00"), "2025-06-01T12:30:45Z");
  EXPECT_EQ(iso("2025-06-01"), "2025-06-01T00:00:00Z");
  EXPECT_EQ(iso("1748781045"), "2025-06-01T12:30:45Z");
  EXPECT_EQ(iso("Sun, 01 Jun 2025 12:30:45 GMT"), "2025-06-01T12:30:45Z");
  EXPECT_FALSE(parse_timestamp_text("yesterday"));
  EXPECT_FALSE(parse_timestamp_text("2025-13-01"));
  EXPECT_FALSE(parse_timestamp_text("2025-06-01T25:00:00Z"));
}

TEST(AwsValues, Base64RoundTrips) {
  for (std::string s : {"", "a", "ab", "abc", "abcd", "\xff\x00\x10 binary"}) {
    EXPECT_EQ(base64_decode(base64_encode(s)), s);
  }
  EXPECT_EQ(base64_encode("hello"), "aGVsbG8=");
  EXPECT_FALSE(base64_decode("ab$c"));
}

TEST(AwsSerializer, BadInputNamesTheParameter) {
  auto rds = service("rds");
  const auto* op = rds->operation("DescribeDBInstances");
  auto r = serialize(*rds, *op, {{"MaxRecords", "twenty"}});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("MaxRecords"), std::string::npos) << r.error().message;
  auto unknown = serialize(*rds, *op, {{"NoSuchThing", 1}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("NoSuchThing"), std::string::npos);
  auto nested = serialize(*rds, *op, {{"Filters", {{{"Name", "engine"}, {"Values", "postgres"}}}}});
  ASSERT_FALSE(nested.ok());
  EXPECT_NE(nested.error().message.find("Filters[0].Values"), std::string::npos) << nested.error().message;
}

TEST(AwsParser, MalformedBodiesAreClearErrorsNamingTheOperation) {
  auto rds = service("rds");
  const auto* op = rds->operation("DescribeDBInstances");
  HttpResponse truncated{200, {}, "<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance>"};
  auto r = parse_response(*rds, *op, truncated);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("rds DescribeDBInstances"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("not valid XML"), std::string::npos);

  auto ddb = service("dynamodb");
  HttpResponse bad_json{200, {}, "{\"Table\": {\"TableName\": \"x\""};
  auto j = parse_response(*ddb, *ddb->operation("DescribeTable"), bad_json);
  ASSERT_FALSE(j.ok());
  EXPECT_NE(j.error().message.find("dynamodb DescribeTable"), std::string::npos) << j.error().message;

  HttpResponse wrong_type{200, {}, "{\"Table\": [1, 2]}"};
  EXPECT_FALSE(parse_response(*ddb, *ddb->operation("DescribeTable"), wrong_type).ok());

  HttpResponse no_wrapper{200, {}, "<DescribeDBInstancesResponse/>"};
  EXPECT_FALSE(parse_response(*rds, *op, no_wrapper).ok());
}

TEST(AwsParser, DeepNestingStopsInsteadOfExhaustingTheStack) {
  auto ddb = service("dynamodb");
  // AttributeValue is recursive (M of AttributeValue): nest far past any real item.
  std::string deep = "{\"Item\":{\"k\":";
  for (int i = 0; i < 5000; ++i) deep += "{\"M\":{\"a\":";
  deep += "{\"S\":\"x\"}";
  for (int i = 0; i < 5000; ++i) deep += "}}";
  deep += "}}";
  auto r = parse_response(*ddb, *ddb->operation("GetItem"), HttpResponse{200, {}, deep});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("deeper"), std::string::npos) << r.error().message;
}

TEST(AwsParser, ErrorsFallBackToTheStatusLine) {
  auto s3 = service("s3");
  auto e = parse_error(*s3, HttpResponse{404, {{"x-amz-request-id", "R1"}}, ""});
  EXPECT_EQ(e.code, "404");
  EXPECT_EQ(e.message, "Not Found");
  EXPECT_EQ(e.request_id, "R1");
  auto garbled = parse_error(*s3, HttpResponse{400, {}, "<Error><Code>Trunc"});
  EXPECT_EQ(garbled.code, "400");
  auto rds = service("rds");
  auto q = parse_error(*rds, HttpResponse{400, {}, "<ErrorResponse><Error><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>R2</RequestId></ErrorResponse>"});
  EXPECT_EQ(q.code, "Throttling");
  EXPECT_EQ(q.message, "Rate exceeded");
  EXPECT_EQ(q.request_id, "R2");
}
