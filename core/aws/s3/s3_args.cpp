#include "aws/s3/s3_args.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <vector>

#include "aws/cli/number_args.hpp"
#include "aws/cli/paramfile.hpp"
#include "aws/cli/shorthand.hpp"

namespace drc::aws::s3 {

namespace {

using Json = nlohmann::ordered_json;

enum class Kind { Flag, Value, OptionalValue, Many };

struct Option {
  Kind kind;
  std::set<std::string> commands;
  const char* constant = nullptr;  // OptionalValue: what a bare flag means
};

const std::set<std::string> kTransfer{"cp", "mv", "sync"};
const std::set<std::string> kRemoving{"cp", "mv", "sync", "rm"};
// Values the CLI takes as written even when they start with file:// (awscli's PARAMFILE_DISABLED, and
// the filters, which reach it as lists, and the integers, which argparse converts first).
const std::set<std::string> kNoParamfile{"website-redirect", "include", "exclude", "page-size", "expected-size", "expires-in"};

// The options of each subcommand, as awscli/customizations/s3/subcommands.py declares them.
const std::map<std::string, Option>& options() {
  static const std::map<std::string, Option> table = {
      {"recursive", {Kind::Flag, {"ls", "cp", "mv", "rm"}}},
      {"human-readable", {Kind::Flag, {"ls"}}},
      {"summarize", {Kind::Flag, {"ls"}}},
      {"bucket-name-prefix", {Kind::Value, {"ls"}}},
      {"bucket-region", {Kind::Value, {"ls"}}},
      {"page-size", {Kind::Value, {"ls", "cp", "mv", "rm", "sync"}}},
      {"request-payer", {Kind::OptionalValue, {"ls", "cp", "mv", "rm", "sync"}, "requester"}},
      {"dryrun", {Kind::Flag, kRemoving}},
      {"quiet", {Kind::Flag, kRemoving}},
      {"only-show-errors", {Kind::Flag, kRemoving}},
      {"include", {Kind::Value, kRemoving}},
      {"exclude", {Kind::Value, kRemoving}},
      {"no-progress", {Kind::Flag, kTransfer}},
      {"follow-symlinks", {Kind::Flag, kTransfer}},
      {"no-follow-symlinks", {Kind::Flag, kTransfer}},
      {"no-guess-mime-type", {Kind::Flag, kTransfer}},
      {"content-type", {Kind::Value, kTransfer}},
      {"acl", {Kind::Value, kTransfer}},
      {"grants", {Kind::Many, kTransfer}},
      {"sse", {Kind::OptionalValue, kTransfer, "AES256"}},
      {"sse-kms-key-id", {Kind::Value, kTransfer}},
      {"sse-c", {Kind::OptionalValue, kTransfer, "AES256"}},
      {"sse-c-key", {Kind::Value, kTransfer}},
      {"sse-c-copy-source", {Kind::OptionalValue, kTransfer, "AES256"}},
      {"sse-c-copy-source-key", {Kind::Value, kTransfer}},
      {"source-region", {Kind::Value, kTransfer}},
      {"storage-class", {Kind::Value, kTransfer}},
      {"website-redirect", {Kind::Value, kTransfer}},
      {"cache-control", {Kind::Value, kTransfer}},
      {"content-disposition", {Kind::Value, kTransfer}},
      {"content-encoding", {Kind::Value, kTransfer}},
      {"content-language", {Kind::Value, kTransfer}},
      {"expires", {Kind::Value, kTransfer}},
      {"metadata", {Kind::Value, kTransfer}},
      {"metadata-directive", {Kind::Value, kTransfer}},
      {"force-glacier-transfer", {Kind::Flag, kTransfer}},
      {"ignore-glacier-warnings", {Kind::Flag, kTransfer}},
      {"checksum-mode", {Kind::Value, kTransfer}},
      {"checksum-algorithm", {Kind::Value, kTransfer}},
      {"expected-size", {Kind::Value, {"cp"}}},
      {"delete", {Kind::Flag, {"sync"}}},
      {"exact-timestamps", {Kind::Flag, {"sync"}}},
      {"size-only", {Kind::Flag, {"sync"}}},
      {"force", {Kind::Flag, {"rb"}}},
      {"expires-in", {Kind::Value, {"presign"}}},
      {"tags", {Kind::Many, {"mb"}}},
      {"index-document", {Kind::Value, {"website"}}},
      {"error-document", {Kind::Value, {"website"}}},
  };
  return table;
}

// How many paths each subcommand takes: minimum, maximum.
std::pair<std::size_t, std::size_t> path_count(const std::string& command) {
  if (command == "ls") return {0, 1};
  if (command == "cp" || command == "mv" || command == "sync") return {2, 2};
  return {1, 1};
}

const char* const kCommands[] = {"ls", "website", "cp", "mv", "rm", "sync", "mb", "rb", "presign"};

struct Refused {
  ArgsError error;
};

long long integer(const std::string& v) {
  auto n = cli::python_int(v);
  if (!n) throw Refused{{255, n.error().message}};
  return *n;
}

void set_value(S3Args& a, const std::string& name, const std::vector<std::string>& words) {
  const std::string& v = words.front();
  auto& p = a.object_params;
  static const std::map<std::string, std::string> kMembers = {
      {"acl", "ACL"}, {"storage-class", "StorageClass"}, {"website-redirect", "WebsiteRedirectLocation"},
      {"content-type", "ContentType"}, {"cache-control", "CacheControl"}, {"content-disposition", "ContentDisposition"},
      {"content-encoding", "ContentEncoding"}, {"content-language", "ContentLanguage"}, {"expires", "Expires"},
      {"sse", "ServerSideEncryption"}, {"sse-kms-key-id", "SSEKMSKeyId"}, {"metadata-directive", "MetadataDirective"},
      {"checksum-algorithm", "ChecksumAlgorithm"}};
  if (auto m = kMembers.find(name); m != kMembers.end()) {
    p[m->second] = v;
    if (name == "content-type") a.content_type_given = true;
    return;
  }
  if (name == "page-size") a.page_size = integer(v);
  else if (name == "expected-size") a.expected_size = integer(v);
  else if (name == "expires-in") a.expires_in = integer(v);
  else if (name == "request-payer") a.request_payer = v;
  else if (name == "checksum-mode") a.checksum_mode = v;
  else if (name == "bucket-name-prefix") a.bucket_name_prefix = v;
  else if (name == "bucket-region") a.bucket_region = v;
  else if (name == "index-document") a.index_document = v;
  else if (name == "error-document") a.error_document = v;
  else if (name == "sse-c") a.sse_c.algorithm = v;
  else if (name == "sse-c-key") a.sse_c.key = v;
  else if (name == "sse-c-copy-source") a.sse_c_copy_source.algorithm = v;
  else if (name == "sse-c-copy-source-key") a.sse_c_copy_source.key = v;
  else if (name == "source-region") a.source_region = v;
  else if (name == "include" || name == "exclude") a.filters.push_back({name == "include", v});
  else if (name == "metadata") {
    // A map, as JSON or shorthand (key=value,key2=value2).
    Json m;
    const auto first = v.find_first_not_of(" \t");
    if (first != std::string::npos && v[first] == '{') {
      try {
        m = Json::parse(v);
      } catch (const std::exception& e) {
        throw Refused{{255, "Error parsing parameter '--metadata': Invalid JSON: " + std::string(e.what())}};
      }
    } else {
      auto parsed = cli::parse_shorthand(v);
      if (!parsed) throw Refused{{255, "Error parsing parameter '--metadata': " + parsed.error().message}};
      m = std::move(*parsed);
    }
    if (!m.is_object()) throw Refused{{255, "Error parsing parameter '--metadata': expected a map of strings"}};
    p["Metadata"] = m;
  } else if (name == "grants") {
    static const std::map<std::string, std::string> kGrants = {
        {"read", "GrantRead"}, {"full", "GrantFullControl"}, {"readacl", "GrantReadACP"}, {"writeacl", "GrantWriteACP"}};
    for (const auto& g : words) {
      const auto eq = g.find('=');
      if (eq == std::string::npos) throw Refused{{255, "grants should be of the form permission=principal"}};
      const auto it = kGrants.find(g.substr(0, eq));
      if (it == kGrants.end()) throw Refused{{255, "permission must be one of: read|readacl|writeacl|full"}};
      p[it->second] = g.substr(eq + 1);
    }
  } else if (name == "tags") {
    a.tags.push_back({{"Key", words[0]}, {"Value", words[1]}});
  }
}

void set_flag(S3Args& a, const std::string& name) {
  if (name == "recursive") a.recursive = true;
  else if (name == "human-readable") a.human_readable = true;
  else if (name == "summarize") a.summarize = true;
  else if (name == "dryrun") a.dryrun = true;
  else if (name == "quiet") a.quiet = true;
  else if (name == "only-show-errors") a.only_show_errors = true;
  else if (name == "no-progress") a.no_progress = true;
  else if (name == "follow-symlinks") a.follow_symlinks = true;
  else if (name == "no-follow-symlinks") a.follow_symlinks = false;
  else if (name == "no-guess-mime-type") a.guess_mime_type = false;
  else if (name == "force-glacier-transfer") a.force_glacier_transfer = true;
  else if (name == "ignore-glacier-warnings") a.ignore_glacier_warnings = true;
  else if (name == "delete") a.delete_removed = true;
  else if (name == "exact-timestamps") a.exact_timestamps = true;
  else if (name == "size-only") a.size_only = true;
  else if (name == "force") a.force = true;
}

// The values argparse lets an option with choices take.
const std::vector<std::string>& choices_of(const std::string& option) {
  static const std::map<std::string, std::vector<std::string>> kChoices = {
      {"sse", {"AES256", "aws:kms"}}, {"sse-c", {"AES256"}}, {"sse-c-copy-source", {"AES256"}},
      {"request-payer", {"requester"}}};
  static const std::vector<std::string> none;
  const auto it = kChoices.find(option);
  return it == kChoices.end() ? none : it->second;
}

// difflib's SequenceMatcher matches: the longest common run (earliest in a, then in b), then the same
// on each side of it.
std::size_t matching_chars(std::string_view a, std::string_view b) {
  std::size_t bi = 0, bj = 0, bk = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < b.size(); ++j) {
      std::size_t k = 0;
      while (i + k < a.size() && j + k < b.size() && a[i + k] == b[j + k]) ++k;
      if (k > bk) bi = i, bj = j, bk = k;
    }
  }
  if (bk == 0) return 0;
  return bk + matching_chars(a.substr(0, bi), b.substr(0, bj)) + matching_chars(a.substr(bi + bk), b.substr(bj + bk));
}

