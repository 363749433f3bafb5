#!/usr/bin/env python3
"""Roles as the aws CLI gets them, run through both tools against moto_server: a web identity (EKS's
AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE), a profile whose role needs an MFA code, typed at a
terminal (a pseudo-terminal here), and IAM Identity Center (SSO) profiles against a stand-in portal. Compared: what each prints (the prompt included), exit status, and
the role cache each leaves in ~/.aws/cli/cache (file names are botocore's keys). Then each tool must work
from the other's cache with STS out of reach and no terminal: the code is typed once, whichever tool asks.

usage: check_role_credentials.py DRCONSOLE     (exit 77 without moto_server or the aws CLI)
"""
import datetime
import hashlib
import http.server
import json
import os
import pty
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "parity"))
from moto_server import MotoServer  # noqa: E402

ACCOUNT = "123456789012"
MFA = f"arn:aws:iam::{ACCOUNT}:mfa/oncall"
CODE = "908172"  # typed at the prompt; it must not be echoed
CONFIG = (f"[profile dr]\nrole_arn = arn:aws:iam::{ACCOUNT}:role/dr-admin\nsource_profile = base\n"
          f"mfa_serial = {MFA}\nrole_session_name = oncall\n")
CREDENTIALS = "[base]\naws_access_key_id = AKIABASE\naws_secret_access_key = basesecret\n"


def dead_url():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return f"http://127.0.0.1:{port}"


def home_env(home, sts_url, extra=None):
    with open(os.path.join(home, "config"), "w") as f:
        f.write(CONFIG)
    with open(os.path.join(home, "credentials"), "w") as f:
        f.write(CREDENTIALS)
    env = {"PATH": os.environ.get("PATH", ""), "HOME": home, "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
           "AWS_CONFIG_FILE": os.path.join(home, "config"), "AWS_SHARED_CREDENTIALS_FILE": os.path.join(home, "credentials"),
           "AWS_PAGER": "", "LANG": "C.UTF-8", "AWS_ENDPOINT_URL_STS": sts_url, "AWS_MAX_ATTEMPTS": "1"}
    env.update(extra or {})
    return env


def run_plain(argv, env):
    """No terminal at all (a new session): nothing can be asked."""
    p = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=60, start_new_session=True, check=False)
    return {"rc": p.returncode, "out": p.stdout.decode(errors="replace"), "err": p.stderr.decode(errors="replace")}


def run_in_terminal(argv, env, answer):
    """In a pseudo-terminal: the MFA prompt is answered as it appears; the transcript is what the terminal showed."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    shown, answered, deadline = b"", False, time.time() + 60
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        if not answered and b"Enter MFA code for" in shown and shown.rstrip().endswith(b":"):
            os.write(fd, answer.encode() + b"\n")
            answered = True
    if time.time() >= deadline:
        os.kill(pid, 9)  # hung: the comparison fails on its exit status rather than waiting for ctest's timeout
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return {"rc": os.waitstatus_to_exitcode(status), "shown": shown.decode(errors="replace").replace("\r\n", "\n")}


class FakeSsoPortal:
    """The SSO portal's GetRoleCredentials and SSO OIDC's CreateToken (moto has neither): records who asked,
    answers with a role's keys, and renews a token for the refresh token "rt-good" (rotating it), "rt-keep"
    (not rotating it); any other is refused as the service refuses it."""

    def __init__(self):
        self.asked = []
        portal = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                portal.asked.append((self.path, self.headers.get("x-amz-sso_bearer_token")))
                if self.headers.get("x-amz-sso_bearer_token") == "revoked":
                    body = b'{"message": "Session token not found or invalid"}'
                    self.send_response(401)
                    self.send_header("x-amzn-ErrorType", "UnauthorizedException")
                else:
                    expires = int((time.time() + 3600) * 1000)
                    body = json.dumps({"roleCredentials": {"accessKeyId": "ASIASSOROLE", "secretAccessKey": "ssosecret",
                                                           "sessionToken": "ssotoken", "expiration": expires}}).encode()
                    self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
                portal.asked.append((self.path, json.dumps(body, sort_keys=True), self.headers.get("Authorization")))
                refresh = body.get("refreshToken")
                if self.path == "/token" and refresh in ("rt-good", "rt-keep"):
                    answer = {"accessToken": "tok-fresh", "tokenType": "Bearer", "expiresIn": 28800}
                    if refresh == "rt-good":
                        answer["refreshToken"] = "rt-next"
                    reply = json.dumps(answer).encode()
                    self.send_response(200)
                else:
                    reply = b'{"error": "invalid_grant", "error_description": "Invalid refresh token provided"}'
                    self.send_response(400)
                    self.send_header("x-amzn-ErrorType", "InvalidGrantException")
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


SSO_CONFIG = (f"[profile legacy]\nsso_start_url = https://d-1234.awsapps.com/start\nsso_region = us-east-1\n"
              f"sso_account_id = {ACCOUNT}\nsso_role_name = DRAdmin\n"
              f"[profile modern]\nsso_session = corp\nsso_account_id = {ACCOUNT}\nsso_role_name = DRReader\n"
              "[sso-session corp]\nsso_start_url = https://d-1234.awsapps.com/start\nsso_region = eu-west-1\n"
              "[profile partial]\nsso_role_name = DRAdmin\nsso_region = us-east-1\n"
              "[profile lost]\nsso_session = nowhere\nsso_account_id = 1\nsso_role_name = x\n")


def utc_in(seconds):
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def sso_token_file(home, name):
    return os.path.join(home, ".aws", "sso", "cache", hashlib.sha1(name.encode()).hexdigest() + ".json")


def write_sso_token(home, name, token, expires_in, refresh=None):
    """The token as `aws sso login` caches it; with `refresh` (a refresh token), the client registration
    an sso-session's login keeps too (registered for a day, or expired with "rt-*-unregistered")."""
    os.makedirs(os.path.dirname(sso_token_file(home, name)), exist_ok=True)
    body = {"startUrl": "https://d-1234.awsapps.com/start", "region": "us-east-1", "accessToken": token, "expiresAt": utc_in(expires_in)}
    if refresh:
        body.update({"clientId": "client-7", "clientSecret": "client-secret-must-not-show",
                     "registrationExpiresAt": utc_in(-3600 if refresh.endswith("-unregistered") else 86400),
                     "refreshToken": refresh.replace("-unregistered", "")})
    with open(sso_token_file(home, name), "w") as f:
        json.dump(body, f)


