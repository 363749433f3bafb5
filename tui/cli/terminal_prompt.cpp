#include "cli/terminal_prompt.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace drc::cli {

namespace {

void write_all(int fd, const std::string& s) {
  std::size_t done = 0;
  while (done < s.size()) {
    const auto n = ::write(fd, s.data() + done, s.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

std::optional<std::string> read_line(int fd) {
  std::string line;
  char c = 0;
  for (;;) {
    const auto n = ::read(fd, &c, 1);
    if (n == 1 && c == '\n') return line;
    if (n == 1) {
      if (line.size() < 4096) line += c;  // a code, not a document: the rest is dropped
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    return line.empty() ? std::nullopt : std::optional<std::string>(line);
  }
}

}  // namespace

std::optional<std::string> ask_secret(const std::string& prompt) {
  const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty < 0) {
    std::cerr << "Warning: Password input may be echoed.\n" << prompt << std::flush;
    std::string line;
    if (!std::getline(std::cin, line)) return std::nullopt;
    return line;
  }
  termios old{};
  const bool have_termios = ::tcgetattr(tty, &old) == 0;
  if (have_termios) {
    termios quiet = old;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    ::tcsetattr(tty, TCSAFLUSH, &quiet);
  }
  write_all(tty, prompt);
  auto line = read_line(tty);
  if (have_termios) ::tcsetattr(tty, TCSAFLUSH, &old);
  write_all(tty, "\n");
  ::close(tty);
  return line;
}

}  // namespace drc::cli
