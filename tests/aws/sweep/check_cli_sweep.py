#!/usr/bin/env python3
"""`drconsole aws` against the aws CLI over every operation of every service drconsole has a model for:
the same command line must send the same requests and end the same way.

usage: check_cli_sweep.py DRCONSOLE MODELS_DIR [COMMANDS_PER_OPERATION [SHARE [SERVICE ...]]]

SHARE (default 1) is the fraction of operations swept, the same ones each run (the sanitizer build, much
slower, takes a part). DRC_SWEEP_SEED changes the random command lines.

The arguments come from the aws CLI's own argument table for each command (so its customizations are
in: arguments it adds, renames or removes), with random values written as a user would type them:
scalars as words, lists of scalars as several words, structures, maps and lists of them as JSON or as
shorthand, booleans as --flag / --no-flag. Both tools send their requests to a recording server of the
test's own on loopback, which answers each with the protocol's smallest success. The CLI runs in this
process (its driver, as `aws` runs it, without a new interpreter per command). Compared: each request's
method, path, query, body (form fields, JSON or XML parsed) and the headers that carry parameters, then
the exit status, the parsed output, and the error. KNOWN lists what drconsole does not do yet: those
differences are printed, not failed. Exit 77 without the aws CLI.
"""
import contextlib
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit
from xml.etree import ElementTree

try:
    from awscli.clidriver import create_clidriver
    from awscli.arguments import BooleanArgument
except ImportError:
    print("the aws CLI (awscli) is not importable: skipped")
    sys.exit(77)

RNG = random.Random()  # seeded for each command line, from DRC_SWEEP_SEED and the command
WORD = list("abcXYZ09-_.~/+:%é漢") + ["🚨"]
# Arguments that are about the command line itself, each tested on its own elsewhere.
SKIPPED_ARGS = {"cli-input-json", "cli-input-yaml", "generate-cli-skeleton", "starting-token", "page-size",
                "max-items"}
# The aws CLI's own arguments and commands drconsole does not provide (it says so), and why they are left.
KNOWN = {
    ("ec2", "bundle-instance"): "--bucket, --prefix, --owner-akid, --owner-sak, --policy (instance-store Windows AMIs)",
    ("cloudfront", "create-distribution"): "--origin-domain-name, --default-root-object",
    ("cloudfront", "update-distribution"): "--default-root-object",
    ("iam", "create-virtual-mfa-device"): "--outfile, --bootstrap-method",
    ("s3api", "select-object-content"): "the event stream written to OUTFILE (drconsole refuses the command)",
}
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
# Headers that carry no parameter: the signature, the clock, the client's name, the connection.
VOLATILE_HEADERS = {"authorization", "x-amz-date", "user-agent", "amz-sdk-invocation-id", "amz-sdk-request",
                    "content-length", "accept-encoding", "accept", "connection", "expect", "host",
                    "x-amz-content-sha256", "transfer-encoding"}


def word(lo=1, hi=8):
    w = "".join(RNG.choice(WORD) for _ in range(RNG.randint(lo, hi)))
    return w.lstrip("-") or "w"


def lower_bound(shape):
    """The model's min for the shape, kept to most of the time: a value under it is a different test (the
    validation error) and should not be all this one sees."""
    low = shape.metadata.get("min")
    return None if low is None or RNG.random() < 0.1 else low


def timestamp_word():
    return RNG.choice(["2024-03-04T05:06:07Z", "2025-06-01", "2025-06-01T12:30:45+02:00", "1700000000",
                       "2025-06-01T12:30:45.123Z"])


def scalar(shape):
    t = shape.type_name
    low = lower_bound(shape)
    if t == "string":
        if getattr(shape, "enum", None):
            return RNG.choice(shape.enum)
        return word(max(1, int(low or 1)), max(8, int(low or 1) + 4))
    if t in ("integer", "long"):
        return str(RNG.randint(int(low or 1), int(low or 1) + 5000))
    if t in ("float", "double"):
        return RNG.choice(["0.5", "1", "123.25", "3.0"]) if low is None or low <= 0.5 else str(low + 1)
    if t == "boolean":
        return RNG.choice(["true", "false"])
    if t == "timestamp":
        return timestamp_word()
    if t == "blob":
        return word()
    raise ValueError(t)


