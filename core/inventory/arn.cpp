#include "inventory/arn.hpp"

#include <array>

namespace drc::inventory {

std::optional<ArnOwner> parse_resource_arn(std::string_view arn) {
  // arn:partition:service:region:account:resource, where the resource may itself hold ':' or '/'.
  std::array<std::string_view, 5> head;
  std::size_t pos = 0;
  for (auto& part : head) {
    const auto colon = arn.find(':', pos);
    if (colon == std::string_view::npos) return std::nullopt;
    part = arn.substr(pos, colon - pos);
    pos = colon + 1;
  }
  if (head[0] != "arn") return std::nullopt;
  const auto service = head[2];
  const std::string region(head[3]);
  const auto resource = arn.substr(pos);
  auto after = [&](std::string_view prefix) -> std::optional<std::string> {
    if (!resource.starts_with(prefix) || resource.size() == prefix.size()) return std::nullopt;
    return std::string(resource.substr(prefix.size()));
  };
  if (service == "rds") {
    if (auto n = after("db:")) return ArnOwner{ResourceKind::RdsInstance, *n, region};
    if (auto n = after("cluster:")) return ArnOwner{ResourceKind::AuroraCluster, *n, region};
  } else if (service == "dynamodb") {
    if (auto n = after("table/")) {
      // A table's ARN may go on to a stream or a backup: the table is the first segment.
      return ArnOwner{ResourceKind::DynamoTable, n->substr(0, n->find('/')), region};
    }
  } else if (service == "ec2") {
    if (auto n = after("volume/")) return ArnOwner{ResourceKind::EbsVolume, *n, region};
  } else if (service == "s3") {
    if (!resource.empty() && resource.find('/') == std::string_view::npos) return ArnOwner{ResourceKind::S3Bucket, std::string(resource), ""};
  }
  return std::nullopt;
}

}  // namespace drc::inventory