// awscli's CLIArgParser._check_value: the choices, two to a line, and difflib's close matches.
std::string invalid_choice(const std::string& option, const std::string& value) {
  const auto& choices = choices_of(option);
  std::string out = "argument --" + option + ": Invalid choice, valid choices are:\n";
  for (std::size_t i = 0; i < choices.size(); i += 2) {
    std::string line;
    for (std::size_t j = i; j < std::min(i + 2, choices.size()); ++j) {
      std::string cell = choices[j];
      cell.resize(std::max<std::size_t>(cell.size(), 40), ' ');
      line += (j > i ? " | " : "") + cell;
    }
    out += "\n" + line;
  }
  std::vector<std::pair<double, std::string>> close;
  for (const auto& c : choices) {
    const double ratio = 2.0 * static_cast<double>(matching_chars(c, value)) / static_cast<double>(c.size() + value.size());
    if (ratio >= 0.8) close.push_back({ratio, c});
  }
  std::stable_sort(close.begin(), close.end(), [](const auto& x, const auto& y) { return x.first > y.first; });
  if (!close.empty()) {
    out += "\n\n\nInvalid choice: '" + value + "', maybe you meant:\n";
    for (std::size_t i = 0; i < close.size() && i < 3; ++i) out += "\n  * " + close[i].second;
  }
  return out;
}

