#!/usr/bin/env python3
"""drconsole's SigV4 signer against botocore's, stage by stage, over many random requests.

usage: check_sigv4.py SIGV4_DRIVER [COUNT]

Random methods, hosts and ports, paths with spaces, unicode, reserved characters, dot segments and runs of
slashes, repeated and empty query keys, headers in mixed case with runs of whitespace and duplicates
(hop-by-hop and User-Agent among them, which are not signed), empty and non-empty bodies, session
tokens, S3's rules and unsigned payloads. Each is signed by botocore (its clock fixed to the request's
time) and by the driver; the canonical request, string to sign, signature and final headers must match.
Exit 77 when botocore is missing.
"""
import datetime
import json
import random
import subprocess
import sys
from urllib.parse import quote

try:
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:
    print("botocore is not importable: skipped")
    sys.exit(77)

RNG = random.Random(20261123)
SEGMENT_CHARS = list("abcXYZ019-_.~ !$&'()*+,;=:@%") + ["é", "ü", "漢", "🚨", " ", "/"]
QUERY_CHARS = list("abcXYZ019-_.~ !$&'()*+,;=:@/?%#[]") + ["é", "漢", " "]
HEADER_NAMES = ["X-Amz-Target", "Content-Type", "x-amz-meta-Owner", "X-Custom", "Content-MD5", "User-Agent",
                "Expect", "Connection", "X-Amzn-Trace-Id", "Accept", "x-amz-acl", "Range"]


def rand_text(chars, lo, hi):
    return "".join(RNG.choice(chars) for _ in range(RNG.randint(lo, hi)))


def rand_path():
    parts = []
    for _ in range(RNG.randint(0, 5)):
        r = RNG.random()
        if r < 0.1:
            parts.append(".")
        elif r < 0.2:
            parts.append("..")
        elif r < 0.3:
            parts.append("")  # a run of slashes
        else:
            parts.append(quote(rand_text(SEGMENT_CHARS, 1, 8), safe="~"))
    path = "/" + "/".join(parts)
    if RNG.random() < 0.2:
        path += "/"
    return path


def rand_header_value():
    v = rand_text(list("abc xyz=;,/123\t"), 0, 12)
    if RNG.random() < 0.3:
        v = "  " + v + "   "
    return v


def rand_case():
    host = rand_text(list("abcdefghijklmnopqrstuvwxyz"), 3, 10) + RNG.choice([".amazonaws.com", ".example", ""])
    scheme = RNG.choice(["https", "http"])
    case = {
        "method": RNG.choice(["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"]),
        "scheme": scheme, "host": host, "path": rand_path(),
        "query": [], "headers": [], "body": "",
        "region": RNG.choice(["us-east-1", "eu-west-2", "ap-southeast-2", "cn-north-1", "us-gov-west-1"]),
        "service": RNG.choice(["rds", "ec2", "s3", "dynamodb", "execute-api", "iam"]),
        "time": "%04d-%02d-%02dT%02d:%02d:%02dZ" % (RNG.randint(2015, 2030), RNG.randint(1, 12), RNG.randint(1, 28),
                                                  RNG.randint(0, 23), RNG.randint(0, 59), RNG.randint(0, 59)),
        "access_key": "AKIA" + rand_text(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), 16, 16),
        "secret": rand_text(list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/"), 40, 40),
        "token": rand_text(list("abcdefXYZ0123456789+/="), 20, 60) if RNG.random() < 0.3 else "",
        "s3": RNG.random() < 0.3,
        "unsigned": RNG.random() < 0.15,
    }
    if RNG.random() < 0.3:
        case["port"] = RNG.choice([80, 443, 5000, 8443])
    keys = [rand_text(QUERY_CHARS, 1, 6) for _ in range(RNG.randint(0, 3))]
    for _ in range(RNG.randint(0, 6)):
        k = RNG.choice(keys) if keys and RNG.random() < 0.5 else rand_text(QUERY_CHARS, 1, 6)
        v = "" if RNG.random() < 0.2 else rand_text(QUERY_CHARS, 1, 8)
        case["query"].append([k, v])
    for _ in range(RNG.randint(0, 5)):
        name = RNG.choice(HEADER_NAMES)
        if RNG.random() < 0.3:
            name = name.upper() if RNG.random() < 0.5 else name.lower()
        case["headers"].append([name, rand_header_value()])
    if case["method"] in ("POST", "PUT", "PATCH") and RNG.random() < 0.8:
        case["body"] = rand_text(list("abc{}\":,123 é漢\n"), 0, 200)
    return case


