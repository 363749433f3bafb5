#include "aws/s3/result_printer.hpp"

#include "aws/s3/paths.hpp"

namespace drc::aws::s3 {

ResultPrinter::ResultPrinter(std::ostream& out, std::ostream& err, Verbosity verbosity, bool progress_allowed)
    : out_(out), err_(err), verbosity_(verbosity), progress_allowed_(progress_allowed && verbosity == Verbosity::All) {}

void ResultPrinter::line(std::ostream& to, const std::string& text) {
  // Pad over a progress line still on the screen.
  std::string padded = text;
  if (padded.size() < progress_length_) padded.append(progress_length_ - padded.size(), ' ');
  to << padded << '\n' << std::flush;
  progress_length_ = 0;
}

void ResultPrinter::queued(std::uint64_t bytes) {
  ++expected_files_;
  expected_bytes_ += bytes;
}

void ResultPrinter::progress(std::uint64_t bytes) {
  done_bytes_ += bytes;
  draw_progress();
}

void ResultPrinter::draw_progress() {
  if (!progress_allowed_ || (totals_final_ && done_files_ == expected_files_)) return;
  const auto remaining = std::to_string(expected_files_ - done_files_);
  const auto estimate = [this](const std::string& s) { return totals_final_ ? s : "~" + s; };
  std::string text;
  if (expected_bytes_ > 0) {
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    const auto speed = secs > 0 ? static_cast<std::uint64_t>(static_cast<double>(done_bytes_) / secs) : 0;
    text = "Completed " + human_readable_size(done_bytes_) + "/" + estimate(human_readable_size(expected_bytes_)) + " (" +
           human_readable_size(speed) + "/s) with " + estimate(remaining) + " file(s) remaining";
  } else {
    text = "Completed " + std::to_string(done_files_) + " file(s) with " + estimate(remaining) + " file(s) remaining";
  }
  if (!totals_final_) text += " (calculating...)";
  const auto length = text.size();
  if (text.size() < progress_length_) text.append(progress_length_ - text.size(), ' ');
  out_ << text << '\r' << std::flush;
  progress_length_ = length;
}

void ResultPrinter::success(const std::string& type, const std::string& src, const std::string& dest) {
  ++done_files_;
  if (verbosity_ == Verbosity::All || verbosity_ == Verbosity::NoProgress) {
    line(out_, type + ": " + src + (dest.empty() ? "" : " to " + dest));
  }
  draw_progress();
}

void ResultPrinter::dry_run(const std::string& type, const std::string& src, const std::string& dest) {
  if (verbosity_ == Verbosity::Quiet) return;
  line(out_, "(dryrun) " + type + ": " + src + (dest.empty() ? "" : " to " + dest));
}

void ResultPrinter::failure(const std::string& type, const std::string& src, const std::string& dest,
                            const std::string& error, std::uint64_t bytes_left) {
  ++done_files_;
  ++failures_;
  done_bytes_ += bytes_left;
  if (verbosity_ != Verbosity::Quiet) line(err_, type + " failed: " + src + (dest.empty() ? "" : " to " + dest) + " " + error);
  draw_progress();
}

void ResultPrinter::warning(const std::string& message) {
  ++warnings_;
  if (verbosity_ != Verbosity::Quiet) line(err_, message);
}

void ResultPrinter::fatal(const std::string& error) {
  fatal_ = true;
  if (verbosity_ != Verbosity::Quiet) line(err_, "fatal error: " + error);
}

void ResultPrinter::all_queued() {
  totals_final_ = true;
  draw_progress();
}

void ResultPrinter::finish() {
  if (progress_length_ > 0) {
    out_ << std::string(progress_length_, ' ') << '\n' << std::flush;
    progress_length_ = 0;
  }
}

}  // namespace drc::aws::s3
