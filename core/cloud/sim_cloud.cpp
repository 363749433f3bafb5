#include "cloud/sim_cloud.hpp"

#include <tuple>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "runbook/duration.hpp"
#include "util/json_fields.hpp"
#include "util/time_format.hpp"

namespace drc::cloud {

using nlohmann::json;
using namespace std::chrono;

namespace {

// "-4m", "-2d", "+1h": a time relative to when the world starts.
std::optional<Timestamp> relative_time(const std::string& s, Timestamp start) {
  if (s.size() < 3 || (s[0] != '-' && s[0] != '+')) return std::nullopt;
  auto d = runbook::parse_duration(std::string_view(s).substr(1));
  if (!d) return std::nullopt;
  return s[0] == '-' ? start - *d : start + *d;
}

void resolve_times(json& j, Timestamp start) {
  if (j.is_object() || j.is_array()) {
    for (auto& v : j) resolve_times(v, start);
  } else if (j.is_string()) {
    if (auto t = relative_time(j.get<std::string>(), start)) j = format_iso8601(*t);
  }
}

CloudError not_found(const std::string& code, const std::string& what) { return {code, what + " not found."}; }

json filter_by(const json& items, const json& params, std::initializer_list<std::pair<const char*, const char*>> keys) {
  json out = json::array();
  for (const auto& item : items) {
    bool keep = true;
    for (const auto& [param, field] : keys) {
      const auto want = json_string(params, param);
      if (!want.empty() && json_string(item, field) != want) keep = false;
    }
    if (keep) out.push_back(item);
  }
  return out;
}

}  // namespace

SimCloud::SimCloud(json world, milliseconds default_latency)
    : world_(std::move(world)), default_latency_(default_latency), worker_([this] { run(); }) {}

Result<std::unique_ptr<SimCloud>> SimCloud::load(const std::filesystem::path& path, const incident::Clock& clock) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(path.string() + ": cannot read the world file");
  std::ostringstream ss;
  ss << in.rdbuf();
  json world = json::parse(ss.str(), nullptr, false);
  if (world.is_discarded() || !world.is_object()) return make_error(path.string() + ": not a JSON world (an object with 'regions')");
  if (!world.contains("regions") || !world["regions"].is_object()) {
    return make_error(path.string() + ": a world needs \"regions\": {\"us-east-1\": {...}}");
  }
  resolve_times(world["regions"], clock.now());
  milliseconds latency{100};
  if (auto l = json_int(world.value("latency_ms", json::object()), "default")) latency = milliseconds{*l};
  return std::unique_ptr<SimCloud>(new SimCloud(std::move(world), latency));
}

SimCloud::~SimCloud() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

milliseconds SimCloud::latency_for(const CloudCall& call) const {
  if (auto l = json_int(world_.value("latency_ms", json::object()), call.service.c_str())) return milliseconds{*l};
  return default_latency_;
}

void SimCloud::call(CloudCall call, Done done) {
  const auto now = steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    pending_.push(Pending{now + latency_for(call), next_order_++, std::move(call), std::move(done), now});
  }
  wake_.notify_all();
}

void SimCloud::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (stopping_) return;
    if (pending_.empty()) {
      wake_.wait(lock);
      continue;
    }
    // A copy: the wait releases the lock, and a call() meanwhile may reallocate the heap under top().
    const auto due = pending_.top().due;
    if (steady_clock::now() < due) {
      wake_.wait_until(lock, due);
      continue;
    }
    Pending p = pending_.top();
    pending_.pop();
    lock.unlock();
    auto r = answer(p.call);
    r.duration = duration_cast<milliseconds>(steady_clock::now() - p.started);
    p.done(std::move(r));
    lock.lock();
  }
}

namespace {

// Listings answered whole from the world's list of the same name: what the inventory asks besides the
// describes above. A world without the list answers an empty one, as an account without any would.
const char* listing(const std::string& service, const std::string& operation) {
  static const std::tuple<const char*, const char*, const char*> kListings[] = {
      {"rds", "DescribeDBInstanceAutomatedBackups", "DBInstanceAutomatedBackups"},
      {"ec2", "DescribeImages", "Images"},
      {"ec2", "DescribeVolumes", "Volumes"},
      {"dynamodb", "ListBackups", "BackupSummaries"},
      {"dynamodb", "ListTables", "TableNames"},
      {"s3", "ListBuckets", "Buckets"},
  };
  for (const auto& [svc, op, key] : kListings) {
    if (service == svc && operation == op) return key;
  }
  return nullptr;
}

}  // namespace

