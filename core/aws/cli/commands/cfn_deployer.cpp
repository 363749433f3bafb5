#include "aws/cli/commands/cfn_deployer.hpp"

#include <algorithm>
#include <cstdio>
#include <future>

#include "aws/client/flexible_checksum.hpp"
#include "aws/client/waiter.hpp"
#include "aws/protocol/python_values.hpp"
#include "aws/protocol/values.hpp"
#include "util/sha256.hpp"

namespace drc::aws::cli::detail {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kChangeSetPrefix = "awscli-cloudformation-package-deploy-";

DeployError error(std::string message) { return DeployError{std::move(message), false}; }

// Has the stack been created (anything but the REVIEW_IN_PROGRESS a change set of type CREATE leaves)?
DeployResult<bool> has_stack(CommandIo& io, const std::string& stack_name) {
  auto res = call_aws(io, "cloudformation", "DescribeStacks", {{"StackName", stack_name}});
  if (!res.ok()) {
    // The CLI recognises a missing stack by the words of the error, and passes on any other failure.
    const auto text = res.error_text();
    if (text.find("Stack with id " + stack_name + " does not exist") != std::string::npos) return false;
    return error(text);
  }
  const auto& stacks = (*res.output)["Stacks"];
  if (!stacks.is_array() || stacks.size() != 1) return false;
  return stacks[0].value("StackStatus", "") != "REVIEW_IN_PROGRESS";
}

// "Created by AWS CLI at 2026-11-24T10:30:00.123000 UTC": Python's isoformat of a naive UTC time, which
// leaves the fraction out when it is zero.
std::string description(CommandIo& io) {
  const auto now = io.now();
  const auto secs = std::chrono::floor<std::chrono::seconds>(now);
  const auto ms = (now - secs).count();
  auto text = format_iso8601(secs);  // 2026-11-24T10:30:00Z
  if (!text.empty() && text.back() == 'Z') text.pop_back();
  if (const auto dot = text.find('.'); dot != std::string::npos) text = text.substr(0, dot);
  if (ms != 0) {
    char frac[16];
    std::snprintf(frac, sizeof frac, ".%06lld", static_cast<long long>(ms) * 1000);
    text += frac;
  }
  return "Created by AWS CLI at " + text + " UTC";
}

// S3Uploader.upload_with_dedup: the key is the MD5 of the text (with the prefix before it); uploaded
// unless --force-upload is off and the key is already there. The answer is the path-style URL of the
// object under the s3 client's endpoint, which takes --region but not --endpoint-url.
DeployResult<std::string> upload_template(CommandIo& io, const TemplateUpload& up, const std::string& body, std::string& err) {
  const auto md5 = protocol::base64_decode(client::checksum_base64("md5", body));
  std::string key = to_hex(md5.value_or("")) + ".template";
  if (!up.prefix.empty()) key = up.prefix + "/" + key;
  const CallFlags s3_flags{true, false};
  bool exists = false;
  if (!up.force) exists = call_aws(io, "s3", "HeadObject", {{"Bucket", up.bucket}, {"Key", key}}, s3_flags).ok();
  if (!exists) {
    Json params{{"Bucket", up.bucket}, {"Key", key}, {"Body", body}};
    if (up.kms_key_id.empty()) {
      params["ServerSideEncryption"] = "AES256";
    } else {
      params["ServerSideEncryption"] = "aws:kms";
      params["SSEKMSKeyId"] = up.kms_key_id;
    }
    auto res = call_aws(io, "s3", "PutObject", std::move(params), s3_flags);
    // ProgressPercentage counts the body as it is sent, so the line shows whatever S3 answers: one line,
    // without a newline.
    char pct[32];
    std::snprintf(pct, sizeof pct, "%.2f", 100.0);
    err += "\rUploading to " + key + "  " + std::to_string(body.size()) + " / " + std::to_string(body.size()) + ".0  (" + pct + "%)";
    if (!res.ok()) {
      if (res.error && res.error->code == "NoSuchBucket") {
        return error("S3 Bucket does not exist. Execute the command to create a new bucket\naws s3 mb s3://" + up.bucket);
      }
      return error(res.error_text());
    }
  }
  auto s3 = io.client.service("s3");
  if (!s3) return error(s3.error().message);
  const auto region = io.global.region.empty() ? io.client.default_region() : io.global.region;
  auto endpoint = io.client.endpoint((*s3)->metadata(), region, false);
  if (!endpoint) return error(endpoint.error().message);
  return endpoint->url() + "/" + up.bucket + "/" + key;
}

// A model's waiter, with the Delay and MaxAttempts the CLI gives it.
client::WaitResult wait(CommandIo& io, const std::string& waiter, Json params, double delay, std::optional<int> max_attempts) {
  client::WaitResult failed_early;
  auto cfn = io.client.service("cloudformation");
  if (!cfn) {
    failed_early.message = cfn.error().message;
    return failed_early;
  }
  const auto* def = (*cfn)->waiter(waiter);
  if (!def) {
    failed_early.message = "the model has no waiter " + waiter;
    return failed_early;
  }
  auto config = *def;
  config["delay"] = delay;
  if (max_attempts) config["maxAttempts"] = *max_attempts;
  client::CallRequest req;
  req.service = "cloudformation";
  req.operation = config.value("operation", "");
  req.params = std::move(params);
  req.region = io.global.region;
  std::promise<client::WaitResult> done;
  auto f = done.get_future();
  client::wait_for(io.client, waiter, config, std::move(req), nullptr, [&done](client::WaitResult r) { done.set_value(std::move(r)); });
  return f.get();
}

}  // namespace

