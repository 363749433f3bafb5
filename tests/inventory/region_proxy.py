"""A reverse proxy on loopback in front of moto_server that can black-hole chosen regions: a request
signed for such a region (the region in its SigV4 credential scope) is read and then never answered, as
a region whose endpoint has gone dark. Everything else is passed to moto and back unchanged."""
import http.client
import http.server
import re
import socket
import socketserver
import threading
import time

SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([a-z0-9-]+)/")


class RegionProxy:
    def __init__(self, upstream_port):
        self.blackholed = set()
        self.held = 0
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def relay(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                m = SCOPE.search(self.headers.get("Authorization", ""))
                if m and m.group(1) in proxy.blackholed:
                    proxy.held += 1
                    # Hold the connection open and say nothing until the client gives up.
                    self.close_connection = True
                    self.connection.settimeout(0.2)
                    deadline = time.time() + 120
                    while time.time() < deadline:
                        try:
                            if self.connection.recv(1) == b"":
                                return
                        except socket.timeout:
                            continue
                        except OSError:
                            return
                    return
                conn = http.client.HTTPConnection("127.0.0.1", upstream_port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection",)}
                conn.request(self.command, self.path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                self.send_response_only(resp.status, resp.reason)
                for k, v in resp.getheaders():
                    if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = relay

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