def sso_cache_after(home, name):
    """The token cache as a tool left it: its keys and values (the new expiry as how far off it is, to the
    minute), and its file mode."""
    path = sso_token_file(home, name)
    if not os.path.exists(path):
        return None
    with open(path) as f:
        j = json.load(f)
    expires = datetime.datetime.strptime(j.get("expiresAt", ""), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    j["expiresAt"] = round((expires - datetime.datetime.now(datetime.timezone.utc)).total_seconds() / 60)
    j.pop("registrationExpiresAt", None)
    return {"token": j, "mode": oct(os.stat(path).st_mode & 0o777)}


def cache_files(home):
    d = os.path.join(home, ".aws", "cli", "cache")
    out = {}
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        with open(os.path.join(d, name)) as f:
            j = json.load(f)
        # botocore also keeps its transport's ResponseMetadata, which is no part of STS's answer.
        out[name] = {"keys": sorted(k for k in j if k != "ResponseMetadata"), "credential_keys": sorted(k for k in j.get("Credentials", {}) if k != "AccountId"),
                     "mode": oct(os.stat(os.path.join(d, name)).st_mode & 0o777)}
    return out


def identity(text):
    m = re.search(r'"Arn": "([^"]+)"', text)
    return m.group(1) if m else text.strip()[:300]


def main():
    drconsole = os.path.abspath(sys.argv[1])
    aws = shutil.which("aws")
    if aws is None or shutil.which("moto_server") is None:
        print("the aws CLI or moto_server is missing: skipped")
        return 77
    tools = {"aws": [aws], "drconsole": [drconsole, "aws"]}
    scratch = tempfile.mkdtemp(prefix="drc-roles-")
    try:
        return compare(tools, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def compare(tools, scratch):
    problems, compared = [], 0

    def same(name, got):
        nonlocal compared
        compared += 1
        if got["aws"] != got["drconsole"]:
            problems.append(f"{name}:\n    aws:       {got['aws']}\n    drconsole: {got['drconsole']}")

    with MotoServer() as moto:
        homes = {t: tempfile.mkdtemp(prefix=f"drc-roles-{t}-", dir=scratch) for t in tools}
        # 1. A web identity from the environment: unsigned AssumeRoleWithWebIdentity, then the role's identity.
        got = {}
        for t, argv0 in tools.items():
            token = os.path.join(homes[t], "token")
            with open(token, "w") as f:
                f.write("eyJhbGciOiJSUzI1NiJ9.e30.sig")
            env = home_env(homes[t], moto.url, {"AWS_WEB_IDENTITY_TOKEN_FILE": token, "AWS_ROLE_ARN": f"arn:aws:iam::{ACCOUNT}:role/irsa",
                                                "AWS_ROLE_SESSION_NAME": "pod-1"})
            r = run_plain(argv0 + ["--endpoint-url", moto.url, "sts", "get-caller-identity"], env)
            got[t] = {"rc": r["rc"], "identity": identity(r["out"]), "err": r["err"].strip(), "cache": cache_files(homes[t])}
        same("web identity", got)
        # 2. A role with an MFA device, the code typed at the terminal.
        got = {}
        for t, argv0 in tools.items():
            shutil.rmtree(os.path.join(homes[t], ".aws"), ignore_errors=True)
            r = run_in_terminal(argv0 + ["--profile", "dr", "--endpoint-url", moto.url, "sts", "get-caller-identity"],
                                home_env(homes[t], moto.url), CODE)
            got[t] = {"rc": r["rc"], "prompt": r["shown"].split("\n", 1)[0], "identity": identity(r["shown"]),
                      "echoed": CODE in r["shown"], "cache": cache_files(homes[t])}
        same("role with an MFA code typed at the terminal", got)
        # 3. Each tool from the other's cache: STS out of reach, no terminal to ask on.
        got = {}
        for t, other in (("aws", "drconsole"), ("drconsole", "aws")):
            r = run_plain(tools[t] + ["--profile", "dr", "--endpoint-url", moto.url, "sts", "get-caller-identity"],
                          home_env(homes[other], dead_url()))
            got[t] = {"rc": r["rc"], "identity": identity(r["out"]), "err": r["err"].strip()}
        same("the role from the other tool's cache", got)
        if got["drconsole"]["rc"] != 0:
            problems.append(f"drconsole did not use the aws CLI's cached role: {got['drconsole']}")
        # 4. No cache, no terminal: the CLI fails to read a code; drconsole says how to give one.
        r = run_plain(tools["drconsole"] + ["--profile", "dr", "--endpoint-url", moto.url, "sts", "get-caller-identity"],
                      home_env(tempfile.mkdtemp(prefix="drc-roles-empty-", dir=scratch), moto.url))
        compared += 1
        if r["rc"] == 0 or "Enter MFA code for " + MFA not in r["err"]:
            problems.append(f"no terminal and no cache: expected a failure after the prompt, got {r}")
        # 5. --profile turns the environment's web identity off (botocore's disable_env_vars), and a
        #    source profile may itself be a web identity (its role kept in memory only).
        got = {}
        for t, argv0 in tools.items():
            home = tempfile.mkdtemp(prefix=f"drc-roles-{t}-", dir=scratch)
            env = home_env(home, moto.url, {"AWS_WEB_IDENTITY_TOKEN_FILE": os.path.join(home, "token"),
                                            "AWS_ROLE_ARN": f"arn:aws:iam::{ACCOUNT}:role/irsa"})
            with open(os.path.join(home, "token"), "w") as f:
                f.write("eyJhbGciOiJSUzI1NiJ9.e30.sig")
            with open(env["AWS_CONFIG_FILE"], "a") as f:
                f.write(f"[profile chained]\nrole_arn = arn:aws:iam::{ACCOUNT}:role/target\nsource_profile = wi\n"
                        f"role_session_name = chain-sess\n[profile wi]\nrole_arn = arn:aws:iam::{ACCOUNT}:role/irsa\n"
                        f"web_identity_token_file = {os.path.join(home, 'token')}\nrole_session_name = wi-sess\n")
            ops = run_plain(argv0 + ["--profile", "base", "--endpoint-url", moto.url, "sts", "get-caller-identity"], env)
            chained = run_plain(argv0 + ["--profile", "chained", "--endpoint-url", moto.url, "sts", "get-caller-identity"], env)
            got[t] = {"base": (ops["rc"], identity(ops["out"]), ops["err"].strip()),
                      "chained": (chained["rc"], identity(chained["out"]), chained["err"].strip()), "cache": cache_files(home)}
        same("--profile over the environment's web identity; a web identity source profile", got)
        # 6. IAM Identity Center (SSO) profiles, legacy and sso-session, with the token `aws sso login` leaves.
        portal = FakeSsoPortal()
        legacy_url = "https://d-1234.awsapps.com/start"
        sso_cases = [("legacy profile", "legacy", [(legacy_url, "tok-legacy", 3600)]),
                     ("sso-session profile", "modern", [("corp", "tok-modern", 3600)]),
                     ("no token cached", "modern", []),
                     ("expired legacy token", "legacy", [("https://d-1234.awsapps.com/start", "tok-old", -60)]),
                     ("token the portal refuses", "legacy", [("https://d-1234.awsapps.com/start", "revoked", 3600)]),
                     ("missing configuration", "partial", []),
                     ("unknown sso-session", "lost", []),
                     # An sso-session's token is renewed inside its last 15 minutes (botocore's SSOTokenProvider).
                     ("token renewed before it expires", "modern", [("corp", "tok-modern", 300, "rt-good")]),
                     ("expired token renewed", "modern", [("corp", "tok-old", -60, "rt-good")]),
                     ("renewal without a rotated refresh token", "modern", [("corp", "tok-modern", 300, "rt-keep")]),
                     ("renewal refused, the token still good", "modern", [("corp", "tok-modern", 300, "rt-revoked")]),
                     ("renewal refused, the token expired", "modern", [("corp", "tok-old", -60, "rt-revoked")]),
                     ("client registration expired", "modern", [("corp", "tok-old", -60, "rt-good-unregistered")]),
                     ("no refresh token cached", "modern", [("corp", "tok-old", -60)]),
                     ("token far from expiry: not renewed", "modern", [("corp", "tok-modern", 3600, "rt-good")]),
                     ("legacy profile: never renewed", "legacy", [(legacy_url, "tok-legacy", 300, "rt-good")]),
                     ("SSO OIDC out of reach", "modern", [("corp", "tok-modern", 300, "rt-good")], dead_url())]
        for name, profile, tokens, *oidc in sso_cases:
            got = {}
            for t, argv0 in tools.items():
                home = tempfile.mkdtemp(prefix=f"drc-sso-{t}-", dir=scratch)
                env = home_env(home, moto.url, {"AWS_ENDPOINT_URL_SSO": portal.url, "AWS_ENDPOINT_URL_SSO_OIDC": (oidc or [portal.url])[0]})
                with open(env["AWS_CONFIG_FILE"], "w") as f:
                    f.write(SSO_CONFIG)
                for token_name, token, expires_in, *refresh in tokens:
                    write_sso_token(home, token_name, token, expires_in, *refresh)
                portal.asked.clear()
                r = run_plain(argv0 + ["--profile", profile, "--endpoint-url", moto.url, "sts", "get-caller-identity"], env)
                # drconsole adds why it could not connect after the URL; the line up to there must match.
                err = re.sub(r'^(Could not connect to the endpoint URL: "[^"]*") \(.*\)$', r"\1", r["err"].strip(), flags=re.M)
                got[t] = {"rc": r["rc"], "identity": identity(r["out"]), "err": err, "portal": sorted(portal.asked),
                          "token cache": [sso_cache_after(home, token_name) for token_name, *_ in tokens]}
            same("SSO: " + name, got)
        # 7. drconsole's debug log shows none of it: the portal's token, the role's secret, the session token,
        #    and in a renewal the client secret, the refresh tokens and the new access token.
        home = tempfile.mkdtemp(prefix="drc-sso-debug-", dir=scratch)
        env = home_env(home, moto.url, {"AWS_ENDPOINT_URL_SSO": portal.url})
        with open(env["AWS_CONFIG_FILE"], "w") as f:
            f.write(SSO_CONFIG)
        write_sso_token(home, "corp", "tok-must-not-show", 300, "rt-good")  # renewed: CreateToken's secrets too
        env["AWS_ENDPOINT_URL_SSO_OIDC"] = portal.url
        r = run_plain(tools["drconsole"] + ["--debug", "--profile", "modern", "--endpoint-url", moto.url, "sts", "get-caller-identity"], env)
        compared += 1
        leaked = [s for s in ("tok-must-not-show", "ssosecret", "ssotoken", "client-secret-must-not-show", "rt-good", "rt-next", "tok-fresh")
                  if s in r["err"] + r["out"]]
        if "CreateToken" not in r["err"]:
            problems.append("drconsole --debug with an SSO token to renew: no CreateToken in the debug log")
        if r["rc"] != 0 or leaked:
            problems.append(f"drconsole --debug with an SSO profile: rc {r['rc']}, secrets shown: {leaked}")
    for p in problems:
        print("FAIL " + p[:3000])
    print(f"{compared} role credential scenarios compared with the aws CLI; {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
