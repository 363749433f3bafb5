#pragma once
// The aws CLI's own arguments: the ones its customizations add to an operation or put in place of a
// model member (awscli/customizations/*), each turned into the parameters it stands for exactly as the
// CLI does it, with the CLI's checks and error words:
//   ec2 --source-dest-check / --no-source-dest-check and every other {"Value": bool} member (toplevelbool)
//   ec2 authorize/revoke-security-group-* --protocol --port --cidr --source-group --group-owner
//   ec2 run-instances --secondary-private-ip-addresses --secondary-private-ip-address-count
//                     --associate-public-ip-address / --no-associate-public-ip-address
//   cloudwatch put-metric-data --metric-name --value --unit --timestamp --dimensions --statistic-values
//                              --storage-resolution
//   lambda create-function / publish-layer-version --zip-file, and --code / --content without ZipFile
//   configservice put-configuration-recorder --configuration-recorder --recording-group
//   deploy create-deployment / get- and register-application-revision --s3-location --github-location
//   ses send-email --to --cc --bcc --subject --text --html (and --from for --source)
// invocation.cpp reads the words (custom_arity says how many) and calls apply_custom_args once every
// argument is read; finish_custom_params makes the CLI's last changes to the whole request.

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "aws/model/service_model.hpp"
#include "util/result.hpp"

namespace drc::aws::cli {

// How argparse reads the words after one of these arguments.
enum class CustomArity {
  Flag,      // no value (store_true / store_false)
  Optional,  // nargs='?': a value if one follows
  One,       // one value
  Many,      // nargs='*': any number of values
  OneOrMore, // nargs='+': one value or more
};

// nullopt: an argument kind drconsole does not provide.
std::optional<CustomArity> custom_arity(const std::string& kind);

struct GivenCustomArg {
  const model::CliArg* arg = nullptr;
  std::optional<std::vector<std::string>> words;  // nullopt: given without a value (Flag, or Optional bare)
};

// Unpacks words for a shape as the model's own arguments are (JSON, shorthand or a scalar).
using UnpackWords = std::function<Result<nlohmann::ordered_json>(const model::Shape& shape, const std::vector<std::string>& words,
                                                                 const std::string& cli_name)>;

struct CustomArgsInput {
  const model::ServiceModel& model;
  const model::Operation& op;
  const std::map<std::string, GivenCustomArg>& custom;  // by CLI name without "--"; the last of repeats
  const std::set<std::string>& given;                   // every argument named on the line (for the CLI's checks)
  UnpackWords unpack;
};

// How the CLI fails: 2 where argparse refuses a value (not an integer), 255 for its customizations' own
// checks (a ValueError), with the CLI's words.
struct CustomArgError {
  int exit_code = 255;
  std::string message;
};

// Checks the combinations the CLI refuses, then adds what each custom argument stands for to `params`
// (which already holds the model's own arguments).
// argparse's type=int on the custom arguments that have it. argparse converts as it reads, so this comes
// before the CLI's "Unknown options" (and before apply_custom_args).
std::optional<CustomArgError> check_argument_types(const std::map<std::string, GivenCustomArg>& custom);

std::optional<CustomArgError> apply_custom_args(const CustomArgsInput& in, nlohmann::ordered_json& params);

// The CLI's before-parameter-build changes, after --cli-input-json is merged: ec2 run-instances moves
// --subnet-id and friends into the network interface its scalar options built; ec2
// create/replace-network-acl-entry take tcp, udp, icmp and all for --protocol.
void finish_custom_params(const model::ServiceModel& model, const model::Operation& op, nlohmann::ordered_json& params);

// awscli's _uses_old_list_case: a few lists of one-member structures take bare words, each the member's
// value ("--instances i-1 i-2"), even where a word looks like shorthand. `operation` and `argument` are
// the CLI's names.
bool uses_old_list_case(const model::ServiceModel& m, const std::string& operation, const std::string& argument);

// awscli's EC2PageSizeInjector: ec2 describe-snapshots and describe-volumes, paginated without a page size
// and with no parameter but OwnerIds, RestorableByUserIds (snapshots) and DryRun, ask for 1,000 a page
// (EC2 otherwise answers them in one unbounded page, or times out). The page size, else none.
std::optional<long long> ec2_default_page_size(const model::ServiceModel& model, const model::Operation& op,
                                               const nlohmann::ordered_json& params, bool paginating);

}  // namespace drc::aws::cli
