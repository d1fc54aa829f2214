"""Headers an outgoing call carries on behalf of the request (or change) that caused it.

An NLX/FSC transaction and a W3C trace stay one across organisations: the ids of the incoming
request (bound to the log context by :mod:`softwarebroker.api.logging`) go along with every
call this instance makes for it, including notifications the worker sends later (their headers
are captured when the change is made).
"""

from __future__ import annotations

import structlog

PROPAGATED = {
    "fsc_transaction_id": "Fsc-Transaction-Id",
    "nlx_logrecord_id": "X-NLX-Logrecord-Id",
    "traceparent": "traceparent",
    "nlx_request_process_id": "X-NLX-Request-Process-Id",
    "nlx_request_user_id": "X-NLX-Request-User-Id",
}


def outgoing_headers(user_id: str = "") -> dict[str, str]:
    context = structlog.contextvars.get_contextvars()
    headers = {header: str(context[key]) for key, header in PROPAGATED.items() if context.get(key)}
    if user_id and "X-NLX-Request-User-Id" not in headers:
        headers["X-NLX-Request-User-Id"] = user_id[:1024]
    return headers
