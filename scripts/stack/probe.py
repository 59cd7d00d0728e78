#!/usr/bin/env python3
"""Readiness probes for the local sandbox.

kafka HOST PORT   sends a real Metadata request (v1) and succeeds when a broker answers with itself
                  and a controller; no client library needed, so it works before `npm install`.
milvus URI        connects with pymilvus (from the sandbox's own virtualenv) and lists collections.
Exit 0 when ready, 1 otherwise, with one line on stderr saying why.
"""
import socket
import struct
import sys


def kafka(host: str, port: int) -> None:
    client_id = b"studio-probe"
    # Metadata v1: null topic array (-1) means "all topics"; the reply lists brokers and controller.
    body = struct.pack(">hhih", 3, 1, 7, len(client_id)) + client_id + struct.pack(">i", -1)
    with socket.create_connection((host, port), timeout=3) as s:
        s.settimeout(5)
        s.sendall(struct.pack(">i", len(body)) + body)
        size = struct.unpack(">i", _read(s, 4))[0]
        data = _read(s, size)
    correlation, brokers = struct.unpack(">ii", data[:8])
    if correlation != 7 or brokers < 1:
        raise RuntimeError(f"unexpected metadata reply (correlation {correlation}, brokers {brokers})")


def _read(s: socket.socket, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise RuntimeError("connection closed by broker")
        buf += chunk
    return buf


def milvus(uri: str) -> None:
    from pymilvus import MilvusClient  # imported late: only the Milvus venv has it

    client = MilvusClient(uri=uri, timeout=5)
    client.list_collections()
    client.close()


if __name__ == "__main__":
    try:
        if sys.argv[1] == "kafka":
            kafka(sys.argv[2], int(sys.argv[3]))
        else:
            milvus(sys.argv[2])
    except Exception as exc:  # the caller prints this line and retries
        print(f"{sys.argv[1]} not ready: {exc}", file=sys.stderr)
        sys.exit(1)
