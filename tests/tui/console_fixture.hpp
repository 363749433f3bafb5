#pragma once
// The console is the real binary in a terminal: tmux runs it, send-keys types, capture-pane reads the
// rendered screen (with -e, its colours too). Shared by the console's tests.

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>

#include "support/run_process.hpp"
#include "support/temp_dir.hpp"

namespace drc::test {

using namespace std::chrono_literals;

inline const std::string kExamples = DRC_EXAMPLES_DIR "/runbooks/";

inline std::string tmux_path() {
  for (const char* p : {"/usr/bin/tmux", "/bin/tmux", "/usr/local/bin/tmux"}) {
    if (::access(p, X_OK) == 0) return p;
  }
  return {};
}

// How a run of cells is drawn: palette colours (-1 the terminal's default) and boldness.
struct Look {
  int fg = -1, bg = -1;
  bool bold = false;
};

// The look in force where `text` first appears in a capture-pane -e screen; nullopt when it does not.
inline std::optional<Look> look_of(const std::string& screen, const std::string& text) {
  Look look;
  for (std::size_t i = 0; i < screen.size();) {
    if (screen.compare(i, 2, "\x1b[") == 0) {
      const auto end = screen.find_first_of("ABCDEFGHJKSTfmlhr", i + 2);
      if (end == std::string::npos) break;
      if (screen[end] == 'm') {
        std::vector<int> p;
        std::string params = screen.substr(i + 2, end - i - 2);
        for (std::size_t a = 0; a <= params.size();) {
          auto b = params.find_first_of(";:", a);
          if (b == std::string::npos) b = params.size();
          p.push_back(b > a ? std::stoi(params.substr(a, b - a)) : 0);
          a = b + 1;
        }
        for (std::size_t k = 0; k < p.size(); ++k) {
          const int v = p[k];
          if (v == 0) look = Look{};
          else if (v == 1) look.bold = true;
          else if (v == 22) look.bold = false;
          else if (v >= 30 && v <= 37) look.fg = v - 30;
          else if (v >= 40 && v <= 47) look.bg = v - 40;
          else if (v >= 90 && v <= 97) look.fg = v - 90 + 8;
          else if (v >= 100 && v <= 107) look.bg = v - 100 + 8;
          else if (v == 39) look.fg = -1;
          else if (v == 49) look.bg = -1;
          else if ((v == 38 || v == 48) && k + 2 < p.size() && p[k + 1] == 5) {
            (v == 38 ? look.fg : look.bg) = p[k + 2];
            k += 2;
          }
        }
      }
      i = end + 1;
      continue;
    }
    if (screen.compare(i, text.size(), text) == 0) return look;
    ++i;
  }
  return std::nullopt;
}

class Console : public ::testing::Test {
 protected:
  TempDir tmp;
  std::string socket = "drc-test-" + std::to_string(::getpid()) + "-" +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::string tmux = tmux_path();

  void SetUp() override { ASSERT_FALSE(tmux.empty()) << "tmux is needed for the console tests (scripts/bootstrap installs it)"; }
  void TearDown() override { run_tmux({"kill-server"}); }

  ProcessResult run_tmux(std::vector<std::string> args) {
    args.insert(args.begin(), {tmux, "-u", "-L", socket, "-f", "/dev/null"});
    return run_process(args);
  }
  std::map<std::string, std::string> env() const {
    return {{"XDG_STATE_HOME", tmp.path().string()}, {"USER", "tester"}, {"TERM", "xterm-256color"}};
  }
  // The console never reads this machine's AWS or drconsole settings, so it reaches nothing beyond
  // loopback; `extra_env` ("NAME=value ...") adds to that.
  void start(const std::string& drconsole_args, int w = 100, int h = 30, const std::string& extra_env = {}) {
    const auto cmd = "env LANG=C.UTF-8 XDG_STATE_HOME=" + tmp.path().string() + " XDG_CONFIG_HOME=" + (tmp / "config").string() +
                     " AWS_CONFIG_FILE=/nonexistent/config AWS_SHARED_CREDENTIALS_FILE=/nonexistent/credentials"
                     " AWS_EC2_METADATA_DISABLED=true USER=tester " +
                     extra_env + " " + DRC_BINARY + " " + drconsole_args + "; echo $? > " + (tmp / "exit-code").string() + "; sleep 60";
    auto r = run_tmux({"new-session", "-d", "-x", std::to_string(w), "-y", std::to_string(h), cmd});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::string screen() { return run_tmux({"capture-pane", "-p"}).out; }
  std::string screen_with_colours() { return run_tmux({"capture-pane", "-p", "-e"}).out; }
  void keys(const std::vector<std::string>& k) {
    std::vector<std::string> args{"send-keys"};
    args.insert(args.end(), k.begin(), k.end());
    run_tmux(args);
  }
  // Waits for text to be on screen (the console redraws within a second of any change).
  bool wait_for(const std::string& text, std::chrono::milliseconds limit = 5s) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
      if (screen().find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }
  // Waits for text to leave the screen.
  bool wait_gone(const std::string& text, std::chrono::milliseconds limit = 5s) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
      if (screen().find(text) == std::string::npos) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }
  std::string journal() {
    for (const auto& e : std::filesystem::directory_iterator(tmp / "drconsole" / "incidents")) {
      if (e.path().extension() == ".jsonl") return e.path().string();
    }
    return {};
  }
  ProcessResult cli(std::vector<std::string> args) {
    args.insert(args.begin(), DRC_BINARY);
    return run_process(args, env());
  }
};

}  // namespace drc::test
