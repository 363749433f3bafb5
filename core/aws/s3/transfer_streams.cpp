// cp - s3://... and cp s3://... -: the transfers whose other end is a stream, not a file.
#include "aws/s3/transfers.hpp"

#include <algorithm>
#include <istream>
#include <ostream>

#include "aws/s3/paths.hpp"
#include "aws/s3/transfer_job.hpp"

namespace drc::aws::s3 {

using Json = nlohmann::ordered_json;

namespace {
constexpr std::size_t kStreamWindow = 4;  // parts of standard input held at once
}  // namespace

void Transfers::upload_stream(std::istream& in, const std::string& bucket, const std::string& key,
                              std::optional<std::uint64_t> expected_size) {
  auto job = std::make_shared<Job>();
  job->type = "upload";
  job->src_shown = "-";
  job->dest_shown = std::string(kScheme) + bucket + "/" + key;
  job->in = &in;
  job->chunk = detail::part_size(expected_size.value_or(0), settings_.chunk_size);
  std::string first(settings_.multipart_threshold, '\0');
  in.read(first.data(), static_cast<std::streamsize>(first.size()));
  first.resize(static_cast<std::size_t>(in.gcount()));
  if (first.size() < settings_.multipart_threshold) {
    job->size = first.size();
    Json params = object_params("PutObject", "");
    params["Bucket"] = bucket;
    params["Key"] = key;
    params["Body"] = std::move(first);
    pump_.submit(request("PutObject", std::move(params)), [this, job](client::CallResult r) { finish(job, r.ok() ? "" : r.error_text()); });
    return;
  }
  // Larger than one part: a multipart upload fed in order, a few parts of input held at a time.
  Json params = object_params("CreateMultipartUpload", "");
  params["Bucket"] = bucket;
  params["Key"] = key;
  auto pending_first = std::make_shared<std::string>(std::move(first));
  pump_.submit(request("CreateMultipartUpload", std::move(params)), [this, job, bucket, key, pending_first](client::CallResult r) {
    if (!r.ok()) return finish(job, r.error_text());
    job->upload_id = (*r.output).value("UploadId", "");
    auto send_next = std::make_shared<std::function<void()>>();
    *send_next = [this, job, bucket, key, pending_first, send_next] {
      while (!job->input_done && job->parts_sent - job->parts_finished < kStreamWindow) {
        std::string data;
        if (!pending_first->empty()) {
          data = std::move(*pending_first);
          pending_first->clear();
        } else {
          data.assign(job->chunk, '\0');
          job->in->read(data.data(), static_cast<std::streamsize>(data.size()));
          data.resize(static_cast<std::size_t>(job->in->gcount()));
        }
        if (data.size() < job->chunk) job->input_done = true;
        if (data.empty()) break;
        const auto number = static_cast<int>(++job->parts_sent);
        job->size += data.size();
        const auto bytes = data.size();
        Json part{{"Bucket", bucket}, {"Key", key}, {"PartNumber", number}, {"UploadId", job->upload_id}, {"Body", std::move(data)}};
        pump_.submit(request("UploadPart", std::move(part)), [this, job, bucket, key, number, bytes, send_next](client::CallResult pr) {
          ++job->parts_finished;
          if (!pr.ok() && !job->failed) {
            job->failed = true;
            job->error = pr.error_text();
          }
          if (pr.ok()) {
            job->parts.push_back(Json{{"ETag", (*pr.output).value("ETag", "")}, {"PartNumber", number}});
            job->reported += bytes;
            printer_.progress(bytes);
          }
          if (!job->failed) (*send_next)();
          if (job->parts_finished < job->parts_sent || (!job->input_done && !job->failed)) return;
          *send_next = nullptr;  // it holds itself: let it go once the input is spent
          Json ids{{"Bucket", bucket}, {"Key", key}, {"UploadId", job->upload_id}};
          if (job->failed) {
            pump_.submit(request("AbortMultipartUpload", ids), [this, job](client::CallResult) { finish(job, job->error); });
            return;
          }
          std::sort(job->parts.begin(), job->parts.end(),
                    [](const Json& a, const Json& b) { return a["PartNumber"].get<int>() < b["PartNumber"].get<int>(); });
          ids["MultipartUpload"] = Json{{"Parts", job->parts}};
          pump_.submit(request("CompleteMultipartUpload", ids), [this, job](client::CallResult cr) { finish(job, cr.ok() ? "" : cr.error_text()); });
        });
      }
    };
    (*send_next)();
  });
}

void Transfers::download_stream(std::ostream& out, const std::string& bucket, const std::string& key) {
  auto job = std::make_shared<Job>();
  job->type = "download";
  job->src_shown = std::string(kScheme) + bucket + "/" + key;
  job->dest_shown = "-";
  job->out = &out;
  pump_.submit(request("HeadObject", Json{{"Bucket", bucket}, {"Key", key}}), [this, job, bucket, key](client::CallResult head) {
    if (!head.ok()) return finish(job, head.error_text());
    job->size = (*head.output).value("ContentLength", std::uint64_t{0});
    job->chunk = settings_.chunk_size;
    // One range at a time, so the bytes reach the output in order.
    auto next = std::make_shared<std::function<void(std::uint64_t)>>();
    *next = [this, job, bucket, key, next](std::uint64_t offset) {
      Json params{{"Bucket", bucket}, {"Key", key}};
      if (job->size > 0) {
        params["Range"] = "bytes=" + std::to_string(offset) + "-" + std::to_string(std::min(job->size, offset + job->chunk) - 1);
      }
      pump_.submit(request("GetObject", std::move(params)), [this, job, offset, next](client::CallResult r) {
        if (!r.ok()) {
          *next = nullptr;  // it holds itself: let it go at the end
          return finish(job, r.error_text());
        }
        const auto& body = (*r.output).value("Body", std::string());
        job->out->write(body.data(), static_cast<std::streamsize>(body.size()));
        job->out->flush();
        job->reported += body.size();
        const auto after = offset + job->chunk;
        if (job->size > 0 && after < job->size) return (*next)(after);
        *next = nullptr;
        finish(job, "");
      });
    };
    (*next)(0);
  });
}

}  // namespace drc::aws::s3
