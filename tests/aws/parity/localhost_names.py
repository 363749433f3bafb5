"""Names under .localhost resolve to loopback in this Python, as RFC 6761 has it and as curl (so drconsole)
resolves them itself. S3 Control puts the account id in front of the endpoint's host
(123456789012.localhost:PORT), which this machine's resolver does not know; this lets the aws CLI reach moto
there too. Nothing else about a lookup changes.
"""
import socket

_real_getaddrinfo = socket.getaddrinfo


def _getaddrinfo(host, *args, **kwargs):
    if isinstance(host, str) and host.lower().endswith(".localhost"):
        host = "127.0.0.1"
    return _real_getaddrinfo(host, *args, **kwargs)


def install():
    socket.getaddrinfo = _getaddrinfo
