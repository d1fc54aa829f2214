"""Settings shared by every environment. Values come from the registry in ``variables.py``."""

from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from . import variables  # noqa: F401  (registers the variables)
from .environment import env

BASE_DIR = Path(__file__).resolve().parent.parent  # src/softwarebroker
ROOT_DIR = BASE_DIR.parent.parent

SECRET_KEY = env("SECRET_KEY")
DEBUG = env("DEBUG")
ALLOWED_HOSTS = env("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "procrastinate.contrib.django",
    "django_setup_configuration",
    "axes",
    "solo",
    "privates",
    "simple_certmanager",
    "zgw_consumers",
    "notifications_api_common",
    "softwarebroker.api",
    "softwarebroker.catalogus",
    "softwarebroker.organisaties",
    "softwarebroker.autorisaties",
    "softwarebroker.audit",
    "softwarebroker.bestellingen",
    "softwarebroker.vraagbundelingen",
    "softwarebroker.gebruik",
    "softwarebroker.rapportages",
    "softwarebroker.notificaties",
    "softwarebroker.federatie",
    "softwarebroker.health",
    "softwarebroker.core",
    "softwarebroker.demo",
]

MIDDLEWARE = [
    "softwarebroker.api.middleware.ProblemDetailsMiddleware",
    "softwarebroker.api.middleware.APIHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django_structlog.middlewares.RequestMiddleware",
    "softwarebroker.api.middleware.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

# The request log's ``ip`` is bound by ``api.logging`` (the address the trusted proxies vouch
# for), not by django-structlog from any X-Forwarded-For.
DJANGO_STRUCTLOG_IP_LOGGING_ENABLED = False

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin login: brute-force protection (django-axes), per user name and address.
AXES_FAILURE_LIMIT = env("ADMIN_LOGIN_MAX_FAILURES")
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "softwarebroker.api.views.admin_locked_out"
AXES_RESET_ON_SUCCESS = True

# Declarative configuration: python src/manage.py setup_configuration --yaml-file ...
SETUP_CONFIGURATION_STEPS = [
    "softwarebroker.organisaties.setup_configuration.OrganisatiesConfigurationStep",
    "softwarebroker.autorisaties.setup_configuration.ApplicatiesConfigurationStep",
    "softwarebroker.catalogus.register.setup_configuration.ReferentiecomponentenConfigurationStep",
    # Services this instance calls (Notificaties API, peer catalogues), then what uses them.
    "zgw_consumers.contrib.setup_configuration.steps.ServiceConfigurationStep",
    "notifications_api_common.contrib.setup_configuration.steps.NotificationConfigurationStep",
    "softwarebroker.notificaties.setup_configuration.KanalenRegistrationStep",
    "softwarebroker.federatie.setup_configuration.PeerCatalogiConfigurationStep",
]

ROOT_URLCONF = "softwarebroker.urls"
WSGI_APPLICATION = "softwarebroker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database_settings() -> dict:
    url = env("DATABASE_URL")
    if not url:
        raise ImproperlyConfigured(
            "DATABASE_URL is not set. `make run` and `make test` start an embedded "
            "PostgreSQL and set it for you; elsewhere point it at your PostgreSQL server."
        )
    config = dj_database_url.parse(url, conn_max_age=env("DATABASE_CONN_MAX_AGE"))
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured("Open Softwarebroker runs on PostgreSQL only.")
    if env("DATABASE_PREPARED_STATEMENTS"):
        # psycopg prepares a statement the second time a connection runs it.
        config.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=2)
    return config


DATABASES = {"default": _database_settings()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = ROOT_DIR / "static"
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT") or str(ROOT_DIR / "private-media")
PRIVATE_MEDIA_URL = "/private-media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Certificates of the services this component calls (zgw-consumers), never served publicly.
    "privates": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": PRIVATE_MEDIA_URL},
    },
}
SENDFILE_BACKEND = "django_sendfile.backends.simple"
SENDFILE_ROOT, SENDFILE_URL = PRIVATE_MEDIA_ROOT, PRIVATE_MEDIA_URL

# Notificaties API (notifications-api-common): kanalen, registration, the incoming webhook.
PROJECT_NAME = "Open Softwarebroker"
SITE_TITLE = "Open Softwarebroker"
PUBLIC_URL = env("PUBLIC_URL")
SITE_DOMAIN = urlsplit(PUBLIC_URL).netloc
IS_HTTPS = urlsplit(PUBLIC_URL).scheme == "https"
NOTIFICATIONS_SOURCE = "open-softwarebroker"
NOTIFICATIONS_RETRY_HOURS = env("NOTIFICATIONS_RETRY_HOURS")
NOTIFICATIONS_FIRST_RETRY_SECONDS = 2
NOTIFICATIONS_TIMEOUT = env("NOTIFICATIONS_TIMEOUT")
NOTIFICATIONS_ALERT_MINUTES = env("NOTIFICATIONS_ALERT_MINUTES")
FEDERATIE_TIMEOUT = env("FEDERATIE_TIMEOUT")
FEDERATIE_CACHE_SECONDS = env("FEDERATIE_CACHE_SECONDS")