DeployResult<ChangeSet> create_changeset(CommandIo& io, ChangeSetRequest request, std::string& err) {
  const auto changeset_name = kChangeSetPrefix + std::to_string(std::chrono::floor<std::chrono::seconds>(io.now()).time_since_epoch().count());
  const auto description_text = description(io);
  auto exists = has_stack(io, request.stack_name);
  if (auto* e = std::get_if<DeployError>(&exists)) return *e;
  ChangeSet cs;
  Json parameters = Json::array();
  if (!std::get<bool>(exists)) {
    cs.type = "CREATE";
    // A new stack has no previous values: parameters not overridden are left to their defaults.
    for (const auto& p : request.parameters) {
      if (!p.value("UsePreviousValue", false)) parameters.push_back(p);
    }
  } else {
    cs.type = "UPDATE";
    // Nor has a parameter the stack did not have before.
    auto summary = call_aws(io, "cloudformation", "GetTemplateSummary", {{"StackName", request.stack_name}});
    if (!summary.ok()) return error(summary.error_text());
    std::vector<std::string> existing;
    for (const auto& p : summary.output->value("Parameters", Json::array())) existing.push_back(p.value("ParameterKey", ""));
    for (const auto& p : request.parameters) {
      const bool known = std::find(existing.begin(), existing.end(), p.value("ParameterKey", "")) != existing.end();
      if (!(p.value("UsePreviousValue", false) && !known)) parameters.push_back(p);
    }
  }
  Json params{{"ChangeSetName", changeset_name},
              {"StackName", request.stack_name},
              {"TemplateBody", request.template_body},
              {"ChangeSetType", cs.type},
              {"Parameters", std::move(parameters)},
              {"Capabilities", request.capabilities},
              {"Description", description_text},
              {"Tags", request.tags}};
  if (request.upload) {
    auto url = upload_template(io, *request.upload, request.template_body, err);
    if (auto* e = std::get_if<DeployError>(&url)) return *e;
    params.erase("TemplateBody");
    params["TemplateURL"] = std::get<std::string>(url);
  }
  if (request.role_arn) params["RoleARN"] = *request.role_arn;
  if (request.notification_arns) params["NotificationARNs"] = *request.notification_arns;
  auto res = call_aws(io, "cloudformation", "CreateChangeSet", std::move(params));
  if (!res.ok()) return error(res.error_text());
  cs.id = res.output->value("Id", "");
  return cs;
}

DeployResult<std::monostate> wait_for_changeset(CommandIo& io, const ChangeSet& cs, const std::string& stack_name) {
  // The model's waiter, polled every 5 s rather than its 30: a change set is quick to create.
  auto w = wait(io, "ChangeSetCreateComplete", {{"ChangeSetName", cs.id}, {"StackName", stack_name}}, 5, std::nullopt);
  if (w.success) return std::monostate{};
  if (!w.last.ok()) {
    // The CLI reads Status from the last answer, which an error response has not: Python's KeyError.
    if (w.last.error) return error("'Status'");
    return error(w.message);
  }
  const auto& last = *w.last.output;
  if (!last.contains("Status")) return error("'Status'");
  if (!last.contains("StatusReason")) return error("'StatusReason'");
  const auto status = protocol::python_str(last["Status"]);
  const auto reason = protocol::python_str(last["StatusReason"]);
  // As the CLI tests it: (FAILED and "didn't contain changes") or "No updates are to be performed".
  if ((status == "FAILED" && reason.find("The submitted information didn't contain changes.") != std::string::npos) ||
      reason.find("No updates are to be performed") != std::string::npos) {
    return DeployError{"No changes to deploy. Stack " + stack_name + " is up to date", true};
  }
  return error("Failed to create the changeset: " + w.message + " Status: " + status + ". Reason: " + reason);
}

DeployResult<std::monostate> execute_changeset(CommandIo& io, const ChangeSet& cs, const std::string& stack_name, bool disable_rollback) {
  auto res = call_aws(io, "cloudformation", "ExecuteChangeSet",
                      {{"ChangeSetName", cs.id}, {"StackName", stack_name}, {"DisableRollback", disable_rollback}});
  if (!res.ok()) return error(res.error_text());
  return std::monostate{};
}

DeployResult<std::monostate> wait_for_execute(CommandIo& io, const ChangeSet& cs, const std::string& stack_name) {
  if (cs.type != "CREATE" && cs.type != "UPDATE") return error("Invalid changeset type " + cs.type);
  // Every 30 s, 120 times: the CLI keeps DescribeStacks well below its rate limit.
  auto w = wait(io, cs.type == "CREATE" ? "StackCreateComplete" : "StackUpdateComplete", {{"StackName", stack_name}}, 30, 120);
  if (w.success) return std::monostate{};
  return error("Failed to create/update the stack. Run the following command\nto fetch the list of events leading up to the failure\n"
               "aws cloudformation describe-stack-events --stack-name " + stack_name);
}

}  // namespace drc::aws::cli::detail
