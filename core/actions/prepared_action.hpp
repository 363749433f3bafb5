#pragma once
// A runbook's `aws ...` line made ready to run through the Cloud door: parsed against the service model
// exactly as `drconsole aws` parses it, classified read or write, and with a redacted copy of its
// parameters for the timeline. Lines that still hold placeholders (`<snapshot-id>`, `$(date +%s)`) are
// refused with what to fill in.

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "aws/model/model_catalog.hpp"
#include "cloud/cloud.hpp"
#include "cloud/guarded_cloud.hpp"
#include "util/result.hpp"

namespace drc::actions {

struct PreparedAction {
  cloud::CloudCall call;
  bool writes = true;
  nlohmann::json params_redacted = nlohmann::json::object();
  std::string summary;  // "rds create-db-snapshot in us-east-1", for people
};

// Read or write, from the models, for a guard in front of a cloud that is not AwsCloud (the drill's).
cloud::AccessOf model_access(std::shared_ptr<const aws::model::ModelCatalog> catalog);

// `default_region` is used when the line names no --region.
Result<PreparedAction> prepare_action(const aws::model::ModelCatalog& catalog, std::string_view command_line,
                                      const std::string& default_region);

}  // namespace drc::actions
