#!/usr/bin/env python3
"""drconsole's endpoint rule set evaluator (core/aws/endpoints/rule_set) against botocore's EndpointProvider,
over random parameters, on the rule sets of the services drconsole has models for plus s3 and s3control
(the largest: ARNs, Outposts, access points, virtual hosting, S3 Express).

usage: check_rules.py RULES_DRIVER [CASES_FOR_S3_AND_S3CONTROL]

Each parameter gets a random value of its type from pools that reach the rule sets' branches: regions of
every partition and FIPS pseudo-regions, custom endpoints (IP, IPv6, paths, a query, another scheme),
account ids and Outpost ids that are and are not host labels, buckets and access point names as plain
names, ARNs of every kind and broken ARNs. Compared: the URL, the headers and the properties (signing
names and regions), or the error message. DRC_RULES_SEED changes the values. Exit 77 without botocore.
"""
import json
import os
import random
import subprocess
import sys

try:
    import botocore.loaders
    from botocore.endpoint_provider import EndpointProvider
    from botocore.exceptions import EndpointResolutionError
except ImportError:
    print("botocore is not importable: skipped")
    sys.exit(77)

HERE = os.path.dirname(os.path.abspath(__file__))
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "cn-north-1", "us-gov-west-1", "us-iso-east-1",
           "us-isob-east-1", "eu-isoe-west-1", "aws-global", "fips-us-east-1", "us-east-1-fips", "bad region!",
           "snow", "mars-west-9", ""]
ENDPOINTS = ["http://127.0.0.1:5000", "https://example.com", "https://Example.com:8443/base/path/", "http://[::1]:4566/",
             "https://x.example.com/a/./b/../c", "https://example.com?x=1", "ftp://example.com", "http://localhost:9000",
             "https://beta.example.com/", "not a url", "https://beta.example.com:notaport", "http://a:b:80",
             "https://h/a;b/c;d", "https://h:000080/", "\thttps://h\n/x", "https://h:/x", "https://user@h:99/p"]
ACCOUNTS = ["123456789012", "1234_5678", "abc-DEF", "a.b", "-bad", "", "999999999999", "abc\n"]
OUTPOSTS = ["op-01234567890123456", "op_1", "op-0", ""]
NAMES = ["logs", "dr-east", "My.Bucket", "bucket.with.dots", "ab", "a" * 64, "192.168.0.1", "xn--abc", "x--x-s3alias",
         "mybucket--use1-az1--x-s3", "ap--usw2-az1--xa-s3", "with space", "ümlaut"]
ARNS = [
    "arn:aws:s3:us-east-1:123456789012:accesspoint/payments-ap",
    "arn:aws:s3:us-west-2:123456789012:accesspoint:payments-ap",
    "arn:aws:s3::123456789012:accesspoint/payments.mrap",
    "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-01234567890123456/accesspoint/reports",
    "arn:aws:s3-outposts:us-west-2:123456789012:outpost/op-01234567890123456/accesspoint/reports",
    "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-01234567890123456/bucket/logs",
    "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op_1/bucket/logs",
    "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-01234567890123456",
    "arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-01234567890123456/bucket",
    "arn:aws:s3-object-lambda:us-east-1:123456789012:accesspoint/transform",
    "arn:aws-cn:s3:cn-north-1:123456789012:accesspoint/ap",
    "arn:aws:s3:us-east-1::accesspoint/no-account",
    "arn:aws:s3:us-east-1:12_34:accesspoint/bad-account",
    "arn:aws:s3:us-east-1:123456789012:bucket_name:mybucket",
    "arn:aws:sqs:us-east-1:123456789012:queue",
    "arn:aws:s3:bad_region:123456789012:accesspoint/ap",
    "arn:aws:s3:fips-us-east-1:123456789012:accesspoint/ap",
    "arn:aws:s3:us-east-1:123456789012:",
    "arn:aws:s3",
    "arn:aws::us-east-1:123456789012:accesspoint/no-service",
    "arn::s3:us-east-1:123456789012:accesspoint/no-partition",
    "not:an:arn:at:all:really",
]


def value_for(rng, name, spec):
    if rng.random() < 0.2 and not spec.get("required"):
        return None
    kind = spec.get("type", "string").lower()
    if kind == "boolean":
        return rng.random() < 0.4
    if kind == "stringarray":
        return rng.sample(["a", "b", "c"], rng.randint(0, 2))
    lower = name.lower()
    if lower == "region":
        return rng.choice(REGIONS)
    if lower == "endpoint":
        return rng.choice(ENDPOINTS) if rng.random() < 0.5 else None
    if "accountid" in lower:
        return rng.choice(ACCOUNTS)
    if "outpost" in lower:
        return rng.choice(OUTPOSTS)
    if lower in ("bucket", "accesspointname", "resourcearn", "copysource", "key", "prefix", "name"):
        return rng.choice(ARNS + NAMES)
    return rng.choice(NAMES + ARNS[:3] + ["us-east-1", "true"])


def botocore_answer(provider, params):
    try:
        e = provider.resolve_endpoint(**params)
    except EndpointResolutionError as err:
        return {"error": err.kwargs.get("msg", str(err))}
    headers = {k: str(v[0]) for k, v in e.headers.items() if v}  # regions.py keeps the first value only
    return {"url": e.url, "headers": headers, "properties": e.properties}


def main():
    driver = sys.argv[1]
    big = int(sys.argv[2]) if len(sys.argv) > 2 else 400
    seed = os.environ.get("DRC_RULES_SEED", "1")
    loader = botocore.loaders.Loader()
    partitions = loader.load_data("partitions")
    models = os.path.join(HERE, "..", "..", "core", "aws", "models", "services.json")
    services = sorted({e["service"] for e in json.load(open(models))["services"].values()} | {"s3", "s3control"})
    feed, expected, labels = [], [], []
    for service in services:
        version = loader.determine_latest_version(service, "service-2")
        ruleset = loader.load_service_model(service, "endpoint-rule-set-1", version)
        provider = EndpointProvider(ruleset, partitions)
        feed.append(json.dumps({"ruleset": ruleset, "partitions": partitions}))
        rng = random.Random(f"{seed}:{service}")
        count = big if service in ("s3", "s3control") else max(20, big // 10)
        for _ in range(count):
            params = {n: v for n, spec in ruleset["parameters"].items() if (v := value_for(rng, n, spec)) is not None}
            feed.append(json.dumps({"params": params}))
            expected.append(botocore_answer(provider, dict(params)))
            labels.append((service, params))
    run = subprocess.run([driver], input=("\n".join(feed) + "\n").encode(), capture_output=True, check=False)
    if run.returncode != 0:
        print(f"the driver failed ({run.returncode}): {run.stderr.decode()[:2000]}")
        return 1
    answers = [json.loads(line) for line in run.stdout.decode().splitlines()]
    if len(answers) != len(expected):
        print(f"the driver answered {len(answers)} of {len(expected)} cases")
        return 1
    bad = [(l, e, a) for l, e, a in zip(labels, expected, answers) if e != a]
    for (service, params), e, a in bad[:12]:
        print(f"DIFFER {service} {json.dumps(params)}\n  botocore:  {json.dumps(e)}\n  drconsole: {json.dumps(a)}")
    errors = sum(1 for e in expected if "error" in e)
    print(f"{len(expected)} rule set resolutions over {len(services)} services compared with botocore "
          f"({errors} of them errors); {len(bad)} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
