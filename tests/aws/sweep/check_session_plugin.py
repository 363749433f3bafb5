#!/usr/bin/env python3
"""`ssm start-session` and `ecs execute-command` through the aws CLI and through drconsole: the same calls,
and the same hand-over to session-manager-plugin.

usage: check_session_plugin.py DRCONSOLE

AWS's plugin is an external program (it carries the session over a websocket); this machine has none. A
stand-in on PATH records the arguments and the environment each tool runs it with, and a recording
server of the test's own answers the calls as SSM and ECS would. Compared for each case: the requests
(operation and body), the exit status, standard error, and what the plugin was given (JSON arguments
parsed). Cases: no plugin installed (the CLI's message; for ssm the opened session is terminated), a
plugin too old to read the session from the environment (it goes in the arguments), a newer one (it goes
in AWS_SSM_START_SESSION_RESPONSE), and one whose --version fails (nothing is handed over). drconsole's
--debug log must not show the session's token. Exit 77 without the aws CLI.
"""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ANSWERS = {
    "AmazonSSM.StartSession": {"SessionId": "dr-oncall-0a1b2c", "TokenValue": "AAEAAf-token-secret",
                               "StreamUrl": "wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/dr-oncall-0a1b2c"},
    "AmazonSSM.TerminateSession": {"SessionId": "dr-oncall-0a1b2c"},
    "AmazonEC2ContainerServiceV20141113.ExecuteCommand": {
        "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/payments-prod",
        "containerArn": "arn:aws:ecs:us-east-1:123456789012:container/payments-prod/9f8e/1a2b",
        "containerName": "api", "interactive": True,
        "session": {"sessionId": "ecs-execute-command-0d9c", "streamUrl": "wss://ssmmessages.us-east-1.amazonaws.com/v1/data-channel/x",
                    "tokenValue": "AAEAAf-ecs-token"},
        "taskArn": "arn:aws:ecs:us-east-1:123456789012:task/payments-prod/9f8e7d6c"},
    "AmazonEC2ContainerServiceV20141113.DescribeTasks": {
        "tasks": [{"containers": [{"name": "sidecar", "runtimeId": "9f8e7d6c-111"}, {"name": "api", "runtimeId": "9f8e7d6c-222"}]}],
        "failures": []},
}

PLUGIN = r'''#!/usr/bin/env python3
import json, os, sys
if sys.argv[1:] == ["--version"]:
    if os.environ["FAKE_PLUGIN_VERSION"] == "broken":
        sys.exit(3)
    print(os.environ["FAKE_PLUGIN_VERSION"])
    sys.exit(0)
if not sys.argv[1:]:
    print("\nThe Session Manager plugin was installed successfully. Use the AWS CLI to start a session.\n")
    sys.exit(0)
with open(os.environ["FAKE_PLUGIN_LOG"], "a") as f:
    f.write(json.dumps({"args": sys.argv[1:], "env": os.environ.get("AWS_SSM_START_SESSION_RESPONSE")}) + "\n")
'''


class Recorder:
    def __init__(self):
        self.requests = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                target = self.headers.get("x-amz-target", "")
                recorder.requests.append((target, json.loads(body or b"{}")))
                payload = json.dumps(ANSWERS.get(target, {})).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/x-amz-json-1.1")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def parsed(arg):
    try:
        return json.loads(arg)
    except ValueError:
        return arg


def run(tool, args, env, recorder, log):
    recorder.requests.clear()
    if os.path.exists(log):
        os.remove(log)
    p = subprocess.run(tool + args + ["--endpoint-url", recorder.url], capture_output=True, env=env, timeout=120, check=False)
    plugin = []
    if os.path.exists(log):
        for line in open(log):
            rec = json.loads(line)
            plugin.append({"args": [parsed(a) for a in rec["args"]], "env": parsed(rec["env"]) if rec["env"] else None})
    return {"requests": list(recorder.requests), "exit": p.returncode, "stderr": p.stderr.decode().strip(),
            "stdout": p.stdout.decode().strip(), "plugin": plugin}


def main():
    drconsole = os.path.abspath(sys.argv[1])
    aws = shutil.which("aws")
    if aws is None:
        print("the aws CLI is not installed: skipped")
        return 77
    home = tempfile.mkdtemp(prefix="drc-session-")
    plugin_dir = os.path.join(home, "bin")
    os.mkdir(plugin_dir)
    plugin = os.path.join(plugin_dir, "session-manager-plugin")
    with open(plugin, "w") as f:
        f.write(PLUGIN.replace("#!/usr/bin/env python3", "#!" + sys.executable, 1))
    os.chmod(plugin, stat.S_IRWXU)
    log = os.path.join(home, "plugin.log")
    base = {"HOME": home, "AWS_ACCESS_KEY_ID": "AKIATEST", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_CONFIG_FILE": os.path.join(home, "config"), "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "creds"),
            "AWS_EC2_METADATA_DISABLED": "true", "AWS_PAGER": "", "LANG": "C.UTF-8", "FAKE_PLUGIN_LOG": log}
    no_plugin_path = os.pathsep.join(d for d in os.environ.get("PATH", "").split(os.pathsep)
                                     if not os.path.exists(os.path.join(d, "session-manager-plugin")))
    commands = {
        "ssm": ["ssm", "start-session", "--target", "i-0abc123def4567890", "--document-name", "AWS-StartPortForwardingSession",
                "--parameters", '{"portNumber": ["5432"], "localPortNumber": ["15432"]}'],
        "ecs": ["ecs", "execute-command", "--cluster", "payments-prod", "--task", "9f8e7d6c", "--container", "api",
                "--interactive", "--command", "/bin/sh"],
    }
    cases = [(f"{name} without a plugin", cmd, {"PATH": no_plugin_path}) for name, cmd in commands.items()]
    for version in ("1.2.0.0", "1.2.650.0", "broken"):
        cases += [(f"{name} with plugin {version}", cmd, {"PATH": plugin_dir + os.pathsep + no_plugin_path,
                                                          "FAKE_PLUGIN_VERSION": version}) for name, cmd in commands.items()]
    recorder = Recorder()
    failures = 0
    for name, cmd, extra in cases:
        env = {**base, **extra}
        ref = run([aws], cmd, env, recorder, log)
        mine = run([drconsole, "aws"], cmd, env, recorder, log)
        if ref != mine:
            failures += 1
            print(f"DIFFER {name}:\n  aws:       {json.dumps(ref)}\n  drconsole: {json.dumps(mine)}")
        elif "token" in mine["stdout"] + mine["stderr"]:
            failures += 1
            print(f"LEAK {name}: a session token reached the output")
    # The debug log shows each response, redacted: the token that opens the session is not in it.
    env = {**base, "PATH": plugin_dir + os.pathsep + no_plugin_path, "FAKE_PLUGIN_VERSION": "1.2.650.0"}
    for cmd, first_call in ((commands["ssm"], "StartSession finished"), (commands["ecs"], "ExecuteCommand finished")):
        debug = run([drconsole, "aws", "--debug"], cmd, env, recorder, log)
        if "AAEAAf" in debug["stdout"] + debug["stderr"] or first_call not in debug["stderr"]:
            failures += 1
            print(f"LEAK or no debug log: drconsole --debug {' '.join(cmd[:2])}: {debug['stderr'][-600:]}")
    print(f"{len(cases)} session hand-overs compared with the aws CLI; {failures} differ")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