CloudResult SimCloud::answer(const CloudCall& call) const {
  CloudResult r;
  r.call = call;
  r.request_id = "sim-" + std::to_string(std::hash<std::string>{}(call.service + call.operation + call.params.dump()) % 1000000007);
  for (const auto& f : world_.value("faults", json::array())) {
    const auto region = json_string(f, "region"), service = json_string(f, "service"), op = json_string(f, "operation");
    if ((region.empty() || region == call.region) && (service.empty() || service == call.service) &&
        (op.empty() || op == call.operation)) {
      r.error = CloudError{json_string(f, "code"), json_string(f, "message")};
      return r;
    }
  }
  const auto& regions = world_["regions"];
  if (!regions.contains(call.region)) {
    r.error = CloudError{"UnrecognizedClientException", "the simulated world has no region " + call.region};
    return r;
  }
  const json& svc = regions[call.region].value(call.service, json::object());
  const auto list = [&](const char* key) { return svc.value(key, json::array()); };
  const auto& p = call.params;
  // Describe one by its id, or all: a named one that is missing is the API's not-found error.
  const auto describe = [&](const char* list_key, const char* id_param, const char* missing_code, const char* what) {
    auto items = filter_by(list(list_key), p, {{id_param, id_param}});
    if (items.empty() && !json_string(p, id_param).empty()) {
      r.error = not_found(missing_code, std::string(what) + " " + json_string(p, id_param));
    } else {
      r.output = {{list_key, items}};
    }
  };
  if (call.service == "rds" && call.operation == "DescribeDBInstances") {
    describe("DBInstances", "DBInstanceIdentifier", "DBInstanceNotFound", "DBInstance");
  } else if (call.service == "rds" && call.operation == "DescribeDBSnapshots") {
    r.output = {{"DBSnapshots", filter_by(list("DBSnapshots"), p,
                                          {{"DBInstanceIdentifier", "DBInstanceIdentifier"},
                                           {"DBSnapshotIdentifier", "DBSnapshotIdentifier"},
                                           {"SnapshotType", "SnapshotType"}})}};
  } else if (call.service == "rds" && call.operation == "DescribeDBClusters") {
    describe("DBClusters", "DBClusterIdentifier", "DBClusterNotFoundFault", "DBCluster");
  } else if (call.service == "rds" && call.operation == "DescribeDBClusterSnapshots") {
    r.output = {{"DBClusterSnapshots", filter_by(list("DBClusterSnapshots"), p,
                                                 {{"DBClusterIdentifier", "DBClusterIdentifier"},
                                                  {"DBClusterSnapshotIdentifier", "DBClusterSnapshotIdentifier"},
                                                  {"SnapshotType", "SnapshotType"}})}};
  } else if (call.service == "ec2" && call.operation == "DescribeSnapshots") {
    json items = json::array();
    const auto ids = p.value("SnapshotIds", json::array());
    for (const auto& s : list("Snapshots")) {
      if (ids.empty() || std::find(ids.begin(), ids.end(), s.value("SnapshotId", json())) != ids.end()) items.push_back(s);
    }
    r.output = {{"Snapshots", items}};
  } else if (call.service == "backup" && call.operation == "ListBackupVaults") {
    json vaults = json::array();
    const auto account = json_string(world_, "account");
    const json named = svc.value("vaults", json::object());  // items() must not outlive what it walks
    for (const auto& [name, points] : named.items()) {
      vaults.push_back({{"BackupVaultName", name},
                        {"BackupVaultArn", "arn:aws:backup:" + call.region + ":" + account + ":backup-vault:" + name},
                        {"NumberOfRecoveryPoints", points.size()}});
    }
    r.output = {{"BackupVaultList", vaults}};
  } else if (call.service == "backup" && call.operation == "ListRecoveryPointsByBackupVault") {
    const auto vault = json_string(p, "BackupVaultName");
    const auto vaults = svc.value("vaults", json::object());
    if (vault.empty() || !vaults.contains(vault)) {
      r.error = CloudError{"ResourceNotFoundException", "Backup vault " + vault + " does not exist"};
    } else {
      r.output = {{"RecoveryPoints", vaults[vault]}};
    }
  } else if (const auto* simple = listing(call.service, call.operation)) {
    // Lists the world may hold (empty when it holds none): the answer's key is the world's key.
    r.output = {{simple, list(simple)}};
  } else {
    r.error = CloudError{"NotSimulated", "the simulated cloud does not answer " + call.service + ":" + call.operation};
  }
  return r;
}

}  // namespace drc::cloud
