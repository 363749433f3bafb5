// What says an S3 bucket is in another region, and the words the aws CLI gives such errors; when
// botocore marks an error "reached max retries". Expected values follow botocore's S3RegionRedirectorv2,
// awscli's s3errormsg and botocore's retry handlers (legacy and standard).

#include <gtest/gtest.h>

#include "aws/client/retry.hpp"
#include "aws/client/s3_redirect.hpp"
#include "aws/model/model_catalog.hpp"

namespace drc::aws::client {
namespace {

http::Response response(int status, std::string body = {}, http::Pairs headers = {}) {
  http::Response r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

protocol::ServiceError error(std::string code, std::string message = {}) {
  protocol::ServiceError e;
  e.code = std::move(code);
  e.message = std::move(message);
  return e;
}

// The error as the client reads it from S3's answer.
protocol::ServiceError s3_error(const http::Response& r) {
  static const auto catalog = model::ModelCatalog::open(DRC_MODELS_DIR);
  return protocol::parse_error(*(*catalog)->service("s3api").value(), r);
}

TEST(S3Redirect, TheSixWaysS3SaysTheBucketIsElsewhere) {
  const auto malformed = response(400, "<Error><Code>AuthorizationHeaderMalformed</Code><Region>eu-west-1</Region></Error>");
  EXPECT_TRUE(s3_wrong_region("GetBucketVersioning", malformed, s3_error(malformed)));
  // Without a Region the same code is some other malformed header.
  const auto other = response(400, "<Error><Code>AuthorizationHeaderMalformed</Code></Error>");
  EXPECT_FALSE(s3_wrong_region("GetObject", other, s3_error(other)));
  EXPECT_TRUE(s3_wrong_region("HeadObject", response(400), error("400")));
  EXPECT_TRUE(s3_wrong_region("HeadObject", response(301), error("301")));
  // A HeadBucket's bare 400 counts only with the region header.
  EXPECT_FALSE(s3_wrong_region("HeadBucket", response(400), error("400")));
  EXPECT_TRUE(s3_wrong_region("HeadBucket", response(400, "", {{"x-amz-bucket-region", "us-west-2"}}), error("400")));
  EXPECT_TRUE(s3_wrong_region("GetObject", response(307), error("TemporaryRedirect")));
  EXPECT_TRUE(s3_wrong_region("GetObject", response(301), error("PermanentRedirect")));
  EXPECT_TRUE(s3_wrong_region("GetBucketPolicy", response(400), error("IllegalLocationConstraintException")));
  EXPECT_FALSE(s3_wrong_region("CreateBucket", response(400), error("IllegalLocationConstraintException")));
  EXPECT_FALSE(s3_wrong_region("GetObject", response(404), error("NoSuchKey")));
  EXPECT_FALSE(s3_wrong_region("GetObject", response(403), error("AccessDenied")));
}

TEST(S3Redirect, TheRegionFromTheHeaderThenTheBody) {
  auto region_of = [](const http::Response& r) { return s3_region_from_error(r, s3_error(r)); };
  EXPECT_EQ(region_of(response(301, "<Error><Region>eu-west-1</Region></Error>", {{"X-Amz-Bucket-Region", "us-west-2"}})), "us-west-2");
  EXPECT_EQ(region_of(response(400, "<Error><Code>x</Code><Region>eu-west-1</Region></Error>")), "eu-west-1");
  // An empty Region, no Region, or a body that is not XML: only a HeadBucket can tell.
  EXPECT_FALSE(region_of(response(400, "<Error><Region></Region></Error>")));
  EXPECT_FALSE(region_of(response(301, "<Error><Code>PermanentRedirect</Code></Error>")));
  EXPECT_FALSE(region_of(response(301, "<html>moved")));
}

TEST(S3Redirect, ThePermanentRedirectMessageNamesTheEndpointAndTheFix) {
  auto e = s3_error(response(301, "<Error><Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be "
                                  "addressed using the specified endpoint.</Message><Endpoint>b.s3.us-west-2.amazonaws.com</Endpoint></Error>"));
  cli_s3_error_message(e);
  EXPECT_EQ(e.message,
            "The bucket you are attempting to access must be addressed using the specified endpoint: b.s3.us-west-2.amazonaws.com\n"
            "You can fix this issue by explicitly providing the correct region location using the --region argument, the "
            "AWS_DEFAULT_REGION environment variable, or the region variable in the AWS CLI configuration file.  You can get "
            "the bucket's location by running \"aws s3api get-bucket-location --bucket BUCKET\".");
  auto other = error("NoSuchKey", "The specified key does not exist.");
  cli_s3_error_message(other);
  EXPECT_EQ(other.message, "The specified key does not exist.");
  auto kms = error("InvalidArgument", "Requests specifying Server Side Encryption with AWS KMS managed keys require AWS Signature Version 4.");
  cli_s3_error_message(kms);
  EXPECT_EQ(kms.message, "Requests specifying Server Side Encryption with AWS KMS managed keys require AWS Signature Version 4. You "
                         "can enable AWS Signature Version 4 by running the command: \naws configure set s3.signature_version s3v4");
}

TEST(S3Redirect, TheRequestGoesToTheBucketsHostInItsRegion) {
  endpoints::Endpoint west;
  west.host = "s3.us-west-2.amazonaws.com";
  // Virtual-hosted stays so (from us-east-1's legacy global endpoint here); path-style takes the endpoint's host.
  EXPECT_EQ(s3_redirected_host(true, "dr-copy", west), "dr-copy.s3.us-west-2.amazonaws.com");
  EXPECT_EQ(s3_redirected_host(false, "dr.copy", west), "s3.us-west-2.amazonaws.com");
  // A configured endpoint (moto, a VPC endpoint) is kept: only the signing region changes.
  endpoints::Endpoint custom;
  custom.host = "127.0.0.1";
  custom.custom = true;
  EXPECT_EQ(s3_redirected_host(true, "dr-copy", custom), "127.0.0.1");
}

TEST(S3Redirect, RegionNamesAsBotocoreValidatesThem) {
  EXPECT_TRUE(endpoints::valid_region_name("us-west-2"));
  EXPECT_TRUE(endpoints::valid_region_name("a"));
  EXPECT_FALSE(endpoints::valid_region_name("123"));  // all digits
  EXPECT_FALSE(endpoints::valid_region_name("-us"));
  EXPECT_FALSE(endpoints::valid_region_name("us-"));
  EXPECT_FALSE(endpoints::valid_region_name("not a region!"));
  EXPECT_FALSE(endpoints::valid_region_name(std::string(64, 'a')));
  EXPECT_TRUE(endpoints::valid_region_name(std::string(63, 'a')));
}

TEST(S3Redirect, BucketRegionsAreRemembered) {
  BucketRegions regions;
  EXPECT_FALSE(regions.find("dr-copy"));
  regions.remember("dr-copy", "us-west-2");
  EXPECT_EQ(regions.find("dr-copy"), "us-west-2");
}

TEST(Retry, ReachedMaxRetriesAsEachModeSaysIt) {
  // Legacy mode, and no mode configured (the aws CLI v1's legacy): only a retryable failure at the limit.
  RetryPolicy unset{1, RetryMode::Standard, false};
  EXPECT_FALSE(gave_up_at_limit(unset, 1, false));
  EXPECT_TRUE(gave_up_at_limit(unset, 1, true));
  RetryPolicy legacy{5, RetryMode::Legacy, true};
  EXPECT_FALSE(gave_up_at_limit(legacy, 4, true));
  EXPECT_TRUE(gave_up_at_limit(legacy, 5, true));
  // Standard (named): any failure once the attempts are spent, e.g. "(reached max retries: 0)" with one.
  RetryPolicy standard{1, RetryMode::Standard, true};
  EXPECT_TRUE(gave_up_at_limit(standard, 1, false));
  EXPECT_FALSE(gave_up_at_limit(RetryPolicy{3, RetryMode::Standard, true}, 2, true));
}

}  // namespace
}  // namespace drc::aws::client
