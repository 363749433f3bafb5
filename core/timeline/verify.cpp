#include "timeline/verify.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace drc::timeline {

Result<VerifyReport> verify_journal(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return make_error(path.string() + ": is a directory, not a journal");
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path.string() + ": cannot read: " + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string bytes = ss.str();
  ChainCheck chain;
  auto scan = scan_lines(bytes, chain);
  VerifyReport r;
  r.events = scan.events.size();
  r.bad = scan.bad;
  if (!r.bad && !scan.torn_tail.empty()) {
    r.bad = BadLine{chain.last_seq() + 1, r.events + 1,
                    "the last line is incomplete (" + std::to_string(scan.torn_tail.size()) +
                        " bytes): a write was interrupted"};
  }
  if (!r.bad && r.events == 0) r.bad = BadLine{1, 1, "the journal holds no events"};
  return r;
}

}  // namespace drc::timeline