def _reminder_days(values: list[str]) -> list[int]:
    try:
        days = sorted({int(value) for value in values}, reverse=True)
    except ValueError:
        days = [-1]
    if any(day < 0 for day in days):
        raise ImproperlyConfigured("LICENTIE_HERINNERINGEN_DAGEN: whole numbers of days, 0 or more.")
    return days


# Days before a licence's opzegdatum a reminder is sent, earliest first (the nightly job).
LICENTIE_HERINNERINGEN_DAGEN = _reminder_days(env("LICENTIE_HERINNERINGEN_DAGEN"))

# The largest declaration document (PDF) accepted, in bytes.
VERKLARING_DOCUMENT_MAX_BYTES = env("VERKLARING_DOCUMENT_MAX_BYTES")
# Days before an approved declaration ends that its supplier is told (the nightly job).
VERKLARING_VERLOOP_MELDING_DAGEN = env("VERKLARING_VERLOOP_MELDING_DAGEN")
if VERKLARING_VERLOOP_MELDING_DAGEN < 0:
    raise ImproperlyConfigured("VERKLARING_VERLOOP_MELDING_DAGEN: whole days, 0 or more.")

# Request paths that take a document, with the setting of its largest size: their bodies may
# be that large (plus an envelope) instead of API_MAX_BODY_SIZE (api.middleware.body_limit).
API_UPLOAD_PATHS = (
    (
        r"/catalogus/api/v1/verklaringen/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/document",
        "VERKLARING_DOCUMENT_MAX_BYTES",
    ),
)

# A joint purchase round above this pooled value (whole euros excl. VAT), on an offer without
# a framework agreement, is not awarded: it must be tendered.
AANBESTEDINGSDREMPEL = env("AANBESTEDINGSDREMPEL")
if AANBESTEDINGSDREMPEL < 0:
    raise ImproperlyConfigured("AANBESTEDINGSDREMPEL: whole euros, 0 or more.")

# The Softwarecatalogus to which publiceer_applicatielandschap sends a landscape (a Service slug).
SOFTWARECATALOGUS_SERVICE = env("SOFTWARECATALOGUS_SERVICE")
SOFTWARECATALOGUS_VOORZIENINGEN_PAD = env("SOFTWARECATALOGUS_VOORZIENINGEN_PAD")
SOFTWARECATALOGUS_GEBRUIK_PAD = env("SOFTWARECATALOGUS_GEBRUIK_PAD")

# Task queue (procrastinate). Workers send heartbeats; the jobs of a worker silent for
# WORKER_STALLED_SECONDS are put back in the queue (core.tasks.retry_stalled_jobs).
WORKER_STALLED_SECONDS = env("WORKER_STALLED_SECONDS")
if WORKER_STALLED_SECONDS < 2:
    raise ImproperlyConfigured("WORKER_STALLED_SECONDS must be at least 2.")
PROCRASTINATE_WORKER_DEFAULTS = {
    "update_heartbeat_interval": min(10, WORKER_STALLED_SECONDS / 3),
    "stalled_worker_timeout": WORKER_STALLED_SECONDS,
}

# No trailing slashes on the APIs (ADR /core/no-trailing-slash): never redirect.
APPEND_SLASH = False

# Error pages: problem+json, or a small HTML page for a browser outside the APIs (api.views).
CSRF_FAILURE_VIEW = "softwarebroker.api.views.csrf_failure"

# Security headers (ADR /core/transport/security-headers).
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: under no-referrer browsers send `Origin: null` with the admin's
# form posts and Django's CSRF check refuses them all. Other sites still get no Referer; the API
# responses keep `no-referrer` (APIHeadersMiddleware).
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

# CORS by allowlist; the OpenAPI documents add `*` themselves.
CORS_ALLOWED_ORIGINS = env("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/(catalogus|bestellingen)/api/"
CORS_EXPOSE_HEADERS = ["API-Version", "Location", "Link"]

# Request size limits (413 for larger bodies).
API_MAX_BODY_SIZE = env("API_MAX_BODY_SIZE")
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_BODY_SIZE

from .api import *  # noqa: E402,F403
from .logging import *  # noqa: E402,F403
