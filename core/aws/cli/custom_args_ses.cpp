// ses send-email's plain options, which build the Destination and the Message
// (awscli/customizations/sessendemail.py): --to, --cc, --bcc, --subject, --text, --html.

#include <array>

#include "aws/cli/custom_args_parts.hpp"

namespace drc::aws::cli::detail {

namespace {

bool is_send_email(const CustomArgsInput& in) { return in.model.metadata().service == "ses" && in.op.name == "SendEmail"; }

// validate_mutually_exclusive(group, others): the model's argument comes first in the CLI's table, so it
// is the group named when one of the others is given with it.
Status exclusive(const CustomArgsInput& in, const char* model_arg, std::initializer_list<const char*> options) {
  if (!in.given.count(model_arg)) return {};
  for (const char* option : options) {
    if (in.custom.count(option)) {
      return make_error(std::string("The key \"") + option + "\" cannot be specified when one of the following keys are also specified: " +
                        model_arg);
    }
  }
  return {};
}

}  // namespace

Status check_send_email_args(const CustomArgsInput& in) {
  if (!is_send_email(in)) return {};
  if (auto st = exclusive(in, "destination", {"to", "cc", "bcc"}); !st) return st;
  return exclusive(in, "message", {"text", "html"});
}

Status apply_send_email_args(const CustomArgsInput& in, Json& params) {
  if (!is_send_email(in)) return {};
  // The CLI's table order, in which each adds to the request.
  static constexpr std::array<std::pair<const char*, const char*>, 3> kAddresses{
      {{"to", "ToAddresses"}, {"cc", "CcAddresses"}, {"bcc", "BccAddresses"}}};
  for (const auto& [option, key] : kAddresses) {
    const auto* g = find_given(in, option);
    if (!g || !g->words || g->words->empty()) continue;
    if (!params.contains("Destination")) params["Destination"] = Json::object();
    params["Destination"][key] = *g->words;
  }
  static constexpr std::array<std::pair<const char*, const char*>, 3> kBody{{{"subject", "Subject"}, {"text", "Text"}, {"html", "Html"}}};
  for (const auto& [option, key] : kBody) {
    const auto* g = find_given(in, option);
    const auto* v = g ? single_value(*g) : nullptr;
    if (!v || v->empty()) continue;  // Python's `if value:`
    if (!params.contains("Message")) params["Message"] = Json{{"Subject", Json::object()}, {"Body", Json::object()}};
    auto& message = params["Message"];
    if (std::string(key) == "Subject") {
      message["Subject"] = Json{{"Data", *v}};
    } else {
      message["Body"][key] = Json{{"Data", *v}};
    }
  }
  return {};
}

}  // namespace drc::aws::cli::detail
