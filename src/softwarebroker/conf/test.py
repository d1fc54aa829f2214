"""Test settings: fast password hashing, fixed secret, no SSL redirect."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-insecure-key-0123456789-0123456789-0123456789"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEMO_DATA_ALLOWED = True
# Every request checks its token again, so tests can change clients between requests.
AUTH_CACHE_SECONDS = 0
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None  # static files come from the apps through WhiteNoise's finders
LOGGING["loggers"]["django_structlog"]["level"] = "ERROR"  # noqa: F405
# Resource URLs outside a request (audit entries, notifications) start with the test client's host.
PUBLIC_URL = "http://testserver"