def json_value(shape, depth=0):
    t = shape.type_name
    if t == "structure":
        if getattr(shape, "is_document_type", False):
            return {"k": [1, "two"]}
        out = {}
        required = set(shape.required_members)
        for name, m in shape.members.items():
            if depth < 4 and (name in required or RNG.random() < 0.3):
                out[name] = json_value(m, depth + 1)
        if getattr(shape, "is_tagged_union", False) and out:
            k = RNG.choice(sorted(out))
            out = {k: out[k]}
        return out
    if t == "list":
        n = max(int(lower_bound(shape) or 0), RNG.randint(1, 2) if depth < 5 else 0)
        return [json_value(shape.member, depth + 1) for _ in range(n)]
    if t == "map":
        return {word(1, 4): json_value(shape.value, depth + 1) for _ in range(RNG.randint(1, 2) if depth < 5 else 0)}
    if t in ("integer", "long"):
        return int(scalar(shape))
    if t in ("float", "double"):
        return float(scalar(shape))
    if t == "boolean":
        return RNG.random() < 0.5
    return scalar(shape)


def shorthand(shape):
    """Key=Value pairs for a structure of scalars (the shorthand every runbook uses), else None."""
    if shape.type_name != "structure" or not shape.members:
        return None
    parts = []
    required = set(shape.required_members)
    for name, m in shape.members.items():
        if m.type_name in ("structure", "map", "list") or m.type_name == "blob":
            if name in required:
                return None
            continue
        if name in required or RNG.random() < 0.5:
            v = scalar(m)
            if m.type_name == "string" and not m.enum:
                v = "".join(c for c in v if c not in ",=[]{}\"' \\") or "v"
            parts.append(f"{name}={v}")
    return ",".join(parts) or None


def argument_words(name, arg):
    """The words a user would type for one argument, or None where this test has no value for it."""
    model = getattr(arg, "argument_model", None)
    if isinstance(arg, BooleanArgument) or (model is not None and model.type_name == "boolean"
                                            and getattr(arg, "nargs", None) == "?"):
        return [f"--{name}"]
    if model is None:
        return None
    if type(arg).__name__ == "StreamingOutputArgument":  # OUTFILE, positional: where the payload goes
        return [f"out-{RNG.randint(0, 10**9)}"]
    flag = [] if getattr(arg, "positional_arg", False) else [f"--{name}"]
    t = model.type_name
    if t == "list" and model.member.type_name not in ("structure", "list", "map"):
        if RNG.random() < 0.2:
            return flag + [json.dumps([json_value(model.member) for _ in range(2)], ensure_ascii=False)]
        return flag + [scalar(model.member) for _ in range(RNG.randint(1, 3))]
    if t in ("structure", "list", "map"):
        if t == "list" and RNG.random() < 0.3:
            words = [shorthand(model.member) for _ in range(RNG.randint(1, 2))]
            if all(words):
                return flag + words
        if t == "structure" and RNG.random() < 0.4:
            s = shorthand(model)
            if s:
                return flag + [s]
        return flag + [json.dumps(json_value(model), ensure_ascii=False)]
    return flag + [scalar(model)]


def command_line(cmd):
    """A random command line for one operation: required arguments always, others at random."""
    table = cmd.arg_table
    words, taken = [], set()
    for name, arg in table.items():
        if name in SKIPPED_ARGS or getattr(arg, "_UNDOCUMENTED", False):
            continue
        base = name[3:] if name.startswith("no-") and name[3:] in table else name
        if base in taken:
            continue
        if not (arg.required or RNG.random() < 0.35):
            continue
        w = argument_words(name, arg)
        if w is None:
            continue
        taken.add(base)
        words += w
    return words


class Recorder:
    """A loopback HTTP server that keeps each request and answers the protocol's smallest success."""

    def __init__(self):
        self.requests, self.answer = [], (200, {}, b"")
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle_any(self):
                n = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(n) if n else b""
                recorder.requests.append((self.command, self.path, {k.lower(): v for k, v in self.headers.items()},
                                          body))
                status, headers, payload = recorder.answer
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = handle_any

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass  # a CLI child leaves at once, dropping its kept-alive connection: not a failure

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def take(self):
        got, self.requests = self.requests, []
        return got


def success_answer(protocol, op):
    rid = {"x-amzn-requestid": "req-1", "x-amz-request-id": "req-1"}
    if protocol == "query":
        result = f"<{op.name}Result></{op.name}Result>" if op.output_shape is not None else ""
        return 200, {"Content-Type": "text/xml", **rid}, (
            f'<{op.name}Response xmlns="https://example.amazonaws.com/doc/">{result}'
            f"<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></{op.name}Response>").encode()
    if protocol == "ec2":
        return 200, {"Content-Type": "text/xml", **rid}, (
            f'<{op.name}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-1</requestId>'
            f"</{op.name}Response>").encode()
    if protocol == "json":
        return 200, {"Content-Type": "application/x-amz-json-1.1", **rid}, b"{}"
    if protocol == "rest-json":
        return int(op.http.get("responseCode", 200)), {"Content-Type": "application/json", **rid}, b"{}"
    return int(op.http.get("responseCode", 200)), rid, b""


