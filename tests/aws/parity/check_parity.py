#!/usr/bin/env python3
"""`drconsole aws` against the aws CLI on moto_server: the same commands, the same parsed output, the same
error line and the same exit status.

usage: check_parity.py DRCONSOLE [CASE_NAME_SUBSTRING]

Each case (cases.py) starts from a reset moto with the same random seed, runs its set-up through botocore,
then runs one command through `aws` and, after the same reset and set-up, through `drconsole aws`.
Timestamps are masked before comparing (each run creates things at its own time). JSON is compared
parsed, text stripped; table and YAML output byte for byte, as their layout is the point. Exit 77 without
moto, the aws CLI or botocore.

The installed aws CLI (version 1) has no YAML output; cases with --output yaml or yaml-stream run it
through aws_with_yaml.py, which gives it version 2's YAML formatters, and are skipped (and said to be)
when that cannot import ruamel.yaml with its C emitter.

A case may also give: "after", botocore calls made once the command has run, whose answers are compared
too (what the command changed); "files", files written into a fresh folder before each tool runs (its
path stands for <<dir>> in args and env; <<moto_localhost>> is moto's URL with the host "localhost"), and "compare_files", those read back afterwards; "env", extra
variables; "normalize", a function of (stdout, stderr) whose result is compared instead of the parsed
output (for presigned tokens, which differ by the second: it checks the signature itself). Setup steps
may save their answer under a name (a fourth element), and <<name:Path.To[0].Value>> in later params,
args and "after" stands for a value from it. "terminal_columns" runs both tools with standard output on
a pseudo-terminal that wide; "reference_args" are given to the aws CLI only, where drconsole differs on
purpose; "compare_stderr" compares the whole of standard error (the CLI's own failures). "localhost" runs
both tools (and the set-up) against moto named localhost, with the CLI resolving names under .localhost as
curl does (aws_localhost.py): S3 Control puts the account id in front of the host.
"""
import difflib
import fcntl
import json
import os
import pty
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

sys.path.insert(0, os.path.dirname(__file__))
try:
    import botocore.session
except ImportError:
    print("botocore is not importable: skipped")
    sys.exit(77)
from cases import CASES  # noqa: E402
from moto_server import MotoServer  # noqa: E402
import localhost_names  # noqa: E402

localhost_names.install()  # for set-up steps against <account>.localhost (S3 Control)

# ISO 8601, or as botocore's datetimes print (a space for the T) in "after" answers.
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?")
# moto names automated snapshots after the minute they are taken (rds:payments-db-2026-11-23-23-42): the
# two runs of a case can fall either side of a minute.
MINUTE_STAMP = re.compile(r"\d{4}-\d\d-\d\d-\d\d-\d\d")
RFC822 = re.compile(r"(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT")
EPOCH = re.compile(r"\b1[6-9]\d{8}(\d{3})?(\.\d+)?\b")
# Client-generated idempotency tokens (ClientToken, ClientRequestToken) are random in each run.
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\b")


def mask(text):
    text = TIMESTAMP.sub("<time>", text)
    return UUID.sub("<uuid>", EPOCH.sub("0", RFC822.sub("<time>", MINUTE_STAMP.sub("<minute>", text))))


# Output compared exactly rather than parsed: whitespace and borders are what these formats are about.
EXACT_FORMATS = ("table", "yaml", "yaml-stream")
YAML_FORMATS = ("yaml", "yaml-stream")
AWS_WITH_YAML = os.path.join(os.path.dirname(os.path.abspath(__file__)), "aws_with_yaml.py")
AWS_LOCALHOST = os.path.join(os.path.dirname(os.path.abspath(__file__)), "aws_localhost.py")


def output_format(args):
    for i, a in enumerate(args):
        if a == "--output" and i + 1 < len(args):
            return args[i + 1]
        if a.startswith("--output="):
            return a.split("=", 1)[1]
    return "json"


def run(cmd, env, columns=None):
    if columns:
        return run_on_terminal(cmd, env, columns)
    started = time.time()
    p = subprocess.run(cmd, capture_output=True, env=env, timeout=300, check=False)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), time.time() - started


