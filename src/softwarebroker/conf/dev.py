"""Local development (`make run`): an insecure but clearly labelled secret key."""

from .base import *  # noqa: F403

SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-this-in-production-0123456789"  # noqa: F405

# Serve static files straight from the apps (no collectstatic step for `make run`).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEMO_DATA_ALLOWED = True
STATIC_ROOT = None  # static files come from the apps through WhiteNoise's finders

# runserver starts a thread per connection and each thread keeps its own database connection:
# with a connection age above 0 they stay open after the thread ends, until PostgreSQL runs out
# of connections. Close each after its request (production keeps DATABASE_CONN_MAX_AGE).
DATABASES = {**DATABASES, "default": {**DATABASES["default"], "CONN_MAX_AGE": 0}}  # noqa: F405
