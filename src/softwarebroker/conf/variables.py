"""Every environment variable the component reads, with its type, default and help text."""

from .environment import define

GENERAL = "Algemeen"
DATABASE = "Database"
SECURITY = "Beveiliging"
API = "API"
LOGGING = "Logging"

define(
    "DJANGO_SETTINGS_MODULE",
    type="str",
    default="softwarebroker.conf.production",
    help="Settings module. `softwarebroker.conf.dev` for local development, "
    "`softwarebroker.conf.production` for every real deployment (the container's default).",
    group=GENERAL,
)
define(
    "SECRET_KEY",
    type="str",
    default="",
    help="Django's secret key: long, random and private. Required in production.",
    group=SECURITY,
    secret=True,
)
define(
    "DEBUG",
    type="bool",
    default=False,
    help="Show Django's debug pages. Never in production.",
    group=GENERAL,
)
define(
    "ALLOWED_HOSTS",
    type="list",
    default=["127.0.0.1", "localhost"],
    help="Comma-separated host names this instance answers to.",
    group=SECURITY,
)
define(
    "DATABASE_URL",
    type="str",
    default="",
    help="PostgreSQL connection URL, e.g. `postgresql://user:password@host:5432/softwarebroker`. "
    "Local commands start an embedded PostgreSQL under `.data/` when this is empty.",
    group=DATABASE,
    secret=True,
)
define(
    "DATABASE_CONN_MAX_AGE",
    type="int",
    default=60,
    help="Seconds a database connection is kept open between requests. The development server "
    "(`make run`, one thread per connection) always uses 0.",
    group=DATABASE,
)
define(
    "DATABASE_PREPARED_STATEMENTS",
    type="bool",
    default=True,
    help="Send query parameters separately and let PostgreSQL reuse the plans of queries a "
    "connection runs repeatedly (server-side binding, prepared statements): planning was "
    "the larger part of a detail request's database time. Turn off behind a connection "
    "pooler in transaction mode that does not support prepared statements (PgBouncer "
    "before 1.21, or without `max_prepared_statements`).",
    group=DATABASE,
)
define(
    "CORS_ALLOWED_ORIGINS",
    type="list",
    default=[],
    help="Comma-separated origins (scheme://host[:port]) that browsers may call the APIs from. "
    "The OpenAPI documents are open to every origin regardless.",
    group=SECURITY,
)
define(
    "CSRF_TRUSTED_ORIGINS",
    type="list",
    default=[],
    help="Comma-separated origins trusted for the admin's CSRF check behind a proxy.",
    group=SECURITY,
)
define(
    "SECURE_HSTS_SECONDS",
    type="int",
    default=31536000,
    help="Strict-Transport-Security max-age in production.",
    group=SECURITY,
)
define(
    "SECURE_HSTS_PRELOAD",
    type="bool",
    default=True,
    help="Add `preload` to the Strict-Transport-Security header in production, so the domain "
    "may be submitted to the browsers' HSTS preload list.",
    group=SECURITY,
)
define(
    "SECURE_SSL_REDIRECT",
    type="bool",
    default=True,
    help="Redirect plain HTTP to HTTPS in production (health endpoints excepted). Switch off "
    "only when the ingress already enforces HTTPS.",
    group=SECURITY,
)
define(
    "USE_X_FORWARDED_PROTO",
    type="bool",
    default=True,
    help="Trust the `X-Forwarded-Proto` header from the reverse proxy to detect HTTPS.",
    group=SECURITY,
)
define(
    "API_MAX_BODY_SIZE",
    type="int",
    default=1048576,
    help="Largest accepted request body in bytes; larger bodies get 413.",
    group=API,
)
define(
    "API_PAGE_SIZE",
    type="int",
    default=20,
    help="Default number of results per page (`pageSize`).",
    group=API,
)
define(
    "API_MAX_PAGE_SIZE",
    type="int",
    default=100,
    help="Largest `pageSize` a client may ask for.",
    group=API,
)
define(
    "API_EXACT_COUNT_LIMIT",
    type="int",
    default=10000,
    help="Lists count exactly up to this many results; above it `count` is PostgreSQL's "
    "planner estimate, so paging stays fast on very large tables.",
    group=API,
)
define(
    "EXPORT_XLSX_MAX_RIJEN",
    type="int",
    default=50000,
    help="Most rows an XLSX export of a list or rapportage may have; above it the answer is 400 "
    "`export_te_groot` (CSV exports are streamed and have no limit).",
    group=API,
)
define(
    "IDEMPOTENCY_KEY_HOURS",
    type="int",
    default=48,
    help="How long an `Idempotency-Key` and the answer to its POST are kept (at least 24). "
    "A retry within this time gets the original answer and creates nothing.",
    group=API,
)
define(
    "WEB_CONCURRENCY",
    type="int",
    default=2,
    help="Number of gunicorn worker processes per web container (bin/docker_start.sh).",
    group="Server",
)
# Read by the web container's start script (bin/docker_start.sh), not by Django; the defaults
# there are checked against these by `make check-docker`.
define(
    "GUNICORN_THREADS",
    type="int",
    default=2,
    help="Threads per gunicorn worker. Above 1 gunicorn uses threaded workers (gthread), whose "
    "timeout only replaces a worker that stops responding; with 1 (sync workers) every request, "
    "a long CSV export included, is stopped after GUNICORN_TIMEOUT.",
    group="Server",
)
define(
    "GUNICORN_TIMEOUT",
    type="int",
    default=30,
    help="Seconds a request may take before gunicorn kills and replaces its worker.",
    group="Server",
)
define(
    "GUNICORN_GRACEFUL_TIMEOUT",
    type="int",
    default=25,
    help="Seconds running requests get to finish on shutdown; keep it below the pod's "
    "terminationGracePeriodSeconds (30).",
    group="Server",
)
define(
    "GUNICORN_KEEP_ALIVE",
    type="int",
    default=5,
    help="Seconds an idle keep-alive connection stays open; set it above the idle timeout of "
    "the load balancer or ingress in front.",
    group="Server",
)
define(
    "GUNICORN_MAX_REQUESTS",
    type="int",
    default=1000,
    help="Requests after which a worker is replaced (bounds slow memory growth); 0: never.",
    group="Server",
)
define(
    "GUNICORN_MAX_REQUESTS_JITTER",
    type="int",
    default=100,
    help="Random extra requests per worker, so workers are not all replaced at once.",
    group="Server",
)
AUTH = "Authenticatie en autorisatie"
define(
    "JWT_MAX_AGE",
    type="int",
    default=3600,
    help="Maximum age in seconds of a JWT-ZGW token, counted from its `iat` claim.",
    group=AUTH,
)
define(
    "JWT_LEEWAY",
    type="int",
    default=30,
    help="Clock skew in seconds tolerated on `iat` and `exp`.",
    group=AUTH,
)
define(
    "AUTH_CACHE_SECONDS",
    type="int",
    default=30,
    help="How long each server process reuses a verified token (never past its expiry) "
    "instead of checking the client and its secrets again. Deactivating a client or "
    "removing a secret therefore takes effect within this many seconds; 0 checks every request.",
    group=AUTH,
)
define(
    "AUTH_MAX_FAILURES",
    type="int",
    default=20,
    help="Failed authentications one client id may have from one source address per window "
    "before that source gets 429 for it; other sources are not affected.",
    group=AUTH,
)
define(
    "AUTH_FAILURE_WINDOW",
    type="int",
    default=300,
    help="Length in seconds of the window in which failed authentications are counted.",
    group=AUTH,
)
define(
    "AUTH_TRUSTED_PROXIES",
    type="int",
    default=0,
    help="Number of reverse proxies (ingress, load balancer) in front of the component that "
    "append the caller's address to `X-Forwarded-For`. Failed authentications are counted per "
    "client id and source address, and the request log's `ip` is that source; with 0 it is the "
    "connection's address. Behind an ingress set 1, otherwise every caller has the ingress's address.",
    group=AUTH,
)
define(
    "CATALOGUS_ANONYMOUS_READ",
    type="bool",
    default=False,
    help="Allow reading the catalogue without a token. Off by default.",
    group=AUTH,
)
define(
    "ADMIN_LOGIN_MAX_FAILURES",
    type="int",
    default=5,
    help="Failed admin logins per user name and address before the login is locked for an hour.",
    group=SECURITY,
)
define(
    "SECRETS_ENCRYPTION_KEYS",
    type="list",
    default=[],
    help="Comma-separated Fernet keys that encrypt API client secrets at rest, newest first "
    "(older keys still decrypt, so keys can be rotated). Empty: a key derived from SECRET_KEY.",
    group=SECURITY,
    secret=True,
)
define(
    "LOG_LEVEL",
    type="str",
    default="INFO",
    help="Log level of the component's JSON logs.",
    group=LOGGING,
)
define(
    "LOG_FORMAT",
    type="str",
    default="json",
    help="`json` (one JSON object per line, for log collectors) or `console` (readable).",
    group=LOGGING,
)

