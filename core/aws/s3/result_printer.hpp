#pragma once
// What `aws s3 cp/mv/rm/sync` print, in the CLI's words: "upload: ./a to s3://b/a" for each file done,
// "(dryrun) ..." for a dry run, "upload failed: ... <error>" and warnings on stderr, and the running
// "Completed 1.2 MiB/3.0 MiB (...) with 2 file(s) remaining" line, which is drawn only on a terminal.
// It also counts the outcome: any failure makes the command exit 1, else any warning 2.

#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>

namespace drc::aws::s3 {

enum class Verbosity { All, NoProgress, OnlyErrors, Quiet };

class ResultPrinter {
 public:
  ResultPrinter(std::ostream& out, std::ostream& err, Verbosity verbosity, bool progress_allowed);

  // A file about to be transferred: its size joins the expected total.
  void queued(std::uint64_t bytes);
  void progress(std::uint64_t bytes);
  // "upload", "download", "copy", "move", "delete"; dest empty for a delete.
  void success(const std::string& type, const std::string& src, const std::string& dest);
  void dry_run(const std::string& type, const std::string& src, const std::string& dest);
  void failure(const std::string& type, const std::string& src, const std::string& dest, const std::string& error,
               std::uint64_t bytes_left);
  void warning(const std::string& message);
  // "fatal error: ..." (a listing that failed, a missing source).
  void fatal(const std::string& error);
  // Every file is now known: the totals stop being estimates.
  void all_queued();
  void finish();

  int exit_code() const { return failures_ > 0 || fatal_ ? 1 : warnings_ > 0 ? 2 : 0; }

 private:
  void line(std::ostream& to, const std::string& text);
  void draw_progress();

  std::ostream& out_;
  std::ostream& err_;
  Verbosity verbosity_;
  bool progress_allowed_;
  std::size_t progress_length_ = 0;
  std::uint64_t expected_files_ = 0, done_files_ = 0;
  std::uint64_t expected_bytes_ = 0, done_bytes_ = 0;
  bool totals_final_ = false;
  int failures_ = 0, warnings_ = 0;
  bool fatal_ = false;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

}  // namespace drc::aws::s3
