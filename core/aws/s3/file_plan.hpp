#pragma once
// Which files an `aws s3 cp/mv/rm/sync` works on, worked out as the aws CLI does: the source and
// destination read as file or directory (FileFormat), each file's destination and compare key, local
// directories walked in the order S3 lists keys, --exclude/--include applied in order, and sync's
// comparison of the two sides (size and time; --size-only, --exact-timestamps, --delete).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aws/protocol/values.hpp"
#include "aws/s3/s3_args.hpp"

namespace drc::aws::s3 {

enum class Side { Local, S3 };
enum class Operation { Upload, Download, Copy, Delete };

// One file to act on. S3 paths are "bucket/key"; local paths absolute.
struct FileInfo {
  std::string src, dest, compare_key;
  Side src_type = Side::Local, dest_type = Side::S3;
  Operation operation = Operation::Upload;
  std::optional<std::uint64_t> size;
  std::optional<protocol::AwsTime> last_update;
  std::string storage_class;
  bool restored = false;  // a GLACIER object with a finished restore
};

struct FormattedPaths {
  std::string src, dest;  // S3 without "s3://"; local absolute, with a trailing '/' for a directory
  Side src_type = Side::Local, dest_type = Side::Local;
  bool dir_op = false;
  bool use_src_name = false;
};

FormattedPaths format_paths(const std::string& src, const std::string& dest, bool dir_op);
// The file's destination and compare key, given the source file's own path.
void place(const FormattedPaths& f, FileInfo& file);

struct LocalFile {
  std::string path;
  std::uint64_t size = 0;
  protocol::AwsTime mtime{};
};

// Files under `path` (or the file itself), sorted as S3 sorts keys; skipped files become warnings in the
// CLI's words ("warning: Skipping file X. File does not exist.").
std::vector<LocalFile> list_local(const std::string& path, bool dir_op, bool follow_symlinks, std::vector<std::string>& warnings);

// Python's fnmatch.fnmatch (posix): '*' also matches '/'.
bool fnmatch(const std::string& name, const std::string& pattern);

class PathFilter {
 public:
  PathFilter(const std::vector<Filter>& filters, const std::string& src, const std::string& dest, bool dir_op);
  bool keep(const FileInfo& file) const;

 private:
  std::vector<std::pair<bool, std::string>> src_patterns_, dest_patterns_;
};

struct SyncStrategy {
  bool delete_removed = false, size_only = false, exact_timestamps = false;
};

// Sync's merge of two sorted lists: the source files to transfer, and (with --delete) the destination
// files to delete, in compare-key order. Destination entries are listed as the CLI lists them: their
// src is the destination's own path.
std::vector<FileInfo> compare_for_sync(const std::vector<FileInfo>& src, const std::vector<FileInfo>& dest, SyncStrategy s);

}  // namespace drc::aws::s3
