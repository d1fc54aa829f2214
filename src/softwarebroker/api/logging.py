"""Bind the network's transaction ids to every log line of a request.

NLX inways send ``X-NLX-Logrecord-Id``, FSC inways ``Fsc-Transaction-Id`` and callers
following Logboek Dataverwerkingen ``traceparent``: with them in the logs, an operator can
follow one call across organisations.
"""

import structlog
from django.dispatch import receiver
from django_structlog import signals

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
    values = {
        key: request.headers[header][:MAX_LENGTH]
        for key, header in TRANSACTION_HEADERS.items()
        if header in request.headers
    }
    if values:
        structlog.contextvars.bind_contextvars(**values)
