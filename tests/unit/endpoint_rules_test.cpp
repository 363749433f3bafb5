// The endpoint rule set evaluator and its function library. Expected values are botocore's
// (RuleSetStandardLibrary and EndpointProvider on the same input); check_rules.py compares the two over
// thousands of random inputs on the real rule sets.

#include <gtest/gtest.h>

#include "aws/client/rule_endpoint.hpp"
#include "aws/endpoints/rule_set.hpp"
#include "aws/http/client.hpp"

using namespace drc::aws;
using endpoints::rules::PartitionTable;
using nlohmann::json;

namespace {

PartitionTable partitions() {
  auto t = PartitionTable::from_json(json::parse(R"({"partitions": [
    {"id": "aws", "regionRegex": "^(us|eu)\\-\\w+\\-\\d+$", "regions": ["aws-global"],
     "outputs": {"dnsSuffix": "amazonaws.com", "dualStackDnsSuffix": "api.aws", "supportsFIPS": true}},
    {"id": "aws-cn", "regionRegex": "^cn\\-\\w+\\-\\d+$", "regions": {"cn-north-1": {}},
     "outputs": {"dnsSuffix": "amazonaws.com.cn", "dualStackDnsSuffix": "api.amazonwebservices.com.cn", "supportsFIPS": false}}]})"));
  EXPECT_TRUE(t.ok());
  return *t;
}

// A small rule set with what the real ones use: assignment, a tree that falls through, templates with
// attributes, an error rule, and headers.
nlohmann::ordered_json rules() {
  return nlohmann::ordered_json::parse(R"({
    "parameters": {
      "Region": {"type": "String", "builtIn": "AWS::Region"},
      "UseFIPS": {"type": "Boolean", "required": true, "default": false},
      "AccountId": {"type": "String"},
      "Endpoint": {"type": "String"}
    },
    "rules": [
      {"type": "tree", "conditions": [{"fn": "isSet", "argv": [{"ref": "AccountId"}]}], "rules": [
        {"type": "error", "conditions": [{"fn": "not", "argv": [{"fn": "isValidHostLabel", "argv": [{"ref": "AccountId"}, false]}]}],
         "error": "AccountId must only contain a-z, A-Z, 0-9 and `-`."},
        {"type": "endpoint",
         "conditions": [{"fn": "parseURL", "argv": [{"ref": "Endpoint"}], "assign": "url"}],
         "endpoint": {"url": "{url#scheme}://{AccountId}.{url#authority}{url#path}", "properties": {}, "headers": {}}}
      ]},
      {"type": "endpoint",
       "conditions": [{"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"},
                      {"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]},
                      {"fn": "booleanEquals", "argv": [{"fn": "getAttr", "argv": [{"ref": "p"}, "supportsFIPS"]}, true]}],
       "endpoint": {"url": "https://svc-fips.{Region}.{p#dnsSuffix}",
                    "properties": {"authSchemes": [{"name": "sigv4", "signingName": "svc", "signingRegion": "{Region}"}]},
                    "headers": {"x-who": ["{p#name}", "b"]}}},
      {"type": "error", "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
       "error": "Partition {p#name} does not support FIPS"},
      {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Region"}]},
                                          {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}],
       "endpoint": {"url": "https://svc.{Region}.{p#dnsSuffix}"}}
    ]})");
}

}  // namespace

