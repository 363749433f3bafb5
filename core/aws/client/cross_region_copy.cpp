#include "aws/client/cross_region_copy.hpp"

#include <algorithm>
#include <array>

#include "aws/protocol/form_body.hpp"
#include "aws/sigv4/presign.hpp"

namespace drc::aws::client {

namespace {

// The calls botocore gives the handlers, by the service's botocore name.
bool rds_like(const std::string& service, const std::string& op) {
  static constexpr std::array<std::string_view, 5> kRds = {"CopyDBClusterSnapshot", "CreateDBCluster", "CopyDBSnapshot",
                                                           "CreateDBInstanceReadReplica",
                                                           "StartDBInstanceAutomatedBackupsReplication"};
  if (service == "rds") return std::find(kRds.begin(), kRds.end(), op) != kRds.end();
  return (service == "docdb" || service == "neptune") && (op == "CopyDBClusterSnapshot" || op == "CreateDBCluster");
}

http::Pairs::iterator field(http::Pairs& fields, std::string_view name) {
  return std::find_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == name; });
}

// Python's dict assignment: a field keeps its place when it is there, else goes last.
void set_field(http::Pairs& fields, const std::string& name, std::string value) {
  if (auto it = field(fields, name); it != fields.end()) {
    it->second = std::move(value);
  } else {
    fields.emplace_back(name, std::move(value));
  }
}

// str.replace over the URL: botocore finds the source region's endpoint by writing its name where the
// destination's stands (in the host, and anywhere else it appears).
std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  if (from.empty()) return s;
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) s.replace(pos, from.size(), to);
  return s;
}

}  // namespace

std::optional<CrossRegionCopy> plan_cross_region_copy(const model::ServiceMetadata& md, const model::Operation& op,
                                                      http::Request& wire, const sigv4::Params& signing) {
  const bool ec2 = md.service == "ec2" && op.name == "CopySnapshot";
  if (!ec2 && !rds_like(md.service, op.name)) return std::nullopt;
  auto fields = protocol::form_decode(wire.body.str());
  const auto source = field(fields, "SourceRegion");
  if (source == fields.end()) return std::nullopt;  // a copy within the region
  CrossRegionCopy copy;
  copy.ec2 = ec2;
  copy.url_field = ec2 ? "PresignedUrl" : "PreSignedUrl";
  copy.destination_region = signing.region;
  copy.source_signing = signing;
  copy.source_signing.region = source->second;
  if (!ec2) {
    fields.erase(source);
    wire.body = protocol::form_encode(fields);
  }
  if (field(fields, copy.url_field) != fields.end()) return std::nullopt;  // the caller gave the URL

  auto& r = copy.source_request;
  r.method = "GET";
  r.scheme = wire.scheme;
  r.host = replace_all(wire.host, copy.destination_region, copy.source_signing.region);
  r.port = wire.port;
  r.path = replace_all(wire.path, copy.destination_region, copy.source_signing.region);
  r.query = fields;
  set_field(r.query, "DestinationRegion", copy.destination_region);
  return copy;
}

void add_presigned_url(http::Request& wire, CrossRegionCopy copy, const Credentials& creds, Timestamp now) {
  copy.source_signing.time = now;
  const auto& r = copy.source_request;
  const auto query = sigv4::presign(r, creds, copy.source_signing, 3600).query;
  auto fields = protocol::form_decode(wire.body.str());
  set_field(fields, copy.url_field, r.scheme + "://" + r.authority() + r.path + "?" + query);
  if (copy.ec2) set_field(fields, "DestinationRegion", copy.destination_region);
  wire.body = protocol::form_encode(fields);
}

}  // namespace drc::aws::client
