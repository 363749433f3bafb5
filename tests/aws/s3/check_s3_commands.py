#!/usr/bin/env python3
"""`drconsole aws s3 ...` (ls, cp, mv, rm, sync, mb, rb) and s3api's streaming arguments against the aws CLI
on moto_server: the same exit status, the same lines on stdout and stderr, and the same buckets and local
files afterwards.

usage: check_s3_commands.py DRCONSOLE [CASE_NAME_SUBSTRING]

Each case starts from a reset moto and a fresh working directory, makes its buckets and objects through
botocore and its local files on disk, runs the command through one tool, and records what it printed and
what it left. Lines are compared as sets (transfers finish in any order); the running "Completed ..."
progress text, which the aws CLI writes even to a pipe and drconsole only to a terminal, is dropped.
Exit 77 without moto, the aws CLI or botocore.
"""
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "parity"))
try:
    import botocore.session
except ImportError:
    print("botocore is not importable: skipped")
    sys.exit(77)
from moto_server import MotoServer  # noqa: E402
from recording_proxy import RecordingProxy  # noqa: E402
from s3_cases import CASES  # noqa: E402
from check_parity import RFC822, TIMESTAMP as ISO, isolated_env  # noqa: E402  (the JSON parity test's masks and environment)

TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d")  # ls's local time
# The aws CLI's own banner and argparse's help lines; drconsole words its usage line as its own.
NOISE = ("Note: AWS CLI version 2", "To see help text", "  aws help", "  aws <command> help",
         "  aws <command> <subcommand> help", "usage: ")


def lines(text, drop_noise):
    out = []
    for line in text.split("\n"):
        line = line.split("\r")[-1].rstrip()  # progress lines end in '\r'; what follows is the real line
        line = RFC822.sub("<time>", ISO.sub("<time>", TIME.sub("<time>", line)))
        line = line.replace("drconsole aws: error:", "aws: error:")
        if not line or (drop_noise and any(line.startswith(n) or n in line for n in NOISE)):
            continue
        out.append(line)
    return sorted(out)


def s3_state(client):
    state = {}
    for b in client.list_buckets().get("Buckets", []):
        name = b["Name"]
        objs = {}
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=name):
            for o in page.get("Contents", []):
                head = client.head_object(Bucket=name, Key=o["Key"])
                body = client.get_object(Bucket=name, Key=o["Key"])["Body"].read()
                objs[o["Key"]] = {"md5": hashlib.md5(body).hexdigest(), "size": o["Size"], "etag_parts": o["ETag"].count("-"),
                                  "type": head.get("ContentType"), "meta": head.get("Metadata"),
                                  "class": head.get("StorageClass", "STANDARD"), "cache": head.get("CacheControl")}
        try:
            site = client.get_bucket_website(Bucket=name)
            site.pop("ResponseMetadata", None)
        except client.exceptions.ClientError:
            site = None
        state[name] = {"objects": objs, "website": site}
    return state


def local_state(root):
    files = {}
    for dirpath, _, names in os.walk(root):
        for n in names:
            p = os.path.join(dirpath, n)
            with open(p, "rb") as f:
                files[os.path.relpath(p, root)] = hashlib.md5(f.read()).hexdigest()
    return files


def prepare(moto, case, workdir):
    session = botocore.session.get_session()
    client = session.create_client("s3", region_name="us-east-1", endpoint_url=moto.url, aws_access_key_id="AKIATEST",
                                   aws_secret_access_key="secret")
    for bucket, objects in case.get("buckets", {}).items():
        client.create_bucket(Bucket=bucket)
        for key, body in objects.items():
            extra = {}
            if isinstance(body, tuple):
                body, extra = body
            client.put_object(Bucket=bucket, Key=key, Body=body, **extra)
    for path, body in case.get("files", {}).items():
        full = os.path.join(workdir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(body)
        # An hour old: a file written in the same second as its upload would look newer than the object
        # (S3 keeps whole seconds), and a fast tool would see it as changed on the next sync.
        old = time.time() - 3600
        os.utime(full, (old, old))
    return client


def run_case(moto, proxy, argv0, case, env):
    moto.reset()
    workdir = tempfile.mkdtemp(prefix="drc-s3-")
    try:
        client = prepare(moto, case, workdir)
        for before in case.get("before", []):
            subprocess.run(argv0 + before, cwd=workdir, env=env, capture_output=True, timeout=300, check=False)
        run_env = {k: v for k, v in env.items() if k not in case.get("unset", [])}
        run_env.update({k: v.replace("<proxy>", proxy.url) for k, v in case.get("env", {}).items()})
        proxy.take()
        p = subprocess.run(argv0 + case["args"], cwd=workdir, env=run_env, capture_output=True, timeout=300, check=False,
                           input=case.get("stdin", b""))
        stdout = p.stdout.decode("utf-8", "replace")
        if case.get("stdout_bytes"):
            stdout = hashlib.md5(p.stdout).hexdigest()
        return {"rc": p.returncode, "out": lines(stdout, False), "err": lines(p.stderr.decode("utf-8", "replace"), True),
                "s3": s3_state(client), "local": local_state(workdir), "requests": proxy.take()}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def main():
    drconsole = os.path.abspath(sys.argv[1])
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    aws = shutil.which("aws")
    if aws is None:
        print("the aws CLI is not installed: skipped")
        return 77
    env = {**isolated_env(tempfile.mkdtemp(prefix="drc-s3-home-")), "TZ": "America/New_York"}
    failures, compared = [], 0
    with MotoServer() as moto, RecordingProxy(moto.url) as proxy:
        for case in CASES:
            if only and only not in case["name"]:
                continue
            got = {}
            # Cases that say "requests" go through the recording proxy, and their requests are compared too.
            url = proxy.url if case.get("requests") else moto.url
            for tool, argv0 in (("aws", [aws, "--endpoint-url", url]),
                                ("drconsole", [drconsole, "aws", "--endpoint-url", url])):
                got[tool] = run_case(moto, proxy, argv0, case, env)
            compared += 1
            keys = ("rc", "out", "err", "s3", "local") + (("requests",) if case.get("requests") else ())
            problems = [f"{k}:\n    aws:       {got['aws'][k]}\n    drconsole: {got['drconsole'][k]}"
                        for k in keys if got["aws"][k] != got["drconsole"][k]]
            if problems:
                failures.append((case["name"], problems))
    for name, problems in failures:
        print(f"FAIL {name}")
        for p in problems:
            print("  " + p[:3000])
    print(f"{compared} aws s3 commands compared with the aws CLI on moto_server; {compared - len(failures)} identical")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
