#include "aws/s3/transfers.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>

#include "aws/http/uri.hpp"
#include "aws/s3/mime_types.hpp"
#include "aws/s3/paths.hpp"
#include "aws/s3/transfer_job.hpp"

namespace drc::aws::s3 {

using Json = nlohmann::ordered_json;

namespace {

bool one_of(const std::string& s, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    if (s == n) return true;
  }
  return false;
}

constexpr std::uint64_t kMaxCopySize = 5ull * 1024 * kMiB;  // CopyObject's limit

std::string errno_text(const std::string& path) {
  return "[Errno " + std::to_string(errno) + "] " + std::strerror(errno) + ": '" + path + "'";
}

Result<std::string> read_range(const std::string& path, std::uint64_t offset, std::uint64_t length) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return make_error(errno_text(path));
  std::string data(length, '\0');
  std::uint64_t got = 0;
  while (got < length) {
    const auto n = ::pread(fd, data.data() + got, length - got, static_cast<off_t>(offset + got));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += static_cast<std::uint64_t>(n);
  }
  ::close(fd);
  data.resize(got);
  return data;
}

Result<void> make_dirs(const std::string& dir) {
  if (dir.empty()) return {};
  std::string partial;
  for (std::size_t i = 0; i <= dir.size(); ++i) {
    if (i == dir.size() || (dir[i] == '/' && i > 0)) {
      partial = dir.substr(0, i);
      if (::mkdir(partial.c_str(), 0777) != 0 && errno != EEXIST) {
        return make_error("Could not create directory " + dir + ": " + errno_text(partial));
      }
    }
  }
  return {};
}

std::string parent_of(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos || slash == 0 ? "" : path.substr(0, slash);
}

// s3transfer writes a download beside its destination under a random suffix, then renames it.
std::string temp_name(const std::string& dest) {
  static const char kHex[] = "0123456789abcdefABCDEF";
  std::random_device rd;
  std::string suffix;
  for (int i = 0; i < 8; ++i) suffix += kHex[rd() % (sizeof kHex - 1)];
  return dest + "." + suffix;
}

// The source as s3transfer gives it to botocore, which quotes it into the CopySource header (s3_params.cpp).
nlohmann::ordered_json copy_source(const std::string& bucket, const std::string& key) {
  return nlohmann::ordered_json{{"Bucket", bucket}, {"Key", key}};
}

const char* type_name(Operation op) {
  switch (op) {
    case Operation::Upload: return "upload";
    case Operation::Download: return "download";
    case Operation::Copy: return "copy";
    case Operation::Delete: return "delete";
  }
  return "";
}

}  // namespace

std::uint64_t detail::part_size(std::uint64_t total, std::uint64_t chunk) {
  while (total / chunk + (total % chunk ? 1 : 0) > kMaxParts) chunk *= 2;
  return chunk;
}

Transfers::Transfers(CallPump& pump, ResultPrinter& printer, TransferSettings settings)
    : pump_(pump), printer_(printer), settings_(std::move(settings)) {}

std::string Transfers::shown(const std::string& path, Side side) {
  if (side == Side::S3) return std::string(kScheme) + path;
  return path == "-" ? path : relative_path(path);
}

client::CallRequest Transfers::request(const std::string& operation, Json params) const {
  client::CallRequest r;
  r.service = "s3";
  r.operation = operation;
  if (settings_.request_payer) params["RequestPayer"] = *settings_.request_payer;
  // SSE-C goes on every call that writes or reads an object's bytes (s3transfer's argument lists).
  if (one_of(operation, {"PutObject", "CopyObject", "CreateMultipartUpload", "UploadPart", "UploadPartCopy",
                         "CompleteMultipartUpload", "GetObject", "HeadObject"})) {
    add_customer_key(params, settings_.sse_c, "SSECustomer");
  }
  if (one_of(operation, {"CopyObject", "UploadPartCopy"})) add_customer_key(params, settings_.sse_c_copy_source, "CopySourceSSECustomer");
  r.params = std::move(params);
  return r;
}

client::CallRequest Transfers::source_request(const std::string& operation, Json params) const {
  auto r = request(operation, std::move(params));
  if (!settings_.source_region.empty()) {
    r.region = settings_.source_region;
    r.use_endpoint_flag = false;
  }
  return r;
}

