#include "timeline/file_journal.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace drc::timeline {

namespace fs = std::filesystem;
using incident::Event;

namespace {

std::string os_error(const std::string& what, const fs::path& p) {
  return p.string() + ": " + what + ": " + std::strerror(errno);
}

// Holds a flock for a scope.
class FileLock {
 public:
  FileLock(int fd, int op) : fd_(fd) {
    while ((ok_ = ::flock(fd_, op) == 0) == false && errno == EINTR) {
    }
  }
  ~FileLock() {
    if (ok_) ::flock(fd_, LOCK_UN);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  bool ok() const { return ok_; }

 private:
  int fd_;
  bool ok_ = false;
};

Status write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const auto n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return make_error(std::strerror(errno));
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

Status fsync_dir(const fs::path& dir) {
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return make_error(std::strerror(errno));
  const int rc = ::fsync(dfd);
  ::close(dfd);
  if (rc != 0) return make_error(std::strerror(errno));
  return {};
}

}  // namespace

FileJournal::FileJournal(fs::path path, int fd, Access access) : path_(std::move(path)), fd_(fd), access_(access) {}

FileJournal::~FileJournal() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::unique_ptr<FileJournal>> FileJournal::create(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return make_error(os_error("cannot create journal", path));
  // The new name must survive a crash as well as the lines written under it.
  if (auto s = fsync_dir(path.parent_path().empty() ? fs::path(".") : path.parent_path()); !s) {
    ::close(fd);
    return make_error(path.string() + ": cannot sync its folder: " + s.error().message);
  }
  return std::unique_ptr<FileJournal>(new FileJournal(path, fd, Access::ReadWrite));
}

Result<std::unique_ptr<FileJournal>> FileJournal::open(const fs::path& path, Access access) {
  const int flags = (access == Access::ReadWrite ? O_RDWR | O_APPEND : O_RDONLY) | O_CLOEXEC;
  const int fd = ::open(path.c_str(), flags);
  if (fd < 0) return make_error(os_error("cannot open journal", path));
  struct stat st{};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return make_error(path.string() + ": not a journal file");
  }
  std::unique_ptr<FileJournal> j(new FileJournal(path, fd, access));
  {
    FileLock lock(fd, access == Access::ReadWrite ? LOCK_EX : LOCK_SH);
    if (!lock.ok()) return make_error(os_error("cannot lock journal", path));
    if (auto s = j->catch_up(j->unread_, access == Access::ReadWrite); !s) return s.error();
  }
  return j;
}

Status FileJournal::set_aside_torn_tail(std::size_t good_end, std::string_view torn) {
  auto side = path_;
  side += ".torn-" + std::to_string(good_end);
  const int sfd = ::open(side.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (sfd < 0) return make_error(os_error("cannot keep the torn last line", side));
  auto w = write_all(sfd, torn);
  const bool synced = w && ::fsync(sfd) == 0;
  ::close(sfd);
  if (!synced) return make_error(side.string() + ": cannot keep the torn last line");
  if (::ftruncate(fd_, static_cast<off_t>(good_end)) != 0 || ::fsync(fd_) != 0) {
    return make_error(os_error("cannot cut the torn last line", path_));
  }
  notices_.push_back(path_.string() + ": the last line was torn by an interrupted write (" + std::to_string(torn.size()) +
                     " bytes); kept them in " + side.string() + " and opened at seq " +
                     std::to_string(chain_.last_seq()));
  return {};
}

Status FileJournal::catch_up(std::vector<Event>& out, bool holding_exclusive) {
  struct stat st{};
  if (::fstat(fd_, &st) != 0) return make_error(os_error("cannot read journal", path_));
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size < offset_) return make_error(path_.string() + ": the journal shrank while open; reopen it");
  if (size == offset_) return {};
  std::string buf(size - offset_, '\0');
  std::size_t got = 0;
  while (got < buf.size()) {
    const auto n = ::pread(fd_, buf.data() + got, buf.size() - got, static_cast<off_t>(offset_ + got));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return make_error(os_error("cannot read journal", path_));
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  buf.resize(got);
  auto scan = scan_lines(buf, chain_, lines_read_ + 1);
  for (auto& e : scan.events) out.push_back(std::move(e));
  if (scan.bad) {
    return make_error(path_.string() + ":" + std::to_string(scan.bad->line) + ": damaged at seq " +
                      std::to_string(scan.bad->seq) + ": " + scan.bad->message);
  }
  lines_read_ += scan.events.size();
  if (!scan.torn_tail.empty()) {
    // A tail without its newline: an append cut short. Writers set it aside; readers wait past it.
    if (holding_exclusive) {
      if (auto s = set_aside_torn_tail(offset_ + scan.consumed, scan.torn_tail); !s) return s;
    } else {
      notices_.push_back(path_.string() + ": the last line is incomplete (" + std::to_string(scan.torn_tail.size()) +
                         " bytes); reading up to seq " + std::to_string(chain_.last_seq()));
    }
  }
  offset_ += scan.consumed;
  return {};
}

Result<std::vector<Event>> FileJournal::read_new() {
  std::vector<Event> out = std::move(unread_);
  unread_.clear();
  FileLock lock(fd_, LOCK_SH);
  if (!lock.ok()) return make_error(os_error("cannot lock journal", path_));
  if (auto s = catch_up(out, false); !s) return s.error();
  return out;
}

Result<std::vector<Event>> FileJournal::append(const Decide& decide) {
  if (access_ != Access::ReadWrite) return make_error(path_.string() + ": opened read-only");
  FileLock lock(fd_, LOCK_EX);
  if (!lock.ok()) return make_error(os_error("cannot lock journal", path_));
  std::vector<Event> seen = std::move(unread_);
  unread_.clear();
  if (auto s = catch_up(seen, true); !s) return s.error();
  auto drafts = decide(seen);
  if (!drafts) return drafts.error();

  std::vector<Event> written;
  std::string lines;
  ChainCheck chain = chain_;
  for (auto& d : *drafts) {
    Event e;
    e.seq = chain.last_seq() + 1;
    e.ts = d.ts;
    e.actor = std::move(d.actor);
    e.kind = d.kind;
    e.data = std::move(d.data);
    e.prev = chain.last_hash();
    e.hash = event_hash(e);
    if (auto s = chain.accept(e); !s) return s.error();
    lines += encode_line(e);
    written.push_back(std::move(e));
  }
  if (lines.empty()) return written;
  if (auto s = write_all(fd_, lines); !s) {
    // Leave no half line behind: cut back to the last acknowledged event.
    if (::ftruncate(fd_, static_cast<off_t>(offset_)) != 0) {
      return make_error(path_.string() + ": write failed (" + s.error().message +
                        ") and the partial line could not be removed; it will be set aside when next opened");
    }
    return make_error(path_.string() + ": write failed: " + s.error().message);
  }
  if (::fsync(fd_) != 0) return make_error(os_error("cannot make the journal durable (fsync)", path_));
  offset_ += lines.size();
  lines_read_ += written.size();
  chain_ = chain;
  return written;
}

std::vector<std::string> FileJournal::take_notices() {
  auto out = std::move(notices_);
  notices_.clear();
  return out;
}

}  // namespace drc::timeline
