#pragma once
// Shared by the custom_args*.cpp files: one family of the CLI's own arguments each.

#include "aws/cli/custom_args.hpp"

namespace drc::aws::cli::detail {

using Json = nlohmann::ordered_json;

// The single value of a given argument (One or Optional with a value); null when it has none.
const std::string* single_value(const GivenCustomArg& g);
const GivenCustomArg* find_given(const CustomArgsInput& in, const std::string& name);

// ec2 authorize/revoke-security-group-*: checks, then IpPermissions[0].
Status check_security_group_args(const CustomArgsInput& in);
Status apply_security_group_args(const CustomArgsInput& in, Json& params);
// ec2 run-instances: checks, then NetworkInterfaces[0]; and the request fix-up.
Status check_run_instances_args(const CustomArgsInput& in);
Status apply_run_instances_args(const CustomArgsInput& in, Json& params);
void fix_run_instances(Json& params);
// cloudwatch put-metric-data: checks, then MetricData[0].
Status check_put_metric_args(const CustomArgsInput& in);
Status apply_put_metric_args(const CustomArgsInput& in, Json& params);

// ses send-email: checks, then Destination and Message.
Status check_send_email_args(const CustomArgsInput& in);
Status apply_send_email_args(const CustomArgsInput& in, Json& params);

// lambda: whether bytes hold a zip archive, as Python's zipfile.ZipFile(...).infolist() would accept.
bool is_zip_archive(const std::string& bytes);

}  // namespace drc::aws::cli::detail
