#pragma once
// Runs a program with arguments, environment additions and optional stdin; collects its output.

#include <map>
#include <string>
#include <vector>

namespace drc::test {

struct ProcessResult {
  int exit_code = -1;  // -1 when it did not exit normally
  std::string out;
  std::string err;
};

ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                          const std::string& stdin_text = {});

}  // namespace drc::test
