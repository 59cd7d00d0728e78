#!/usr/bin/env python3
"""Readiness probe for the secure sandbox broker: TLS (verified against the test CA), SASL
SCRAM-SHA-512, then a Metadata request. Standard library only, so it needs no client install.
(Debian's kcat 1.7 / librdkafka 2.0 is rejected by Kafka 4.3's SCRAM with "invalid credentials"
while the Java client and kafkajs pass, so kcat is not used here.)

usage: probe-kafka.py HOST PORT USER PASSWORD CA_PEM    exit 0 when ready; one line on stderr if not
"""
import base64
import hashlib
import hmac
import os
import socket
import ssl
import struct
import sys

CLIENT_ID = b"studio-secure-probe"


def request(sock: ssl.SSLSocket, api_key: int, version: int, corr: int, body: bytes) -> bytes:
    header = struct.pack(">hhih", api_key, version, corr, len(CLIENT_ID)) + CLIENT_ID
    payload = header + body
    sock.sendall(struct.pack(">i", len(payload)) + payload)
    size = struct.unpack(">i", read(sock, 4))[0]
    data = read(sock, size)
    if struct.unpack(">i", data[:4])[0] != corr:
        raise RuntimeError("unexpected correlation id")
    return data[4:]


def read(sock: ssl.SSLSocket, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise RuntimeError("connection closed by broker")
        buf += chunk
    return buf


def kstring(s: str) -> bytes:
    raw = s.encode()
    return struct.pack(">h", len(raw)) + raw


def authenticate(sock: ssl.SSLSocket, corr: int, data: bytes) -> bytes:
    reply = request(sock, 36, 0, corr, struct.pack(">i", len(data)) + data)  # SaslAuthenticate v0
    err, msg_len = struct.unpack(">hh", reply[:4])
    pos = 4 + max(msg_len, 0)
    if err != 0:
        raise RuntimeError(f"SASL authentication failed: {reply[4:pos].decode(errors='replace')}")
    size = struct.unpack(">i", reply[pos:pos + 4])[0]
    return reply[pos + 4:pos + 4 + size]


def scram_sha512(sock: ssl.SSLSocket, user: str, password: str) -> None:
    reply = request(sock, 17, 1, 1, kstring("SCRAM-SHA-512"))  # SaslHandshake v1
    if struct.unpack(">h", reply[:2])[0] != 0:
        raise RuntimeError("broker does not offer SCRAM-SHA-512")
    nonce = base64.b64encode(os.urandom(18)).decode()
    first_bare = f"n={user},r={nonce}"
    server_first = authenticate(sock, 2, f"n,,{first_bare}".encode()).decode()
    attrs = dict(kv.split("=", 1) for kv in server_first.split(","))
    if not attrs["r"].startswith(nonce):
        raise RuntimeError("server nonce does not extend ours")
    salted = hashlib.pbkdf2_hmac("sha512", password.encode(), base64.b64decode(attrs["s"]), int(attrs["i"]))
    client_key = hmac.new(salted, b"Client Key", "sha512").digest()
    stored_key = hashlib.sha512(client_key).digest()
    final_bare = f"c=biws,r={attrs['r']}"
    auth_message = f"{first_bare},{server_first},{final_bare}".encode()
    signature = hmac.new(stored_key, auth_message, "sha512").digest()
    proof = bytes(a ^ b for a, b in zip(client_key, signature))
    authenticate(sock, 3, f"{final_bare},p={base64.b64encode(proof).decode()}".encode())


def main(host: str, port: int, user: str, password: str, ca: str) -> None:
    ctx = ssl.create_default_context(cafile=ca)
    with socket.create_connection((host, port), timeout=5) as raw:
        with ctx.wrap_socket(raw, server_hostname=host) as sock:
            scram_sha512(sock, user, password)
            reply = request(sock, 3, 1, 4, struct.pack(">i", -1))  # Metadata v1, all topics
            if struct.unpack(">i", reply[:4])[0] < 1:
                raise RuntimeError("metadata lists no broker")


if __name__ == "__main__":
    try:
        main(sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])
    except Exception as exc:  # the caller prints this line and retries
        print(f"secure kafka not ready: {exc}", file=sys.stderr)
        sys.exit(1)
