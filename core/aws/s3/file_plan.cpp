#include "aws/s3/file_plan.hpp"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "aws/s3/paths.hpp"

namespace drc::aws::s3 {

namespace {

bool is_dir(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string format_local(const std::string& path, bool dir_op, bool& use_src_name) {
  std::string full = absolute_path(path);
  if (is_dir(full) || dir_op || (!path.empty() && path.back() == '/')) {
    use_src_name = true;
    return full == "/" ? full : full + "/";
  }
  use_src_name = false;
  return full;
}

std::string format_s3(std::string path, bool dir_op, bool& use_src_name) {
  if (dir_op) {
    if (path.empty() || path.back() != '/') path += '/';
    use_src_name = true;
    return path;
  }
  use_src_name = !path.empty() && path.back() == '/';
  return path;
}

protocol::AwsTime mtime_of(const struct stat& st) {
  using namespace std::chrono;
  return protocol::AwsTime{seconds(st.st_mtim.tv_sec) + microseconds(st.st_mtim.tv_nsec / 1000)};
}

void walk(const std::string& path, bool dir_op, bool follow, std::vector<LocalFile>& out, std::vector<std::string>& warnings);

// The CLI's checks before a file is listed: gone, special or unreadable files are skipped with a warning.
bool skipped(const std::string& path, bool follow, std::vector<std::string>& warnings) {
  if (!follow) {
    std::string p = path;
    if (p.size() > 1 && p.back() == '/') p.pop_back();
    struct stat lst {};
    if (::lstat(p.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) return true;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    warnings.push_back("warning: Skipping file " + path + ". File does not exist.");
    return true;
  }
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) {
    warnings.push_back("warning: Skipping file " + path + ". File is character special device, block special device, FIFO, or socket.");
    return true;
  }
  if (::access(path.c_str(), R_OK) != 0 || (S_ISDIR(st.st_mode) && ::access(path.c_str(), X_OK) != 0)) {
    warnings.push_back("warning: Skipping file " + path + ". File/Directory is not readable.");
    return true;
  }
  return false;
}

void add_file(const std::string& path, std::vector<LocalFile>& out, std::vector<std::string>& warnings) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    warnings.push_back("warning: Skipping file " + path + ". File does not exist.");
    return;
  }
  out.push_back({path, static_cast<std::uint64_t>(st.st_size), mtime_of(st)});
}

void walk(const std::string& path, bool dir_op, bool follow, std::vector<LocalFile>& out, std::vector<std::string>& warnings) {
  if (skipped(path, follow, warnings)) return;
  if (!dir_op) {
    add_file(path, out, warnings);
    return;
  }
  DIR* d = ::opendir(path.c_str());
  if (!d) return;
  std::vector<std::string> names;
  const std::string base = path.back() == '/' ? path : path + "/";
  while (const dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name == "." || name == "..") continue;
    const std::string full = base + name;
    if (skipped(full, follow, warnings)) continue;
    names.push_back(is_dir(full) ? name + "/" : name);
  }
  ::closedir(d);
  // Directories carry their '/', so "a/" sorts after "a.txt" and before "a0", as S3 lists keys.
  std::sort(names.begin(), names.end());
  for (const auto& name : names) {
    const std::string full = base + name;
    if (name.back() == '/') {
      walk(full, true, follow, out, warnings);
    } else {
      add_file(full, out, warnings);
    }
  }
}

// fnmatch's bracket expression at `p` (just past '['): whether `c` is in it, and where it ends.
bool bracket(const std::string& pat, std::size_t& p, char c, bool& valid) {
  std::size_t i = p;
  bool negate = false;
  if (i < pat.size() && (pat[i] == '!')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pat.size() && (first || pat[i] != ']')) {
    first = false;
    char lo = pat[i];
    if (i + 2 < pat.size() && pat[i + 1] == '-' && pat[i + 2] != ']') {
      const char hi = pat[i + 2];
      if (lo <= c && c <= hi) matched = true;
      i += 3;
    } else {
      if (lo == c) matched = true;
      ++i;
    }
  }
  if (i >= pat.size()) {
    valid = false;  // no closing ']': Python treats '[' as itself
    return false;
  }
  valid = true;
  p = i + 1;
  return matched != negate;
}

bool match_from(const std::string& s, std::size_t si, const std::string& pat, std::size_t pi) {
  while (pi < pat.size()) {
    const char pc = pat[pi];
    if (pc == '*') {
      while (pi < pat.size() && pat[pi] == '*') ++pi;
      if (pi == pat.size()) return true;
      for (std::size_t k = si; k <= s.size(); ++k) {
        if (match_from(s, k, pat, pi)) return true;
      }
      return false;
    }
    if (si >= s.size()) return false;
    if (pc == '?') {
      ++si;
      ++pi;
      continue;
    }
    if (pc == '[') {
      std::size_t p = pi + 1;
      bool valid = false;
      const bool in = bracket(pat, p, s[si], valid);
      if (valid) {
        if (!in) return false;
        ++si;
        pi = p;
        continue;
      }
    }
    if (pc != s[si]) return false;
    ++si;
    ++pi;
  }
  return si == s.size();
}

