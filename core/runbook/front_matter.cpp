#include "runbook/front_matter.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>

#include "util/text.hpp"

namespace drc::runbook {

namespace {

constexpr std::array<std::string_view, 2> kTopKeys{"service", "environments"};
constexpr std::array<std::string_view, 11> kEnvKeys{"rto", "rpo", "region", "dr_region", "backup_regions", "profile",
                                                    "comms_every", "backup_retention", "production", "resources",
                                                    "description"};
constexpr std::array<std::string_view, 7> kResourceKeys{"rds_instances", "aurora_clusters", "dynamodb_tables",
                                                        "s3_buckets", "ebs_volumes", "state_bucket", "lock_table"};

template <std::size_t N>
std::string key_list(const std::array<std::string_view, N>& keys) {
  std::string out;
  for (auto k : keys) out += (out.empty() ? "" : ", ") + std::string(k);
  return out;
}

template <std::size_t N>
bool known(const std::array<std::string_view, N>& keys, const std::string& k) {
  return std::find(keys.begin(), keys.end(), k) != keys.end();
}

class Reader {
 public:
  Reader(const FrontMatterBlock& block, Runbook& rb) : block_(block), rb_(rb) {}

  void read() {
    YAML::Node root;
    try {
      root = YAML::Load(block_.yaml);
    } catch (const YAML::ParserException& e) {
      problem(e.mark, Severity::Error, "front matter is not valid YAML: " + e.msg);
      return;
    }
    if (root.IsNull()) return;
    if (!root.IsMap()) {
      problem(root.Mark(), Severity::Error, "front matter must be a YAML mapping (key: value lines)");
      return;
    }
    for (const auto& kv : root) {
      const auto key = kv.first.as<std::string>();
      if (!known(kTopKeys, key)) {
        problem(kv.first.Mark(), Severity::Warning,
                "unknown front matter key '" + key + "' (known keys: " + key_list(kTopKeys) + ")");
        continue;
      }
      if (key == "service") {
        if (kv.second.IsScalar()) {
          rb_.service = kv.second.as<std::string>();
        } else {
          problem(kv.second.Mark(), Severity::Error, "'service' must be a name");
        }
      } else if (key == "environments") {
        read_environments(kv.second);
      }
    }
  }

 private:
  void problem(const YAML::Mark& mark, Severity sev, std::string msg) {
    const int line = mark.line >= 0 ? block_.first_line + mark.line : block_.first_line;
    rb_.problems.push_back({line, sev, std::move(msg)});
  }

  int line_of(const YAML::Node& n) const { return n.Mark().line >= 0 ? block_.first_line + n.Mark().line : 0; }

  void read_environments(const YAML::Node& envs) {
    if (!envs.IsMap()) {
      problem(envs.Mark(), Severity::Error, "'environments' must map names to settings, e.g. 'prod: { rto: 30m }'");
      return;
    }
    for (const auto& kv : envs) {
      Environment env;
      env.name = kv.first.as<std::string>();
      env.line = line_of(kv.first);
      if (!kv.second.IsMap()) {
        problem(kv.second.Mark(), Severity::Error,
                "environment '" + env.name + "' must be a mapping such as '{ rto: 30m, rpo: 5m }'");
        continue;
      }
      for (const auto& setting : kv.second) {
        read_setting(env, setting.first.as<std::string>(), setting.first, setting.second);
      }
      rb_.environments[env.name] = std::move(env);
    }
  }

  std::optional<std::chrono::seconds> duration(const YAML::Node& value, const std::string& what) {
    if (value.IsScalar()) {
      if (auto d = parse_duration(value.as<std::string>())) return d;
    }
    problem(value.Mark(), Severity::Error,
            what + " must be a duration such as 45s, 30m, 4h or 1h30m" +
                (value.IsScalar() ? " (found '" + value.as<std::string>() + "')" : ""));
    return std::nullopt;
  }

  std::string scalar(const YAML::Node& value, const std::string& what) {
    if (value.IsScalar()) return value.as<std::string>();
    problem(value.Mark(), Severity::Error, what + " must be a single value");
    return {};
  }

