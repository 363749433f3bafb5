// Parameter validation as botocore's, the presigned URL of a cross-region copy, and the decryption of a
// Windows password: what the aws CLI does to a request before (or after) it is sent.
#include <gtest/gtest.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <cstdint>
#include <cstdio>
#include <unistd.h>
#include <filesystem>
#include <fstream>

#include "aws/cli/launch_key.hpp"
#include "aws/client/cross_region_copy.hpp"
#include "aws/client/s3_params.hpp"
#include "aws/model/model_catalog.hpp"
#include "aws/protocol/form_body.hpp"
#include "aws/protocol/param_validator.hpp"
#include "aws/protocol/values.hpp"

using namespace drc::aws;
using Json = nlohmann::ordered_json;

namespace {

std::shared_ptr<const model::ServiceModel> service(const std::string& name) {
  static auto catalog = *model::ModelCatalog::open(DRC_MODELS_DIR);
  return *catalog->service(name);
}

std::vector<std::string> problems(const std::string& svc, const std::string& op, const char* params) {
  const auto m = service(svc);
  return protocol::validate_parameters(*m, *m->operation(op), Json::parse(params));
}

}  // namespace

TEST(ParamValidator, SaysEveryProblemAsBotocoreDoes) {
  // The lines the aws CLI 1.45 prints for these inputs (botocore's ParamValidator, in its order).
  EXPECT_EQ(problems("sts", "AssumeRole", R"({"RoleArn": "abc", "RoleSessionName": "é", "DurationSeconds": 5})"),
            (std::vector<std::string>{"Invalid length for parameter RoleArn, value: 3, valid min length: 20",
                                      "Invalid length for parameter RoleSessionName, value: 1, valid min length: 2",
                                      "Invalid value for parameter DurationSeconds, value: 5, valid min value: 900"}));
  EXPECT_EQ(problems("rds", "DescribeDBInstances", R"({"Filters": [{"Name": {"b": [1, "x", true, null, 1.5]}, "Values": "a"}]})"),
            (std::vector<std::string>{
                "Invalid type for parameter Filters[0].Name, value: OrderedDict([('b', [1, 'x', True, None, 1.5])]), type: "
                "<class 'collections.OrderedDict'>, valid types: <class 'str'>",
                "Invalid type for parameter Filters[0].Values, value: a, type: <class 'str'>, valid types: <class 'list'>, "
                "<class 'tuple'>"}));
  EXPECT_EQ(problems("rds", "DescribeDBInstances", R"({"Filters": [{"Values": [], "Q": 1}], "Bogus": 2})"),
            (std::vector<std::string>{"Unknown parameter in input: \"Bogus\", must be one of: DBInstanceIdentifier, Filters, MaxRecords, Marker",
                                      "Missing required parameter in Filters[0]: \"Name\"",
                                      "Unknown parameter in Filters[0]: \"Q\", must be one of: Name, Values"}));
}

TEST(ParamValidator, CountsCharactersNotBytesAndQuotesFractionalMinimums) {
  // 20 characters of which 19 take more than one byte: long enough.
  EXPECT_TRUE(problems("sts", "AssumeRole", R"({"RoleArn": "a漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢漢", "RoleSessionName": "ab"})").empty());
  EXPECT_EQ(problems("efs", "UpdateFileSystem", R"({"FileSystemId": "fs-1", "ProvisionedThroughputInMibps": 0.5})"),
            (std::vector<std::string>{"Invalid value for parameter ProvisionedThroughputInMibps, value: 0.5, valid min value: 1.0"}));
  EXPECT_TRUE(problems("efs", "UpdateFileSystem", R"({"FileSystemId": "fs-1", "ProvisionedThroughputInMibps": 1})").empty());
}