std::string s3_root(const std::string& location, bool dir_op) {
  auto [bucket, key] = split_bucket_key(location);
  if (!dir_op && (key.empty() || key.back() != '/')) {
    const auto slash = key.rfind('/');
    key = slash == std::string::npos ? "" : key.substr(0, slash);
  }
  return bucket + "/" + key;
}

std::string local_root(const std::string& location, bool dir_op) {
  if (dir_op) return absolute_path(location);
  const auto slash = location.rfind('/');
  return absolute_path(slash == std::string::npos ? "." : (slash == 0 ? "/" : location.substr(0, slash)));
}

// Python's os.path.join(root, pattern).
std::string join(const std::string& root, const std::string& pattern) {
  if (!pattern.empty() && pattern[0] == '/') return pattern;
  if (root.empty() || root.back() == '/') return root + pattern;
  return root + "/" + pattern;
}

bool should_sync_existing(const FileInfo& src, const FileInfo& dest, SyncStrategy s) {
  const bool same_size = src.size == dest.size;
  if (s.size_only) return !same_size;
  if (!src.last_update || !dest.last_update) return !same_size;
  const auto delta = (*dest.last_update - *src.last_update).count();  // microseconds, as datetime subtraction
  bool same_time = true;
  if (src.operation == Operation::Download) {
    // Up to date unless the local copy is newer; --exact-timestamps: unless the times differ at all.
    same_time = s.exact_timestamps ? delta == 0 : delta <= 0;
  } else {
    same_time = delta >= 0;
  }
  return !same_size || !same_time;
}

}  // namespace

FormattedPaths format_paths(const std::string& src, const std::string& dest, bool dir_op) {
  FormattedPaths f;
  f.dir_op = dir_op;
  bool unused = false;
  f.src_type = is_s3_uri(src) ? Side::S3 : Side::Local;
  f.dest_type = is_s3_uri(dest) ? Side::S3 : Side::Local;
  f.src = f.src_type == Side::S3 ? format_s3(src.substr(kScheme.size()), dir_op, unused) : format_local(src, dir_op, unused);
  f.dest = f.dest_type == Side::S3 ? format_s3(dest.substr(kScheme.size()), dir_op, f.use_src_name)
                                   : format_local(dest, dir_op, f.use_src_name);
  return f;
}

void place(const FormattedPaths& f, FileInfo& file) {
  std::string rel;
  if (f.dir_op) {
    rel = file.src.substr(std::min(file.src.size(), f.src.size()));
  } else {
    const auto slash = file.src.rfind('/');
    rel = slash == std::string::npos ? file.src : file.src.substr(slash + 1);
  }
  file.compare_key = rel;
  file.dest = f.use_src_name ? f.dest + rel : f.dest;
  file.src_type = f.src_type;
  file.dest_type = f.dest_type;
}

std::vector<LocalFile> list_local(const std::string& path, bool dir_op, bool follow_symlinks, std::vector<std::string>& warnings) {
  std::vector<LocalFile> out;
  walk(path, dir_op, follow_symlinks, out, warnings);
  return out;
}

bool fnmatch(const std::string& name, const std::string& pattern) { return match_from(name, 0, pattern, 0); }

PathFilter::PathFilter(const std::vector<Filter>& filters, const std::string& src, const std::string& dest, bool dir_op) {
  if (filters.empty()) return;
  const std::string src_root = is_s3_uri(src) ? s3_root(src, dir_op) : local_root(src, dir_op);
  const std::string dest_root = is_s3_uri(dest) ? s3_root(dest, dir_op) : local_root(dest, dir_op);
  for (const auto& f : filters) {
    src_patterns_.emplace_back(f.include, join(src_root, f.pattern));
    dest_patterns_.emplace_back(f.include, join(dest_root, f.pattern));
  }
}

bool PathFilter::keep(const FileInfo& file) const {
  bool keep = true;
  for (std::size_t i = 0; i < src_patterns_.size(); ++i) {
    // A rule matches against the source root or the destination root; the last match wins.
    if (fnmatch(file.src, src_patterns_[i].second)) keep = src_patterns_[i].first;
    if (fnmatch(file.src, dest_patterns_[i].second)) keep = dest_patterns_[i].first;
  }
  return keep;
}

std::vector<FileInfo> compare_for_sync(const std::vector<FileInfo>& src, const std::vector<FileInfo>& dest, SyncStrategy s) {
  std::vector<FileInfo> out;
  std::size_t i = 0, j = 0;
  while (i < src.size() || j < dest.size()) {
    if (j >= dest.size() || (i < src.size() && src[i].compare_key < dest[j].compare_key)) {
      out.push_back(src[i++]);  // not at the destination
    } else if (i >= src.size() || src[i].compare_key > dest[j].compare_key) {
      if (s.delete_removed) {
        FileInfo gone = dest[j];  // listed from the destination: its src is the file to delete
        gone.operation = Operation::Delete;
        out.push_back(gone);
      }
      ++j;
    } else {
      if (should_sync_existing(src[i], dest[j], s)) out.push_back(src[i]);
      ++i;
      ++j;
    }
  }
  return out;
}

}  // namespace drc::aws::s3
