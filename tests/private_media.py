"""Private media (declaration documents) in a temporary directory during tests."""

from __future__ import annotations

import contextlib

from django.core.files.storage import FileSystemStorage

from softwarebroker.catalogus.models import Verklaring


@contextlib.contextmanager
def private_media_in(location, settings=None):
    """Store private media under ``location`` (a ``Path``) while the block runs: the
    ``privates`` storage setting and the document field's storage (made once, when the model
    was loaded)."""
    location.mkdir(parents=True, exist_ok=True)
    field = Verklaring._meta.get_field("document")
    before = field.storage
    if settings is not None:
        settings.STORAGES = {
            **settings.STORAGES,
            "privates": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(location), "base_url": "/private-media/"},
            },
        }
    field.storage = FileSystemStorage(location=str(location), base_url="/private-media/")
    try:
        yield location
    finally:
        field.storage = before
