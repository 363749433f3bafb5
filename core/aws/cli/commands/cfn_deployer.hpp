#pragma once
// The steps of `aws cloudformation deploy` that talk to AWS (awscli/customizations/cloudformation/
// deployer.py, and s3uploader.py for --s3-bucket): is there a stack to update, a change set created and
// waited for, executed and waited for. Each step answers a value or the CLI's message for its failure;
// what is printed between them is the command's (cloudformation_deploy.cpp).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/cli/commands/run_command.hpp"

namespace drc::aws::cli::detail {

// Where --s3-bucket puts the template, and how (s3uploader.py's S3Uploader).
struct TemplateUpload {
  std::string bucket;
  std::string prefix;      // --s3-prefix: the key is PREFIX/MD5.template
  std::string kms_key_id;  // --kms-key-id: aws:kms instead of AES256
  bool force = false;      // --force-upload: upload even when the key is there
};

struct ChangeSetRequest {
  std::string stack_name;
  std::string template_body;           // the file's text, as read (never re-serialized)
  nlohmann::ordered_json parameters;   // [{ParameterKey, ParameterValue | UsePreviousValue}], the template's order
  std::vector<std::string> capabilities;
  std::vector<nlohmann::ordered_json> tags;  // {Key, Value}
  std::optional<std::string> role_arn;
  std::optional<std::vector<std::string>> notification_arns;
  std::optional<TemplateUpload> upload;
};

struct ChangeSet {
  std::string id;
  std::string type;  // CREATE or UPDATE
};

// How a step failed: `empty` for the change set that changes nothing (ChangeEmptyError), else the
// message the CLI prints.
struct DeployError {
  std::string message;
  bool empty = false;
};

template <typename T>
using DeployResult = std::variant<T, DeployError>;

// DescribeStacks (CREATE or UPDATE), GetTemplateSummary for an update, the template uploaded when asked,
// then CreateChangeSet. Progress lines of the upload go to `err`.
DeployResult<ChangeSet> create_changeset(CommandIo& io, ChangeSetRequest request, std::string& err);
// DescribeChangeSet until CREATE_COMPLETE (the CLI polls every 5 s).
DeployResult<std::monostate> wait_for_changeset(CommandIo& io, const ChangeSet& cs, const std::string& stack_name);
// ExecuteChangeSet, then the stack's create or update waiter (every 30 s, 120 times).
DeployResult<std::monostate> execute_changeset(CommandIo& io, const ChangeSet& cs, const std::string& stack_name, bool disable_rollback);
DeployResult<std::monostate> wait_for_execute(CommandIo& io, const ChangeSet& cs, const std::string& stack_name);

}  // namespace drc::aws::cli::detail
