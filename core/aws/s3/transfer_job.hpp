#pragma once
// What one transfer carries between its calls, shared by transfers.cpp (files) and transfer_streams.cpp
// (standard input and output). Internal to core/aws/s3.

#include <cstdint>
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/s3/transfers.hpp"

namespace drc::aws::s3 {

namespace detail {
inline constexpr std::uint64_t kMaxParts = 10000;  // S3's limit on a multipart upload
// s3transfer's part size: the chunk size, doubled until the parts fit in S3's 10,000.
std::uint64_t part_size(std::uint64_t total, std::uint64_t chunk);
}  // namespace detail

struct Transfers::Job {
  FileInfo file;
  std::string type;  // as printed: upload, download, copy, delete, move
  std::string src_shown, dest_shown;
  std::uint64_t size = 0;
  std::uint64_t reported = 0;  // bytes already counted as progress
  // Multipart uploads and copies, and ranged downloads.
  std::string upload_id;
  std::uint64_t chunk = 0;
  std::size_t parts_total = 0, parts_finished = 0;
  nlohmann::ordered_json parts = nlohmann::ordered_json::array();
  bool failed = false;
  std::string error;
  int fd = -1;
  std::string temp_path;
  // Streams.
  std::istream* in = nullptr;
  std::ostream* out = nullptr;
  bool input_done = false;
  std::size_t parts_sent = 0;
};

}  // namespace drc::aws::s3
