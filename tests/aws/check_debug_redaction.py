#!/usr/bin/env python3
"""Secrets never reach drconsole aws --debug output: not the secret key, not the session token, not a
parameter the model marks sensitive (MasterUserPassword), not the request signature.
usage: check_debug_redaction.py DRCONSOLE. Exit 77 without moto."""
import os
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "parity"))
from moto_server import MotoServer  # noqa: E402

SECRET_KEY = "wJalrXUtnFEMI-very-secret-key"
TOKEN = "FwoGZXIvYXdzEJr-session-token-value"
PASSWORD = "Hunter2-DoNotLog!"


def main():
    drconsole = sys.argv[1]
    with MotoServer() as moto:
        env = {"PATH": os.environ.get("PATH", ""), "HOME": "/nonexistent", "AWS_ACCESS_KEY_ID": "AKIATESTREDACT",
               "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_SESSION_TOKEN": TOKEN, "AWS_DEFAULT_REGION": "us-east-1",
               "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONFIG_FILE": "/nonexistent/c", "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/k"}
        p = subprocess.run([drconsole, "aws", "--debug", "--endpoint-url", moto.url, "rds", "create-db-instance",
                            "--db-instance-identifier", "redact-me", "--db-instance-class", "db.t3.micro", "--engine", "postgres",
                            "--master-username", "admin", "--master-user-password", PASSWORD, "--allocated-storage", "20"],
                           capture_output=True, env=env, timeout=60, check=False)
        everything = p.stdout.decode(errors="replace") + p.stderr.decode(errors="replace")
        leaks = [name for name, secret in (("secret key", SECRET_KEY), ("session token", TOKEN), ("password", PASSWORD))
                 if secret in everything]
        signature_shown = "Signature=" in everything and "Signature=*** redacted ***" not in everything
        debug_lines = sum(1 for l in p.stderr.decode(errors="replace").splitlines() if "drconsole debug" in l)
        print(f"exit {p.returncode}; {debug_lines} debug lines; leaked: {leaks or 'nothing'}; "
              f"signature {'shown' if signature_shown else 'redacted'}")
        return 0 if p.returncode == 0 and not leaks and not signature_shown and debug_lines >= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
