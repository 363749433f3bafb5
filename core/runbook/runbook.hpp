#pragma once
// The runbook as drconsole understands it: objectives per environment, scenarios, their steps and commands.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "runbook/duration.hpp"
#include "util/result.hpp"

namespace drc::runbook {

enum class Severity { Warning, Error };

struct Problem {
  int line = 0;  // 1-based; 0 when the problem is about the whole file
  Severity severity = Severity::Warning;
  std::string message;
};

// An `aws ...` command found in a code block or inline code, joined across `\` continuations.
struct AwsCommand {
  int line = 0;
  std::string text;                       // as written, on one line: "aws rds describe-db-instances --db-..."
  std::vector<std::string> args;          // shell words after "aws", quotes removed, $(...) kept as written
  std::string service;                    // "rds"
  std::string operation;                  // "describe-db-instances"
  std::vector<std::string> placeholders;  // "$(date +%s)", "${VAR}", "$VAR", "<snapshot-id>": to fill in first
};

struct CodeBlock {
  int line = 0;
  std::string language;
  std::string text;
};

struct Step {
  int number = 0;
  int line = 0;
  std::string title;
  std::string body;  // the step's Markdown after its title line, dedented
  std::vector<CodeBlock> code;
  std::vector<AwsCommand> commands;
  std::optional<DurationRange> estimate;
};

struct Scenario {
  int line = 0;
  std::string title;
  std::string detection;
  std::vector<Step> steps;
  std::optional<DurationRange> estimate;
};

struct ComponentObjectives {
  std::string name;
  std::optional<std::chrono::seconds> rto;
  std::optional<std::chrono::seconds> rpo;
  std::string backup_frequency;
  int line = 0;
};

struct Resources {
  std::vector<std::string> rds_instances, aurora_clusters, dynamodb_tables, s3_buckets, ebs_volumes;
  std::string state_bucket, lock_table;
  bool empty() const {
    return rds_instances.empty() && aurora_clusters.empty() && dynamodb_tables.empty() && s3_buckets.empty() &&
           ebs_volumes.empty() && state_bucket.empty() && lock_table.empty();
  }
};

// Recovery objectives and account settings for one environment.
struct Environment {
  std::string name;
  std::optional<std::chrono::seconds> rto;
  std::optional<std::chrono::seconds> rpo;
  std::optional<std::chrono::seconds> comms_every;
  // How far back point-in-time recovery must reach (the pitr check); e.g. 7d.
  std::optional<std::chrono::seconds> backup_retention;
  std::string region, dr_region, profile;
  // Whether writes need the environment's name typed to confirm them; unset: judged by name ("prod...").
  std::optional<bool> production;
  // Further regions that hold copies (an AWS Backup copy target, say): inventoried with the other two.
  std::vector<std::string> backup_regions;
  Resources resources;
  std::vector<ComponentObjectives> components;  // from "| Component | RTO | RPO |" tables
  int line = 0;
};

// Objectives that name no environment ("**RTO**: 4 hours") are kept under this key and apply to any.
inline constexpr const char* kAnyEnvironment = "default";

struct Runbook {
  std::string path;
  std::string sha256;
  std::string title;
  std::string service;
  std::map<std::string, Environment> environments;
  std::optional<std::chrono::seconds> comms_every;  // the runbook's status-update cadence, when it gives one
  std::vector<Scenario> scenarios;
  std::vector<Problem> problems;

  bool has_errors() const;
};

// Environment names are matched loosely: "prod" finds "Production", "non-prod" finds "Non-Production".
std::string environment_key(std::string_view name);
// Production says so (`production: true`), or is named so: prod, production, prd, prod-eu, production-us...
bool is_production(const Environment& env);
const Environment* find_environment(const Runbook& rb, std::string_view name);

// Scenario by 1-based number or by title (exact, then a unique case-insensitive part of it); the error
// lists the scenarios there are.
Result<const Scenario*> select_scenario(const Runbook& rb, std::string_view number_or_title);

}  // namespace drc::runbook
