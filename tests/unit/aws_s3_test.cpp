// The pure parts of `drconsole aws s3`: names, sizes, listing lines, filters, MIME guesses, sync's
// comparison and argument reading, and the flexible checksums S3 uploads carry. Expected values come
// from the aws CLI's own functions (awscli.customizations.s3.utils, fnmatch, mimetypes, zlib).

#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>

#include "aws/client/flexible_checksum.hpp"
#include "aws/s3/file_plan.hpp"
#include "aws/s3/listing.hpp"
#include "aws/s3/mime_types.hpp"
#include "aws/s3/paths.hpp"
#include "aws/s3/s3_args.hpp"

namespace drc::aws::s3 {
namespace {

using namespace std::chrono;

protocol::AwsTime at(std::int64_t secs) { return protocol::AwsTime{seconds(secs)}; }

TEST(S3Paths, HumanReadableSizesAsTheCli) {
  EXPECT_EQ(human_readable_size(0), "0 Bytes");
  EXPECT_EQ(human_readable_size(1), "1 Byte");
  EXPECT_EQ(human_readable_size(1023), "1023 Bytes");
  EXPECT_EQ(human_readable_size(1024), "1.0 KiB");
  EXPECT_EQ(human_readable_size(1536), "1.5 KiB");
  EXPECT_EQ(human_readable_size(1048063), "1023.5 KiB");
  EXPECT_EQ(human_readable_size(1048064), "1.0 MiB");  // would round to 1024 KiB: the next unit
  EXPECT_EQ(human_readable_size(1000000000000ull), "931.3 GiB");
}

TEST(S3Paths, BucketAndKey) {
  EXPECT_EQ(split_bucket_key("s3://dr-state/prod/a.tfstate").bucket, "dr-state");
  EXPECT_EQ(split_bucket_key("s3://dr-state/prod/a.tfstate").key, "prod/a.tfstate");
  EXPECT_EQ(split_bucket_key("s3://dr-state").key, "");
  EXPECT_EQ(split_bucket_key("dr-state/").key, "");
  EXPECT_TRUE(is_s3_uri("s3://x"));
  EXPECT_FALSE(is_s3_uri("./s3://x"));
}

TEST(S3Paths, RelativePathsAsPythonRelpath) {
  const std::string cwd = absolute_path(".");
  EXPECT_EQ(relative_path(cwd + "/a.txt"), "./a.txt");
  EXPECT_EQ(relative_path(cwd + "/sub/dir/a.txt"), "sub/dir/a.txt");
  EXPECT_EQ(relative_path(absolute_path("..") + "/b.txt"), "../b.txt");
  EXPECT_EQ(absolute_path("/x/./y/../z"), "/x/z");
}

TEST(S3Listing, LinesAsTheCliPrintsThem) {
  EXPECT_EQ(prefix_line("prod/db/"), "                           PRE db/\n");
  EXPECT_EQ(summary_lines(2, 16, true), "\nTotal Objects: 2\n   Total Size: 16 Bytes\n");
  EXPECT_EQ(summary_lines(3, 2048, false), "\nTotal Objects: 3\n   Total Size: 2048\n");
}

TEST(S3Listing, TimesAreShownInTheLocalZone) {
  const char* old = std::getenv("TZ");
  const std::string saved = old ? old : "";
  ::setenv("TZ", "America/New_York", 1);
  ::tzset();
  // 2026-11-24 03:39:24 UTC is 22:39:24 the day before in New York (EST, UTC-5).
  EXPECT_EQ(object_line(at(1795491564), 10, "k", false), "2026-11-23 22:39:24         10 k\n");
  EXPECT_EQ(object_line(at(1795491564), 6, "dir/h.txt", true), "2026-11-23 22:39:24    6 Bytes dir/h.txt\n");
  ::setenv("TZ", "UTC", 1);
  ::tzset();
  EXPECT_EQ(bucket_line(at(1795491564), "dr-state"), "2026-11-24 03:39:24 dr-state\n");
  if (old) ::setenv("TZ", saved.c_str(), 1); else ::unsetenv("TZ");
  ::tzset();
}

TEST(S3Filters, FnmatchAsPython) {
  EXPECT_TRUE(fnmatch("/a/b/c.log", "/a/*.log"));  // '*' crosses '/'
  EXPECT_TRUE(fnmatch("/a/b", "/a/?"));
  EXPECT_TRUE(fnmatch("/a/x1", "/a/x[0-9]"));
  EXPECT_FALSE(fnmatch("/a/x1", "/a/x[!0-9]"));
  EXPECT_TRUE(fnmatch("/a/[x", "/a/[x"));  // an unclosed '[' is itself
  EXPECT_FALSE(fnmatch("/a/b.txt", "/a/*.TXT"));
}

TEST(S3Filters, LastMatchingRuleWins) {
  const std::vector<Filter> rules{{false, "*"}, {true, "*.json"}, {false, "secret.json"}};
  PathFilter f(rules, "/src/", "s3://b/dest/", true);
  FileInfo a, b, c;
  a.src = "/src/x.json";
  b.src = "/src/x.txt";
  c.src = "/src/secret.json";
  EXPECT_TRUE(f.keep(a));
  EXPECT_FALSE(f.keep(b));
  EXPECT_FALSE(f.keep(c));
}

TEST(S3Mime, GuessesAsPythonMimetypes) {
  const std::string table = "application/json json\ntext/javascript js mjs\n# comment\napplication/x-foo foo # trailing\n";
  EXPECT_EQ(guess_content_type_with("a/b.json", table), "application/json");
  EXPECT_EQ(guess_content_type_with("A.JSON", table), "application/json");  // lower case tried second
  EXPECT_EQ(guess_content_type_with("app.js", table), "text/javascript");  // the file wins over Python's table
  EXPECT_EQ(guess_content_type_with("x.tar.gz", table), "application/x-tar");  // .gz is an encoding
  EXPECT_EQ(guess_content_type_with("x.tgz", table), "application/x-tar");
  EXPECT_EQ(guess_content_type_with("x.GZ", table), std::nullopt);  // encodings are case-sensitive
  EXPECT_EQ(guess_content_type_with("x.foo", table), "application/x-foo");
  EXPECT_EQ(guess_content_type_with("terraform.tfstate", table), std::nullopt);
  EXPECT_EQ(guess_content_type_with(".bashrc", table), std::nullopt);
  EXPECT_EQ(guess_content_type_with("x.html", ""), "text/html");  // Python's own table
}

FileInfo file(std::string key, std::uint64_t size, std::int64_t secs, Operation op) {
  FileInfo f;
  f.src = key;
  f.compare_key = key;
  f.size = size;
  f.last_update = at(secs);
  f.operation = op;
  return f;
}

TEST(S3Sync, UploadsNewChangedAndNewerFilesAndDeletesOnlyWhenAsked) {
  const std::vector<FileInfo> local{file("a", 1, 100, Operation::Upload), file("b", 2, 200, Operation::Upload),
                                    file("c", 3, 300, Operation::Upload), file("e", 5, 100, Operation::Upload)};
  const std::vector<FileInfo> remote{file("b", 2, 250, Operation::Upload), file("c", 3, 250, Operation::Upload),
                                     file("d", 4, 100, Operation::Upload), file("e", 6, 900, Operation::Upload)};
  auto plan = compare_for_sync(local, remote, {});
  std::vector<std::string> keys;
  for (const auto& f : plan) keys.push_back(f.compare_key);
  // a: missing there; b: same size, remote newer: skip; c: local newer; e: size differs.
  EXPECT_EQ(keys, (std::vector<std::string>{"a", "c", "e"}));
  plan = compare_for_sync(local, remote, {true, false, false});
  ASSERT_EQ(plan.size(), 4u);  // in compare-key order: a, c, d, e
  EXPECT_EQ(plan[2].compare_key, "d");
  EXPECT_EQ(plan[2].operation, Operation::Delete);
  plan = compare_for_sync(local, remote, {false, true, false});  // --size-only
  EXPECT_EQ(plan.size(), 2u);
  // The same second on both sides is up to date: the object is not older than the file.
  EXPECT_TRUE(compare_for_sync({file("x", 1, 100, Operation::Upload)}, {file("x", 1, 100, Operation::Upload)}, {}).empty());
}

TEST(S3Sync, DownloadsSkipOlderLocalCopiesUnlessExactTimestamps) {
  const std::vector<FileInfo> s3{file("a", 1, 100, Operation::Download), file("b", 1, 100, Operation::Download),
                                 file("c", 1, 100, Operation::Download)};
  const std::vector<FileInfo> local{file("a", 1, 100, Operation::Download), file("b", 1, 50, Operation::Download),
                                    file("c", 1, 500, Operation::Download)};
  // a: same time; b: the local copy is older (kept by default); c: the local copy is newer (replaced).
  auto plan = compare_for_sync(s3, local, {});
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0].compare_key, "c");
  plan = compare_for_sync(s3, local, {false, false, true});  // --exact-timestamps: any difference
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[0].compare_key, "b");
}

