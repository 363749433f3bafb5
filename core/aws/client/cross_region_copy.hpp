#pragma once
// botocore's inject_presigned_url_rds and inject_presigned_url_ec2. Copying an encrypted snapshot into the
// DR region (rds copy-db-snapshot, copy-db-cluster-snapshot, ec2 copy-snapshot), a cross-region read
// replica or cluster, or automated-backup replication is a call to the destination region that carries a
// URL presigned in the source region, with which the service reads the source for the caller. Given
// --source-region, the aws CLI builds that URL; drconsole builds the same one.

#include <optional>
#include <string>

#include "aws/credentials/credentials.hpp"
#include "aws/http/request.hpp"
#include "aws/model/service_model.hpp"
#include "aws/sigv4/signer.hpp"

namespace drc::aws::client {

struct CrossRegionCopy {
  http::Request source_request;  // GET to the source region: the call's fields and DestinationRegion in its query
  sigv4::Params source_signing;  // the source region; the time is set when it is presigned
  std::string url_field;         // "PreSignedUrl" (rds, docdb, neptune) or "PresignedUrl" (ec2)
  std::string destination_region;
  bool ec2 = false;              // ec2 also sends DestinationRegion
};

// Whether this serialized call needs a presigned URL. For rds-like services SourceRegion is not a field
// the service takes: it leaves the body here, whether or not a URL follows (none when the caller gave
// one). `signing` is the call's own (the destination region's).
std::optional<CrossRegionCopy> plan_cross_region_copy(const model::ServiceMetadata& md, const model::Operation& op,
                                                      http::Request& wire, const sigv4::Params& signing);

// Presigns the source request now, for an hour, and adds its URL (and ec2's DestinationRegion) to the body.
void add_presigned_url(http::Request& wire, CrossRegionCopy copy, const Credentials& creds, Timestamp now);

}  // namespace drc::aws::client
