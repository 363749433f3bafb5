#!/usr/bin/env python3
"""`drconsole check --type backup` against the same checks as a shell script of sequential aws CLI calls
(bench/dr_test_backup.sh), on one moto_server account in two regions: wall time of each and the ratio.

usage: bench/check_vs_cli.py [DRCONSOLE] [ROUNDS]   (default: build/tui/drconsole, 3 rounds; best of each)
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "aws", "parity"))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "inventory"))
from check_dr import RUNBOOK, World  # noqa: E402
from moto_server import MotoServer  # noqa: E402


def timed(argv, env):
    started = time.perf_counter()
    p = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    return time.perf_counter() - started, p.returncode, p.stderr.decode(errors="replace")


def main():
    drconsole = sys.argv[1] if len(sys.argv) > 1 else "build/tui/drconsole"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    if not shutil.which("aws"):
        sys.exit("the aws CLI is needed for this comparison")
    with MotoServer() as moto, tempfile.TemporaryDirectory() as tmp:
        World(moto.url).seed()
        runbook = os.path.join(tmp, "payments.md")
        with open(runbook, "w") as f:
            f.write(RUNBOOK)
        env = {"PATH": os.environ["PATH"], "HOME": tmp, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
               "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": moto.url, "AWS_EC2_METADATA_DISABLED": "true",
               "AWS_CONFIG_FILE": os.path.join(tmp, "none"), "AWS_SHARED_CREDENTIALS_FILE": os.path.join(tmp, "none"),
               "XDG_STATE_HOME": os.path.join(tmp, "state"), "NO_COLOR": "1"}
        script = [os.path.join(HERE, "dr_test_backup.sh"), "us-east-1", "us-west-2", "payments-terraform-state",
                  "terraform-state-lock", "orders", "payments-media-prod"]
        ours = [drconsole, "check", runbook, "--env", "prod", "--type", "backup"]
        # One untimed round of each, so neither pays for moto building its backends.
        timed(script, env)
        timed(ours, env)
        best = {"script": float("inf"), "drconsole": float("inf")}
        for _ in range(rounds):
            for name, argv in (("script", script), ("drconsole", ours)):
                secs, rc, err = timed(argv, env)
                if rc not in (0, 1):
                    sys.exit(f"{name} failed ({rc}): {err[:300]}")
                best[name] = min(best[name], secs)
    print(f"check --type backup, 2 regions (27 calls): aws CLI script {best['script']:.2f} s, "
          f"drconsole {best['drconsole']:.2f} s; drconsole is {best['script'] / best['drconsole']:.1f}x faster "
          f"(best of {rounds})")


if __name__ == "__main__":
    main()
