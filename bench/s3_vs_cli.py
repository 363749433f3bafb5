#!/usr/bin/env python3
"""`aws s3` against `drconsole aws s3` on one moto_server: the same transfers (a 300-file tree up and
down with sync, a bucket-to-bucket copy, a recursive listing, one 48 MiB multipart upload and download),
wall time and peak RSS of each.

usage: bench/s3_vs_cli.py [DRCONSOLE]   (default: build/tui/drconsole; bench/peak_rss must be built beside it)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "aws", "parity"))
import botocore.session  # noqa: E402
from moto_server import MotoServer  # noqa: E402


def run(peak_rss, argv, env, cwd):
    started = time.perf_counter()
    p = subprocess.run([peak_rss] + argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    secs = time.perf_counter() - started
    rss = 0
    for line in p.stderr.decode(errors="replace").splitlines():
        if line.startswith("peak_rss_kib="):
            rss = int(line.split("=", 1)[1])
    if p.returncode != 0:
        print(f"  {' '.join(argv[-4:])} failed ({p.returncode}): {p.stderr.decode(errors='replace')[-300:]}")
    return secs, rss


def main():
    drconsole = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/tui/drconsole")
    peak_rss = os.path.join(os.path.dirname(os.path.dirname(drconsole)), "bench", "peak_rss")
    aws = shutil.which("aws")
    work = tempfile.mkdtemp(prefix="drc-s3-bench-")
    tree = os.path.join(work, "tree")
    for i in range(300):
        d = os.path.join(tree, f"d{i % 10}")
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, f"f{i}.json"), "wb") as f:
            f.write(os.urandom(4096))
    with open(os.path.join(work, "big.bin"), "wb") as f:
        f.write(os.urandom(48 * 1024 * 1024))
    old = time.time() - 3600
    for dirpath, _, names in os.walk(work):
        for n in names:
            os.utime(os.path.join(dirpath, n), (old, old))
    env = {"PATH": os.environ["PATH"], "HOME": "/nonexistent", "AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s",
           "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONFIG_FILE": "/nonexistent/c",
           "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/k"}
    steps = [
        ("sync 300 files up", lambda b: ["s3", "sync", "tree", f"s3://{b}/tree"]),
        ("ls --recursive", lambda b: ["s3", "ls", f"s3://{b}", "--recursive"]),
        ("sync 300 files down", lambda b: ["s3", "sync", f"s3://{b}/tree", f"down-{b}"]),
        ("cp --recursive s3 to s3", lambda b: ["s3", "cp", f"s3://{b}/tree", f"s3://{b}/copy", "--recursive"]),
        ("cp 48 MiB up (multipart)", lambda b: ["s3", "cp", "big.bin", f"s3://{b}/big.bin"]),
        ("cp 48 MiB down (ranged)", lambda b: ["s3", "cp", f"s3://{b}/big.bin", f"big-{b}.bin"]),
    ]
    results = {}
    with MotoServer() as moto:
        s3 = botocore.session.get_session().create_client("s3", region_name="us-east-1", endpoint_url=moto.url,
                                                          aws_access_key_id="k", aws_secret_access_key="s")
        for tool, prefix, bucket in (("aws", [aws], "bench-aws"), ("drconsole", [drconsole, "aws"], "bench-drc")):
            s3.create_bucket(Bucket=bucket)
            for name, args in steps:
                secs, rss = run(peak_rss, prefix + ["--endpoint-url", moto.url] + args(bucket), env, work)
                results.setdefault(name, {})[tool] = (secs, rss)
    shutil.rmtree(work, ignore_errors=True)
    total = {"aws": 0.0, "drconsole": 0.0}
    for name, r in results.items():
        a, d = r["aws"], r["drconsole"]
        total["aws"] += a[0]
        total["drconsole"] += d[0]
        print(f"  {name:28} aws {a[0]:6.2f} s {a[1] / 1024:6.1f} MB   drconsole {d[0]:6.2f} s {d[1] / 1024:6.1f} MB   "
              f"{a[0] / d[0]:5.1f}x")
    print(f"all steps: aws CLI {total['aws']:.2f} s, drconsole {total['drconsole']:.2f} s; "
          f"drconsole is {total['aws'] / total['drconsole']:.1f}x faster")


if __name__ == "__main__":
    main()
