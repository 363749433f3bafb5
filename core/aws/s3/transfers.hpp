#pragma once
// The transfers behind `aws s3 cp/mv/rm/sync`, as s3transfer makes them with the aws CLI's settings:
// uploads and downloads over 8 MiB in 8 MiB parts (multipart upload; ranged GETs written in place), copies
// by CopyObject (multipart past S3's 5 GiB limit), deletes, and for mv the source removed once the copy
// is done. Every call goes through the CallPump (at most 10 at once), and a part's bytes are read only
// when its call is sent, so memory stays near 10 parts whatever the size of the files.

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "aws/s3/call_pump.hpp"
#include "aws/s3/file_plan.hpp"
#include "aws/s3/result_printer.hpp"
#include "aws/s3/s3_args.hpp"

namespace drc::aws::s3 {

inline constexpr std::uint64_t kMiB = 1024 * 1024;

struct TransferSettings {
  nlohmann::ordered_json object_params = nlohmann::ordered_json::object();  // from the command line
  bool guess_mime_type = true;
  bool content_type_given = false;
  std::optional<std::string> request_payer, checksum_mode;
  CustomerKey sse_c, sse_c_copy_source;
  // An s3-to-s3 copy's source bucket in another region (--source-region): calls about the source go
  // there, to that region's endpoint rather than --endpoint-url, as the CLI's source client does.
  std::string source_region;
  bool is_move = false;
  bool dryrun = false;
  bool force_glacier_transfer = false, ignore_glacier_warnings = false;
  std::uint64_t multipart_threshold = 8 * kMiB;
  std::uint64_t chunk_size = 8 * kMiB;
};

class Transfers {
 public:
  Transfers(CallPump& pump, ResultPrinter& printer, TransferSettings settings);

  // Starts one file's transfer (or prints it, for --dryrun); the pump's run() carries it through.
  void submit(const FileInfo& file);
  // cp - s3://bucket/key: the object's bytes from standard input.
  void upload_stream(std::istream& in, const std::string& bucket, const std::string& key, std::optional<std::uint64_t> expected_size);
  // cp s3://bucket/key -: the object's bytes to standard output.
  void download_stream(std::ostream& out, const std::string& bucket, const std::string& key);

  // How each side is shown: "./a/b.txt", "s3://bucket/key".
  static std::string shown(const std::string& path, Side side);

 private:
  struct Job;
  void upload(std::shared_ptr<Job> job);
  void upload_multipart(std::shared_ptr<Job> job);
  void download(std::shared_ptr<Job> job);
  void copy(std::shared_ptr<Job> job);
  void remove(std::shared_ptr<Job> job);
  void finish(const std::shared_ptr<Job>& job, const std::string& error);
  bool skip_glacier(const FileInfo& file);
  client::CallRequest request(const std::string& operation, nlohmann::ordered_json params) const;
  client::CallRequest source_request(const std::string& operation, nlohmann::ordered_json params) const;
  nlohmann::ordered_json object_params(const std::string& operation, const std::string& name_for_type) const;

  CallPump& pump_;
  ResultPrinter& printer_;
  TransferSettings settings_;
};

}  // namespace drc::aws::s3
