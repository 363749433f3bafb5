#pragma once
// What every subcommand shares: where output goes and the exit code it leaves.

#include <iostream>
#include <string>

namespace drc::cli {

enum ExitCode : int { kOk = 0, kFailed = 1, kUsage = 2 };

struct Context {
  std::ostream& out = std::cout;
  std::ostream& err = std::cerr;
  int exit_code = kOk;

  int fail(const std::string& message, int code = kFailed) {
    err << "drconsole: " << message << '\n';
    exit_code = code;
    return code;
  }
};

}  // namespace drc::cli
