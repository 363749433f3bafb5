#!/usr/bin/env python3
"""The inventory at scale, end to end: moto_server seeded with N RDS snapshots (default 10,000) of 30
databases spread over 3 regions; `drconsole inventory --json` timed to the complete inventory, with its
peak RSS (bench/peak_rss). Seeding takes a few minutes; the figure is the inventory alone.

usage: bench/inventory_scale.py [DRCONSOLE] [SNAPSHOTS]
"""
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "aws", "parity"))
import botocore.session  # noqa: E402
from moto_server import MotoServer  # noqa: E402

REGIONS = ["us-east-1", "us-west-2", "eu-west-1"]
RUNBOOK = """---
environments:
  prod:
    rpo: 1h
    region: us-east-1
    dr_region: us-west-2
    backup_regions: [eu-west-1]
---
# Scale
"""


def main():
    drconsole = sys.argv[1] if len(sys.argv) > 1 else "build/tui/drconsole"
    total = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    peak_rss = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(drconsole))), "bench", "peak_rss")
    # moto enforces RDS's manual-snapshot quota (100 a region) unless told otherwise.
    with MotoServer({"MOTO_RDS_SNAPSHOT_LIMIT": str(total + 100)}) as moto, tempfile.TemporaryDirectory() as tmp:
        session = botocore.session.get_session()
        clients = {r: session.create_client("rds", region_name=r, endpoint_url=moto.url, aws_access_key_id="testing",
                                            aws_secret_access_key="testing") for r in REGIONS}
        started = time.perf_counter()
        for r in REGIONS:
            for d in range(10):
                clients[r].create_db_instance(DBInstanceIdentifier=f"db-{d}", DBInstanceClass="db.t3.micro", Engine="postgres",
                                              MasterUsername="u", MasterUserPassword="p12345678", BackupRetentionPeriod=7)

        def make(i):
            r = REGIONS[i % 3]
            clients[r].create_db_snapshot(DBInstanceIdentifier=f"db-{(i // 3) % 10}", DBSnapshotIdentifier=f"s-{i}")

        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            list(pool.map(make, range(total)))
        print(f"seeded {total} snapshots in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        runbook = os.path.join(tmp, "scale.md")
        with open(runbook, "w") as f:
            f.write(RUNBOOK)
        env = {"PATH": os.environ["PATH"], "HOME": tmp, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
               "AWS_ENDPOINT_URL": moto.url, "AWS_CONFIG_FILE": os.path.join(tmp, "none"),
               "AWS_SHARED_CREDENTIALS_FILE": os.path.join(tmp, "none"), "XDG_CONFIG_HOME": tmp}
        argv = [peak_rss, drconsole, "inventory", runbook, "--env", "prod", "--json", "--timeout", "120"]
        started = time.perf_counter()
        p = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        took = time.perf_counter() - started
        rss = next((int(line.split("=")[1]) for line in p.stderr.splitlines() if line.startswith("peak_rss_kib=")), 0)
        inv = json.loads(p.stdout)
        points = sum(len(r["points"]) for r in inv["resources"])
        rds_snapshots = sum(1 for r in inv["resources"] for pt in r["points"] if pt["id"].startswith("s-"))
        if rds_snapshots != total or inv["gaps"]:
            sys.exit(f"incomplete: {rds_snapshots} of {total} snapshots, gaps {inv['gaps'][:3]}")
    print(f"inventory of {total} snapshots in 3 regions ({points} recovery points in all): {took:.2f} s to the "
          f"complete inventory, peak RSS {rss / 1024:.1f} MB")


if __name__ == "__main__":
    main()
