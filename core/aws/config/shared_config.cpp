#include "aws/config/shared_config.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "util/text.hpp"

namespace drc::aws::config {

namespace {

std::string text_trim(std::string_view s) { return std::string(trim(s)); }

std::filesystem::path home() {
  const char* h = std::getenv("HOME");
  return h ? std::filesystem::path(h) : std::filesystem::path(".");
}

std::filesystem::path expand(const std::string& p) {
  if (!p.empty() && p[0] == '~') return home() / p.substr(p.size() > 1 && p[1] == '/' ? 2 : 1);
  return p;
}

}  // namespace

Env process_env() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
}

const Section* SharedConfig::profile(const std::string& name) const {
  auto it = profiles.find(name);
  return it == profiles.end() ? nullptr : &it->second;
}

Status parse_ini(std::string_view text, const std::string& file, bool credentials, SharedConfig& into) {
  Section* current = nullptr;
  std::string nested_parent;  // a "key =" line with no value opens a nested block
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos <= text.size();) {
    auto end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    const auto line = text_trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') {
      if (end == text.size()) break;
      continue;
    }
    const bool indented = !raw.empty() && (raw[0] == ' ' || raw[0] == '\t');
    if (line.front() == '[') {
      if (line.back() != ']') {
        return make_error(file + ":" + std::to_string(line_no) + ": a section header must end with ']'");
      }
      const auto name = text_trim(line.substr(1, line.size() - 2));
      nested_parent.clear();
      if (credentials) {
        current = &into.profiles[name];
      } else if (name == "default") {
        current = &into.profiles["default"];
      } else if (name.rfind("profile ", 0) == 0) {
        current = &into.profiles[text_trim(name.substr(8))];
      } else if (name.rfind("services ", 0) == 0) {
        current = &into.services[text_trim(name.substr(9))];
      } else if (name.rfind("sso-session ", 0) == 0) {
        current = &into.sso_sessions[text_trim(name.substr(12))];
      } else {
        current = nullptr;  // sections of other tools: not ours to read
      }
      if (end == text.size()) break;
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string::npos) {
      return make_error(file + ":" + std::to_string(line_no) + ": expected \"key = value\" or a [section]; got \"" +
                        line.substr(0, 40) + "\"");
    }
    auto key = text_trim(line.substr(0, eq));
    auto value = text_trim(line.substr(eq + 1));
    if (current) {
      if (indented && !nested_parent.empty()) {
        (*current)[nested_parent + "." + key] = value;
      } else {
        nested_parent = value.empty() ? key : std::string();
        if (!value.empty()) (*current)[key] = value;
      }
    }
    if (end == text.size()) break;
  }
  return {};
}

Result<SharedConfig> load_shared_config(const Env& env) {
  SharedConfig c;
  c.config_file = expand(env("AWS_CONFIG_FILE").value_or("~/.aws/config"));
  c.credentials_file = expand(env("AWS_SHARED_CREDENTIALS_FILE").value_or("~/.aws/credentials"));
  SharedConfig creds;
  for (const auto& [path, is_creds] : {std::pair{c.config_file, false}, std::pair{c.credentials_file, true}}) {
    std::ifstream in(path);
    if (!in) continue;  // no file is an empty file
    std::ostringstream s;
    s << in.rdbuf();
    if (auto st = parse_ini(s.str(), path.string(), is_creds, is_creds ? creds : c); !st) return st.error();
  }
  for (auto& [name, section] : creds.profiles) {
    for (auto& [k, v] : section) c.profiles[name][k] = v;
  }
  return c;
}

std::string profile_name(const Env& env, const std::string& flag) {
  if (!flag.empty()) return flag;
  if (auto p = env("AWS_PROFILE"); p && !p->empty()) return *p;
  if (auto p = env("AWS_DEFAULT_PROFILE"); p && !p->empty()) return *p;
  return "default";
}

std::string setting(const Env& env, const SharedConfig& cfg, const std::string& profile, const char* env_name, const char* key) {
  if (env_name) {
    if (auto v = env(env_name); v && !v->empty()) return *v;
  }
  if (const auto* p = cfg.profile(profile)) {
    if (auto it = p->find(key); it != p->end()) return it->second;
  }
  return {};
}

}  // namespace drc::aws::config