def run_on_terminal(cmd, env, columns):
    """Standard output on a pseudo-terminal this many columns wide (where the table takes its width and
    the default colour from), standard error on a pipe; the terminal's CR LF read back as LF."""
    started = time.time()
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=slave, stderr=err, env=env)
        os.close(slave)
        out = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the program closed its side
                break
            if not chunk:
                break
            out += chunk
        os.close(master)
        rc = p.wait(timeout=300)
        err.seek(0)
        errors = err.read()
    return rc, out.decode("utf-8", "replace").replace("\r\n", "\n"), errors.decode("utf-8", "replace"), time.time() - started


def parsed(stdout, fmt):
    if fmt in EXACT_FORMATS:
        return mask(stdout)
    s = mask(stdout).strip()
    if not s:
        return None
    try:
        return json.loads(s)
    except ValueError:
        return s  # text output


def error_line(stderr, whole):
    if whole:  # a failure of the CLI's own (a table it cannot lay out), not of the service
        return mask(stderr).strip() or None
    lines = [l for l in stderr.splitlines() if l.startswith("An error occurred") or l.startswith("Parameter validation")]
    return mask(lines[0]) if lines else None


PLACEHOLDER = re.compile(r"<<(\w+)(?::([\w.\[\]]+))?>>")


def substitute(value, saved):
    """<<name:Path.To[0].Value>> (a value from a saved setup answer) or <<dir>>, in strings at any depth."""
    if isinstance(value, dict):
        return {k: substitute(v, saved) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [substitute(v, saved) for v in value]
    if not isinstance(value, str):
        return value

    def one(m):
        got = saved[m.group(1)]
        for part in re.findall(r"[^.\[\]]+|\[\d+\]", m.group(2) or ""):
            got = got[int(part[1:-1])] if part.startswith("[") else got[part]
        return str(got)
    return PLACEHOLDER.sub(one, value)


def setup(moto, env, steps, saved=None, url=None):
    """Runs botocore calls against moto; returns their answers (masked), and keeps named ones in `saved`."""
    session = botocore.session.get_session()
    url = url or moto.url
    clients, answers = {}, []
    saved = {} if saved is None else saved
    for step in steps:
        service, op, params = step[:3]
        c = clients.get(service)
        if c is None:
            c = clients[service] = session.create_client(service, region_name=env["AWS_DEFAULT_REGION"],
                                                         endpoint_url=url, aws_access_key_id="AKIATEST",
                                                         aws_secret_access_key="secret")
        try:
            answer = getattr(c, op)(**substitute(params, saved))
        except c.exceptions.ClientError as e:
            answer = {"Error": e.response.get("Error", {})}
        answer.pop("ResponseMetadata", None)
        if len(step) > 3:
            saved[step[3]] = answer
        answers.append(json.loads(mask(json.dumps(answer, default=str))))
    return answers


def isolated_env(home):
    """The environment both tools run in: test credentials, us-east-1, and no configuration of this machine's."""
    return {"PATH": os.environ.get("PATH", ""), "HOME": home, "AWS_ACCESS_KEY_ID": "AKIATEST",
            "AWS_SECRET_ACCESS_KEY": "secret", "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": os.path.join(home, "config"), "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "creds"),
            "AWS_PAGER": "", "LANG": "C.UTF-8"}


def main():
    drconsole = os.path.abspath(sys.argv[1])
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    aws = shutil.which("aws")
    if aws is None:
        print("the aws CLI is not installed: skipped")
        return 77
    env = isolated_env(tempfile.mkdtemp(prefix="drc-parity-"))
    failures, compared, skipped, totals = [], 0, [], {"aws": 0.0, "drconsole": 0.0}
    aws_yaml = [sys.executable, AWS_WITH_YAML]
    yaml_reference = subprocess.run(aws_yaml + ["--version"], capture_output=True, env=env, check=False).returncode != 77
    with MotoServer() as moto:
        # The same server named "localhost": moto reads a CloudFormation TemplateURL as path-style only
        # under that name (deploy --s3-bucket hands it one built from the s3 endpoint).
        moto_localhost = moto.url.replace("127.0.0.1", "localhost")
        for case in CASES:
            if only and only not in case["name"]:
                continue
            fmt = output_format(case["args"])
            if fmt in YAML_FORMATS and not yaml_reference:
                skipped.append(case["name"])
                continue
            reference = aws_yaml if fmt in YAML_FORMATS else [aws]
            url = moto.url
            if case.get("localhost"):
                reference, url = [sys.executable, AWS_LOCALHOST], moto_localhost
            outcome = {}
            # A warm-up: moto builds a service's backend on first use, drawing on its random state, so the
            # first run of a case would otherwise see other random ids than the second.
            moto.reset()
            setup(moto, env, case.get("setup", []), {"dir": tempfile.gettempdir()}, url)
            # --endpoint-url rather than AWS_ENDPOINT_URL: the aws CLI (v1) overrides the variable with its own
            # legacy hosts for rds, sqs, docdb and neptune in us-east-1.
            for tool, argv0 in (("aws", reference + ["--endpoint-url", url]),
                                ("drconsole", [drconsole, "aws", "--endpoint-url", url])):
                moto.reset()
                saved = {"dir": tempfile.mkdtemp(prefix="drc-parity-case-"), "moto_localhost": moto_localhost}
                for name, content in case.get("files", {}).items():
                    with open(os.path.join(saved["dir"], name), "wb") as f:
                        f.write(content if isinstance(content, bytes) else content.encode("utf-8"))
                setup(moto, env, case.get("setup", []), saved, url)
                case_env = {**env, **substitute(case.get("env", {}), saved)}
                for pre in case.get("before", []):  # commands run through the tool under test first
                    run(argv0 + substitute(pre, saved), case_env)
                # reference_args: what the CLI needs to print what drconsole should (where they differ on purpose)
                extra = case.get("reference_args", []) if tool == "aws" else []
                rc, out, err, secs = run(argv0 + substitute(case["args"], saved) + extra, case_env,
                                         case.get("terminal_columns"))
                totals[tool] += secs
                shown = case["normalize"](out, err) if "normalize" in case else parsed(out.replace(saved["dir"], "<dir>"), fmt)
                after = setup(moto, env, case.get("after", []), saved, url)
                files = {}
                for name in case.get("compare_files", []):
                    path = os.path.join(saved["dir"], name)
                    files[name] = open(path, encoding="utf-8").read() if os.path.exists(path) else None
                    if os.path.exists(path):
                        files[name + " mode"] = oct(os.stat(path).st_mode & 0o777)
                outcome[tool] = (rc, shown, error_line(err.replace(saved["dir"], "<dir>"), case.get("compare_stderr", False)), err,
                                 after, files)
            compared += 1
            a, d = outcome["aws"], outcome["drconsole"]
            problems = []
            if a[0] != d[0]:
                problems.append(f"exit status aws {a[0]} drconsole {d[0]}")
            if a[1] != d[1] and fmt in EXACT_FORMATS:
                diff = difflib.unified_diff((a[1] or "").splitlines(), (d[1] or "").splitlines(), "aws", "drconsole", lineterm="")
                problems.append("output differs:\n    " + "\n    ".join(list(diff)[:60]))
            elif a[1] != d[1]:
                problems.append(f"output differs:\n    aws:       {json.dumps(a[1])[:700]}\n    drconsole: {json.dumps(d[1])[:700]}")
            if a[2] != d[2]:
                problems.append(f"error line differs:\n    aws:       {a[2]}\n    drconsole: {d[2]}")
            if a[4] != d[4]:
                problems.append(f"state afterwards differs:\n    aws:       {json.dumps(a[4])[:900]}\n    drconsole: {json.dumps(d[4])[:900]}")
            if a[5] != d[5]:
                problems.append(f"files differ:\n    aws:       {json.dumps(a[5])[:1500]}\n    drconsole: {json.dumps(d[5])[:1500]}")
            if problems:
                failures.append((case["name"], problems, d[3]))
    for name, problems, err in failures:
        print(f"FAIL {name}")
        for p in problems:
            print("  " + p)
        if err.strip():
            print("  drconsole stderr: " + err.strip()[:500])
    if skipped:
        print(f"{len(skipped)} YAML cases skipped: ruamel.yaml with its C emitter is not importable "
              "(Debian: python3-ruamel.yaml python3-ruamel.yaml.clib)")
    print(f"{compared} commands compared with the aws CLI on moto_server; {compared - len(failures)} identical; "
          f"aws took {totals['aws']:.1f} s, drconsole {totals['drconsole']:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
