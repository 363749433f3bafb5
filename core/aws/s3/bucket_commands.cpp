#include "aws/s3/command_parts.hpp"

#include <future>
#include <ostream>

#include "aws/s3/listing.hpp"
#include "aws/s3/paths.hpp"

namespace drc::aws::s3::detail {

using Json = nlohmann::ordered_json;

int ls(client::AwsClient& client, const S3Args& a, S3Io& io) {
  if (refuse_unsupported(a.paths.at(0), io)) return kCannotStart;
  CallPump pump(client, 1);
  const auto [bucket, key] = split_bucket_key(a.paths.at(0));
  std::uint64_t objects = 0, bytes = 0;
  bool saw_empty_page = false, saw_entries = false;
  std::string error;
  bool ok = true;
  if (bucket.empty()) {
    Json params = Json::object();
    if (a.page_size) params["MaxBuckets"] = *a.page_size;
    if (!a.bucket_name_prefix.empty()) params["Prefix"] = a.bucket_name_prefix;
    if (!a.bucket_region.empty()) params["BucketRegion"] = a.bucket_region;
    ok = each_page(pump, s3_request("ListBuckets", params), [&](const Json& page) {
      for (const auto& b : page.value("Buckets", Json::array())) io.out << bucket_line(time_of(b["CreationDate"]), b.value("Name", ""));
    }, error);
  } else {
    Json params{{"Bucket", bucket}, {"Prefix", key}};
    if (!a.recursive) params["Delimiter"] = "/";
    if (a.page_size) params["MaxKeys"] = *a.page_size;
    if (a.request_payer) params["RequestPayer"] = *a.request_payer;
    ok = each_page(pump, s3_request("ListObjectsV2", params), [&](const Json& page) {
      const auto prefixes = page.value("CommonPrefixes", Json::array());
      const auto contents = page.value("Contents", Json::array());
      if (prefixes.empty() && contents.empty()) {
        saw_empty_page = true;
        return;
      }
      saw_entries = true;
      for (const auto& p : prefixes) io.out << prefix_line(p.value("Prefix", ""));
      for (const auto& c : contents) {
        const auto size = c.value("Size", std::uint64_t{0});
        std::string name = c.value("Key", "");
        if (!a.recursive) name = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
        io.out << object_line(time_of(c["LastModified"]), size, name, a.human_readable);
        ++objects;
        bytes += size;
      }
    }, error);
  }
  io.out << std::flush;
  if (!ok) {
    io.err << '\n' << error << '\n';
    return kCannotStart;
  }
  if (a.summarize) io.out << summary_lines(objects, bytes, a.human_readable) << std::flush;
  // A key that matched nothing is a failure; an empty bucket is not.
  return !key.empty() && saw_empty_page && !saw_entries ? kFailed : 0;
}

int make_bucket(client::AwsClient& client, const S3Args& a, S3Io& io) {
  const auto& path = a.paths.at(0);
  if (!is_s3_uri(path)) {
    io.err << "\n<S3Uri>\nError: Invalid argument type\n";
    return kCannotStart;
  }
  if (refuse_unsupported(path, io)) return kCannotStart;
  const auto bucket = split_bucket_key(path).bucket;
  Json params{{"Bucket", bucket}};
  Json config = Json::object();
  // us-east-1 takes no LocationConstraint (S3 refuses one naming it).
  const auto& region = client.default_region();
  if (!region.empty() && region != "us-east-1") config["LocationConstraint"] = region;
  if (!a.tags.empty()) config["Tags"] = a.tags;
  if (!config.empty()) params["CreateBucketConfiguration"] = config;
  auto r = client.call_sync(s3_request("CreateBucket", params));
  if (!r.ok()) {
    io.err << "make_bucket failed: " << path << " " << r.error_text() << '\n';
    return kFailed;
  }
  io.out << "make_bucket: " << bucket << '\n';
  return 0;
}

int remove_bucket(client::AwsClient& client, const S3Args& a, S3Io& io) {
  const auto& path = a.paths.at(0);
  if (!is_s3_uri(path)) {
    io.err << "\n<S3Uri>\nError: Invalid argument type\n";
    return kCannotStart;
  }
  if (refuse_unsupported(path, io)) return kCannotStart;
  const auto [bucket, key] = split_bucket_key(path);
  if (!key.empty()) {
    io.err << "\nPlease specify a valid bucket name only. E.g. s3://" << bucket << '\n';
    return kCannotStart;
  }
  if (a.force) {
    // rb --force: rm --recursive first, and no bucket removal if anything is left.
    S3Args rm;
    rm.command = "rm";
    rm.paths = {path};
    rm.recursive = true;
    if (transfer_command(client, rm, io) != 0) {
      io.err << "\nremove_bucket failed: Unable to delete all objects in the bucket, bucket will not be deleted.\n";
      return kCannotStart;
    }
  }
  auto r = client.call_sync(s3_request("DeleteBucket", Json{{"Bucket", bucket}}));
  if (!r.ok()) {
    io.err << "remove_bucket failed: " << path << " " << r.error_text() << '\n';
    return kFailed;
  }
  io.out << "remove_bucket: " << bucket << '\n';
  return 0;
}

// A GetObject URL anyone can use until it expires. Signed with SigV4 (as aws CLI v2 does, and v1 with
// s3.signature_version = s3v4): v1's default SigV2 URLs are refused by every region opened since 2014.
int presign(client::AwsClient& client, const S3Args& a, S3Io& io) {
  const auto [bucket, key] = split_bucket_key(a.paths.at(0));
  std::promise<Result<std::string>> signed_url;
  auto f = signed_url.get_future();
  client.presign(s3_request("GetObject", Json{{"Bucket", bucket}, {"Key", key}}), static_cast<int>(a.expires_in),
                 [&signed_url](Result<std::string> url) { signed_url.set_value(std::move(url)); });
  auto url = f.get();
  if (!url) {
    io.err << '\n' << url.error().message << '\n';
    return kCannotStart;
  }
  io.out << *url << '\n';
  return 0;
}

// website: the bucket's website configuration, put whole (an option not given is left out of it).
int website(client::AwsClient& client, const S3Args& a, S3Io& io) {
  std::string path = a.paths.at(0);
  if (is_s3_uri(path)) path = path.substr(kScheme.size());
  if (!path.empty() && path.back() == '/') path.pop_back();
  if (refuse_unsupported(path, io)) return kCannotStart;
  Json config = Json::object();
  if (a.index_document) config["IndexDocument"] = Json{{"Suffix", *a.index_document}};
  if (a.error_document) config["ErrorDocument"] = Json{{"Key", *a.error_document}};
  auto r = client.call_sync(s3_request("PutBucketWebsite", Json{{"Bucket", path}, {"WebsiteConfiguration", config}}));
  if (!r.ok()) {
    io.err << '\n' << r.error_text() << '\n';
    return kCannotStart;
  }
  return 0;
}

}  // namespace drc::aws::s3::detail
