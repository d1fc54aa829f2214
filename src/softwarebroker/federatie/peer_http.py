"""Calls to peer instances: one total deadline and a size cap for every call.

A socket timeout alone is no deadline: it bounds the wait between two bytes, so a peer sending
a byte a second (of its headers or of its body) would hold the call, and the thread making it,
for ever; and an answer read whole may be as large as the peer likes. So a call to a peer
(:func:`get`) has a :class:`PeerCall`: a deadline for all of it (connecting, the headers and
the body) and a largest answer.

* The connect and read timeouts are what remains of the deadline when the call starts.
* The body is read by the call itself (``stream=True``), a chunk at a time (``read1``: what one
  read of the socket gives), with the socket timeout set to what remains before every read and
  the deadline checked between reads; an answer declaring or reaching more than the cap is
  refused (:class:`ResponseTooLarge`) without reading the rest.
* The call's sockets are tracked (an ``HTTPAdapter`` handing every connection the call opens
  to the call, through a proxy too), so the call can be cut off: its sockets shut down, which
  makes a read blocked on them return at once, whatever it waits for (headers included). By
  default a timer does that at the deadline; a caller that cuts its calls itself (federated
  search) can do without.

The result is the response with its body read (``response.content``); the connection is
closed. The zgw-consumers Service's client is used, so its authentication, certificates and
NLX outway (with the URLs in the answer rewritten back: the body is read before that) apply.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time

import requests
import urllib3
from requests.adapters import HTTPAdapter
from zgw_consumers.client import build_client
from zgw_consumers.models import Service

_CHUNK = 64 * 1024


class DeadlineExceeded(requests.Timeout):
    """The call's deadline passed before the peer's answer was complete."""


class ResponseTooLarge(ValueError):
    """The peer's answer is larger than the call allows (``status_code``: the answer's status)."""

    def __init__(self, size: int | str, *, status_code: int):
        super().__init__(f"antwoord {status_code} groter dan toegestaan ({size} bytes)")
        self.status_code = status_code


# The errors that mean "no complete answer before the deadline": the connect and read timeouts
# are set to what remains of it.
TIMEOUTS = (DeadlineExceeded, requests.Timeout, urllib3.exceptions.TimeoutError)


class PeerCall:
    """One call to a peer: its deadline (``time.monotonic()``), the largest answer it accepts
    (bytes, after decoding) and the sockets it opened, so it can be cut off."""

    def __init__(self, deadline: float, max_size: int):
        self.deadline = deadline
        self.max_size = max_size
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._cut = False

    @classmethod
    def within(cls, seconds: float, max_size: int) -> PeerCall:
        return cls(time.monotonic() + seconds, max_size)

    def remaining(self) -> float:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise DeadlineExceeded
        return remaining

    @property
    def cut_off(self) -> bool:
        return self._cut

    def track(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            cut = self._cut
        if cut:  # the deadline passed while connecting
            _shutdown(sock)

    def read_timeout(self, seconds: float) -> None:
        """Let the next read on the call's sockets wait at most ``seconds``."""
        for sock in self._sockets:
            with contextlib.suppress(OSError):  # closed
                sock.settimeout(seconds)

    def cut(self) -> None:
        """End the call: shut its sockets down (a read blocked on one returns at once)."""
        with self._lock:
            self._cut = True
            sockets = list(self._sockets)
        for sock in sockets:
            _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    # The plain socket's shutdown, also for a TLS socket: it only ends the connection, which
    # makes a read blocked on it in another thread return at once.
    with contextlib.suppress(OSError):  # already closed
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


class _TrackingAdapter(HTTPAdapter):
    """Hands every connection the call opens to the call (through the proxy too)."""

    def __init__(self, call: PeerCall):
        super().__init__()
        self.call = call

    def get_connection_with_tls_context(self, *args, **kwargs):
        pool = super().get_connection_with_tls_context(*args, **kwargs)
        pool.ConnectionCls = _tracked(type(pool).ConnectionCls, self.call)
        return pool


def _tracked(base: type, call: PeerCall) -> type:
    class TrackedConnection(base):
        def connect(self):
            super().connect()
            call.track(self.sock)

    return TrackedConnection


def _body_reader(call: PeerCall):
    """A response hook reading the body within the deadline and the size cap. It runs before
    the NLX rewriting (which reads the body as well) and finds it read."""

    def read_body(response: requests.Response, *args, **kwargs) -> requests.Response:
        chunks, size = [], 0
        try:
            declared = response.headers.get("Content-Length", "")
            if declared.isascii() and declared.isdigit() and int(declared) > call.max_size:
                raise ResponseTooLarge(declared, status_code=response.status_code)
            while True:
                call.read_timeout(call.remaining())
                chunk = _read1(response)
                if not chunk:
                    break
                size += len(chunk)
                if size > call.max_size:
                    raise ResponseTooLarge(size, status_code=response.status_code)
                chunks.append(chunk)
            if call.cut_off:  # the end of the body may be the cut, not the peer's end
                raise DeadlineExceeded
        except BaseException:
            response.close()
            raise
        # What requests itself does when it reads the body (``Response.content``).
        response._content = b"".join(chunks)
        response._content_consumed = True
        return response

    return read_body


def _read1(response: requests.Response) -> bytes:
    """One read of the socket, urllib3's errors as requests' (as ``iter_content`` does), a
    socket timeout as the deadline passing (it is set to what remains of it)."""
    try:
        return response.raw.read1(_CHUNK, decode_content=True)
    except urllib3.exceptions.TimeoutError as error:
        raise DeadlineExceeded(error) from error
    except urllib3.exceptions.ProtocolError as error:
        raise requests.exceptions.ChunkedEncodingError(error) from error
    except urllib3.exceptions.DecodeError as error:
        raise requests.exceptions.ContentDecodingError(error) from error
    except urllib3.exceptions.SSLError as error:
        raise requests.exceptions.SSLError(error) from error
    except urllib3.exceptions.HTTPError as error:
        raise requests.ConnectionError(error) from error


def get(
    service: Service,
    url: str,
    *,
    call: PeerCall,
    params: dict | None = None,
    headers: dict | None = None,
    cut_at_deadline: bool = True,
) -> requests.Response:
    """GET ``url`` through the Service's client within ``call``'s deadline and size cap; the
    response with its body read (any status).

    Raises :class:`DeadlineExceeded` (a ``requests.Timeout``; also when the call did not start
    before the deadline), ``requests.Timeout`` for a connect timeout, :class:`ResponseTooLarge`
    or another ``requests.RequestException``. ``cut_at_deadline``: a timer cuts the call off at
    its deadline (without it, the caller does so with :meth:`PeerCall.cut`)."""
    call.remaining()
    client = build_client(service)
    adapter = _TrackingAdapter(call)
    client.mount("http://", adapter)
    client.mount("https://", adapter)
    client.hooks["response"].insert(0, _body_reader(call))
    watchdog = None
    try:
        remaining = call.remaining()  # building the client may have taken a while
        if cut_at_deadline:
            watchdog = threading.Timer(remaining, call.cut)
            watchdog.daemon = True
            watchdog.start()
        with (
            client,
            client.get(url, params=params, headers=headers, timeout=remaining, stream=True) as response,
        ):
            pass
    except ResponseTooLarge:
        raise
    except Exception as error:
        if call.cut_off and not isinstance(error, DeadlineExceeded):
            # Whatever the shutdown made the read say (the connection reset, an incomplete
            # answer): the deadline passed.
            raise DeadlineExceeded(error) from error
        raise
    finally:
        if watchdog is not None:
            watchdog.cancel()
        client.close()
    return response
