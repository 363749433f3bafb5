// file:// and fileb:// values as awscli's paramfile reads them, and the path expansions (Python's
// os.path.expanduser and expandvars) it applies first. Expected texts are Python's: its OSError wording
// and awscli's messages.
#include <gtest/gtest.h>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "aws/cli/paramfile.hpp"
#include "util/path_expand.hpp"

namespace {

// Sets (or unsets) one environment variable for a test's length.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) ::setenv(name, value->c_str(), 1);
    else ::unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/drc-paramfile-XXXXXX";
    path_ = ::mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name, const std::string& bytes) const {
    const auto p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

TEST(PathExpand, ExpandsTheHomeAsPythonDoes) {
  ScopedEnv home("HOME", "/home/ops/");
  EXPECT_EQ(drc::expand_user("~/keys/k.bin"), "/home/ops/keys/k.bin");  // trailing slash of HOME dropped
  EXPECT_EQ(drc::expand_user("~"), "/home/ops");
  EXPECT_EQ(drc::expand_user("keys/~/k"), "keys/~/k");
  EXPECT_EQ(drc::expand_user("~no-such-user-here/k"), "~no-such-user-here/k");
  // ~name: that user's home from the password database (where this user has an entry at all).
  if (const passwd* me = ::getpwuid(::getuid()); me && me->pw_dir && std::string(me->pw_dir).size() > 1 &&
                                                 std::string(me->pw_dir).back() != '/') {
    EXPECT_EQ(drc::expand_user(std::string("~") + me->pw_name + "/k"), std::string(me->pw_dir) + "/k");
  }
  ScopedEnv root_home("HOME", "/");
  EXPECT_EQ(drc::expand_user("~/k"), "/k");
  EXPECT_EQ(drc::expand_user("~"), "/");
  ScopedEnv empty_home("HOME", "");  // posixpath: an empty HOME is the root
  EXPECT_EQ(drc::expand_user("~"), "/");
  EXPECT_EQ(drc::expand_user("~/k"), "/k");
}

TEST(PathExpand, ExpandsOnlyVariablesThatAreSet) {
  ScopedEnv dir("DRC_TEST_DIR", "/srv/dr");
  ScopedEnv unset("DRC_TEST_UNSET", std::nullopt);
  // posixpath.expandvars("${}x $ a$DRC_TEST_DIR ${DRC_TEST_DIR}b ${DRC_TEST_UNSET} $DRC_TEST_UNSET $DRC_TEST_DIR-x")
  EXPECT_EQ(drc::expand_vars("${}x $ a$DRC_TEST_DIR ${DRC_TEST_DIR}b ${DRC_TEST_UNSET} $DRC_TEST_UNSET $DRC_TEST_DIR-x"),
            "${}x $ a/srv/dr /srv/drb ${DRC_TEST_UNSET} $DRC_TEST_UNSET /srv/dr-x");
  EXPECT_EQ(drc::expand_vars("${DRC_TEST_DIR"), "${DRC_TEST_DIR");
  // A ${...} naming no variable is passed over whole: the $DRC_TEST_DIR inside it stays.
  EXPECT_EQ(drc::expand_vars("${A$DRC_TEST_DIR}/x"), "${A$DRC_TEST_DIR}/x");
  EXPECT_EQ(drc::expand_vars("cost$"), "cost$");
}

TEST(Paramfile, ReadsTextWithUniversalNewlinesAndBytesAsTheyAre) {
  TempDir dir;
  dir.file("p.json", "{\"a\": 1,\r\n \"b\": \"x\r\"}\n");
  dir.file("k.bin", std::string("\x00\xff\r\n", 4));
  ScopedEnv where("DRC_TEST_DIR", dir.path());
  auto text = drc::aws::cli::resolve_paramfile("file://$DRC_TEST_DIR/p.json");
  ASSERT_TRUE(text) << text.error().message;
  EXPECT_EQ(*text, "{\"a\": 1,\n \"b\": \"x\n\"}\n");
  auto bytes = drc::aws::cli::resolve_paramfile("fileb://" + dir.path() + "/k.bin");
  ASSERT_TRUE(bytes);
  EXPECT_EQ(*bytes, std::string("\x00\xff\r\n", 4));
  auto plain = drc::aws::cli::resolve_paramfile("s3://bucket/file://x");
  ASSERT_TRUE(plain);
  EXPECT_EQ(*plain, "s3://bucket/file://x");
}

TEST(Paramfile, FailsWithPythonsWording) {
  TempDir dir;
  const auto missing = dir.path() + "/missing.json";
  auto r = drc::aws::cli::resolve_paramfile("file://" + missing);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "Unable to load paramfile file://" + missing + ": [Errno 2] No such file or directory: '" + missing + "'");
  auto d = drc::aws::cli::resolve_paramfile("fileb://" + dir.path());
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().message, "Unable to load paramfile fileb://" + dir.path() + ": [Errno 21] Is a directory: '" + dir.path() + "'");
  const auto binary = dir.file("k.bin", "\xff\xfe\x01");
  auto t = drc::aws::cli::resolve_paramfile("file://" + binary);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().message, "Unable to load paramfile (" + binary +
                                   "), text contents could not be decoded.  If this is a binary file, please use the fileb:// "
                                   "prefix instead of the file:// prefix.");
}
