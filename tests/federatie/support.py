"""Real peers on 127.0.0.1 at their worst: trickling their answer, or sending too much of it."""

import http.server
import select
import threading
import time


class TricklingPeer:
    """Another organisation's server at its worst: it answers 200 and then sends its body (or,
    with ``slow_headers``, its status line and headers already) a byte at a time, every
    ``interval`` seconds, for as long as the client listens (or, with ``give_up_after``, until
    that many seconds have passed: then it hangs up, so a client without a deadline fails
    instead of waiting for ever). It counts its open connections."""

    def __init__(
        self, interval: float = 0.25, slow_headers: bool = False, give_up_after: float | None = None
    ):
        self.open = 0
        self.served = 0
        self._lock = threading.Lock()
        peer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with peer._lock:
                    peer.open += 1
                    peer.served += 1
                until = None if give_up_after is None else time.monotonic() + give_up_after
                try:
                    head = b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n"
                    if not slow_headers:
                        self.wfile.write(head)
                        head = b""
                    payload = head + b'{"results": [' + b" " * 1000000
                    for byte in payload:
                        if until is not None and time.monotonic() >= until:
                            return
                        # Until the client hangs up (its socket becomes readable: end of file).
                        readable, _, _ = select.select([self.connection], [], [], interval)
                        if readable and not self.connection.recv(1):
                            return
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                except OSError:
                    pass
                finally:
                    with peer._lock:
                        peer.open -= 1

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def idle_within(self, seconds: float) -> bool:
        """Whether every connection is closed within ``seconds``."""
        until = time.monotonic() + seconds
        while self.open and time.monotonic() < until:
            time.sleep(0.05)
        return self.open == 0

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class LargePeer:
    """A server answering every GET with ``status`` and ``body`` (set it once the port is known)
    followed by ``padding`` spaces (still the same JSON), with or without ``Content-Length``, as
    fast as the client reads. It counts the bytes the client accepted before it hung up
    (``sent``; ``finished`` once it stopped)."""

    CHUNK = 64 * 1024

    def __init__(self, padding: int, declare_length: bool = True, status: int = 200):
        self.body = b""
        self.padding = padding
        self.sent = 0
        self.finished = threading.Event()
        peer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    if declare_length:
                        self.send_header("Content-Length", str(peer.total))
                    self.end_headers()  # HTTP/1.0: without a length, the body ends with the connection
                    self.wfile.write(peer.body)
                    peer.sent += len(peer.body)
                    blank = b" " * peer.CHUNK
                    left = padding
                    while left > 0:
                        self.wfile.write(blank[: min(left, peer.CHUNK)])
                        peer.sent += min(left, peer.CHUNK)
                        left -= peer.CHUNK
                except OSError:
                    pass  # the client hung up
                finally:
                    peer.finished.set()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def total(self) -> int:
        return len(self.body) + self.padding

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
