#include "aws/s3/s3_commands.hpp"

#include <sys/stat.h>

#include <functional>
#include <istream>
#include <optional>
#include <ostream>

#include "aws/s3/call_pump.hpp"
#include "aws/s3/command_parts.hpp"
#include "aws/s3/file_plan.hpp"
#include "aws/s3/paths.hpp"
#include "aws/s3/result_printer.hpp"
#include "aws/s3/transfers.hpp"

namespace drc::aws::s3 {

namespace {

using Json = nlohmann::ordered_json;

using namespace detail;

constexpr std::size_t kMaxInFlight = 10;  // the CLI's max_concurrent_requests

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

}  // namespace

namespace detail {

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

}  // namespace detail

int run_s3_command(client::AwsClient& client, const S3Args& args, S3Io io) {
  if (args.command == "ls") return detail::ls(client, args, io);
  if (args.command == "mb") return detail::make_bucket(client, args, io);
  if (args.command == "rb") return detail::remove_bucket(client, args, io);
  if (args.command == "presign") return detail::presign(client, args, io);
  if (args.command == "website") return detail::website(client, args, io);
  return detail::transfer_command(client, args, io);
}

}  // namespace drc::aws::s3