TEST(S3Args, OptionsPerSubcommand) {
  auto a = parse_s3_args({"cp", "f.txt", "s3://b/k", "--sse", "--metadata", "owner=sre,t=1", "--exclude", "*.log",
                          "--include", "keep.log", "--storage-class", "STANDARD_IA"});
  ASSERT_TRUE(std::holds_alternative<S3Args>(a));
  const auto& args = std::get<S3Args>(a);
  EXPECT_EQ(args.object_params["ServerSideEncryption"], "AES256");
  EXPECT_EQ(args.object_params["Metadata"]["owner"], "sre");
  EXPECT_EQ(args.object_params["StorageClass"], "STANDARD_IA");
  ASSERT_EQ(args.filters.size(), 2u);
  EXPECT_TRUE(args.filters[1].include);
  auto bad = parse_s3_args({"rm", "s3://b/k", "--delete"});
  ASSERT_TRUE(std::holds_alternative<ArgsError>(bad));
  EXPECT_EQ(std::get<ArgsError>(bad).message, "Unknown options: --delete");
  auto missing = parse_s3_args({"cp", "only"});
  EXPECT_EQ(std::get<ArgsError>(missing).exit_code, 2);
  auto unknown = parse_s3_args({"frob"});
  EXPECT_EQ(std::get<ArgsError>(unknown).exit_code, 2);
  auto ls = parse_s3_args({"ls"});
  EXPECT_EQ(std::get<S3Args>(ls).paths, std::vector<std::string>{"s3://"});
}

