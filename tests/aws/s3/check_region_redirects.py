#!/usr/bin/env python3
"""Buckets in another region than the command's, as S3 itself answers for them, run through the aws CLI
and through drconsole aws: the requests each tool sends (method, path, query, the region it signs for,
the body's digest), what it prints and its exit status must be the same. The server is the test's own,
on loopback (moto does not redirect): it knows each bucket's region and answers a request signed for
another the way S3 does, each bucket one way:

  dr-west    301 PermanentRedirect with x-amz-bucket-region (a bare 301 to a HEAD)
  eu-logs    400 AuthorizationHeaderMalformed naming the Region in its body (a bare 400 to a HEAD)
  far-away   307 TemporaryRedirect that names no region (only a HeadBucket tells)
  opt-in     400 IllegalLocationConstraintException (followed, except for CreateBucket)
  moving     301 that points at a region where the bucket is not either (followed once only)
  no-hint    301 with no region anywhere, and a HeadBucket that says none (botocore loops there until
             Python's recursion limit: drconsole must give the first error after one HeadBucket)
  bad-hint   301 naming a region that cannot be one
  dr-east    in the command's own region: no redirect

usage: check_region_redirects.py DRCONSOLE     (exit 77 without the aws CLI)
"""
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from urllib.parse import parse_qsl, urlsplit

REGIONS = {"dr-west": "us-west-2", "eu-logs": "eu-west-1", "far-away": "ap-southeast-2", "opt-in": "af-south-1",
           "moving": "eu-central-1", "no-hint": "sa-east-1", "bad-hint": "ca-central-1", "dr-east": "us-east-1"}
OBJECTS = {"a.txt": b"alpha\n", "b.txt": b"bravo bravo\n"}


def xml(root, **fields):
    inner = "".join(f"<{k}>{v}</{k}>" for k, v in fields.items())
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<{root}>{inner}</{root}>'.encode()


