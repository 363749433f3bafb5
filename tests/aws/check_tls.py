"""TLS peer verification is always on: drconsole aws against an HTTPS endpoint on loopback whose
certificate no system CA signed is refused; trusting that certificate through AWS_CA_BUNDLE lets it
through (as it does for the aws CLI); --no-verify-ssl is refused. usage: check_tls.py DRCONSOLE"""
import datetime
import http.server
import ipaddress
import os
import ssl
import subprocess
import sys
import tempfile
import threading

try:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
except ImportError:
    print("python3-cryptography is not installed: skipped")
    sys.exit(77)

IDENTITY = b"""<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/tls</Arn><UserId>AIDATLS</UserId>
<Account>123456789012</Account></GetCallerIdentityResult>
<ResponseMetadata><RequestId>tls-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>"""


def self_signed(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "drconsole test endpoint")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    with open(cert_path, "wb") as f:
        f.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(key_path, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_path, key_path


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(IDENTITY)))
        self.end_headers()
        self.wfile.write(IDENTITY)


def main():
    drconsole = sys.argv[1]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        cert, key = self_signed(tmp)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(cert, key)
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"https://127.0.0.1:{server.server_address[1]}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(AWS_ACCESS_KEY_ID="AKIDTLS", AWS_SECRET_ACCESS_KEY="secret", AWS_DEFAULT_REGION="us-east-1",
                   AWS_CONFIG_FILE=os.path.join(tmp, "none"), AWS_SHARED_CREDENTIALS_FILE=os.path.join(tmp, "none"),
                   AWS_MAX_ATTEMPTS="1")

        def run(extra_env=None, *flags):
            return subprocess.run([drconsole, "aws", "--endpoint-url", url, *flags, "sts", "get-caller-identity"],
                                  env={**env, **(extra_env or {})}, capture_output=True, text=True, timeout=60)

        p = run()
        if p.returncode != 255 or "certificate" not in p.stderr.lower():
            failures.append(f"an untrusted certificate must be refused: exit {p.returncode}, {p.stderr.strip()[:300]}")
        p = run({"AWS_CA_BUNDLE": cert})
        if p.returncode != 0 or '"Account": "123456789012"' not in p.stdout:
            failures.append(f"AWS_CA_BUNDLE must let it through: exit {p.returncode}, {p.stderr.strip()[:300]}")
        p = run({"AWS_CA_BUNDLE": os.path.join(tmp, "missing.pem")})
        if p.returncode != 255 or "missing.pem" not in p.stderr:
            failures.append(f"a missing CA bundle must be named: exit {p.returncode}, {p.stderr.strip()[:300]}")
        p = run(None, "--no-verify-ssl")
        if p.returncode != 255 or "always verifies" not in p.stderr:
            failures.append(f"--no-verify-ssl must be refused: exit {p.returncode}, {p.stderr.strip()[:300]}")
        server.shutdown()
    for f in failures:
        print("FAIL:", f)
    print("TLS checks:", "failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