NOTIFICATIONS = "Notificaties en andere API's"
define(
    "PRIVATE_MEDIA_ROOT",
    type="str",
    default="",
    help="Directory for uploaded certificates of services this component calls (a volume in a "
    "container). Empty: `private-media/` in the project directory.",
    group=NOTIFICATIONS,
)
define(
    "PUBLIC_URL",
    type="str",
    default="http://127.0.0.1:8000",
    help="Where clients reach this instance (scheme and host, e.g. "
    "`https://softwarebroker.gemeente.nl`): the URLs in notifications, which the worker sends "
    "outside any request, start with it.",
    group=NOTIFICATIONS,
)
define(
    "NOTIFICATIONS_RETRY_HOURS",
    type="int",
    default=24,
    help="How long a notification the Notificaties API did not accept is retried (exponential "
    "backoff, at most an hour between attempts) before it fails for good; failed ones are listed "
    "in the admin (procrastinate jobs) and can be retried there.",
    group=NOTIFICATIONS,
)
define(
    "NOTIFICATIONS_ALERT_MINUTES",
    type="int",
    default=60,
    help="A notification not delivered this many minutes after its change (still waiting, "
    "being sent, or failed for good) is overdue: the worker logs `notification_overdue` (level "
    "error) every 5 minutes, `/_healthz/readyz` lists it under `waarschuwingen` (still `200`) and "
    "the admin shows it under *Procrastinate > Jobs*, filter *Te laat*.",
    group=NOTIFICATIONS,
)
define(
    "NOTIFICATIONS_TIMEOUT",
    type="int",
    default=10,
    help="Seconds the worker waits for the Notificaties API per attempt.",
    group=NOTIFICATIONS,
)
define(
    "FEDERATIE_TIMEOUT",
    type="int",
    default=2,
    help="Total deadline of every peer call of a federated search, in seconds from the start of "
    "the search (connecting, headers and the whole answer; a peer still sending then is cut "
    "off); a slower or unreachable peer is reported as `timeout` or `fout` and never fails the "
    "search.",
    group=NOTIFICATIONS,
)
define(
    "FEDERATIE_CACHE_SECONDS",
    type="int",
    default=300,
    help="How long a peer's aanbieding, read for an order line, is used without asking the peer "
    "again (a notification from the peer ends it sooner). After that it is read again with "
    "`If-None-Match`; submitting an order always reads its peers' offers again.",
    group=NOTIFICATIONS,
)

# The domain's rules and the task queue, in a module of their own (registered here, in this order).
from . import variables_domein  # noqa: E402, F401