def botocore_sign(case):
    url = case["scheme"] + "://" + case["host"]
    if "port" in case:
        url += ":%d" % case["port"]
    url += case["path"]
    if case["query"]:
        url += "?" + "&".join(quote(k, safe="-_.~") + ("=" + quote(v, safe="-_.~") if v else "")
                              for k, v in case["query"])
    req = AWSRequest(method=case["method"], url=url, data=case["body"].encode("utf-8"))
    for k, v in case["headers"]:
        req.headers[k] = v  # HTTPHeaders appends: a repeated name keeps every value
    if case["unsigned"]:
        req.context["payload_signing_enabled"] = False
    creds = Credentials(case["access_key"], case["secret"], case["token"] or None)
    cls = botocore.auth.S3SigV4Auth if case["s3"] else botocore.auth.SigV4Auth
    signer = cls(creds, case["service"], case["region"])
    when = datetime.datetime.strptime(case["time"], "%Y-%m-%dT%H:%M:%SZ")
    stages = {}
    real = botocore.auth.get_current_datetime
    botocore.auth.get_current_datetime = lambda *a, **k: when
    orig_cr, orig_sts = signer.canonical_request, signer.string_to_sign
    signer.canonical_request = lambda r: stages.setdefault("canonical", orig_cr(r))
    signer.string_to_sign = lambda r, cr: stages.setdefault("string_to_sign", orig_sts(r, cr))
    try:
        signer.add_auth(req)
    finally:
        botocore.auth.get_current_datetime = real
    stages["signature"] = req.headers["Authorization"].rsplit("Signature=", 1)[1]
    stages["authorization"] = req.headers["Authorization"]
    stages["headers"] = sorted([k.lower(), v] for k, v in req.headers.items())
    return stages


def main():
    driver = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
    cases = [rand_case() for _ in range(count)]
    feed = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    run = subprocess.run([driver], input=feed.encode("utf-8"), capture_output=True, check=False)
    if run.returncode != 0:
        print("driver failed:", run.stderr.decode(errors="replace"))
        return 1
    ours = [json.loads(l) for l in run.stdout.decode("utf-8").splitlines()]
    if len(ours) != len(cases):
        print(f"driver answered {len(ours)} of {len(cases)} requests")
        return 1
    bad = 0
    for case, mine in zip(cases, ours):
        ref = botocore_sign(case)
        mine_auth = dict((k.lower(), v) for k, v in mine["headers"]).get("authorization")
        mine_headers = sorted([k.lower(), v] for k, v in mine["headers"])
        for stage, a, b in (("canonical request", mine["canonical"], ref["canonical"]),
                            ("string to sign", mine["string_to_sign"], ref["string_to_sign"]),
                            ("signature", mine["signature"], ref["signature"]),
                            ("Authorization", mine_auth, ref["authorization"]),
                            ("headers", mine_headers, ref["headers"])):
            if a != b:
                bad += 1
                if bad <= 5:
                    print(f"MISMATCH in the {stage}\n request: {json.dumps(case, ensure_ascii=False)}\n"
                          f" drconsole: {a!r}\n botocore:  {b!r}\n")
                break
    print(f"{len(cases)} random requests signed; {len(cases) - bad} match botocore at every stage")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
