#pragma once
// The default journal: one JSON Lines file per incident. Appends are written whole under an exclusive
// file lock and acknowledged after fsync; readers take a shared lock, so nobody sees half a line. A last
// line torn by a crash is moved to a side file and the journal opens at the last whole event; any other
// damage is refused with the first bad seq.

#include <filesystem>
#include <memory>

#include "timeline/journal.hpp"
#include "timeline/record.hpp"

namespace drc::timeline {

enum class Access { ReadOnly, ReadWrite };

class FileJournal final : public Journal {
 public:
  // A new, empty journal (mode 0600); fails if the file exists.
  static Result<std::unique_ptr<FileJournal>> create(const std::filesystem::path& path);
  // An existing journal, read and verified to its end.
  static Result<std::unique_ptr<FileJournal>> open(const std::filesystem::path& path, Access access);

  ~FileJournal() override;
  FileJournal(const FileJournal&) = delete;
  FileJournal& operator=(const FileJournal&) = delete;

  Result<std::vector<incident::Event>> read_new() override;
  Result<std::vector<incident::Event>> append(const Decide& decide) override;
  std::vector<std::string> take_notices() override;
  std::string name() const override { return path_.string(); }

 private:
  FileJournal(std::filesystem::path path, int fd, Access access);
  // Reads whole lines past offset_ into out. With the exclusive lock held, a torn tail is set aside.
  Status catch_up(std::vector<incident::Event>& out, bool holding_exclusive);
  Status set_aside_torn_tail(std::size_t good_end, std::string_view torn);

  std::filesystem::path path_;
  int fd_ = -1;
  Access access_;
  std::size_t offset_ = 0;      // bytes of whole, verified lines read so far
  std::size_t lines_read_ = 0;  // and how many lines that is
  ChainCheck chain_;
  std::vector<incident::Event> unread_;  // read on open, not yet handed out
  std::vector<std::string> notices_;
};

}  // namespace drc::timeline