TEST(EndpointRules, LibraryMatchesBotocore) {
  using namespace endpoints::rules;
  EXPECT_EQ(parse_url("https://Example.com:8443/a/./b/../c"),
            json::parse(R"({"scheme": "https", "authority": "Example.com:8443", "path": "/a/./b/../c", "normalizedPath": "/a/c/", "isIp": false})"));
  EXPECT_EQ(parse_url("http://[::1]:80/")["isIp"], true);
  EXPECT_EQ(parse_url("http://127.0.0.1")["normalizedPath"], "/");
  EXPECT_EQ(parse_url("https://h/%20 x")["normalizedPath"], "/%2520%20x/");
  EXPECT_TRUE(parse_url("https://x.com?q=1").is_null());
  EXPECT_TRUE(parse_url("ftp://x").is_null());
  EXPECT_TRUE(parse_url("https://h:99999/").is_null());
  // urlparse's edges: the port after the first colon, ";params" off the last segment, zeros in a port,
  // tabs and newlines dropped.
  EXPECT_TRUE(parse_url("http://a:b:80").is_null());
  EXPECT_EQ(parse_url("https://h/a;b/c;d")["path"], "/a;b/c");
  EXPECT_EQ(parse_url("https://h/a;b/c;d")["normalizedPath"], "/a%3Bb/c/");
  EXPECT_EQ(parse_url("https://h:000080/")["authority"], "h:000080");
  EXPECT_EQ(parse_url("\thttps://h\n/x")["path"], "/x");
  EXPECT_EQ(parse_url("https://h:/x")["authority"], "h:");
  EXPECT_EQ(parse_arn("arn:aws:s3:us-east-1:123:accesspoint/x:y"),
            json::parse(R"({"partition": "aws", "service": "s3", "region": "us-east-1", "accountId": "123", "resourceId": ["accesspoint", "x", "y"]})"));
  EXPECT_TRUE(parse_arn("arn:aws::r:a:b").is_null());
  EXPECT_TRUE(parse_arn("arn:aws:s3:::").is_null());
  EXPECT_EQ(substring("abcdef", 1, 3, true), "de");
  EXPECT_EQ(substring("abcdef", 1, 3, false), "bc");
  EXPECT_TRUE(substring("ab", 0, 3, false).is_null());
  EXPECT_TRUE(substring("a\xc3\xa9", 0, 1, false).is_null());  // not ASCII
  EXPECT_EQ(uri_encode("a b/c~\xc3\xa9"), "a%20b%2Fc~%C3%A9");
  EXPECT_TRUE(is_valid_host_label("abc-DEF", false));
  EXPECT_FALSE(is_valid_host_label("-abc", false));
  EXPECT_FALSE(is_valid_host_label(std::string(64, 'a'), false));
  EXPECT_FALSE(is_valid_host_label("a.b", false));
  EXPECT_TRUE(is_valid_host_label("a.b", true));
  EXPECT_TRUE(is_valid_host_label("abc\n", false));  // Python's "$" matches before a final newline
  EXPECT_FALSE(is_valid_host_label("ab-\n", false));
  EXPECT_FALSE(is_virtual_hostable_s3_bucket("My-Bucket", false));
  EXPECT_FALSE(is_virtual_hostable_s3_bucket("192.168.0.1", true));
  EXPECT_EQ(get_attr(json::parse(R"({"a": {"b": [1, 2]}})"), "a.b[1]"), 2);
  EXPECT_TRUE(get_attr(json::parse(R"({"a": [1]})"), "a[3]").is_null());
  const auto p = partitions();
  EXPECT_EQ(p.lookup("cn-north-1")["name"], "aws-cn");
  EXPECT_EQ(p.lookup("eu-west-1")["name"], "aws");
  EXPECT_EQ(p.lookup("nowhere")["name"], "aws");  // botocore's default
}

