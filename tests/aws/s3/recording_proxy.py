"""A loopback HTTP proxy in front of moto_server that records what each request asks of S3 beyond its
outcome: the SSE-C headers (moto ignores them, so only the requests show whether a key was sent) and the
region the request was signed for (--source-region sends the source's calls to another region)."""
import http.client
import http.server
import re
import threading
from urllib.parse import parse_qsl, urlsplit

CREDENTIAL = re.compile(r"Credential=[^/]+/\d{8}/([^/]+)/")
VARYING = {"uploadId", "x-id"}  # an upload's id differs by run; x-id names the operation (botocore only)
RECORDED_PREFIXES = ("x-amz-server-side-encryption-customer", "x-amz-copy-source-server-side-encryption-customer")
HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "proxy-connection", "te", "trailer", "upgrade"}


class RecordingProxy:
    def __init__(self, upstream_url):
        up = urlsplit(upstream_url)
        self.upstream = (up.hostname, up.port)
        self.lock = threading.Lock()
        self.records = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def relay(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                proxy.record(self.command, self.path, self.headers)
                conn = http.client.HTTPConnection(*proxy.upstream, timeout=120)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP}
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                self.send_response_only(resp.status, resp.reason)
                for k, v in resp.getheaders():
                    if k.lower() not in HOP_BY_HOP and k.lower() != "content-length":
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)
                conn.close()

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = relay

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def record(self, method, path, headers):
        parts = urlsplit(path)
        query = sorted(f"{k}={'*' if k in VARYING else v}" for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if k != "x-id")
        sse = sorted(f"{k.lower()}: {v}" for k, v in headers.items() if k.lower().startswith(RECORDED_PREFIXES))
        m = CREDENTIAL.search(headers.get("Authorization", ""))
        with self.lock:
            signed = "Authorization" in headers or "X-Amz-Signature" in parts.query
            self.records.append(f"{method} {parts.path}?{'&'.join(query)} region={m.group(1) if m else None} "
                                f"signed={signed} {sse}")

    def take(self):
        with self.lock:
            out, self.records = sorted(self.records), []
        return out

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