Json Transfers::object_params(const std::string& operation, const std::string& name_for_type) const {
  Json p = Json::object();
  for (const auto& [k, v] : settings_.object_params.items()) {
    if (k == "MetadataDirective" && operation != "CopyObject") continue;
    if (k == "ChecksumAlgorithm" && operation == "CreateMultipartUpload") continue;
    p[k] = v;
  }
  if (operation == "CopyObject" && p.contains("Metadata") && !p.contains("MetadataDirective")) p["MetadataDirective"] = "REPLACE";
  if (settings_.guess_mime_type && !settings_.content_type_given) {
    if (auto type = guess_content_type(name_for_type)) p["ContentType"] = *type;
  }
  return p;
}

bool Transfers::skip_glacier(const FileInfo& file) {
  if (settings_.force_glacier_transfer) return false;
  if ((file.storage_class != "GLACIER" && file.storage_class != "DEEP_ARCHIVE") || file.restored) return false;
  if (!settings_.ignore_glacier_warnings) {
    const std::string op = type_name(file.operation);
    printer_.warning("warning: Skipping file s3://" + file.src + ". Object is of storage class GLACIER. Unable to perform " + op +
                     " operations on GLACIER objects. You must restore the object to be able to perform the operation. See aws s3 " +
                     op + " help for additional parameter options to ignore or force these transfers.");
  }
  return true;
}

void Transfers::submit(const FileInfo& file) {
  auto job = std::make_shared<Job>();
  job->file = file;
  job->type = settings_.is_move ? "move" : type_name(file.operation);
  job->src_shown = shown(file.src, file.src_type);
  job->dest_shown = file.operation == Operation::Delete ? "" : shown(file.dest, file.dest_type);
  job->size = file.size.value_or(0);
  if (file.operation == Operation::Upload && job->size > 5ull * 1024 * 1024 * kMiB) {
    printer_.warning("warning: File " + job->src_shown + " exceeds s3 upload limit of 5.0 TiB.");
  }
  if ((file.operation == Operation::Download || file.operation == Operation::Copy) && skip_glacier(file)) return;
  if (file.operation == Operation::Download) {
    const std::string key = file.compare_key;
    if (key.rfind("../", 0) == 0 || key == "..") {
      printer_.warning("warning: Skipping file " + key + ". File references a parent directory.");
      return;
    }
  }
  if (settings_.dryrun) {
    printer_.dry_run(job->type, job->src_shown, job->dest_shown);
    return;
  }
  printer_.queued(file.operation == Operation::Delete ? 0 : job->size);
  switch (file.operation) {
    case Operation::Upload: return upload(job);
    case Operation::Download: return download(job);
    case Operation::Copy: return copy(job);
    case Operation::Delete: return remove(job);
  }
}

void Transfers::finish(const std::shared_ptr<Job>& job, const std::string& error) {
  const auto left = job->size > job->reported ? job->size - job->reported : 0;
  if (!error.empty()) {
    printer_.failure(job->type, job->src_shown, job->dest_shown, error, left);
    return;
  }
  if (left > 0) printer_.progress(left);
  job->reported = job->size;
  if (!settings_.is_move) {
    printer_.success(job->type, job->src_shown, job->dest_shown);
    return;
  }
  // mv: the source goes once the copy is in place.
  if (job->file.src_type == Side::Local) {
    if (::unlink(job->file.src.c_str()) != 0) return printer_.failure(job->type, job->src_shown, job->dest_shown, errno_text(job->file.src), 0);
    return printer_.success(job->type, job->src_shown, job->dest_shown);
  }
  const auto [bucket, key] = split_bucket_key(job->file.src);
  pump_.submit(source_request("DeleteObject", Json{{"Bucket", bucket}, {"Key", key}}), [this, job](client::CallResult r) {
    if (r.ok()) printer_.success(job->type, job->src_shown, job->dest_shown);
    else printer_.failure(job->type, job->src_shown, job->dest_shown, r.error_text(), 0);
  });
}