PRESIGNED_VOLATILE = re.compile(r"(X-Amz-Date=|X-Amz-Signature=)[^&]*|(X-Amz-Credential=[^&]*?%2F)\d{8}(%2F)")


def unclocked(field, value):
    """A presigned URL (rds/ec2 cross-region copies) without its time and signature, which differ by the
    second; its host, fields, region and expiry must match."""
    if field.lower() in ("presignedurl",):
        return PRESIGNED_VOLATILE.sub(lambda m: (m.group(1) or m.group(2)) + "<clock>" + (m.group(3) or ""), value)
    return value


def normal_body(protocol, headers, body):
    body = UUID.sub("<uuid>", body.decode("utf-8", "replace"))
    ct = headers.get("content-type", "")
    try:
        if "x-www-form-urlencoded" in ct or (protocol in ("query", "ec2") and body):
            return sorted((k, unclocked(k, v)) for k, v in parse_qsl(body, keep_blank_values=True))
        if "json" in ct and body:
            return json.loads(body)
        if protocol == "rest-xml" and body.startswith("<"):
            return ElementTree.canonicalize(body, strip_text=True)
    except Exception:  # noqa: BLE001 - a body neither tool could have meant as structured is compared raw
        pass
    return body


def normal_request(protocol, req):
    method, target, headers, body = req
    parts = urlsplit(target)
    return {"method": method, "path": parts.path,
            "query": sorted((k, UUID.sub("<uuid>", v)) for k, v in parse_qsl(parts.query, keep_blank_values=True)),
            "headers": {k: UUID.sub("<uuid>", v) for k, v in headers.items() if k not in VOLATILE_HEADERS},
            "body": normal_body(protocol, headers, body)}


def request_difference(ref, mine):
    """What differs between the two tools' requests, field by field where they sent as many."""
    if len(ref) != len(mine):
        return f"aws sent {len(ref)} requests, drconsole {len(mine)}:\n    aws:       {ref}\n    drconsole: {mine}"
    lines = []
    for i, (a, b) in enumerate(zip(ref, mine)):
        for field in a:
            if a[field] == b[field]:
                continue
            if isinstance(a[field], list) and isinstance(b[field], list):
                lines.append(f"request {i + 1} {field}: only aws {sorted(set(map(repr, a[field])) - set(map(repr, b[field])))}"
                             f" only drconsole {sorted(set(map(repr, b[field])) - set(map(repr, a[field])))}")
            else:
                lines.append(f"request {i + 1} {field}:\n    aws:       {a[field]!r}\n    drconsole: {b[field]!r}")
    return "\n  ".join(lines)


def error_text(stderr):
    # A usage error: the CLI prints its own usage lines first (with a banner about version 2).
    usage = re.search(r"^[^\n]*: error: (.*)$", stderr, re.M)
    if usage:
        return "usage error: " + usage.group(1)
    # The CLI (1.45) means to show where a shorthand value went wrong but prints its f-string's braces
    # ("{self._error_location()}"); drconsole shows the place. The message before it must match.
    stderr = stderr.split(" for input:\n", 1)[0]
    # botocore's remedy for an algorithm it needs its CRT package for (pip install ...) is not drconsole's.
    stderr = stderr.split(" requires an additional dependency.", 1)[0]
    # drconsole says why it could not connect (here: a host prefix on a loopback address leaves plain
    # http for a host that is not loopback); the CLI names the URL only. The line up to the URL must match.
    stderr = re.sub(r'^(Could not connect to the endpoint URL: "[^"]*") \(.*\)$', r"\1", stderr.strip(), flags=re.M)
    return UUID.sub("<uuid>", stderr.strip())


def parsed_output(stdout):
    s = stdout.strip()
    if not s:
        return None
    try:
        return json.loads(s)
    except ValueError:
        return s


def environment(home):
    return {"PATH": os.environ.get("PATH", ""), "HOME": home, "AWS_ACCESS_KEY_ID": "AKIATEST",
            "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "session/token+1=", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": os.path.join(home, "config"), "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "creds"),
            "AWS_PAGER": "", "LANG": "C.UTF-8", "AWS_MAX_ATTEMPTS": "1", "AWS_RETRY_MODE": "standard"}


