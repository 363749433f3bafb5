#!/usr/bin/env python3
"""drconsole's signatures checked by moto_server itself. moto runs with INITIAL_NO_AUTH_ACTION_COUNT, so
after the first few actions (which create an IAM user, its policy and an access key) it verifies the
SigV4 signature of every request. Signed with the new key, calls to query, ec2, json and rest-xml
services succeed; signed with a wrong secret, each is refused: SignatureDoesNotMatch (ec2 says
AuthFailure, as EC2 itself does).

moto 5.2 cannot verify rest-json signatures at all: it refuses the aws CLI's own correctly signed
requests to lambda, eks, backup, efs and apigateway. For rest-json this test therefore checks that
drconsole is refused exactly when, and as, the aws CLI is; botocore's signer is the reference for
rest-json signatures (check_sigv4.py).

usage: check_moto_auth.py DRCONSOLE. Exit 77 without moto or botocore."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "parity"))
try:
    import botocore.session
except ImportError:
    print("botocore is not importable: skipped")
    sys.exit(77)
from moto_server import MotoServer  # noqa: E402

CALLS = [  # (protocol, command)
    ("query", ["sts", "get-caller-identity"]),
    ("query", ["rds", "describe-db-instances"]),
    ("json", ["dynamodb", "list-tables"]),
    ("rest-xml", ["s3api", "list-buckets"]),
    ("ec2", ["ec2", "describe-vpcs"]),
    # rest-xml with the account id in the host (123456789012.localhost:PORT), from S3 Control's rule set.
    ("rest-xml", ["s3control", "list-access-points", "--account-id", "123456789012"]),
]
REST_JSON = [["lambda", "list-functions"], ["eks", "list-clusters"], ["backup", "list-backup-vaults"]]


def main():
    drconsole = sys.argv[1]
    if shutil.which("aws") is None:
        print("the aws CLI is not installed: skipped")
        return 77
    with MotoServer(env={"INITIAL_NO_AUTH_ACTION_COUNT": "3"}) as moto:
        iam = botocore.session.get_session().create_client(
            "iam", region_name="us-east-1", endpoint_url=moto.url, aws_access_key_id="bootstrap", aws_secret_access_key="x")
        iam.create_user(UserName="drconsole")
        iam.put_user_policy(UserName="drconsole", PolicyName="all", PolicyDocument=(
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'))
        key = iam.create_access_key(UserName="drconsole")["AccessKey"]
        base = {"PATH": os.environ.get("PATH", ""), "HOME": "/nonexistent", "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONFIG_FILE": "/nonexistent/c",
                "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/k", "AWS_ACCESS_KEY_ID": key["AccessKeyId"]}
        failures = 0
        for secret, expect_ok in ((key["SecretAccessKey"], True), (key["SecretAccessKey"] + "wrong", False)):
            env = dict(base, AWS_SECRET_ACCESS_KEY=secret)
            for protocol, args in CALLS:
                url = moto.url.replace("127.0.0.1", "localhost") if args[0] == "s3control" else moto.url
                p = subprocess.run([drconsole, "aws", "--endpoint-url", url] + args, capture_output=True, env=env,
                                   timeout=60, check=False)
                err = p.stderr.decode(errors="replace")
                refused_as = "(AuthFailure)" if protocol == "ec2" else "(SignatureDoesNotMatch)"
                ok = p.returncode == 0 if expect_ok else (p.returncode == 255 and refused_as in err)
                print(f"{'ok  ' if ok else 'FAIL'} {protocol:9} {' '.join(args):30} "
                      f"{'right' if expect_ok else 'wrong'} secret: exit {p.returncode} {err.strip()[:160]}")
                failures += not ok
            for args in REST_JSON:
                ours = subprocess.run([drconsole, "aws", "--endpoint-url", moto.url] + args, capture_output=True, env=env,
                                      timeout=60, check=False)
                theirs = subprocess.run(["aws", "--endpoint-url", moto.url] + args, capture_output=True, env=env,
                                        timeout=120, check=False)
                same = ours.returncode == theirs.returncode and ours.stdout == theirs.stdout
                print(f"{'ok  ' if same else 'FAIL'} rest-json {' '.join(args):30} {'right' if expect_ok else 'wrong'} "
                      f"secret: drconsole exit {ours.returncode}, aws exit {theirs.returncode}")
                failures += not same
        print(f"{2 * (len(CALLS) + len(REST_JSON))} signed calls checked by moto_server; {failures} failed")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