class FakeS3:
    def __init__(self):
        self.log = []
        s3 = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def reply(self, status, body=b"", headers=None):
                self.send_response(status)
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.send_header("x-amz-request-id", "REQ123")
                if body:
                    self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            def handle_any(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                url = urlsplit(self.path)
                parts = url.path.lstrip("/").split("/", 1)
                bucket, key = parts[0], (parts[1] if len(parts) > 1 else "")
                m = re.search(r"Credential=[^/]+/\d+/([^/]+)/s3/", self.headers.get("Authorization", ""))
                signed_for = m.group(1) if m else None
                query = sorted(parse_qsl(url.query, keep_blank_values=True))
                s3.log.append((self.command, url.path, query, signed_for, hashlib.md5(body).hexdigest() if body else ""))
                home = REGIONS.get(bucket)
                if home is None:
                    return self.reply(404, xml("Error", Code="NoSuchBucket", Message="The specified bucket does not exist"))
                head_bucket = self.command == "HEAD" and not key
                if head_bucket:  # S3 tells a bucket's region to a HeadBucket, whatever else it answers
                    hint = {"no-hint": None, "bad-hint": "not a region!", "moving": "us-west-2"}.get(bucket, home)
                    extra = {"x-amz-bucket-region": hint} if hint else {}
                    return self.reply(200 if signed_for == home else 301, b"", extra)
                if self.command == "PUT" and not key and bucket == "opt-in":
                    return self.reply(400, xml("Error", Code="IllegalLocationConstraintException",
                                               Message="The af-south-1 location constraint is incompatible for the region "
                                                       "specific endpoint this request was sent to."))
                if signed_for != home:
                    return self.wrong_region(bucket, home, signed_for)
                return self.answer(bucket, key, url, body)

            def wrong_region(self, bucket, home, signed_for):
                if bucket in ("dr-west", "moving", "bad-hint"):
                    hint = {"moving": "us-west-2", "bad-hint": "not a region!"}.get(bucket, home)
                    if self.command == "HEAD":
                        return self.reply(301, b"", {"x-amz-bucket-region": hint})
                    return self.reply(301, xml("Error", Code="PermanentRedirect",
                                               Message="The bucket you are attempting to access must be addressed using the "
                                                       "specified endpoint. Please send all future requests to this endpoint.",
                                               Endpoint=f"{bucket}.s3.{hint}.amazonaws.com", Bucket=bucket),
                                      {"x-amz-bucket-region": hint})
                if bucket == "eu-logs":
                    if self.command == "HEAD":
                        return self.reply(400)
                    return self.reply(400, xml("Error", Code="AuthorizationHeaderMalformed",
                                               Message=f"The authorization header is malformed; the region '{signed_for}' is "
                                                       f"wrong; expecting '{home}'", Region=home))
                if bucket == "far-away":
                    return self.reply(307, xml("Error", Code="TemporaryRedirect", Message="Please re-send this request to "
                                               "the specified temporary endpoint. Continue to use the original request "
                                               "endpoint for future requests.", Endpoint=f"{bucket}.s3-{home}.amazonaws.com"))
                if bucket == "opt-in":
                    return self.reply(400, xml("Error", Code="IllegalLocationConstraintException",
                                               Message="The af-south-1 location constraint is incompatible for the region "
                                                       "specific endpoint this request was sent to."))
                return self.reply(301, xml("Error", Code="PermanentRedirect", Message="Moved.", Bucket=bucket))

            def answer(self, bucket, key, url, body):
                q = dict(parse_qsl(url.query, keep_blank_values=True))
                if not key and "versioning" in q:
                    return self.reply(200, xml("VersioningConfiguration", Status="Enabled"))
                if not key and q.get("list-type") == "2":
                    names = sorted(OBJECTS)
                    start = names.index(q["continuation-token"]) if "continuation-token" in q else 0
                    size = int(q.get("max-keys", "1000"))
                    page, rest = names[start:start + size], names[start + size:]
                    contents = "".join(f"<Contents><Key>{n}</Key><LastModified>2026-11-20T10:00:00.000Z</LastModified>"
                                       f"<ETag>&quot;{hashlib.md5(OBJECTS[n]).hexdigest()}&quot;</ETag><Size>{len(OBJECTS[n])}</Size>"
                                       f"<StorageClass>STANDARD</StorageClass></Contents>" for n in page)
                    more = f"<IsTruncated>true</IsTruncated><NextContinuationToken>{rest[0]}</NextContinuationToken>" if rest \
                        else "<IsTruncated>false</IsTruncated>"
                    text = (f'<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
                            f"<Name>{bucket}</Name><Prefix></Prefix><KeyCount>{len(page)}</KeyCount><MaxKeys>{size}</MaxKeys>"
                            f"<Delimiter>{q.get('delimiter', '')}</Delimiter>{more}{contents}</ListBucketResult>")
                    return self.reply(200, text.encode())
                if key in OBJECTS and self.command in ("GET", "HEAD"):
                    data = OBJECTS[key]
                    headers = {"ETag": f'"{hashlib.md5(data).hexdigest()}"', "Last-Modified": "Fri, 20 Nov 2026 10:00:00 GMT"}
                    if self.command == "HEAD":
                        self.send_response(200)
                        for k, v in headers.items():
                            self.send_header(k, v)
                        self.send_header("Content-Length", str(len(data)))
                        self.end_headers()
                        return None
                    self.send_response(200)
                    for k, v in headers.items():
                        self.send_header(k, v)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                    return None
                if key and self.command == "PUT":
                    return self.reply(200, b"", {"ETag": f'"{hashlib.md5(body).hexdigest()}"'})
                return self.reply(404, xml("Error", Code="NoSuchKey", Message="The specified key does not exist."))

            do_GET = do_PUT = do_HEAD = do_POST = do_DELETE = handle_any

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def commands(upload):
    return [
        ["s3api", "get-bucket-versioning", "--bucket", "dr-west"],
        ["s3api", "list-objects-v2", "--bucket", "dr-west", "--page-size", "1"],  # the second page goes straight there
        ["s3api", "head-object", "--bucket", "dr-west", "--key", "a.txt"],
        ["s3api", "put-object", "--bucket", "dr-west", "--key", "up.txt", "--body", upload],  # the body sent again, whole
        ["s3api", "get-bucket-versioning", "--bucket", "eu-logs"],
        ["s3api", "head-object", "--bucket", "eu-logs", "--key", "b.txt"],
        ["s3api", "get-object", "--bucket", "eu-logs", "--key", "b.txt", "/dev/stdout"],
        ["s3api", "get-bucket-versioning", "--bucket", "far-away"],
        ["s3api", "get-bucket-versioning", "--bucket", "opt-in"],
        ["s3api", "create-bucket", "--bucket", "opt-in"],
        ["s3api", "get-bucket-versioning", "--bucket", "moving"],
        ["s3api", "get-bucket-versioning", "--bucket", "no-hint"],
        ["s3api", "get-bucket-versioning", "--bucket", "bad-hint"],
        ["s3api", "get-bucket-versioning", "--bucket", "dr-east"],
        ["s3", "ls", "s3://dr-west/"],
        ["s3", "cp", "s3://eu-logs/a.txt", "-"],
        ["s3", "cp", upload, "s3://far-away/copied.txt"],
    ]


def main():
    drconsole = os.path.abspath(sys.argv[1])
    aws = shutil.which("aws")
    if aws is None:
        print("the aws CLI is missing: skipped")
        return 77
    server = FakeS3()
    scratch = tempfile.mkdtemp(prefix="drc-redirects-")
    try:
        upload = os.path.join(scratch, "upload.txt")
        with open(upload, "wb") as f:
            f.write(b"payload for the DR bucket\n" * 40)
        env = {"PATH": os.environ.get("PATH", ""), "HOME": scratch, "AWS_ACCESS_KEY_ID": "AKIDREDIRECT",
               "AWS_SECRET_ACCESS_KEY": "redirect-secret", "AWS_DEFAULT_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true",
               "AWS_CONFIG_FILE": os.path.join(scratch, "none"), "AWS_SHARED_CREDENTIALS_FILE": os.path.join(scratch, "none"),
               "AWS_PAGER": "", "AWS_MAX_ATTEMPTS": "1", "LANG": "C.UTF-8"}
        tools = {"aws": [aws], "drconsole": [drconsole, "aws"]}
        problems, compared = [], 0
        for cmd in commands(upload):
            got = {}
            for tool, argv0 in tools.items():
                server.log.clear()
                p = subprocess.run(argv0 + ["--endpoint-url", server.url] + cmd, env=env, capture_output=True, timeout=60, check=False)
                # The running "Completed ..." progress text, which the aws CLI writes even to a pipe and drconsole
                # only to a terminal, is dropped (it ends in '\r').
                out = "\n".join(line.split("\r")[-1] for line in p.stdout.decode(errors="replace").split("\n"))
                try:
                    out = json.loads(out) if out.strip().startswith("{") else out
                except ValueError:
                    pass
                got[tool] = {"rc": p.returncode, "out": out, "err": p.stderr.decode(errors="replace").strip(),
                             "requests": list(server.log)}
            compared += 1
            if cmd[-1] == "no-hint":
                # botocore asks HeadBucket, which is redirected in turn and asks HeadBucket again, until Python's
                # recursion limit ends it. drconsole asks once, then gives the first error.
                want = [("GET", "/no-hint", [("versioning", "")], "us-east-1", ""), ("HEAD", "/no-hint", [], "us-east-1", "")]
                if got["aws"]["rc"] != 255 or got["drconsole"]["rc"] != 255 or got["drconsole"]["requests"] != want or \
                        got["drconsole"]["err"] != "An error occurred (PermanentRedirect) when calling the GetBucketVersioning operation: Moved.":
                    problems.append(f"{' '.join(cmd)}: drconsole {got['drconsole']}, aws rc {got['aws']['rc']}")
                continue
            if got["aws"] != got["drconsole"]:
                problems.append(f"{' '.join(cmd)}:\n    aws:       {got['aws']}\n    drconsole: {got['drconsole']}")
        for p in problems:
            print("FAIL " + p[:4000])
        print(f"{compared} commands on buckets in other regions compared with the aws CLI; {len(problems)} differ")
        return 1 if problems else 0
    finally:
        server.server.shutdown()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
