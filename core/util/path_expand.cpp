#include "util/path_expand.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <optional>
#include <vector>

namespace drc {

namespace {

std::optional<std::string> home_of(const std::string& user) {
  std::vector<char> buf(16384);
  passwd pw{};
  passwd* found = nullptr;
  const int rc = user.empty() ? ::getpwuid_r(::getuid(), &pw, buf.data(), buf.size(), &found)
                              : ::getpwnam_r(user.c_str(), &pw, buf.data(), buf.size(), &found);
  if (rc != 0 || !found || !found->pw_dir) return std::nullopt;
  return std::string(found->pw_dir);
}

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

}  // namespace

std::string expand_user(std::string_view path) {
  if (path.empty() || path[0] != '~') return std::string(path);
  const auto slash = path.find('/');
  const std::string user(path.substr(1, slash == std::string_view::npos ? std::string_view::npos : slash - 1));
  std::optional<std::string> home;
  if (user.empty()) {
    if (const char* h = std::getenv("HOME")) home = h;
    else home = home_of("");
  } else {
    home = home_of(user);
  }
  if (!home) return std::string(path);
  // posixpath strips the home's trailing slashes; what is left empty is the root.
  while (!home->empty() && home->back() == '/') home->pop_back();
  const std::string rest(slash == std::string_view::npos ? std::string_view() : path.substr(slash));
  const auto out = *home + rest;
  return out.empty() ? "/" : out;
}

std::string expand_vars(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '$' || i + 1 >= s.size()) {
      out += s[i];
      continue;
    }
    const bool braced = s[i + 1] == '{';
    std::size_t start = i + 1, end = start;
    std::string name;
    if (braced) {
      // ${...}: everything up to the closing brace is the name, as Python's pattern reads it.
      start = i + 2;
      end = s.find('}', start);
      if (end == std::string_view::npos) {
        out += s[i];
        continue;
      }
      name = std::string(s.substr(start, end - start));
    } else {
      while (end < s.size() && is_word_char(s[end])) ++end;
      name = std::string(s.substr(start, end - start));
    }
    const char* value = name.empty() ? nullptr : std::getenv(name.c_str());
    if (!value && !braced) {
      out += s[i];
      continue;
    }
    // A ${...} that names no variable is kept whole, and not looked into again (as Python's scan).
    out += value ? std::string(value) : std::string(s.substr(i, end - i + 1));
    i = braced ? end : end - 1;
  }
  return out;
}

}  // namespace drc
