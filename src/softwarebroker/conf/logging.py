"""structlog JSON logging with request ids (django-structlog).

Two rules keep the log readable and free of what a request carried:
- a client error (a request Django refuses as suspicious: an unknown Host header, too many
  fields, a body over the limit, ...; or any 4xx logged by ``django.request``) is logged as
  one line, without a traceback: it is the client's mistake, not the server's;
- a traceback never shows local variables (they can hold tokens, secrets or personal data):
  the readable console format prints a plain traceback, as the JSON format does.
"""

import logging

import structlog

from .environment import env

LOG_LEVEL = env("LOG_LEVEL")


def renderer(log_format: str):
    if log_format == "console":
        return structlog.dev.ConsoleRenderer(colors=False, exception_formatter=structlog.dev.plain_traceback)
    return structlog.processors.JSONRenderer()


class ClientErrorsWithoutTraceback(logging.Filter):
    """Drops the traceback of records about client errors; the message stays."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        client_error = record.name.startswith("django.security") or (
            isinstance(status, int) and 400 <= status < 500
        )
        if client_error:
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "()": structlog.stdlib.ProcessorFormatter,
            "processor": renderer(env("LOG_FORMAT")),
        },
    },
    "filters": {
        "client_errors_without_traceback": {"()": ClientErrorsWithoutTraceback},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "structured",
            "filters": ["client_errors_without_traceback"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "softwarebroker": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django_structlog": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Requests refused as suspicious (DisallowedHost, TooManyFieldsSent, ...): one line each.
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "procrastinate": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

structlog.configure(
    processors=[
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.filter_by_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.stdlib.add_logger_name,
        structlog.stdlib.add_log_level,
        structlog.processors.StackInfoRenderer(),
        structlog.processors.format_exc_info,
        structlog.processors.UnicodeDecoder(),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    cache_logger_on_first_use=True,
)