def run_cli(driver, service, op_cli, seed, endpoint):
    """One random command line for the operation, and the CLI's driver run on it, in a forked child.
    Building an argument table or running a command leaves handlers on the session (ec2's modify-*
    customizations trip over each other's), so each child starts from the same warm, untouched driver.
    Returns the words, the exit status, standard output and standard error."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        RNG.seed(seed)
        words, out, err = [], io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                service_cmd = driver._get_command_table()[service]
                words = command_line(service_cmd._get_command_table()[op_cli])
                rc = driver.main([service, op_cli] + words + ["--endpoint-url", endpoint])
            except SystemExit as e:  # argparse's usage errors
                rc = e.code if isinstance(e.code, int) else 2
            except BaseException as e:  # noqa: BLE001 - reported as the CLI would crash
                rc, _ = 255, err.write(repr(e))
        with os.fdopen(write_end, "w") as f:
            json.dump([words, rc, out.getvalue(), err.getvalue()], f)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as f:
        answer = f.read()
    os.waitpid(pid, 0)
    return json.loads(answer) if answer else ([], 255, "", "the CLI's child died")


def main():
    drconsole, models_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    per_op = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    share = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
    only = set(sys.argv[5:])
    seed = os.environ.get("DRC_SWEEP_SEED", "5")
    index = json.load(open(os.path.join(models_dir, "services.json")))["services"]
    home = tempfile.mkdtemp(prefix="drc-sweep-")
    env = environment(home)
    data_path = os.environ.get("AWS_DATA_PATH")  # where importing awscli put its own data
    os.environ.clear()
    os.environ.update(env, **({"AWS_DATA_PATH": data_path} if data_path else {}))
    os.chdir(home)
    driver = create_clidriver()
    commands = driver._get_command_table()
    recorder = Recorder()
    differ, compared, operations = {}, 0, 0
    for service in sorted(index):
        if only and service not in only:
            continue
        service_cmd = commands[service]
        session_model = service_cmd._get_service_model()
        meta = session_model.metadata
        protocol = meta.get("protocol")
        for op_cli, cmd in sorted(service_cmd._get_command_table().items()):
            op_model = getattr(cmd, "_operation_model", None)
            if op_model is None:  # the CLI's own commands (wait, get-token ...) are tested by the parity cases
                continue
            if share < 1 and zlib.crc32(f"{service} {op_cli}".encode()) % 1000 >= share * 1000:
                continue
            recorder.answer = success_answer(protocol, op_model)
            operations += 1
            for k in range(per_op):
                recorder.take()
                words, rc_ref, out_ref, err_ref = run_cli(driver, service, op_cli, f"{seed}:{service}:{op_cli}:{k}",
                                                          recorder.url)
                ref_reqs = recorder.take()
                argv = [service, op_cli] + words + ["--endpoint-url", recorder.url]
                p = subprocess.run([drconsole, "aws"] + argv, capture_output=True, env=env, timeout=60, check=False)
                mine_reqs = recorder.take()
                compared += 1
                why = None
                ref_n = [normal_request(protocol, r) for r in ref_reqs]
                mine_n = [normal_request(protocol, r) for r in mine_reqs]
                if ref_n != mine_n:
                    why = request_difference(ref_n, mine_n)
                elif p.returncode != rc_ref:
                    why = f"exit {p.returncode} != {rc_ref}"
                elif parsed_output(p.stdout.decode("utf-8", "replace")) != parsed_output(out_ref):
                    why = f"output {p.stdout[:300]!r} != {out_ref[:300]!r}"
                elif error_text(p.stderr.decode("utf-8", "replace")) != error_text(err_ref):
                    why = f"error {error_text(p.stderr.decode('utf-8', 'replace'))!r} != {error_text(err_ref)!r}"
                if why:
                    differ.setdefault(f"{service} {op_cli}", (why, words, err_ref, p.stderr.decode("utf-8", "replace")))
    known = {k: v for k, v in differ.items() if tuple(k.split(" ", 1)) in KNOWN}
    for k, (why, words, err_ref, err_mine) in differ.items():
        if k in known:
            continue
        print(f"DIFFER {k} {' '.join(words)}\n  {why[:1500]}\n  aws stderr: {err_ref.strip()[:300]}\n"
              f"  drconsole stderr: {err_mine.strip()[:300]}\n")
    for k in known:
        print(f"known, not provided yet: {k}: {KNOWN[tuple(k.split(' ', 1))]}")
    print(f"{compared} command lines over {operations} operations of {len(only) if only else len(index)} services "
          f"compared with the aws CLI; {len(differ) - len(known)} operations differ ({len(known)} known)")
    return 1 if len(differ) > len(known) else 0


if __name__ == "__main__":
    sys.exit(main())
