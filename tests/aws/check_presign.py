#!/usr/bin/env python3
"""drconsole's presigned URLs (SigV4 in the query string) against botocore's SigV4QueryAuth, over many
random requests: the canonical request, the string to sign, the signature and the whole query string.

usage: check_presign.py SIGV4_DRIVER [COUNT]

The requests are check_sigv4.py's (random hosts, ports, paths, query parameters, headers, regions,
services, session tokens), made presignable: no body, unique query keys, no S3 rules. Exit 77 when
botocore is missing.
"""
import datetime
import json
import os
import subprocess
import sys
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(__file__))
try:
    import botocore.auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
except ImportError:
    print("botocore is not importable: skipped")
    sys.exit(77)
import check_sigv4  # noqa: E402  (its random request generator)

RNG = check_sigv4.RNG


def presignable(case):
    case = dict(case, body="", s3=False, unsigned=False, expires=RNG.choice([60, 900, 3600, 604800]))
    seen, query = set(), []
    for k, v in case["query"]:
        if k not in seen:
            seen.add(k)
            query.append([k, v])
    case["query"] = query
    # botocore drops its own form content type from a presigned request; drconsole never adds one.
    case["headers"] = [[k, v] for k, v in case["headers"] if k.lower() != "content-type"]
    if RNG.random() < 0.3:
        case["headers"].append(["x-k8s-aws-id", "payments-prod"])
    return case


def botocore_presign(case):
    url = case["scheme"] + "://" + case["host"] + (":%d" % case["port"] if "port" in case else "") + case["path"]
    if case["query"]:
        url += "?" + "&".join(quote(k, safe="-_.~") + "=" + quote(v, safe="-_.~") for k, v in case["query"])
    req = AWSRequest(method=case["method"], url=url, data=b"")
    for k, v in case["headers"]:
        req.headers[k] = v
    creds = Credentials(case["access_key"], case["secret"], case["token"] or None)
    signer = botocore.auth.SigV4QueryAuth(creds, case["service"], case["region"], expires=case["expires"])
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
    stages["query"] = req.url.split("?", 1)[1]
    stages["signature"] = stages["query"].rsplit("X-Amz-Signature=", 1)[1]
    return stages


def main():
    driver = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    cases = [presignable(check_sigv4.rand_case()) for _ in range(count)]
    feed = "".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases)
    run = subprocess.run([driver], input=feed.encode("utf-8"), capture_output=True, check=False)
    if run.returncode != 0:
        print("driver failed:", run.stderr.decode(errors="replace"))
        return 1
    ours = [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]
    if len(ours) != len(cases):
        print(f"driver answered {len(ours)} of {len(cases)} requests")
        return 1
    bad = 0
    for case, mine in zip(cases, ours):
        ref = botocore_presign(case)
        for stage in ("canonical", "string_to_sign", "signature", "query"):
            if mine[stage] != ref[stage]:
                bad += 1
                if bad <= 5:
                    print(f"MISMATCH in the {stage}\n request: {json.dumps(case, ensure_ascii=False)}\n"
                          f" drconsole: {mine[stage]!r}\n botocore:  {ref[stage]!r}\n")
                break
    print(f"{len(cases)} random requests presigned; {len(cases) - bad} match botocore at every stage")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