TEST(CrossRegionCopy, CarriesAUrlPresignedInTheSourceRegion) {
  const auto m = service("rds");
  http::Request wire;
  wire.method = "POST";
  wire.host = "rds.us-west-2.amazonaws.com";
  wire.body = protocol::form_encode({{"Action", "CopyDBSnapshot"}, {"Version", "2014-10-31"},
                                     {"SourceDBSnapshotIdentifier", "arn:aws:rds:us-east-1:123456789012:snapshot:s 1"},
                                     {"TargetDBSnapshotIdentifier", "t1"}, {"KmsKeyId", "k"}, {"SourceRegion", "us-east-1"}});
  sigv4::Params signing{"us-west-2", "rds", {}, false, false};
  auto plan = client::plan_cross_region_copy(m->metadata(), *m->operation("CopyDBSnapshot"), wire, signing);
  ASSERT_TRUE(plan);
  Credentials creds;
  creds.access_key_id = "AKIDEXAMPLE";
  creds.secret_access_key = Secret("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
  const auto t = *protocol::parse_timestamp_text("2026-11-24T08:00:00Z");
  client::add_presigned_url(wire, *plan, creds, std::chrono::time_point_cast<std::chrono::milliseconds>(t));
  const auto fields = protocol::form_decode(wire.body.str());
  // SourceRegion is no field of RDS's: it left the body, and the URL came last.
  ASSERT_EQ(fields.size(), 6u);
  EXPECT_EQ(fields[4].first, "KmsKeyId");
  EXPECT_EQ(fields[5].first, "PreSignedUrl");
  const auto& url = fields[5].second;
  EXPECT_EQ(url.rfind("https://rds.us-east-1.amazonaws.com/?Action=CopyDBSnapshot&Version=2014-10-31&SourceDBSnapshotIdentifier="
                      "arn%3Aaws%3Ards%3Aus-east-1%3A123456789012%3Asnapshot%3As%201&TargetDBSnapshotIdentifier=t1&KmsKeyId=k&"
                      "DestinationRegion=us-west-2&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261124%2F"
                      "us-east-1%2Frds%2Faws4_request&X-Amz-Date=20261124T080000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&"
                      "X-Amz-Signature=", 0), 0u) << url;
}

TEST(CrossRegionCopy, NothingWithinARegionOrWhenTheCallerGaveTheUrl) {
  const auto m = service("rds");
  sigv4::Params signing{"us-west-2", "rds", {}, false, false};
  http::Request local;
  local.body = protocol::form_encode({{"Action", "CopyDBSnapshot"}, {"TargetDBSnapshotIdentifier", "t1"}});
  EXPECT_FALSE(client::plan_cross_region_copy(m->metadata(), *m->operation("CopyDBSnapshot"), local, signing));
  http::Request given;
  given.body = protocol::form_encode({{"Action", "CopyDBSnapshot"}, {"PreSignedUrl", "u"}, {"SourceRegion", "us-east-1"}});
  EXPECT_FALSE(client::plan_cross_region_copy(m->metadata(), *m->operation("CopyDBSnapshot"), given, signing));
  EXPECT_EQ(given.body.str(), "Action=CopyDBSnapshot&PreSignedUrl=u");
}

namespace {

struct KeyFile {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("drc-launch-key-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)) + ".pem");
  EVP_PKEY* key = EVP_RSA_gen(2048);
  KeyFile() {
    BIO* out = BIO_new_file(path.c_str(), "w");
    PEM_write_bio_PrivateKey_traditional(out, key, nullptr, nullptr, 0, nullptr, nullptr);  // "BEGIN RSA PRIVATE KEY", as EC2's
    BIO_free(out);
  }
  ~KeyFile() {
    EVP_PKEY_free(key);
    std::filesystem::remove(path);
  }
  std::string encrypt(const std::string& text) const {
    EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new(key, nullptr);
    EVP_PKEY_encrypt_init(ctx);
    EVP_PKEY_CTX_set_rsa_padding(ctx, RSA_PKCS1_PADDING);
    std::size_t n = 0;
    const auto* in = reinterpret_cast<const unsigned char*>(text.data());
    EVP_PKEY_encrypt(ctx, nullptr, &n, in, text.size());
    std::string out(n, '\0');
    EVP_PKEY_encrypt(ctx, reinterpret_cast<unsigned char*>(out.data()), &n, in, text.size());
    EVP_PKEY_CTX_free(ctx);
    out.resize(n);
    return protocol::base64_encode(out);
  }
};

}  // namespace

TEST(LaunchKey, DecryptsTheWindowsPassword) {
  KeyFile k;
  auto b64 = k.encrypt("Pa55-wörd!");
  b64.insert(40, "\n");  // EC2 breaks the data into lines
  Json out{{"InstanceId", "i-1"}, {"PasswordData", b64}};
  ASSERT_TRUE(cli::decrypt_password_data(out, k.path.string()));
  EXPECT_EQ(out["PasswordData"], "Pa55-wörd!");
}

TEST(LaunchKey, AnyFailureIsTheCliMessageWithoutTheData) {
  KeyFile k, other;
  Json out{{"PasswordData", other.encrypt("secret-password")}};
  auto r = cli::decrypt_password_data(out, k.path.string());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Unable to decrypt password data using provided private key file.");
  Json empty{{"PasswordData", ""}};
  EXPECT_TRUE(cli::decrypt_password_data(empty, k.path.string()));  // no password yet: left as it is
  EXPECT_EQ(cli::launch_key_path("/nonexistent/key.pem").error().message,
            "priv-launch-key should be a path to the local SSH private key file used to launch the instance.");
  ::setenv("DRC_TEST_KEY_DIR", k.path.parent_path().c_str(), 1);
  EXPECT_EQ(*cli::launch_key_path("${DRC_TEST_KEY_DIR}/" + k.path.filename().string()), k.path.string());
}

TEST(S3Params, BucketNamesAsBotocoreChecksThem) {
  const auto m = service("s3api");
  const auto* put = m->operation("PutObject");
  auto check = [&](const char* bucket) {
    Json p{{"Bucket", bucket}, {"Key", "k"}};
    return static_cast<bool>(client::prepare_s3_params(*m, *put, p));
  };
  // An ARN botocore accepts, which drconsole cannot route to the access point's host: a clear refusal
  // rather than botocore's "Invalid bucket name".
  auto refusal = [&](const char* bucket) {
    Json p{{"Bucket", bucket}, {"Key", "k"}};
    auto r = client::prepare_s3_params(*m, *put, p);
    return r ? std::string("accepted") : r.error().message.substr(0, r.error().message.find(':'));
  };
  EXPECT_TRUE(check("my-bucket.prod_1"));
  for (const char* arn : {"arn:aws:s3:us-east-1:123456789012:accesspoint/dr-ap",
                          "arn:aws-us-gov:s3-object-lambda:us-gov-west-1:123456789012:accesspoint:x.y",
                          "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-1/accesspoint/ap-1"}) {
    EXPECT_EQ(refusal(arn), "Bucket \"arn") << arn;
    Json p{{"Bucket", arn}};
    EXPECT_NE(client::prepare_s3_params(*m, *put, p).error().message.find("is an access point ARN, which drconsole cannot send"),
              std::string::npos);
  }
  EXPECT_FALSE(check("s3://my-bucket"));  // the runbook mistake this catches before any call
  EXPECT_FALSE(check(""));
  EXPECT_EQ(refusal("arn:aws:s3:us-east-1:12345678901:accesspoint/short-account"), "Invalid bucket name \"arn");
  Json p{{"Bucket", "my bucket"}};
  EXPECT_EQ(client::prepare_s3_params(*m, *put, p).error().message,
            "Invalid bucket name \"my bucket\": Bucket name must match the regex \"^[a-zA-Z0-9.\\-_]{1,255}$\" or be an ARN "
            "matching the regex \"^arn:(aws).*:(s3|s3-object-lambda):[a-z\\-0-9]*:[0-9]{12}:accesspoint[/:][a-zA-Z0-9\\-.]{1,63}$|"
            "^arn:(aws).*:s3-outposts:[a-z\\-0-9]+:[0-9]{12}:outpost[/:][a-zA-Z0-9\\-]{1,63}[/:]accesspoint[/:]"
            "[a-zA-Z0-9\\-]{1,63}$\"");
}

TEST(S3Params, CopySourceQuotedAndSseKeysEncoded) {
  const auto m = service("s3api");
  Json p{{"Bucket", "b"}, {"Key", "k"}, {"CopySource", "src/a b+é?versionId=v 1"}};
  ASSERT_TRUE(client::prepare_s3_params(*m, *m->operation("CopyObject"), p));
  EXPECT_EQ(p["CopySource"], "src/a%20b%2B%C3%A9%3FversionId%3Dv%201");  // a version id with a space is no suffix
  Json v{{"Bucket", "b"}, {"Key", "k"}, {"CopySource", "src/dir/x.bak?versionId=3HL4kqtJ"}};
  ASSERT_TRUE(client::prepare_s3_params(*m, *m->operation("CopyObject"), v));
  EXPECT_EQ(v["CopySource"], "src/dir/x.bak?versionId=3HL4kqtJ");
  Json d{{"Bucket", "b"}, {"Key", "k"}, {"CopySource", {{"Bucket", "src"}, {"Key", "a?versionId=x"}, {"VersionId", "7"}}}};
  ASSERT_TRUE(client::prepare_s3_params(*m, *m->operation("UploadPartCopy"), d));
  EXPECT_EQ(d["CopySource"], "src/a%3FversionId%3Dx?versionId=7");
  // SSE-C: base64 of the key and of its MD5 (as botocore sends them; computed with Python's base64 and hashlib).
  Json g{{"Bucket", "b"}, {"Key", "k"}, {"SSECustomerKey", "0123456789abcdef0123456789abcdef"}};
  ASSERT_TRUE(client::prepare_s3_params(*m, *m->operation("GetObject"), g));
  EXPECT_EQ(g["SSECustomerKey"], "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
  EXPECT_EQ(g["SSECustomerKeyMD5"], "hRasmdxgYDKV3nvbahU1MA==");
  Json meta{{"Bucket", "b"}, {"Key", "k"}, {"Metadata", {{"owner", "zoë"}}}};
  EXPECT_EQ(client::prepare_s3_params(*m, *m->operation("PutObject"), meta).error().message,
            "Non ascii characters found in S3 metadata for key \"owner\", value: \"zoë\".  \nS3 metadata can only contain ASCII characters. ");
}
