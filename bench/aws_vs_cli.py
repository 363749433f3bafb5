#!/usr/bin/env python3
"""The same 20 commands through the aws CLI and through drconsole aws, against one moto_server: total wall
time of each, the ratio, and the peak RSS of single calls. Then the floor under any client built on this
machine's libcurl and OpenSSL (bench/curl_floor: start, load them, initialize, hash once) and the best
ratio such a client could reach, given moto's own time.

usage: bench/aws_vs_cli.py [DRCONSOLE]   (default: build/tui/drconsole; bench/peak_rss and bench/curl_floor
                                          must be built beside it)
"""
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "tests", "aws", "parity"))
import botocore.session  # noqa: E402
from moto_server import MotoServer  # noqa: E402

COMMANDS = [
    ["sts", "get-caller-identity"],
    ["rds", "describe-db-instances"],
    ["rds", "describe-db-instances", "--db-instance-identifier", "payments-db"],
    ["rds", "describe-db-snapshots", "--db-instance-identifier", "payments-db"],
    ["rds", "describe-db-clusters"],
    ["rds", "list-tags-for-resource", "--resource-name", "arn:aws:rds:us-east-1:123456789012:db:payments-db"],
    ["rds", "describe-db-instances", "--query", "DBInstances[].DBInstanceIdentifier", "--output", "text"],
    ["ec2", "describe-vpcs"],
    ["ec2", "describe-instances"],
    ["ec2", "describe-snapshots", "--owner-ids", "self"],
    ["ec2", "describe-regions"],
    ["s3api", "list-buckets"],
    ["s3api", "get-bucket-versioning", "--bucket", "dr-state"],
    ["s3api", "list-objects-v2", "--bucket", "dr-state"],
    ["dynamodb", "list-tables"],
    ["dynamodb", "describe-table", "--table-name", "orders"],
    ["logs", "describe-log-groups"],
    ["ssm", "get-parameter", "--name", "/dr/region"],
    ["route53", "list-hosted-zones"],
    ["iam", "list-roles"],
]


PEAK_RSS = None  # bench/peak_rss, next to drconsole's build


