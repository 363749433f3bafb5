#include "aws/s3/s3_commands.hpp"

#include <sys/stat.h>

#include <functional>
#include <future>
#include <istream>
#include <optional>
#include <ostream>

#include "aws/s3/call_pump.hpp"
#include "aws/s3/file_plan.hpp"
#include "aws/s3/listing.hpp"
#include "aws/s3/paths.hpp"
#include "aws/s3/result_printer.hpp"
#include "aws/s3/transfers.hpp"

namespace drc::aws::s3 {

namespace {

using Json = nlohmann::ordered_json;

constexpr int kFailed = 1;
constexpr int kCannotStart = 255;
constexpr std::size_t kMaxInFlight = 10;  // the CLI's max_concurrent_requests

client::CallRequest s3_request(const std::string& operation, Json params) {
  client::CallRequest r;
  r.service = "s3";
  r.operation = operation;
  r.params = std::move(params);
  return r;
}

// Where the calls about one side of a command go, and the SSE-C key its HeadObject needs.
struct SideTarget {
  std::string region;  // empty: the command's region and endpoint
  CustomerKey key;

  client::CallRequest request(const std::string& operation, Json params) const {
    if (operation == "HeadObject") add_customer_key(params, key, "SSECustomer");
    auto r = s3_request(operation, std::move(params));
    if (!region.empty()) {
      // As the CLI's source client: made for that region with no endpoint URL of the command line's.
      r.region = region;
      r.use_endpoint_flag = false;
    }
    return r;
  }
};

protocol::AwsTime time_of(const Json& v) { return protocol::parse_timestamp(v).value_or(protocol::AwsTime{}); }

client::CallResult call_now(CallPump& pump, client::CallRequest req) {
  client::CallResult out;
  pump.submit(std::move(req), [&out](client::CallResult r) { out = std::move(r); });
  pump.run();
  return out;
}

// Every page of a listing, one after another; false (with the call's error) when a page failed.
bool each_page(CallPump& pump, client::CallRequest first, const std::function<void(const Json&)>& on_page, std::string& error) {
  bool ok = true;
  const client::CallRequest first_request = first;
  std::function<void(client::CallRequest)> ask = [&](client::CallRequest req) {
    auto params = req.params;
    pump.submit(std::move(req), [&, params](client::CallResult r) {
      if (!r.ok()) {
        ok = false;
        error = r.error_text();
        return;
      }
      on_page(*r.output);
      // ListObjectsV2 and ListBuckets both page by ContinuationToken.
      const std::string token = (*r.output).value("NextContinuationToken", (*r.output).value("ContinuationToken", std::string()));
      const bool more = (*r.output).value("IsTruncated", !token.empty());
      if (!more || token.empty() || params.value("ContinuationToken", std::string()) == token) return;
      auto next = first_request;
      next.params = params;
      next.params["ContinuationToken"] = token;
      ask(std::move(next));
    });
  };
  ask(std::move(first));
  pump.run();
  return ok;
}

// The CLI's ValueError for a path its s3 commands cannot address; true when it was refused.
bool refuse_unsupported(const std::string& path, S3Io& io) {
  const auto why = unsupported_resource(path);
  if (why) io.err << '\n' << *why << '\n';
  return why.has_value();
}

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

int transfer_command(client::AwsClient& client, const S3Args& a, S3Io& io);

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

std::string usage_of(const std::string& command) {
  if (command == "rm") return "<S3Uri>";
  return "<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>";
}

// The CLI's checks of the SSE-C options: each key with its algorithm, and a copy source's only in a copy.
std::optional<std::string> customer_key_problem(const S3Args& a, const std::string& types) {
  for (const auto& [key, option] : {std::pair<const CustomerKey&, std::string>{a.sse_c, "--sse-c"}, {a.sse_c_copy_source, "--sse-c-copy-source"}}) {
    if (key.given() && key.key.empty()) return "It " + option + " is specified, " + option + "-key must be specified as well.";
    if (!key.given() && !key.key.empty()) return "It " + option + "-key is specified, " + option + " must be specified as well.";
  }
  if (a.sse_c_copy_source.given() && types != "s3s3") return std::string("--sse-c-copy-source is only supported for copy operations.");
  return std::nullopt;
}

bool exists(const std::string& p) {
  struct stat st {};
  return ::stat(p.c_str(), &st) == 0;
}

// The source (or, for sync, destination) side's files, as FileInfos placed against `f`.
bool list_side(CallPump& pump, const FormattedPaths& f, Operation op, bool deleting, const S3Args& a, const SideTarget& target,
               ResultPrinter& printer, std::vector<FileInfo>& out, std::string& error) {
  if (f.src_type == Side::Local) {
    std::vector<std::string> warnings;
    for (auto& lf : list_local(f.src, f.dir_op, a.follow_symlinks, warnings)) {
      FileInfo fi;
      fi.src = lf.path;
      fi.size = lf.size;
      fi.last_update = lf.mtime;
      fi.operation = op;
      place(f, fi);
      out.push_back(std::move(fi));
    }
    for (const auto& w : warnings) printer.warning(w);
    return true;
  }
  const auto [bucket, prefix] = split_bucket_key(f.src);
  if (!f.dir_op && !prefix.empty()) {
    FileInfo fi;
    fi.src = f.src;
    fi.operation = op;
    if (!deleting) {
      // One object: its size and time from HeadObject.
      Json params{{"Bucket", bucket}, {"Key", prefix}};
      if (a.request_payer) params["RequestPayer"] = *a.request_payer;
      auto r = call_now(pump, target.request("HeadObject", params));
      if (!r.ok()) {
        error = r.http_status == 404 || (r.error && r.error->code == "404")
                    ? "An error occurred (404) when calling the HeadObject operation: Key \"" + prefix + "\" does not exist"
                    : r.error_text();
        return false;
      }
      fi.size = (*r.output).value("ContentLength", std::uint64_t{0});
      fi.last_update = time_of((*r.output)["LastModified"]);
      fi.storage_class = (*r.output).value("StorageClass", "");
      fi.restored = (*r.output).value("Restore", "").find("ongoing-request=\"false\"") != std::string::npos;
    }
    place(f, fi);
    out.push_back(std::move(fi));
    return true;
  }
  Json params{{"Bucket", bucket}, {"Prefix", prefix}};
  if (a.page_size) params["MaxKeys"] = *a.page_size;
  if (a.request_payer) params["RequestPayer"] = *a.request_payer;
  const std::string whole = f.src;
  return each_page(pump, target.request("ListObjectsV2", params), [&](const Json& page) {
    for (const auto& c : page.value("Contents", Json::array())) {
      const std::string key = c.value("Key", "");
      const auto size = c.value("Size", std::uint64_t{0});
      const std::string path = bucket + "/" + key;
      // "Directory" placeholder objects are deleted but never copied; without --recursive only the exact key.
      if (size == 0 && !key.empty() && key.back() == '/' && !deleting) continue;
      if (!f.dir_op && path != whole) continue;
      FileInfo fi;
      fi.src = path;
      fi.size = size;
      fi.last_update = time_of(c["LastModified"]);
      fi.storage_class = c.value("StorageClass", "");
      fi.operation = op;
      place(f, fi);
      out.push_back(std::move(fi));
    }
  }, error);
}

int transfer_command(client::AwsClient& client, const S3Args& a, S3Io& io) {
  std::vector<std::string> paths = a.paths;
  std::string types;
  for (const auto& p : paths) types += is_s3_uri(p) ? "s3" : "local";
  const bool two = a.command != "rm";
  const bool valid = two ? (types == "s3s3" || types == "s3local" || types == "locals3") : types == "s3";
  if (!valid) {
    io.err << "\nusage: aws s3 " << a.command << " " << usage_of(a.command) << "\nError: Invalid argument type\n";
    return kCannotStart;
  }
  for (const auto& p : paths) {
    if (is_s3_uri(p) && refuse_unsupported(p, io)) return kCannotStart;
  }
  for (auto& p : paths) {
    // s3://bucket means the whole bucket: s3://bucket/.
    if (is_s3_uri(p) && split_bucket_key(p).key.empty() && p.back() != '/') p += '/';
  }
  const std::string src = paths[0];
  const std::string dest = two ? paths[1] : paths[0];
  const bool dir_op = a.recursive || a.command == "sync";
  const bool stream = src == "-" || dest == "-";
  if (stream && (a.command != "cp" || dir_op)) {
    io.err << "\nStreaming currently is only compatible with non-recursive cp commands\n";
    return kCannotStart;
  }
  if (a.command == "mv" && types == "s3s3") {
    // The CLI's _same_path: the same object, or a folder destination that names the source again.
    const bool same = src == dest || (dest.back() == '/' && dest + src.substr(src.rfind('/') + 1) == src);
    if (same) {
      io.err << "\nCannot mv a file onto itself: " << src << " - " << dest << '\n';
      return kCannotStart;
    }
  }
  if (types == "locals3" && !stream && !exists(src)) {
    io.err << "\nThe user-provided path " << src << " does not exist.\n";
    return kCannotStart;
  }
  if (types == "s3local" && dir_op && !exists(dest)) ::mkdir(dest.c_str(), 0777);
  if (auto bad = customer_key_problem(a, types)) {
    io.err << '\n' << *bad << '\n';
    return kCannotStart;
  }

  Verbosity v = a.quiet ? Verbosity::Quiet : (a.only_show_errors || stream) ? Verbosity::OnlyErrors : a.no_progress ? Verbosity::NoProgress : Verbosity::All;
  ResultPrinter printer(io.out, io.err, v, io.out_is_terminal);
  CallPump pump(client, kMaxInFlight);
  TransferSettings settings;
  settings.object_params = a.object_params;
  settings.guess_mime_type = a.guess_mime_type;
  settings.content_type_given = a.content_type_given;
  settings.request_payer = a.request_payer;
  settings.checksum_mode = a.checksum_mode;
  settings.is_move = a.command == "mv";
  settings.dryrun = a.dryrun;
  settings.force_glacier_transfer = a.force_glacier_transfer;
  settings.ignore_glacier_warnings = a.ignore_glacier_warnings;
  settings.sse_c = a.sse_c;
  settings.sse_c_copy_source = a.sse_c_copy_source;
  if (types == "s3s3") settings.source_region = a.source_region;
  Transfers transfers(pump, printer, settings);

  if (stream) {
    if (a.dryrun) {
      printer.dry_run(types == "locals3" ? "upload" : "download", src == "-" ? "-" : src, dest == "-" ? "-" : dest);
      return 0;
    }
    if (src == "-") {
      const auto [bucket, key] = split_bucket_key(dest);
      std::optional<std::uint64_t> expected;
      if (a.expected_size) expected = static_cast<std::uint64_t>(*a.expected_size);
      transfers.upload_stream(io.in, bucket, key, expected);
    } else {
      const auto [bucket, key] = split_bucket_key(src);
      transfers.download_stream(io.out, bucket, key);
    }
    printer.all_queued();
    pump.run();
    printer.finish();
    return printer.exit_code();
  }

  const Operation op = types == "locals3" ? Operation::Upload : types == "s3local" ? Operation::Download
                                                           : types == "s3s3"      ? Operation::Copy
                                                                                  : Operation::Delete;
  const auto files = format_paths(src, dest, dir_op);
  const PathFilter filter(a.filters, src, dest, dir_op);
  std::vector<FileInfo> listed;
  std::string error;
  // The source's HeadObject decrypts with the copy source's key in a copy, else with --sse-c-key.
  const SideTarget source{settings.source_region, types == "s3s3" ? a.sse_c_copy_source : a.sse_c};
  if (!list_side(pump, files, op, op == Operation::Delete, a, source, printer, listed, error)) {
    printer.fatal(error);
    printer.finish();
    return printer.exit_code();
  }
  std::vector<FileInfo> chosen;
  for (auto& f : listed) {
    if (filter.keep(f)) chosen.push_back(std::move(f));
  }
  if (a.command == "sync") {
    const auto reverse = format_paths(dest, src, dir_op);
    std::vector<FileInfo> at_dest, kept;
    if (!list_side(pump, reverse, op, false, a, SideTarget{}, printer, at_dest, error)) {
      printer.fatal(error);
      printer.finish();
      return printer.exit_code();
    }
    for (auto& f : at_dest) {
      if (filter.keep(f)) kept.push_back(std::move(f));
    }
    chosen = compare_for_sync(chosen, kept, SyncStrategy{a.delete_removed, a.size_only, a.exact_timestamps});
  }
  for (const auto& f : chosen) transfers.submit(f);
  printer.all_queued();
  pump.run();
  printer.finish();
  return printer.exit_code();
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

}  // namespace

int run_s3_command(client::AwsClient& client, const S3Args& args, S3Io io) {
  if (args.command == "ls") return ls(client, args, io);
  if (args.command == "mb") return make_bucket(client, args, io);
  if (args.command == "rb") return remove_bucket(client, args, io);
  if (args.command == "presign") return presign(client, args, io);
  if (args.command == "website") return website(client, args, io);
  return transfer_command(client, args, io);
}

}  // namespace drc::aws::s3
