#!/usr/bin/env python3
"""Writes the SigV4 stage-by-stage cases in tests/data/sigv4/ from botocore's signer.

Each case is a folder: request.json (the request and signing parameters), and what botocore produced at
each stage: canonical-request.txt, string-to-sign.txt, signature.txt, authorization.txt. The C++ test
checks every stage on its own, so a failure says which stage went wrong. Run this only to add a case.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from check_sigv4 import botocore_sign  # noqa: E402

EXAMPLE = {"access_key": "AKIDEXAMPLE", "secret": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
           "time": "2015-08-30T12:36:00Z", "region": "us-east-1", "service": "service", "token": "",
           "scheme": "https", "host": "example.amazonaws.com", "query": [], "headers": [], "body": "",
           "s3": False, "unsigned": False, "method": "GET", "path": "/"}


def case(**over):
    c = dict(EXAMPLE)
    c.update(over)
    return c


CASES = {
    "get-vanilla": case(),
    "get-vanilla-query-order": case(query=[["Param2", "value2"], ["Param1", "value1"]]),
    "get-repeated-keys-sorted-by-value": case(query=[["Param1", "value2"], ["Param1", "Value1"], ["Param1", "value1"]]),
    "get-unreserved-query": case(query=[["-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                                         "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"]]),
    "get-utf8-query": case(query=[["ሴ", "bar"], ["space key", "a value+plus"]]),
    "get-empty-value": case(query=[["versioning", ""]]),
    "get-path-dot-segments": case(path="/example1/example2/../.././example/"),
    "get-path-double-slash": case(path="//example//"),
    "get-path-space-and-unicode": case(path="/example%20space/%E1%88%B4"),
    "get-header-trim-and-duplicates": case(headers=[["My-Header1", "   value1  with   spaces "],
                                                   ["My-Header2", "\"a   b   c\""],
                                                   ["My-Header1", "value2"]]),
    "get-unsigned-headers": case(headers=[["User-Agent", "drconsole/1"], ["Expect", "100-continue"],
                                          ["Connection", "keep-alive"], ["X-Amz-Meta", "kept"]]),
    "post-json-body": case(method="POST", service="dynamodb", body='{"TableName":"payments"}',
                           headers=[["Content-Type", "application/x-amz-json-1.0"],
                                    ["X-Amz-Target", "DynamoDB_20120810.DescribeTable"]]),
    "post-query-form-body": case(method="POST", service="rds", region="eu-west-2",
                                 body="Action=DescribeDBInstances&Version=2014-10-31",
                                 headers=[["Content-Type", "application/x-www-form-urlencoded; charset=utf-8"]]),
    "post-session-token": case(method="POST", service="sts", body="Action=GetCallerIdentity&Version=2011-06-15",
                               token="AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="),
    "s3-path-not-normalised": case(service="s3", s3=True, host="bucket.s3.amazonaws.com",
                                   path="/my%20photos/../2024//a%2Bb.jpg"),
    "s3-put-with-body": case(service="s3", s3=True, method="PUT", path="/bucket/key.txt", body="hello world\n",
                             headers=[["Content-Type", "text/plain"]]),
    "s3-unsigned-over-tls-with-md5": case(service="s3", s3=True, method="PUT", path="/bucket/key", unsigned=True,
                                          body="data", headers=[["Content-MD5", "jX9jmzg6DJ/+wgUZ+dM/yw=="]]),
    "s3-unsigned-refused-over-http": case(service="s3", s3=True, method="PUT", path="/bucket/key", unsigned=True,
                                          scheme="http", port=5000, host="127.0.0.1", body="data"),
    "unsigned-payload-non-s3": case(method="POST", service="execute-api", unsigned=True, body="{}"),
    "port-non-default": case(scheme="http", host="127.0.0.1", port=5000, service="rds"),
    "port-default-dropped": case(port=443),
}


def main():
    out = os.path.join(os.path.dirname(__file__), "..", "data", "sigv4")
    for name, c in CASES.items():
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        stages = botocore_sign(c)
        with open(os.path.join(d, "request.json"), "w", encoding="utf-8") as f:
            json.dump(c, f, indent=2, ensure_ascii=False)
            f.write("\n")
        for fname, key in (("canonical-request.txt", "canonical"), ("string-to-sign.txt", "string_to_sign"),
                           ("signature.txt", "signature"), ("authorization.txt", "authorization")):
            with open(os.path.join(d, fname), "w", encoding="utf-8") as f:
                f.write(stages[key])
        print(name, stages["signature"])


if __name__ == "__main__":
    main()
