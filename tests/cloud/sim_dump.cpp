// Prints SimCloud's answer to every simulated operation in every region of a world, one JSON line each,
// for check_sim_shapes.py to compare with the botocore service models.

#include <iostream>

#include "cloud/sim_cloud.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: sim_dump WORLD.json\n";
    return 2;
  }
  drc::incident::SystemClock clock;
  auto cloud = drc::cloud::SimCloud::load(argv[1], clock);
  if (!cloud) {
    std::cerr << cloud.error().message << '\n';
    return 1;
  }
  const std::vector<std::pair<std::string, std::string>> ops{
      {"rds", "DescribeDBInstances"}, {"rds", "DescribeDBSnapshots"}, {"rds", "DescribeDBClusters"},
      {"rds", "DescribeDBClusterSnapshots"}, {"ec2", "DescribeSnapshots"}, {"backup", "ListBackupVaults"}};
  for (const char* region : {"us-east-1", "us-west-2"}) {
    for (const auto& [svc, op] : ops) {
      auto r = (*cloud)->answer({svc, op, region, nlohmann::json::object()});
      if (!r.ok()) continue;
      std::cout << nlohmann::json{{"service", svc}, {"operation", op}, {"output", r.output}}.dump() << '\n';
    }
    for (const char* vault : {"payments-prod-vault", "payments-dr-vault"}) {
      auto r = (*cloud)->answer({"backup", "ListRecoveryPointsByBackupVault", region, {{"BackupVaultName", vault}}});
      if (!r.ok()) continue;
      std::cout << nlohmann::json{{"service", "backup"}, {"operation", "ListRecoveryPointsByBackupVault"}, {"output", r.output}}.dump() << '\n';
    }
  }
  return 0;
}