def run_measured(argv, env):
    """Wall seconds and peak RSS (KiB) of one process, measured by peak_rss (a child of Python would count
    the Python it was forked from)."""
    started = time.perf_counter()
    p = subprocess.run([PEAK_RSS] + argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    secs = time.perf_counter() - started
    err = p.stderr.decode(errors="replace")
    rss = 0
    for line in err.splitlines():
        if line.startswith("peak_rss_kib="):
            rss = int(line.split("=", 1)[1])
    return secs, rss, p.returncode, err


def main():
    global PEAK_RSS
    drconsole = sys.argv[1] if len(sys.argv) > 1 else "build/tui/drconsole"
    PEAK_RSS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(drconsole))), "bench", "peak_rss")
    aws = shutil.which("aws")
    with MotoServer() as moto:
        s = botocore.session.get_session()
        mk = lambda svc: s.create_client(svc, region_name="us-east-1", endpoint_url=moto.url,  # noqa: E731
                                         aws_access_key_id="k", aws_secret_access_key="s")
        mk("rds").create_db_instance(DBInstanceIdentifier="payments-db", DBInstanceClass="db.t3.micro", Engine="postgres",
                                     MasterUsername="admin", MasterUserPassword="Secr3tPassw0rd!", AllocatedStorage=20)
        mk("rds").create_db_snapshot(DBInstanceIdentifier="payments-db", DBSnapshotIdentifier="s1")
        mk("ec2").create_vpc(CidrBlock="10.0.0.0/16")
        mk("s3").create_bucket(Bucket="dr-state")
        mk("dynamodb").create_table(TableName="orders", KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                                    AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                                    BillingMode="PAY_PER_REQUEST")
        mk("logs").create_log_group(logGroupName="/dr/app")
        mk("ssm").put_parameter(Name="/dr/region", Value="us-west-2", Type="String")
        mk("route53").create_hosted_zone(Name="example.com", CallerReference="r")
        env = {"PATH": os.environ["PATH"], "HOME": "/nonexistent", "AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s",
               "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONFIG_FILE": "/nonexistent/c",
               "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/k"}
        totals, peaks, each = {}, {}, {}
        # One untimed round first, so neither tool pays for moto building its backends on first use.
        for cmd in COMMANDS:
            run_measured([drconsole, "aws", "--endpoint-url", moto.url] + cmd, env)
        for tool, prefix in (("aws", [aws]), ("drconsole", [drconsole, "aws"])):
            total, peak = 0.0, 0
            for cmd in COMMANDS:
                secs, rss, rc, err = run_measured(prefix + ["--endpoint-url", moto.url] + cmd, env)
                if rc != 0:
                    print(f"{tool} {' '.join(cmd)} failed ({rc}): {err.strip()[:200]}")
                total += secs
                peak = max(peak, rss)
                each.setdefault(" ".join(cmd[:2]), {})[tool] = secs
            totals[tool], peaks[tool] = total, peak
        # The server's share: each command's round trips as drconsole's client times them (--debug), taken
        # in a separate untimed pass. moto's own time is the same whichever tool asks.
        round_trips = 0.0
        for cmd in COMMANDS:
            _, _, _, err = run_measured([drconsole, "aws", "--debug", "--endpoint-url", moto.url] + cmd, env)
            for m in re.finditer(r"finished after \d+ attempt\(s\) in (\d+) ms", err):
                round_trips += int(m.group(1)) / 1000
        floor = []
        for _ in COMMANDS:
            secs, rss, rc, err = run_measured([os.path.join(os.path.dirname(PEAK_RSS), "curl_floor")], env)
            if rc != 0:
                sys.exit(f"bench/curl_floor failed ({rc}): {err.strip()[:200]} (is it built beside peak_rss?)")
            floor.append((secs, rss))
        floor.sort()
        one = run_measured([drconsole, "aws", "--endpoint-url", moto.url, "rds", "describe-db-instances"], env)
        one_ec2 = run_measured([drconsole, "aws", "--endpoint-url", moto.url, "ec2", "describe-instances"], env)
    if os.environ.get("DRC_BENCH_EACH"):
        for name, t in each.items():
            print(f"  {name:40} aws {t['aws'] * 1000:6.0f} ms   drconsole {t['drconsole'] * 1000:5.0f} ms")
    print(f"20 commands: aws CLI {totals['aws']:.2f} s ({totals['aws'] / 20 * 1000:.0f} ms each), "
          f"drconsole {totals['drconsole']:.2f} s ({totals['drconsole'] / 20 * 1000:.0f} ms each); "
          f"drconsole is {totals['aws'] / totals['drconsole']:.1f}x faster")
    aws_own, drc_own = totals["aws"] - round_trips, totals["drconsole"] - round_trips
    print(f"without the {round_trips:.2f} s of round trips to moto (as drconsole timed them): aws CLI {aws_own:.2f} s, drconsole {drc_own:.2f} s; "
          f"drconsole's own work is {aws_own / drc_own:.1f}x less")
    print(f"peak RSS over the 20: aws CLI {peaks['aws'] / 1024:.1f} MB, drconsole {peaks['drconsole'] / 1024:.1f} MB; "
          f"one drconsole rds describe-db-instances {one[1] / 1024:.1f} MB, one ec2 describe-instances {one_ec2[1] / 1024:.1f} MB")
    floor_secs, floor_rss = floor[len(floor) // 2][0], max(rss for _, rss in floor)
    print(f"floor of a libcurl + OpenSSL client (bench/curl_floor, median of 20): {floor_secs * 1000:.1f} ms and {floor_rss / 1024:.1f} MB "
          f"per command; with moto's round trips (as drconsole timed them, so a little generous) no such client can be "
          f"more than about "
          f"{totals['aws'] / (round_trips + 20 * floor_secs):.1f}x faster than the aws CLI here (drconsole: "
          f"{totals['aws'] / totals['drconsole']:.1f}x)")


if __name__ == "__main__":
    main()