void Transfers::upload(std::shared_ptr<Job> job) {
  if (job->size > settings_.multipart_threshold) return upload_multipart(job);
  const auto [bucket, key] = split_bucket_key(job->file.dest);
  Json params = object_params("PutObject", job->file.src);
  params["Bucket"] = bucket;
  params["Key"] = key;
  const std::string path = job->file.src;
  const auto size = job->size;
  pump_.submit(
      request("PutObject", std::move(params)), [this, job](client::CallResult r) { finish(job, r.ok() ? "" : r.error_text()); },
      [path, size](client::CallRequest& req) -> Result<void> {
        auto data = read_range(path, 0, size);
        if (!data) return make_error(data.error().message);
        req.params["Body"] = std::move(*data);
        return {};
      });
}

void Transfers::upload_multipart(std::shared_ptr<Job> job) {
  const auto [bucket, key] = split_bucket_key(job->file.dest);
  const bool copying = job->file.operation == Operation::Copy;
  Json params = object_params("CreateMultipartUpload", copying ? split_bucket_key(job->file.src).key : job->file.src);
  params["Bucket"] = bucket;
  params["Key"] = key;
  job->chunk = detail::part_size(job->size, settings_.chunk_size);
  job->parts_total = static_cast<std::size_t>(job->size / job->chunk + (job->size % job->chunk ? 1 : 0));
  job->parts = Json::array();
  for (std::size_t i = 0; i < job->parts_total; ++i) job->parts.push_back(nullptr);
  pump_.submit(request("CreateMultipartUpload", std::move(params)), [this, job, bucket, key, copying](client::CallResult r) {
    if (!r.ok()) return finish(job, r.error_text());
    job->upload_id = (*r.output).value("UploadId", "");
    auto after_part = [this, job, bucket, key](std::size_t i, const client::CallResult& pr, const std::string& etag) {
      ++job->parts_finished;
      if (!pr.ok() && !job->failed) {
        job->failed = true;
        job->error = pr.error_text();
      }
      if (pr.ok()) {
        job->parts[i] = Json{{"ETag", etag}, {"PartNumber", static_cast<int>(i + 1)}};
        const auto bytes = std::min<std::uint64_t>(job->chunk, job->size - i * job->chunk);
        job->reported += bytes;
        printer_.progress(bytes);
      }
      if (job->parts_finished < job->parts_total) return;
      Json ids{{"Bucket", bucket}, {"Key", key}, {"UploadId", job->upload_id}};
      if (job->failed) {
        // Leave no half-made upload behind (it would be billed as storage).
        pump_.submit(request("AbortMultipartUpload", ids), [this, job](client::CallResult) { finish(job, job->error); });
        return;
      }
      ids["MultipartUpload"] = Json{{"Parts", job->parts}};
      pump_.submit(request("CompleteMultipartUpload", ids), [this, job](client::CallResult cr) { finish(job, cr.ok() ? "" : cr.error_text()); });
    };
    for (std::size_t i = 0; i < job->parts_total; ++i) {
      const auto offset = i * job->chunk;
      const auto length = std::min<std::uint64_t>(job->chunk, job->size - offset);
      Json part{{"Bucket", bucket}, {"Key", key}, {"PartNumber", static_cast<int>(i + 1)}, {"UploadId", job->upload_id}};
      if (copying) {
        const auto src = split_bucket_key(job->file.src);
        part["CopySource"] = copy_source(src.bucket, src.key);
        part["CopySourceRange"] = "bytes=" + std::to_string(offset) + "-" + std::to_string(offset + length - 1);
        pump_.submit(request("UploadPartCopy", std::move(part)), [after_part, i](client::CallResult pr) {
          const std::string etag = pr.ok() && pr.output->contains("CopyPartResult") ? (*pr.output)["CopyPartResult"].value("ETag", "") : "";
          after_part(i, pr, etag);
        });
        continue;
      }
      const std::string path = job->file.src;
      pump_.submit(
          request("UploadPart", std::move(part)),
          [after_part, i](client::CallResult pr) { after_part(i, pr, pr.ok() ? (*pr.output).value("ETag", "") : ""); },
          [path, offset, length](client::CallRequest& req) -> Result<void> {
            auto data = read_range(path, offset, length);
            if (!data) return make_error(data.error().message);
            req.params["Body"] = std::move(*data);
            return {};
          });
    }
  });
}