TEST(EndpointRules, EvaluatesAsBotocore) {
  using endpoints::rules::resolve;
  const auto r = rules();
  const auto p = partitions();
  auto plain = resolve(r, {{"Region", "eu-west-1"}}, p);
  ASSERT_TRUE(plain.ok()) << plain.error().message;
  EXPECT_EQ(plain->url, "https://svc.eu-west-1.amazonaws.com");

  auto fips = resolve(r, {{"Region", "us-east-1"}, {"UseFIPS", true}}, p);
  ASSERT_TRUE(fips.ok()) << fips.error().message;
  EXPECT_EQ(fips->url, "https://svc-fips.us-east-1.amazonaws.com");
  EXPECT_EQ(fips->properties["authSchemes"][0]["signingRegion"], "us-east-1");
  ASSERT_EQ(fips->headers.size(), 1u);
  EXPECT_EQ(fips->headers[0].second, "aws");  // the first value only, as botocore

  // The assignment made by a rule whose later condition failed is not seen by the next rule.
  auto no_fips = resolve(r, {{"Region", "cn-north-1"}, {"UseFIPS", true}}, p);
  ASSERT_FALSE(no_fips.ok());
  EXPECT_NE(no_fips.error().message.find("names p, which is not set"), std::string::npos) << no_fips.error().message;

  auto account = resolve(r, {{"AccountId", "1234_5"}, {"Endpoint", "http://localhost:5000"}}, p);
  ASSERT_FALSE(account.ok());
  EXPECT_EQ(account.error().message, "AccountId must only contain a-z, A-Z, 0-9 and `-`.");
  auto custom = resolve(r, {{"AccountId", "123456789012"}, {"Endpoint", "http://localhost:5000/base"}}, p);
  ASSERT_TRUE(custom.ok()) << custom.error().message;
  EXPECT_EQ(custom->url, "http://123456789012.localhost:5000/base");
  // The tree matched nothing (no Endpoint): evaluation goes on to the rules after it.
  auto fell_through = resolve(r, {{"AccountId", "123456789012"}, {"Region", "us-west-2"}}, p);
  ASSERT_TRUE(fell_through.ok());
  EXPECT_EQ(fell_through->url, "https://svc.us-west-2.amazonaws.com");

  auto nothing = resolve(r, json::object(), p);
  ASSERT_FALSE(nothing.ok());
  EXPECT_EQ(nothing.error().message, "No endpoint found for parameters:\n");
  // Listed in the rule set's order, as botocore lists the parameters it passed.
  auto listed = resolve(r, {{"AccountId", "123456789012"}, {"UseFIPS", false}}, p);
  ASSERT_FALSE(listed.ok());
  EXPECT_EQ(listed.error().message, "No endpoint found for parameters:\nUseFIPS: False\nAccountId: 123456789012");
  auto wrong = resolve(r, {{"UseFIPS", "yes"}}, p);
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().message, "Value (UseFIPS) is the wrong type. Must be <class 'bool'>.");
}

TEST(EndpointRules, S3ControlOutpostArnsAsBotocore) {
  model::Operation op;
  op.name = "GetAccessPoint";
  nlohmann::ordered_json params = {{"Name", "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1/accesspoint/reports"}};
  auto r = client::s3control_arn_params(op, params);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(*r);
  EXPECT_EQ(params["AccountId"], "123456789012");  // the ARN stays: the rule set reads the Outpost from it
  EXPECT_EQ(params["Name"], "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1/accesspoint/reports");

  nlohmann::ordered_json other = {{"AccountId", "999999999999"}, {"Name", params["Name"]}};
  auto mismatch = client::s3control_arn_params(op, other);
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().message, "S3 ARN \"arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1/accesspoint/reports\" provided is "
                                      "invalid for this operation. Account ID in arn does not match the AccountId parameter provided: \"999999999999\"");
  nlohmann::ordered_json plain_ap = {{"Name", "arn:aws:s3:us-east-1:123456789012:accesspoint/ap"}};
  auto refused = client::s3control_arn_params(op, plain_ap);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("The Name parameter does not support the provided ARN"), std::string::npos);

  nlohmann::ordered_json name = {{"Name", "reports"}};
  auto untouched = client::s3control_arn_params(op, name);
  ASSERT_TRUE(untouched.ok());
  EXPECT_FALSE(*untouched);
  op.name = "CreateAccessPoint";  // its Name is always a name
  nlohmann::ordered_json create = {{"Name", "arn:aws:s3:us-east-1:123456789012:accesspoint/ap"}};
  EXPECT_TRUE(client::s3control_arn_params(op, create).ok());
}

TEST(EndpointRules, NamesUnderLocalhostAreLoopback) {
  EXPECT_TRUE(http::is_loopback_host("LOCALHOST"));
  EXPECT_TRUE(http::is_loopback_host("123456789012.localhost"));
  EXPECT_TRUE(http::is_loopback_host("a.LocalHost"));
  EXPECT_FALSE(http::is_loopback_host("evil-localhost"));
  EXPECT_FALSE(http::is_loopback_host("localhost.example.com"));
  EXPECT_FALSE(http::is_loopback_host(".localhost.example"));
}