// argparse's nargs='?': the next word is the value unless it looks like an option ("-" alone is a value).
bool takes_word(const std::string& word) { return !(word.size() > 1 && word[0] == '-'); }

std::string choices() {
  // argparse's two-column list of the valid subcommands.
  std::string out = "argument subcommand: Invalid choice, valid choices are:\n";
  const std::size_t n = std::size(kCommands);
  for (std::size_t i = 0; i < n; i += 2) {
    std::string left = kCommands[i];
    if (i + 1 < n) {
      left.resize(41, ' ');
      out += left + "| " + std::string(kCommands[i + 1]) + std::string(40 - std::string(kCommands[i + 1]).size(), ' ') + "\n";
    } else {
      left.resize(40, ' ');
      out += left;
    }
  }
  return out;
}

}  // namespace

void add_customer_key(Json& params, const CustomerKey& key, const std::string& prefix) {
  if (!key.given()) return;
  params[prefix + "Algorithm"] = key.algorithm;
  params[prefix + "Key"] = key.key;
}

std::optional<std::string> s3_help(const std::vector<std::string>& args) {
  const bool flag = std::any_of(args.begin(), args.end(), [](const std::string& w) { return w == "--help" || w == "-h"; });
  if (!flag && !(args.size() == 1 && args[0] == "help") && !(args.size() >= 2 && args[1] == "help")) return std::nullopt;
  const bool known = !args.empty() && std::find(std::begin(kCommands), std::end(kCommands), args[0]) != std::end(kCommands);
  if (!known) {
    std::string out = "usage: drconsole aws s3 SUBCOMMAND [paths] [options]\n\nSubcommands:\n";
    for (const char* c : kCommands) out += std::string("  ") + c + "\n";
    return out + "\n'drconsole aws s3 SUBCOMMAND --help' lists a subcommand's options.\n";
  }
  const auto& command = args[0];
  static const std::map<std::string, std::string> kPaths = {
      {"ls", "[s3://bucket[/prefix]]"}, {"cp", "<LocalPath> <S3Uri> | <S3Uri> <LocalPath> | <S3Uri> <S3Uri>  ('-' for stdin/stdout)"},
      {"mv", "<LocalPath> <S3Uri> | <S3Uri> <LocalPath> | <S3Uri> <S3Uri>"}, {"sync", "<LocalPath> <S3Uri> | <S3Uri> <LocalPath> | <S3Uri> <S3Uri>"},
      {"rm", "<S3Uri>"}, {"mb", "<S3Uri>"}, {"website", "<S3Uri>"}, {"rb", "<S3Uri>"}, {"presign", "<S3Uri>"}};
  std::string out = "usage: drconsole aws s3 " + command + " " + kPaths.at(command) + " [options]\n\nOptions:\n";
  for (const auto& [name, opt] : options()) {
    if (!opt.commands.count(command)) continue;
    const char* takes = opt.kind == Kind::Flag ? "" : opt.kind == Kind::OptionalValue ? " [VALUE]" : opt.kind == Kind::Many ? " VALUE ..." : " VALUE";
    out += "  --" + name + takes + "\n";
  }
  return out;
}

