// eks update-kubeconfig (awscli/customizations/eks/update_kubeconfig.py): describes the cluster, then
// adds (or replaces, by name) its cluster, user and context entries in the kubeconfig, makes the
// context current and writes the file, or with --dry-run prints the merged file instead. The user
// entry runs `aws eks get-token` for kubectl, as the CLI writes it.

#include "aws/cli/commands/kubeconfig.hpp"
#include "aws/cli/commands/pyyaml.hpp"
#include "aws/cli/commands/run_command.hpp"

namespace drc::aws::cli::detail {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kExecApiVersion = "client.authentication.k8s.io/v1beta1";

Json cluster_entry(const Json& cluster, const std::string* proxy_url) {
  Json inner = Json::object();
  inner["certificate-authority-data"] = cluster.contains("certificateAuthority") && cluster["certificateAuthority"].is_object()
                                            ? cluster["certificateAuthority"].value("data", "")
                                            : "";
  inner["server"] = cluster.contains("endpoint") ? cluster["endpoint"] : Json(nullptr);
  if (proxy_url) inner["proxy-url"] = *proxy_url;
  Json entry = Json::object();
  entry["cluster"] = std::move(inner);
  entry["name"] = cluster.contains("arn") ? cluster["arn"] : Json(nullptr);
  return entry;
}

Json user_entry(const Json& cluster, const std::string& cluster_name, const CustomCommandCall& call, const std::string& profile) {
  const auto arn = cluster.value("arn", "");
  std::vector<std::string> parts;
  for (std::size_t start = 0;;) {
    const auto colon = arn.find(':', start);
    parts.push_back(arn.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  const std::string region = parts.size() > 3 ? parts[3] : "";
  // A cluster on an Outpost is named by its id.
  const bool outpost = cluster.contains("outpostConfig") && !cluster["outpostConfig"].is_null();
  Json args = Json::array({"--region", region, "eks", "get-token", outpost ? "--cluster-id" : "--cluster-name",
                           outpost ? cluster.value("id", Json(nullptr)) : Json(cluster_name), "--output", "json"});
  if (const auto* role = call.value("role-arn")) {
    args.push_back("--role");
    args.push_back(*role);
  }
  Json exec = Json::object();
  exec["apiVersion"] = kExecApiVersion;
  exec["args"] = std::move(args);
  exec["command"] = "aws";
  if (!profile.empty()) exec["env"] = Json::array({Json{{"name", "AWS_PROFILE"}, {"value", profile}}});
  Json entry = Json::object();
  const auto* alias = call.value("user-alias");
  entry["name"] = alias ? *alias : arn;
  entry["user"] = Json{{"exec", std::move(exec)}};
  return entry;
}

}  // namespace

CommandOutcome eks_update_kubeconfig(const CustomCommandCall& call, CommandIo& io) {
  const auto& name = *call.value("name");
  std::optional<Credentials> creds;
  if (const auto* role = call.value("assume-role-arn")) {
    // The CLI's sts client here takes neither --region nor --endpoint-url.
    auto assumed = assume_role(io, *role, "EKSDescribeClusterSession", {false, false});
    if (!assumed) return failed(assumed.error().message);
    creds = std::move(*assumed);
  }
  auto res = call_aws(io, "eks", "DescribeCluster", {{"name", name}}, {}, creds);
  if (!res.ok()) return failed(res.error_text());
  const auto cluster = res.output->value("cluster", Json::object());
  if (!cluster.is_object() || !cluster.contains("status")) return failed("Cluster not found");
  const auto status = cluster["status"].is_string() ? cluster["status"].get<std::string>() : cluster["status"].dump();
  if (status != "ACTIVE" && status != "UPDATING") return failed("Cluster status is " + status);

  // The session's profile: --profile, else AWS_PROFILE (botocore also reads AWS_DEFAULT_PROFILE).
  std::string profile = io.global.profile;
  if (profile.empty()) profile = io.env("AWS_PROFILE").value_or("");
  if (profile.empty()) profile = io.env("AWS_DEFAULT_PROFILE").value_or("");
  const auto new_cluster = cluster_entry(cluster, call.value("proxy-url"));
  const auto new_user = user_entry(cluster, name, call, profile);

  const auto paths = kubeconfig_paths(io.env("KUBECONFIG").value_or(""), call.value("kubeconfig"), io.env("HOME").value_or(""));
  const auto cluster_key = new_cluster["name"].is_string() ? new_cluster["name"].get<std::string>() : std::string();
  auto config = choose_kubeconfig(paths, cluster_key);
  if (!config) return failed(config.error().message);
  const bool updating = config->has_cluster(cluster_key);
  auto context = insert_cluster_user_pair(*config, new_cluster, new_user, call.value("alias"));
  if (!context) return failed(context.error().message);

  CommandOutcome o;
  if (call.has("dry-run")) {
    o.out = dump_pyyaml(config->content);
    return o;
  }
  if (auto st = write_kubeconfig(*config); !st) return failed(st.error().message);
  const auto context_name = (*context)["name"].is_string() ? (*context)["name"].get<std::string>() : (*context)["name"].dump();
  o.out = (updating ? "Updated context " + context_name + " in " : "Added new context " + context_name + " to ") +
          config->path.string() + "\n";
  if (call.has("verbose")) {
    o.out += "Entries:\n\n";
    for (const Json* entry : std::initializer_list<const Json*>{&*context, &new_user, &new_cluster}) o.out += dump_pyyaml(*entry) + "\n";
  }
  return o;
}

}  // namespace drc::aws::cli::detail
