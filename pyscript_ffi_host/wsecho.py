"""A WebSocket echo server on 127.0.0.1 for the PyScript page tests (stdlib only).

Each connection first gets a text greeting (`GREETING`, as public echo services
send), then every text or binary message comes back as it was sent; a close
frame is answered and ends the connection. Connections and messages are
bounded (`MAX_MESSAGES`, `IDLE_SECONDS`): the server never runs away.

    with echo_server() as url:   # "ws://127.0.0.1:<port>"
        ...
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import socket
import struct
import threading
from collections.abc import Iterator

GREETING = "Request served by pyscript-ffi's echo server"
_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
MAX_MESSAGES = 1000  # per connection
IDLE_SECONDS = 60.0


def _read_exact(conn: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            raise ConnectionError("closed")
        data += chunk
    return data


def _frame(opcode: int, payload: bytes) -> bytes:
    head = bytes([0x80 | opcode])
    n = len(payload)
    if n < 126:
        head += bytes([n])
    elif n < 1 << 16:
        head += bytes([126]) + struct.pack("!H", n)
    else:
        head += bytes([127]) + struct.pack("!Q", n)
    return head + payload


def _read_frame(conn: socket.socket) -> tuple[int, bytes]:
    b0, b1 = _read_exact(conn, 2)
    n = b1 & 0x7F
    if n == 126:
        (n,) = struct.unpack("!H", _read_exact(conn, 2))
    elif n == 127:
        (n,) = struct.unpack("!Q", _read_exact(conn, 8))
    if n > 1 << 24:
        raise ConnectionError("message too large")
    mask = _read_exact(conn, 4) if b1 & 0x80 else b"\0\0\0\0"
    payload = bytes(c ^ mask[i % 4] for i, c in enumerate(_read_exact(conn, n)))
    return b0 & 0x0F, payload


def _handshake(conn: socket.socket) -> bool:
    request = b""
    while b"\r\n\r\n" not in request:
        chunk = conn.recv(4096)
        if not chunk or len(request) > 65536:
            return False
        request += chunk
    key = ""
    for line in request.decode("latin-1").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "sec-websocket-key":
            key = value.strip()
    if not key:
        conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
        return False
    accept = base64.b64encode(hashlib.sha1((key + _GUID).encode()).digest()).decode()
    conn.sendall(
        (
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
        ).encode()
    )
    return True


def _serve_connection(conn: socket.socket) -> None:
    with conn:
        conn.settimeout(IDLE_SECONDS)
        try:
            if not _handshake(conn):
                return
            conn.sendall(_frame(1, GREETING.encode()))
            for _ in range(MAX_MESSAGES):
                opcode, payload = _read_frame(conn)
                if opcode in (1, 2):
                    conn.sendall(_frame(opcode, payload))
                elif opcode == 9:  # ping
                    conn.sendall(_frame(10, payload))
                elif opcode == 8:  # close
                    conn.sendall(_frame(8, payload[:2]))
                    return
        except (OSError, ConnectionError):
            return


@contextlib.contextmanager
def echo_server() -> Iterator[str]:
    """Serve in a background thread; yields the `ws://127.0.0.1:<port>` URL."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=_serve_connection, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, name="ws-echo", daemon=True).start()
    try:
        yield f"ws://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        listener.close()