  void read_setting(Environment& env, const std::string& key, const YAML::Node& key_node, const YAML::Node& value) {
    const auto what = env.name + "." + key;
    if (!known(kEnvKeys, key)) {
      problem(key_node.Mark(), Severity::Warning,
              "unknown key '" + key + "' in environment '" + env.name + "' (known keys: " + key_list(kEnvKeys) + ")");
    } else if (key == "rto") {
      env.rto = duration(value, what);
    } else if (key == "rpo") {
      env.rpo = duration(value, what);
    } else if (key == "comms_every") {
      env.comms_every = duration(value, what);
    } else if (key == "backup_retention") {
      env.backup_retention = duration(value, what);
    } else if (key == "region") {
      env.region = scalar(value, what);
    } else if (key == "dr_region") {
      env.dr_region = scalar(value, what);
    } else if (key == "production") {
      const auto v = to_lower(scalar(value, what));
      if (v == "true" || v == "yes") {
        env.production = true;
      } else if (v == "false" || v == "no") {
        env.production = false;
      } else {
        problem(value.Mark(), Severity::Error, what + " must be true or false");
      }
    } else if (key == "backup_regions") {
      env.backup_regions = names(value, what);
    } else if (key == "profile") {
      env.profile = scalar(value, what);
    } else if (key == "resources") {
      read_resources(env, value);
    }
  }

  std::vector<std::string> names(const YAML::Node& value, const std::string& what) {
    std::vector<std::string> out;
    if (value.IsScalar()) {
      out.push_back(value.as<std::string>());
    } else if (value.IsSequence()) {
      for (const auto& item : value) {
        if (item.IsScalar()) {
          out.push_back(item.as<std::string>());
        } else {
          problem(item.Mark(), Severity::Error, what + " must list names");
        }
      }
    } else {
      problem(value.Mark(), Severity::Error, what + " must be a list of names, e.g. [prod-postgres]");
    }
    return out;
  }

  void read_resources(Environment& env, const YAML::Node& value) {
    if (!value.IsMap()) {
      problem(value.Mark(), Severity::Error, env.name + ".resources must be a mapping of kinds to names");
      return;
    }
    auto& r = env.resources;
    for (const auto& kv : value) {
      const auto key = kv.first.as<std::string>();
      const auto what = env.name + ".resources." + key;
      if (!known(kResourceKeys, key)) {
        problem(kv.first.Mark(), Severity::Warning,
                "unknown resource kind '" + key + "' (known kinds: " + key_list(kResourceKeys) + ")");
      } else if (key == "rds_instances") {
        r.rds_instances = names(kv.second, what);
      } else if (key == "aurora_clusters") {
        r.aurora_clusters = names(kv.second, what);
      } else if (key == "dynamodb_tables") {
        r.dynamodb_tables = names(kv.second, what);
      } else if (key == "s3_buckets") {
        r.s3_buckets = names(kv.second, what);
      } else if (key == "ebs_volumes") {
        r.ebs_volumes = names(kv.second, what);
      } else if (key == "state_bucket") {
        r.state_bucket = scalar(kv.second, what);
      } else if (key == "lock_table") {
        r.lock_table = scalar(kv.second, what);
      }
    }
  }

  const FrontMatterBlock& block_;
  Runbook& rb_;
};

}  // namespace

std::optional<FrontMatterBlock> split_front_matter(std::string_view text) {
  const auto lines = split_lines(text);
  if (lines.empty() || trim(lines[0]) != "---") return std::nullopt;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto l = trim(lines[i]);
    if (l == "---" || l == "...") {
      FrontMatterBlock b;
      for (std::size_t k = 1; k < i; ++k) {
        b.yaml.append(lines[k]);
        b.yaml.push_back('\n');
      }
      b.first_line = 2;
      b.lines_consumed = static_cast<int>(i + 1);
      return b;
    }
  }
  return std::nullopt;  // a lone '---' is a thematic break, not front matter
}

void read_front_matter(const FrontMatterBlock& block, Runbook& rb) {
  try {
    Reader(block, rb).read();
  } catch (const YAML::Exception& e) {
    rb.problems.push_back({block.first_line + std::max(0, e.mark.line), Severity::Error,
                           "front matter could not be read: " + e.msg});
  }
}

}  // namespace drc::runbook
