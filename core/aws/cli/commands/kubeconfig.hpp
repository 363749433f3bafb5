#pragma once
// The kubeconfig file as eks update-kubeconfig treats it (awscli/customizations/eks/kubeconfig.py and
// update_kubeconfig.py): which file (--kubeconfig, else the first KUBECONFIG path holding the cluster,
// else the first KUBECONFIG path, else ~/.kube/config), the CLI's type checks, entries inserted or
// replaced by name, the new context made current, and the file written 0600.

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/result.hpp"

namespace drc::aws::cli {

struct Kubeconfig {
  std::filesystem::path path;
  nlohmann::ordered_json content;  // a mapping
  bool has_cluster(const std::string& name) const;
};

// KUBECONFIG split on ':' (empty parts dropped), or the one path given; each made absolute with ~ expanded.
std::vector<std::filesystem::path> kubeconfig_paths(const std::string& kubeconfig_env, const std::string* path_flag,
                                                    const std::string& home);

// A missing file is a new, empty kubeconfig. Errors are the CLI's KubeconfigErrors' words.
Result<Kubeconfig> load_kubeconfig(const std::filesystem::path& path);

// choose_kubeconfig: the first file that already has the cluster (unreadable ones passed over), else
// the first file (whose errors count).
Result<Kubeconfig> choose_kubeconfig(const std::vector<std::filesystem::path>& paths, const std::string& cluster_name);

// insert_cluster_user_pair: returns the context made current.
Result<nlohmann::ordered_json> insert_cluster_user_pair(Kubeconfig& config, const nlohmann::ordered_json& cluster,
                                                        const nlohmann::ordered_json& user, const std::string* alias);

Status write_kubeconfig(const Kubeconfig& config);

}  // namespace drc::aws::cli