TEST(FlexibleChecksum, DigestsAsBotocoreSendsThem) {
  EXPECT_EQ(client::checksum_base64("crc32", "hello world"), "DUoRhQ==");
  EXPECT_EQ(client::checksum_base64("sha256", "hello world"), "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=");
  EXPECT_EQ(client::checksum_base64("sha1", ""), "2jmj7l5rSw0yVb/vlWAYkK/YBwk=");
}

}  // namespace
}  // namespace drc::aws::s3

namespace drc::aws::s3 {
namespace {

TEST(S3Help, SubcommandsAndTheirOptions) {
  const auto all = s3_help({"--help"});
  ASSERT_TRUE(all);
  EXPECT_NE(all->find("  sync\n"), std::string::npos);
  const auto sync = s3_help({"sync", "--help"});
  ASSERT_TRUE(sync);
  EXPECT_NE(sync->find("--delete"), std::string::npos);
  EXPECT_NE(sync->find("--exclude VALUE"), std::string::npos);
  EXPECT_EQ(sync->find("--recursive"), std::string::npos);  // sync takes none
  EXPECT_TRUE(s3_help({"cp", "help"}));
  EXPECT_FALSE(s3_help({"cp", "a.txt", "s3://b/help"}));
}

}  // namespace
}  // namespace drc::aws::s3

#include "aws/cli/help_text.hpp"

namespace drc::aws::cli {
namespace {

TEST(AwsHelp, ServicesAndOperationsFromTheModels) {
  auto catalog = model::ModelCatalog::open(DRC_MODELS_DIR);
  ASSERT_TRUE(catalog) << catalog.error().message;
  const auto op = help_for(**catalog, {"rds", "describe-db-instances", "--help"});
  ASSERT_TRUE(op);
  EXPECT_NE(op->find("--db-instance-identifier"), std::string::npos) << *op;
  EXPECT_NE(op->find("(reads)"), std::string::npos);
  const auto create = help_for(**catalog, {"rds", "create-db-instance", "help"});
  ASSERT_TRUE(create);
  EXPECT_NE(create->find("--master-user-password"), std::string::npos);
  EXPECT_NE(create->find("secret"), std::string::npos) << *create;  // the model marks it sensitive
  const auto svc = help_for(**catalog, {"rds", "help"});
  ASSERT_TRUE(svc);
  EXPECT_NE(svc->find("  describe-db-snapshots\n"), std::string::npos);
  EXPECT_NE(svc->find("db-instance-available"), std::string::npos);  // a waiter
  // "help" as a parameter's value runs the command.
  EXPECT_FALSE(help_for(**catalog, {"ec2", "create-security-group", "--group-name", "x", "--description", "help"}));
}

}  // namespace
}  // namespace drc::aws::cli
