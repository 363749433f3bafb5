// Whether bytes are a zip archive, checked the way Python's zipfile reads one (the aws CLI's lambda
// customization opens --zip-file with zipfile.ZipFile and lists it): the end-of-central-directory record
// at the end or within the 64 KiB comment before it, and a central directory of well-formed entries.

#include <cstdint>
#include <string>

#include "aws/cli/custom_args_parts.hpp"

namespace drc::aws::cli::detail {

namespace {

constexpr std::size_t kEndRecordSize = 22;
constexpr std::size_t kCentralEntrySize = 46;
constexpr std::size_t kMaxComment = 65535;

std::uint32_t le(const std::string& b, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  return v;
}

bool signature_at(const std::string& b, std::size_t at, const char* sig) {
  return at + 4 <= b.size() && b.compare(at, 4, sig, 4) == 0;
}

}  // namespace

bool is_zip_archive(const std::string& b) {
  if (b.size() < kEndRecordSize) return false;
  // _EndRecData: the record with no comment first, then a search back through the largest comment.
  std::size_t end = b.size() - kEndRecordSize;
  bool found = signature_at(b, end, "PK\x05\x06") && le(b, end + 20, 2) == 0;
  if (!found) {
    const std::size_t lowest = b.size() > kEndRecordSize + kMaxComment ? b.size() - kEndRecordSize - kMaxComment : 0;
    for (std::size_t at = end + 1; at-- > lowest;) {
      if (signature_at(b, at, "PK\x05\x06")) {
        end = at;
        found = true;
        break;
      }
    }
  }
  if (!found) return false;
  // zip64 archives keep their sizes elsewhere; Python reads them, and so do we only as far as their
  // locator being present.
  if (end >= 20 && signature_at(b, end - 20, "PK\x06\x07")) return true;
  const std::uint64_t cd_size = le(b, end + 12, 4);
  const std::uint64_t cd_offset = le(b, end + 16, 4);
  if (cd_size + cd_offset > end) return false;  // "Bad offset for central directory" territory
  const std::uint64_t concat = end - cd_size - cd_offset;  // bytes prepended to the archive
  std::uint64_t at = cd_offset + concat;
  const std::uint64_t stop = at + cd_size;
  while (at < stop) {
    if (at + kCentralEntrySize > b.size() || !signature_at(b, at, "PK\x01\x02")) return false;  // "Bad magic number"
    at += kCentralEntrySize + le(b, at + 28, 2) + le(b, at + 30, 2) + le(b, at + 32, 2);
    if (at > stop) return false;  // "Truncated central directory"
  }
  return true;
}

}  // namespace drc::aws::cli::detail
