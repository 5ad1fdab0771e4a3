"""The ceiling of a one-process Python HTTP server on this machine: a bare asyncio protocol
that answers every POST with a fixed JSON body (no parsing, no model), loaded by wrk exactly
as bench/serving.py loads the endpoints (2 threads, 4 connections, the same 1-row body).

    python bench/http_ceiling.py [--duration 10]

Any real endpoint (parse JSON, check the row, run a model, write JSON) is slower than this.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from serving import free_port, wrk

ANSWER = b'{"Results":{"output1":[{"Scored Labels":"male","Scored Probabilities":0.91}]}}'
RESPONSE = (
    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
    + str(len(ANSWER)).encode()
    + b"\r\n\r\n"
    + ANSWER
)
ROW = {
    "species": "Adelie",
    "island": "Torgersen",
    "bill_length_mm": 39.1,
    "bill_depth_mm": 18.7,
    "flipper_length_mm": 181.0,
    "body_mass_g": 3750.0,
    "year": 2007,
}


class FixedAnswer(asyncio.Protocol):
    """Reads whole requests (head + Content-Length body) and answers each with RESPONSE."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.pending = b""

    def data_received(self, data: bytes) -> None:
        self.pending += data
        while (end := self.pending.find(b"\r\n\r\n")) >= 0:
            size = _content_length(self.pending[:end])
            if len(self.pending) < end + 4 + size:
                return
            self.pending = self.pending[end + 4 + size :]
            self.transport.write(RESPONSE)


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 0


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(FixedAnswer, "127.0.0.1", port)
    await server.serve_forever()


def _wait_for(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the bare server did not listen on port {port} within {timeout} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        asyncio.run(serve(args.serve))
        return
    port = free_port()
    server = subprocess.Popen([sys.executable, __file__, "--serve", str(port)])
    try:
        _wait_for(port)
        body = json.dumps({"Inputs": {"input1": [ROW]}, "GlobalParameters": {}})
        folder = Path(tempfile.mkdtemp(prefix="kumi-bench-ceiling-"))
        result = wrk(f"http://127.0.0.1:{port}/score", body, {}, args.duration, folder)
    finally:
        server.terminate()
        server.wait()
    print(json.dumps({"bare asyncio server, 1 row": result}, indent=2))


if __name__ == "__main__":
    main()
