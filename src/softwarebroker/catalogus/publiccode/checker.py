"""Reading a publiccode.yml document by dotted path, collecting every problem on the way."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from .mapping import MAX_URL

# The same rule as the model's URLField, so anything we accept can be saved.
_url_validator = URLValidator(schemes=["http", "https"])


class Checker:
    """Reads values from the document by dotted path, collecting every problem on the way."""

    def __init__(self, document: dict):
        self.document = document
        self.errors: list[dict] = []

    def error(self, name: str, code: str, reason: str) -> None:
        self.errors.append({"name": name, "code": code, "reason": reason})

    def get(self, path: str, kind: type | tuple = str, *, required: bool = False):
        node = self.document
        for key in path.split("."):
            node = node.get(key) if isinstance(node, dict) else None
        if node is None or (isinstance(node, str) and not node.strip()):
            if required:
                self.error(path, "required", "Dit gegeven is verplicht.")
            return None
        if not isinstance(node, kind):
            self.error(path, "type", f"Verwacht: {_type_name(kind)}.")
            return None
        return node

    def string(self, path: str, *, required: bool = False, max_length: int | None = None) -> str:
        value = self.get(path, str, required=required)
        value = value.strip() if value else ""
        if max_length and len(value) > max_length:
            self.error(path, "max_length", f"Hoogstens {max_length} tekens (nu {len(value)}).")
            return ""
        return value

    def url(self, path: str, *, required: bool = False) -> str:
        value = self.string(path, required=required, max_length=MAX_URL)
        if not value:
            return value
        try:
            _url_validator(value)
        except ValidationError:
            self.error(path, "url", "Geen geldige http(s)-URL.")
            return ""
        return value

    def choice(self, path: str, choices, *, required: bool = False) -> str | None:
        value = self.get(path, str, required=required)
        if value is not None and value not in choices:
            self.error(path, "enum", f"Kies uit: {', '.join(choices)}.")
            return None
        return value


def _type_name(kind) -> str:
    names = {str: "tekst", dict: "een object", list: "een lijst", datetime.date: "een datum"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " of ".join(names[kind] for kind in kinds)