std::variant<S3Args, ArgsError> parse_s3_args(const std::vector<std::string>& args) {
  S3Args a;
  try {
    if (args.empty()) return ArgsError{255, "too few arguments"};
    a.command = args[0];
    if (std::find(std::begin(kCommands), std::end(kCommands), a.command) == std::end(kCommands)) {
      return ArgsError{2, choices()};
    }
    std::vector<std::string> unknown;
    // Values are read once argparse has taken the whole line, as the CLI unpacks them: a missing path
    // is reported before a file:// that cannot be read.
    std::vector<std::pair<std::string, std::vector<std::string>>> values;
    for (std::size_t i = 1; i < args.size(); ++i) {
      std::string word = args[i];
      if (word.size() < 3 || word.rfind("--", 0) != 0) {
        a.paths.push_back(word);
        continue;
      }
      std::optional<std::string> attached;
      if (const auto eq = word.find('='); eq != std::string::npos) {
        attached = word.substr(eq + 1);
        word = word.substr(0, eq);
      }
      const auto name = word.substr(2);
      const auto it = options().find(name);
      if (it == options().end() || !it->second.commands.count(a.command)) {
        unknown.push_back(word);
        while (i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) unknown.push_back(args[++i]);
        continue;
      }
      const auto& opt = it->second;
      const auto is_option = [&](std::size_t j) { return args[j].size() > 2 && args[j].rfind("--", 0) == 0; };
      switch (opt.kind) {
        case Kind::Flag:
          if (attached) throw Refused{{2, "argument " + word + ": ignored explicit argument '" + *attached + "'"}};
          set_flag(a, name);
          break;
        case Kind::OptionalValue: {
          std::string v = attached ? *attached : (i + 1 < args.size() && takes_word(args[i + 1])) ? args[++i] : std::string(opt.constant);
          const auto& allowed = choices_of(name);
          if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end()) throw Refused{{2, invalid_choice(name, v)}};
          values.push_back({name, {std::move(v)}});
          break;
        }
        case Kind::Value: {
          if (!attached && (i + 1 >= args.size() || is_option(i + 1))) throw Refused{{2, "argument " + word + ": expected one argument"}};
          values.push_back({name, {attached ? *attached : args[++i]}});
          break;
        }
        case Kind::Many: {
          std::vector<std::string> words;
          if (attached) words.push_back(*attached);
          const std::size_t limit = name == "tags" ? 2 : SIZE_MAX;
          while (words.size() < limit && i + 1 < args.size() && !is_option(i + 1)) words.push_back(args[++i]);
          if (words.empty()) throw Refused{{2, "argument " + word + ": expected at least one argument"}};
          if (name == "tags" && words.size() != 2) throw Refused{{2, "argument --tags: expected 2 arguments"}};
          values.push_back({name, std::move(words)});
          break;
        }
      }
    }
    const auto [least, most] = path_count(a.command);
    if (a.paths.size() < least) return ArgsError{2, std::string("the following arguments are required: ") +
                                                       (a.command == "cp" || a.command == "mv" || a.command == "sync" || a.command == "rm" || a.command == "website" ? "paths" : "path")};
    for (auto& [name, words] : values) {
      if (options().at(name).kind != Kind::Many && !kNoParamfile.count(name)) {
        auto read = cli::resolve_paramfile(words.front());
        if (!read) throw Refused{{255, "Error parsing parameter '--" + name + "': " + read.error().message}};
        words.front() = std::move(*read);
      }
      set_value(a, name, words);
    }
    while (a.paths.size() > most) {
      unknown.insert(unknown.begin(), a.paths.back());
      a.paths.pop_back();
    }
    if (!unknown.empty()) {
      std::string list;
      for (const auto& u : unknown) list += (list.empty() ? "" : ",") + u;
      return ArgsError{255, "Unknown options: " + list};
    }
    if (a.command == "ls" && a.paths.empty()) a.paths.push_back("s3://");
  } catch (const Refused& r) {
    return r.error;
  }
  return a;
}

}  // namespace drc::aws::s3
