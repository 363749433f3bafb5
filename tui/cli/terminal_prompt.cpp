#include "cli/terminal_prompt.hpp"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace drc::cli {

namespace {

// The signal that interrupted the prompt. A signal handler can only leave a note, so this one piece of
// process-wide state is unavoidable; it lives only while the prompt is up.
volatile std::sig_atomic_t g_interrupted = 0;

void note_signal(int sig) { g_interrupted = sig; }

// Catches the signals that would end the process while echo is off, so the terminal is put back first;
// the signal is then delivered again with its old action.
class SignalGuard {
 public:
  SignalGuard() {
    struct sigaction act {};
    act.sa_handler = note_signal;
    sigemptyset(&act.sa_mask);
    act.sa_flags = 0;  // no SA_RESTART: read() returns EINTR
    for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &act, &old_[i]);
    g_interrupted = 0;
  }
  ~SignalGuard() {
    for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &old_[i], nullptr);
    if (g_interrupted != 0) ::raise(g_interrupted);
  }
  SignalGuard(const SignalGuard&) = delete;
  SignalGuard& operator=(const SignalGuard&) = delete;

 private:
  static constexpr std::array<int, 4> kSignals{SIGINT, SIGTERM, SIGHUP, SIGQUIT};
  std::array<struct sigaction, 4> old_{};
};

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
    if (n < 0 && errno == EINTR && g_interrupted == 0) continue;
    if (g_interrupted != 0) return std::nullopt;
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
  // Declared first, so it is destroyed last: the terminal is restored before an interrupt is redelivered.
  SignalGuard guard;
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
