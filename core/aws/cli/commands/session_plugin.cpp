// ssm start-session and ecs execute-command, as the aws CLI runs them: one call opens the session, and
// AWS's session-manager-plugin carries it (a shell on an instance or in a container, a port forward).
// drconsole gives the plugin the same arguments the CLI does; the session's token travels in an
// environment variable for plugins new enough to read it there, and never reaches drconsole's output.
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <vector>

#include "aws/cli/commands/run_command.hpp"

extern char** environ;

namespace drc::aws::cli {

namespace detail {

namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kPlugin = "session-manager-plugin";
constexpr const char* kNotFound =
    "SessionManagerPlugin is not found. Please refer to SessionManager Documentation here: "
    "http://docs.aws.amazon.com/console/systems-manager/session-manager-plugin-not-found";
constexpr const char* kResponseVariable = "AWS_SSM_START_SESSION_RESPONSE";

struct Ran {
  bool found = false;  // false: no such program on PATH
  bool started = false;
  int status = 0;      // its exit status (128 + N for a signal)
  std::string out;     // its standard output, when captured
  std::string why;     // why it could not be started, when found
};

// The plugin's path on PATH, found before forking (the child of a threaded process may only exec).
std::string find_plugin() {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const auto candidate = (dir.empty() ? std::string(".") : dir) + "/" + kPlugin;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

// Runs the plugin and waits for it. While it runs, drconsole ignores the terminal's Ctrl-C, Ctrl-\ and
// Ctrl-Z, and the plugin inherits that, as with the CLI's ignore_user_entered_signals and subprocess: the
// keys go into the session. The plugin gets no descriptor of drconsole's but 0, 1 and 2.
Ran run_plugin(const std::vector<std::string>& args, const std::vector<std::string>& extra_env, bool capture) {
  Ran r;
  const auto plugin = find_plugin();
  if (plugin.empty()) return r;
  r.found = true;
  std::vector<std::string> argv_text{kPlugin};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env_text = extra_env;
  for (char** e = environ; *e; ++e) env_text.emplace_back(*e);  // the first of a name wins in getenv
  std::vector<char*> envp;
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);

  int out_pipe[2] = {-1, -1};
  if (capture && pipe2(out_pipe, O_CLOEXEC) != 0) {
    r.why = std::strerror(errno);
    return r;
  }
  struct sigaction ignore {}, old_int {}, old_quit {}, old_tstp {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGINT, &ignore, &old_int);
  sigaction(SIGQUIT, &ignore, &old_quit);
  sigaction(SIGTSTP, &ignore, &old_tstp);
  const pid_t pid = fork();
  if (pid == 0) {
    if (capture) dup2(out_pipe[1], STDOUT_FILENO);
    close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
    execve(plugin.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  const int fork_errno = errno;
  if (capture) close(out_pipe[1]);
  if (pid < 0) {
    r.why = std::strerror(fork_errno);
  } else {
    r.started = true;
    if (capture) {
      char buf[4096];
      for (ssize_t n; (n = read(out_pipe[0], buf, sizeof buf)) > 0;) {
        if (r.out.size() < 65536) r.out.append(buf, static_cast<std::size_t>(n));  // a version line; capped
      }
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  if (capture) close(out_pipe[0]);
  sigaction(SIGINT, &old_int, nullptr);
  sigaction(SIGQUIT, &old_quit, nullptr);
  sigaction(SIGTSTP, &old_tstp, nullptr);
  return r;
}

// The CLI's VersionRequirement: a dotted version (whitespace removed) above 1.2.497.0 reads the session
// from the environment.
bool reads_response_from_env(std::string version) {
  version.erase(std::remove_if(version.begin(), version.end(), [](unsigned char c) { return std::isspace(c); }), version.end());
  std::vector<long> parts;
  std::stringstream in(version);
  for (std::string p; std::getline(in, p, '.');) {
    if (p.empty() || p.size() > 9 || !std::all_of(p.begin(), p.end(), [](unsigned char c) { return std::isdigit(c); })) return false;
    parts.push_back(std::stol(p));
  }
  if (parts.empty() || parts.size() > 4 || version.back() == '.') return false;
  std::vector<long> min{1, 2, 497, 0};
  parts.resize(std::max(parts.size(), min.size()), 0);
  return parts > min;
}

CommandOutcome plugin_result(const Ran& r) {
  if (!r.found) return failed(kNotFound);
  if (!r.started) return failed(std::string("could not start ") + kPlugin + ": " + r.why);
  // Not the CLI's CalledProcessError text, which repeats the arguments: one holds the session's token.
  if (r.status != 0) return failed(std::string(kPlugin) + " ended with exit status " + std::to_string(r.status));
  return {};
}

std::string endpoint_of(CommandIo& io, const std::string& service, const std::string& region) {
  auto svc = io.client.service(service);
  if (!svc) return "";
  auto ep = io.client.endpoint((*svc)->metadata(), region, true);
  return ep ? ep->url() : "";
}

std::string last_part(const std::string& arn) { return arn.substr(arn.rfind('/') == std::string::npos ? 0 : arn.rfind('/') + 1); }

CommandOutcome ecs_execute_command(const Invocation& inv, CommandIo& io) {
  // The CLI runs the plugin bare first: not installed, nothing is called.
  if (auto check = plugin_result(run_plugin({}, {}, false)); check.exit_code) return check;
  auto res = call_aws(io, "ecs", "ExecuteCommand", inv.params);
  if (!res.ok()) return failed(res.error_text());
  const auto& out = *res.output;
  const auto cluster = last_part(out.value("clusterArn", "")), task = last_part(out.value("taskArn", ""));
  auto tasks = call_aws(io, "ecs", "DescribeTasks", {{"cluster", cluster}, {"tasks", Json::array({task})}});
  if (!tasks.ok()) return failed(tasks.error_text());
  const auto& found = (*tasks.output)["tasks"];
  if (!found.is_array() || found.empty()) return failed("The task provided in the request was not found.");
  std::string runtime_id = "None";  // Python's format() of a container it did not find
  for (const auto& c : found[0].value("containers", Json::array())) {
    if (c.value("name", "") != out.value("containerName", "")) continue;
    if (!c.contains("runtimeId")) return failed("'runtimeId'");  // the CLI's KeyError
    runtime_id = c.value("runtimeId", "None");
    break;
  }
  const Json target{{"Target", "ecs:" + cluster + "_" + task + "_" + runtime_id}};
  // botocore's session profile: --profile, AWS_DEFAULT_PROFILE, AWS_PROFILE.
  auto profile = io.global.profile;
  if (profile.empty()) profile = io.env("AWS_DEFAULT_PROFILE").value_or("");
  if (profile.empty()) profile = io.env("AWS_PROFILE").value_or("");
  return plugin_result(run_plugin({out.value("session", Json::object()).dump(), res.region, "StartSession", profile,
                                   target.dump(), endpoint_of(io, "ecs", res.region)},
                                  {}, false));
}

CommandOutcome ssm_start_session(const Invocation& inv, CommandIo& io) {
  auto res = call_aws(io, "ssm", "StartSession", inv.params);
  if (!res.ok()) return failed(res.error_text());
  const auto& out = *res.output;
  if (!out.contains("SessionId")) return failed("'SessionId'");  // the CLI's KeyError
  const Json session{{"SessionId", out["SessionId"]}, {"TokenValue", out.value("TokenValue", Json())},
                     {"StreamUrl", out.value("StreamUrl", Json())}};
  const auto version = run_plugin({"--version"}, {}, true);
  if (!version.found) {
    // Close the session the service opened, or it stays open on the instance until it times out.
    call_aws(io, "ssm", "TerminateSession", {{"SessionId", out["SessionId"]}});
    return failed(kNotFound);
  }
  if (!version.started) return plugin_result(version);
  if (version.status != 0) {  // the CLI's check_output raises: nothing is handed over
    return failed("Command '['session-manager-plugin', '--version']' returned non-zero exit status " +
                  std::to_string(version.status) + ".");
  }
  std::string response = session.dump();
  std::vector<std::string> env;
  if (reads_response_from_env(version.out)) {
    env.push_back(std::string(kResponseVariable) + "=" + response);
    response = kResponseVariable;
  }
  return plugin_result(run_plugin({response, res.region, "StartSession", io.global.profile, inv.params.dump(),
                                   endpoint_of(io, "ssm", res.region)},
                                  env, false));
}

}  // namespace

}  // namespace detail

bool is_session_command(const Invocation& inv) {
  if (!inv.op || !inv.waiter.empty()) return false;
  const auto& service = inv.model->metadata().service;
  return (service == "ssm" && inv.op->name == "StartSession") || (service == "ecs" && inv.op->name == "ExecuteCommand");
}

CommandOutcome run_session_command(const Invocation& inv, CommandIo& io) {
  return inv.model->metadata().service == "ssm" ? detail::ssm_start_session(inv, io) : detail::ecs_execute_command(inv, io);
}

}  // namespace drc::aws::cli
