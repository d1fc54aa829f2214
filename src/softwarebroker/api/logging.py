"""Bind the caller's address and the network's transaction ids to every log line of a request.

The address (``ip``) is the one the trusted proxies vouch for (``AUTH_TRUSTED_PROXIES``, as the
authentication's rate limit counts it), not whatever ``X-Forwarded-For`` says.

NLX inways send ``X-NLX-Logrecord-Id``, FSC inways ``Fsc-Transaction-Id`` and callers
following Logboek Dataverwerkingen ``traceparent``: with them in the logs, an operator can
follow one call across organisations.
"""

import structlog
from django.dispatch import receiver
from django_structlog import signals

from softwarebroker.core.network import source_of

TRANSACTION_HEADERS = {
    "nlx_logrecord_id": "X-NLX-Logrecord-Id",
    "nlx_request_organization": "X-NLX-Request-Organization",
    "nlx_request_user_id": "X-NLX-Request-User-Id",
    "nlx_request_application_id": "X-NLX-Request-Application-Id",
    "nlx_request_process_id": "X-NLX-Request-Process-Id",
    "nlx_request_data_elements": "X-NLX-Request-Data-Elements",
    "fsc_transaction_id": "Fsc-Transaction-Id",
    "traceparent": "traceparent",
}
MAX_LENGTH = 1024  # NLX limits header values to 1024 characters


@receiver(signals.bind_extra_request_metadata)
def bind_transaction_ids(request, logger, log_kwargs, **kwargs):
    values = {"ip": source_of(request.META)}
    values |= {
        key: request.headers[header][:MAX_LENGTH]
        for key, header in TRANSACTION_HEADERS.items()
        if header in request.headers
    }
    structlog.contextvars.bind_contextvars(**values)