void Transfers::download(std::shared_ptr<Job> job) {
  if (auto made = make_dirs(parent_of(job->file.dest)); !made) return finish(job, made.error().message);
  job->temp_path = temp_name(job->file.dest);
  job->fd = ::open(job->temp_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (job->fd < 0) return finish(job, errno_text(job->temp_path));
  const auto [bucket, key] = split_bucket_key(job->file.src);
  job->chunk = job->size > settings_.multipart_threshold ? detail::part_size(job->size, settings_.chunk_size) : std::max<std::uint64_t>(job->size, 1);
  job->parts_total = job->size > settings_.multipart_threshold ? static_cast<std::size_t>((job->size + job->chunk - 1) / job->chunk) : 1;
  auto done_part = [this, job](const client::CallResult& r, std::uint64_t offset) {
    ++job->parts_finished;
    if (!r.ok() && !job->failed) {
      job->failed = true;
      job->error = r.error_text();
    }
    if (r.ok() && !job->failed) {
      const auto& body = (*r.output).value("Body", std::string());
      std::size_t written = 0;
      while (written < body.size()) {
        const auto n = ::pwrite(job->fd, body.data() + written, body.size() - written, static_cast<off_t>(offset + written));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
          job->failed = true;
          job->error = errno_text(job->file.dest);
          break;
        }
        written += static_cast<std::size_t>(n);
      }
      job->reported += body.size();
      printer_.progress(body.size());
    }
    if (job->parts_finished < job->parts_total) return;
    const bool closed = ::close(job->fd) == 0;
    job->fd = -1;
    if (!job->failed && !closed) {
      job->failed = true;
      job->error = errno_text(job->file.dest);
    }
    if (!job->failed && ::rename(job->temp_path.c_str(), job->file.dest.c_str()) != 0) {
      job->failed = true;
      job->error = errno_text(job->file.dest);
    }
    if (job->failed) {
      ::unlink(job->temp_path.c_str());
      return finish(job, job->error);
    }
    if (job->file.last_update) {
      // The file keeps the object's time, so a later sync sees it as up to date.
      const auto secs = protocol::unix_seconds(*job->file.last_update);
      const struct timespec times[2] = {{static_cast<time_t>(secs), 0}, {static_cast<time_t>(secs), 0}};
      if (::utimensat(AT_FDCWD, job->file.dest.c_str(), times, 0) != 0) {
        printer_.warning("warning: Skipping file " + job->file.dest + ". Successfully Downloaded " + job->file.dest +
                         " but was unable to update the last modified time. " + errno_text(job->file.dest));
      }
    }
    finish(job, "");
  };
  for (std::size_t i = 0; i < job->parts_total; ++i) {
    Json params{{"Bucket", bucket}, {"Key", key}};
    const std::uint64_t offset = i * job->chunk;
    if (job->parts_total > 1) {
      const auto last = std::min(job->size, offset + job->chunk) - 1;
      params["Range"] = "bytes=" + std::to_string(offset) + "-" + std::to_string(last);
    }
    if (settings_.checksum_mode) params["ChecksumMode"] = *settings_.checksum_mode;
    pump_.submit(request("GetObject", std::move(params)), [done_part, offset](client::CallResult r) { done_part(r, offset); });
  }
}

void Transfers::copy(std::shared_ptr<Job> job) {
  if (job->size > kMaxCopySize) return upload_multipart(job);
  const auto [bucket, key] = split_bucket_key(job->file.dest);
  const auto src = split_bucket_key(job->file.src);
  Json params = object_params("CopyObject", src.key);
  params["Bucket"] = bucket;
  params["Key"] = key;
  params["CopySource"] = copy_source(src.bucket, src.key);
  pump_.submit(request("CopyObject", std::move(params)), [this, job](client::CallResult r) { finish(job, r.ok() ? "" : r.error_text()); });
}

void Transfers::remove(std::shared_ptr<Job> job) {
  if (job->file.src_type == Side::Local) {
    if (::unlink(job->file.src.c_str()) != 0) return finish(job, errno_text(job->file.src));
    return finish(job, "");
  }
  const auto [bucket, key] = split_bucket_key(job->file.src);
  pump_.submit(request("DeleteObject", Json{{"Bucket", bucket}, {"Key", key}}),
               [this, job](client::CallResult r) { finish(job, r.ok() ? "" : r.error_text()); });
}

}  // namespace drc::aws::s3
