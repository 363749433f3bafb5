#!/usr/bin/env python3
"""drconsole's standard endpoints against the aws CLI's (botocore's endpoint rules) for every modelled
service in regions of each partition. usage: check_endpoints.py ENDPOINT_DRIVER MODELS_DIR. Exit 77
without botocore."""
import json
import subprocess
import sys

try:
    import botocore.session
except ImportError:
    print("botocore is not importable: skipped")
    sys.exit(77)

REGIONS = ["us-east-1", "us-west-2", "eu-west-2", "ap-northeast-1", "il-central-1", "cn-north-1", "us-gov-west-1"]


def main():
    driver, models_dir = sys.argv[1], sys.argv[2]
    index = json.load(open(f"{models_dir}/services.json"))
    session = botocore.session.get_session()
    cases = []
    for cli, entry in sorted(index["services"].items()):
        for region in REGIONS:
            try:
                client = session.create_client(entry["service"], region_name=region, aws_access_key_id="k",
                                               aws_secret_access_key="s")
                url = client.meta.endpoint_url
            except Exception as e:  # noqa: BLE001 - a service absent from a partition
                url = "error: " + type(e).__name__
            cases.append((cli, region, url))
    feed = "".join(json.dumps({"service": c[0], "region": c[1]}) + "\n" for c in cases)
    run = subprocess.run([driver, models_dir], input=feed.encode(), capture_output=True, check=False)
    answers = [json.loads(l) for l in run.stdout.decode().splitlines()]
    bad = [(c, a) for c, a in zip(cases, answers) if a.get("url") != c[2]]
    for (cli, region, url), mine in bad[:15]:
        print(f"MISMATCH {cli} {region}: drconsole {mine.get('url') or mine.get('error')} vs botocore {url}")
    print(f"{len(cases)} service/region endpoints compared with botocore; {len(bad)} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
