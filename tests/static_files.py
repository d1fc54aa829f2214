"""The static files WhiteNoise serves, found once per test process instead of once per client.

Every test client (Django's ``Client``, DRF's ``APIClient``) loads the middleware afresh, and
``WhiteNoiseMiddleware.__init__`` walks every app's static files through the finders
(``WHITENOISE_USE_FINDERS`` in the test settings) and stats each one: ~0.1 s of CPU per client,
thousands of clients per run. The files do not change while the tests run, so the table the walk
builds is kept, per static URL prefix and static files configuration, and copied into every later
middleware. What a request receives is unchanged: the same table, built by WhiteNoise itself.
"""

from __future__ import annotations

from django.conf import settings
from whitenoise.middleware import WhiteNoiseMiddleware

_original_add_files_from_finders = WhiteNoiseMiddleware.add_files_from_finders
_found: dict[tuple, dict] = {}
PREFIX = "WHITENOISE_"


def _configuration(middleware: WhiteNoiseMiddleware) -> tuple:
    """What the table depends on: where the files are found, and how WhiteNoise serves them."""
    return (
        middleware.static_prefix,
        settings.DEBUG,
        tuple(settings.INSTALLED_APPS),
        tuple(str(directory) for directory in settings.STATICFILES_DIRS),
        tuple(settings.STATICFILES_FINDERS),
        tuple((name, repr(getattr(settings, name))) for name in dir(settings) if name.startswith(PREFIX)),
    )


def _add_files_from_finders(self: WhiteNoiseMiddleware) -> None:
    key = _configuration(self)
    found = _found.get(key)
    if found is None:
        before = dict(self.files)
        _original_add_files_from_finders(self)
        found = _found[key] = {url: file for url, file in self.files.items() if before.get(url) is not file}
    self.files.update(found)


def pytest_configure(config):
    WhiteNoiseMiddleware.add_files_from_finders = _add_files_from_finders


def pytest_unconfigure(config):
    WhiteNoiseMiddleware.add_files_from_finders = _original_add_files_from_finders
