#!/usr/bin/env python3
"""`drconsole aws s3 presign` against botocore's SigV4 presigner and moto_server: the URL drconsole prints
must be the very URL botocore (signature_version s3v4) makes for the same key, region, expiry and second,
and fetching it from moto must return the object.

usage: check_s3_presign.py DRCONSOLE      (exit 77 without moto or botocore)

drconsole signs with SigV4, as aws CLI v2 does; v1's default is SigV2, which regions opened since 2014
refuse, so the reference here is botocore with s3v4 rather than `aws s3 presign` itself.
"""
import datetime
import os
import subprocess
import sys
import urllib.parse
import urllib.request
from unittest import mock

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "parity"))
try:
    import botocore.session
    from botocore.config import Config
except ImportError:
    print("botocore is not importable: skipped")
    sys.exit(77)
from moto_server import MotoServer  # noqa: E402


def frozen_at(url):
    """botocore's clock stopped at the second drconsole's URL was signed (X-Amz-Date)."""
    query = urllib.parse.parse_qs(urllib.parse.urlparse(url).query)
    when = datetime.datetime.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ")

    class Frozen(datetime.datetime):
        @classmethod
        def utcnow(cls):
            return when

        @classmethod
        def now(cls, tz=None):
            return when.replace(tzinfo=tz) if tz else when

    return mock.patch("botocore.auth.datetime.datetime", Frozen)


def reference(url, region, endpoint, bucket, key, expires):
    """botocore's URL for the same request, signed at the same second."""
    client = botocore.session.get_session().create_client(
        "s3", region_name=region, endpoint_url=endpoint, aws_access_key_id="AKIATEST", aws_secret_access_key="secret",
        config=Config(signature_version="s3v4"))
    with frozen_at(url):
        return client.generate_presigned_url("get_object", {"Bucket": bucket, "Key": key}, ExpiresIn=expires)


def reference_for_host(url, region, expires):
    """botocore's SigV4 query signature of the regional URL drconsole printed."""
    from botocore.auth import S3SigV4QueryAuth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    parts = urllib.parse.urlparse(url)
    request = AWSRequest(method="GET", url=f"{parts.scheme}://{parts.netloc}{parts.path}")
    with frozen_at(url):
        S3SigV4QueryAuth(Credentials("AKIATEST", "secret"), "s3", region, expires=expires).add_auth(request)
    return request.url


def main():
    drconsole = sys.argv[1]
    env = {"PATH": os.environ.get("PATH", ""), "HOME": "/nonexistent", "AWS_ACCESS_KEY_ID": "AKIATEST",
           "AWS_SECRET_ACCESS_KEY": "secret", "AWS_CONFIG_FILE": "/nonexistent/c", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/k",
           "AWS_EC2_METADATA_DISABLED": "true"}
    failures = 0
    with MotoServer() as moto:
        s3 = botocore.session.get_session().create_client("s3", region_name="us-east-1", endpoint_url=moto.url,
                                                          aws_access_key_id="AKIATEST", aws_secret_access_key="secret")
        s3.create_bucket(Bucket="dr-state")
        cases = [("us-east-1", moto.url, "prod/terraform.tfstate", 600), ("us-east-1", moto.url, "notes/a b+é.txt", 3600),
                 ("us-east-1", None, "prod/terraform.tfstate", 3600), ("eu-west-1", None, "dumps/db.sql", 120)]
        for region, endpoint, key, expires in cases:
            body = f"object {key}".encode()
            s3.put_object(Bucket="dr-state", Key=key, Body=body)
            argv = [drconsole, "aws", "--region", region] + (["--endpoint-url", endpoint] if endpoint else [])
            argv += ["s3", "presign", f"s3://dr-state/{key}", "--expires-in", str(expires)]
            p = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
            url = p.stdout.strip()
            want = reference(url, region, endpoint, "dr-state", key, expires) if p.returncode == 0 else None
            if want and not endpoint and region != "us-east-1":
                # botocore puts the global host on presigned URLs for every region; drconsole keeps the bucket's
                # regional host (no redirect, and no wait for a new bucket's global DNS). The signature covers
                # the host, so it is compared against botocore signing for the regional host.
                want = reference_for_host(url, region, expires)
            if p.returncode != 0 or url != want:
                failures += 1
                print(f"FAIL {region} {endpoint} {key}:\n  drconsole: {url} {p.stderr.strip()}\n  botocore:  {want}")
                continue
            if endpoint:
                fetched = urllib.request.urlopen(url, timeout=10).read()
                if fetched != body:
                    failures += 1
                    print(f"FAIL fetching {url}: got {fetched[:80]!r}")
    print(f"{len(cases)} presigned URLs compared with botocore's; {len(cases) - failures} identical")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
