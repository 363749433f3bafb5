#include "aws/cli/paramfile.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>

#include "util/path_expand.hpp"
#include "util/text.hpp"

namespace drc::aws::cli {

namespace {

// Python's OSError text: "[Errno 2] No such file or directory: 'path'".
std::string os_error(int err, const std::string& path) {
  return "[Errno " + std::to_string(err) + "] " + std::strerror(err) + ": '" + path + "'";
}

// Whole file, or the errno that stopped it. A directory opens on Linux but Python refuses it (EISDIR).
int read_all(const std::string& path, std::string& out) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return EISDIR;
  }
  char buf[65536];
  for (;;) {
    const auto n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      return err;
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return 0;
}

// Python's text mode: "\r\n" and a lone "\r" both read as "\n".
std::string universal_newlines(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') {
      out += s[i];
      continue;
    }
    out += '\n';
    if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
  }
  return out;
}

}  // namespace

Result<std::string> resolve_paramfile(const std::string& value) {
  for (const auto& [prefix, binary] : {std::pair<std::string_view, bool>{"file://", false}, {"fileb://", true}}) {
    if (value.rfind(prefix, 0) != 0) continue;
    const auto path = expand_vars(expand_user(std::string_view(value).substr(prefix.size())));
    std::string contents;
    if (const int err = read_all(path, contents); err != 0) {
      return make_error("Unable to load paramfile " + value + ": " + os_error(err, path));
    }
    if (binary) return contents;
    if (!is_valid_utf8(contents)) {
      return make_error("Unable to load paramfile (" + path +
                        "), text contents could not be decoded.  If this is a binary file, please use the fileb:// "
                        "prefix instead of the file:// prefix.");
    }
    return universal_newlines(contents);
  }
  return value;
}

}  // namespace drc::aws::cli
