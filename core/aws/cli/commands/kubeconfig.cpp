#include "aws/cli/commands/kubeconfig.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "aws/cli/commands/pyyaml.hpp"

namespace drc::aws::cli {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;

namespace {

Json new_content() {
  Json c = Json::object();
  c["apiVersion"] = "v1";
  c["clusters"] = Json::array();
  c["contexts"] = Json::array();
  c["current-context"] = "";
  c["kind"] = "Config";
  c["preferences"] = Json::object();
  c["users"] = Json::array();
  return c;
}

// Python's type() of a loaded value, as the CLI's messages show it.
std::string python_type(const Json& v) {
  if (v.is_object()) return "<class 'collections.OrderedDict'>";
  if (v.is_array()) return "<class 'list'>";
  if (v.is_string()) return "<class 'str'>";
  if (v.is_boolean()) return "<class 'bool'>";
  if (v.is_number_integer()) return "<class 'int'>";
  if (v.is_number_float()) return "<class 'float'>";
  return "<class 'NoneType'>";
}

bool same_type(const Json& a, const Json& b) {
  return (a.is_object() && b.is_object()) || (a.is_array() && b.is_array()) || (a.is_string() && b.is_string());
}

// KubeconfigValidator.
Status validate(const Json& content) {
  if (!content.is_object()) return make_error("Content not a <class 'dict'>.");
  const auto expected = new_content();
  for (const auto& [key, want] : expected.items()) {
    if (!content.contains(key) || content[key].is_null()) continue;
    if (!same_type(content[key], want)) {
      return make_error(key + " is wrong type: " + python_type(content[key]) + " (Should be " + python_type(want) + ")");
    }
  }
  for (const auto& [key, want] : expected.items()) {
    if (!content.contains(key) || !content[key].is_array()) continue;
    for (const auto& e : content[key]) {
      if (!e.is_object()) return make_error("Entry in " + key + " not a <class 'dict'>. ");
    }
  }
  return {};
}

fs::path absolute_path(const std::string& p, const std::string& home) {
  std::string expanded = p;
  if (!expanded.empty() && expanded[0] == '~' && (expanded.size() == 1 || expanded[1] == '/')) expanded = home + expanded.substr(1);
  auto abs = fs::absolute(expanded).lexically_normal();
  if (abs.has_parent_path() && abs.filename().empty()) abs = abs.parent_path();  // abspath drops a trailing slash
  return abs;
}

void insert_entry(Json& list, const Json& entry) {
  for (auto& e : list) {
    if (e.contains("name") && entry.contains("name") && e["name"] == entry["name"]) {
      e = entry;
      return;
    }
  }
  list.push_back(entry);
}

}  // namespace

bool Kubeconfig::has_cluster(const std::string& name) const {
  if (!content.contains("clusters") || !content["clusters"].is_array()) return false;
  for (const auto& c : content["clusters"]) {
    if (c.is_object() && c.contains("name") && c["name"] == name) return true;
  }
  return false;
}

std::vector<fs::path> kubeconfig_paths(const std::string& env, const std::string* flag, const std::string& home) {
  if (flag) return {absolute_path(*flag, home)};
  std::vector<fs::path> out;
  const std::string value = env.empty() ? "~/.kube/config" : env;
  std::size_t start = 0;
  while (start <= value.size()) {
    const auto colon = std::min(value.find(':', start), value.size());
    const auto part = value.substr(start, colon - start);
    if (part.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(absolute_path(part, home));
    start = colon + 1;
  }
  if (out.empty()) out.push_back(absolute_path("~/.kube/config", home));
  return out;
}

Result<Kubeconfig> load_kubeconfig(const fs::path& path) {
  Kubeconfig k{path, new_content()};
  std::ifstream in(path);
  if (!in) {
    if (errno == ENOENT) return k;
    const int e = errno;
    return make_error("Can't open kubeconfig for reading: [Errno " + std::to_string(e) + "] " + std::strerror(e) + ": '" +
                      path.string() + "'");
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto loaded = load_pyyaml(text.str());
  if (!loaded) return make_error("YamlError while loading kubeconfig: " + loaded.error().message);
  if (!loaded->is_null()) k.content = std::move(*loaded);
  if (auto st = validate(k.content); !st) return st.error();
  return k;
}

Result<Kubeconfig> choose_kubeconfig(const std::vector<fs::path>& paths, const std::string& cluster_name) {
  for (const auto& p : paths) {
    auto k = load_kubeconfig(p);
    if (k && k->has_cluster(cluster_name)) return k;
  }
  return load_kubeconfig(paths.at(0));
}

Result<Json> insert_cluster_user_pair(Kubeconfig& config, const Json& cluster, const Json& user, const std::string* alias) {
  Json context = Json::object();
  context["context"] = Json{{"cluster", cluster["name"]}, {"user", user["name"]}};
  context["name"] = alias ? Json(*alias) : user["name"];
  for (const auto& [key, entry] : {std::pair<const char*, const Json*>{"clusters", &cluster}, {"users", &user}, {"contexts", &context}}) {
    auto& list = config.content[key];
    if (list.is_null() || (list.is_array() && list.empty()) || (list.is_string() && list.get<std::string>().empty())) {
      list = Json::array();
    }
    if (!list.is_array()) return make_error(std::string("Tried to insert into ") + key + ", which is a " + python_type(list) + " not a <class 'list'>");
    insert_entry(list, *entry);
  }
  config.content["current-context"] = context["name"];
  return context;
}

Status write_kubeconfig(const Kubeconfig& config) {
  std::error_code ec;
  const auto dir = config.path.parent_path();
  if (!dir.empty() && !fs::exists(dir, ec)) {
    fs::create_directories(dir, ec);
    if (ec) return make_error("Can't create directory for writing: [Errno " + std::to_string(ec.value()) + "] " + ec.message() + ": '" + dir.string() + "'");
  }
  const int fd = ::open(config.path.c_str(), O_CREAT | O_RDWR | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) {
    const int e = errno;
    return make_error("Can't open kubeconfig for writing: [Errno " + std::to_string(e) + "] " + std::strerror(e) + ": '" +
                      config.path.string() + "'");
  }
  const auto text = dump_pyyaml(config.content);
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int e = errno;
      ::close(fd);
      return make_error("Can't open kubeconfig for writing: [Errno " + std::to_string(e) + "] " + std::strerror(e));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) return make_error(std::string("Can't open kubeconfig for writing: ") + std::strerror(errno));
  return {};
}

}  // namespace drc::aws::cli
