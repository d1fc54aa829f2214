"""A stand-in Notificaties API over HTTP on 127.0.0.1 (the receiving end is another
organisation's API) and the notification jobs in the task queue."""

import http.server
import json
import socket
import threading

from django.db import connection


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NotificatiesAPI:
    """A stand-in Notificaties API on 127.0.0.1 that records what it accepts.

    ``errors_to_give``: answer this many messages with 503 first. ``hold_next``: the next
    message is recorded in ``held`` and not answered (``arrived`` is set) until ``released`` is
    set, so its sender is mid-delivery meanwhile."""

    def __init__(self, port: int):
        self.port = port
        self.received: list[dict] = []
        self.held: list[dict] = []
        self.server = None
        self.errors_to_give = 0
        self.hold_next = False
        self.arrived = threading.Event()
        self.released = threading.Event()

    def start(self):
        api = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                message = {"path": self.path, "headers": dict(self.headers), **json.loads(body)}
                if api.hold_next:
                    api.hold_next = False
                    api.held.append(message)
                    api.arrived.set()
                    api.released.wait(120)
                    return  # never answered: the connection just closes
                if api.errors_to_give > 0:
                    api.errors_to_give -= 1
                    self.send_response(503)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                api.received.append(message)
                self.send_response(201)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.released.set()
        if self.server:
            self.server.shutdown()
            self.server.server_close()


def jobs() -> list[tuple[str, str]]:
    """Every notification job: its status and kanaal, in the order they were queued."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT status, args->'bericht'->>'kanaal' FROM procrastinate_jobs "
            "WHERE task_name LIKE %s ORDER BY id",
            ["%verstuur_notificatie"],
        )
        return cursor.fetchall()


def jobs_about(instance) -> list[dict]:
    """The notification jobs whose main object is ``instance``, in the order they were queued."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, status, lock, attempts, args->'bericht'->'kenmerken'->>'status' "
            "FROM procrastinate_jobs WHERE task_name LIKE %s "
            "AND args->'bericht'->>'hoofdObject' LIKE %s ORDER BY id",
            ["%verstuur_notificatie", f"%/{instance.uuid}"],
        )
        return [
            {"id": id, "status": status, "lock": lock, "attempts": attempts, "kenmerk_status": kenmerk}
            for id, status, lock, attempts, kenmerk in cursor.fetchall()
        ]
