#pragma once
// Which protectable resource an ARN names: AWS Backup and DynamoDB name the resources they protect by ARN.

#include <optional>
#include <string>
#include <string_view>

#include "inventory/inventory.hpp"

namespace drc::inventory {

struct ArnOwner {
  ResourceKind kind;
  std::string name;
  std::string region;  // empty for S3, whose ARNs name no region
};

// arn:aws:rds:us-east-1:123:db:NAME, ...:cluster:NAME, arn:aws:dynamodb:R:123:table/NAME,
// arn:aws:ec2:R:123:volume/vol-1, arn:aws:s3:::bucket; nullopt for anything else.
std::optional<ArnOwner> parse_resource_arn(std::string_view arn);

}  // namespace drc::inventory
