"""Which serializer describes each model, so code outside a request can represent it.

Each app registers its resource serializers when it is ready. Services use
:func:`represent` for the audit trail's snapshots and :func:`url_of` for the URLs in audit
entries and notifications: the same representation the API returns, with URLs starting
with ``PUBLIC_URL`` (there is no request to take the host from).
"""

from __future__ import annotations

from .definitions import APIDefinition
from .representation_engine import Context, plan_for

_serializers: dict[type, type] = {}
_parents: dict[type, str] = {}


def register(serializer_class, *, parent: str | None = None) -> None:
    """``parent``: for a resource under another (``bestelling``), the attribute naming it;
    its URL is then ``{parent url}/{collection}/{uuid}``."""
    model = serializer_class.Meta.model
    _serializers[model] = serializer_class
    if parent:
        _parents[model] = parent


def serializer_for(model) -> type:
    try:
        return _serializers[model]
    except KeyError:
        raise LookupError(f"No resource serializer registered for {model.__name__}") from None


def api_of(model) -> APIDefinition:
    return serializer_for(model).Meta.api


def is_registered(model) -> bool:
    return model in _serializers


def url_of(instance) -> str:
    model = type(instance)
    meta = serializer_for(model).Meta
    parent = _parents.get(model)
    if parent:
        return f"{url_of(getattr(instance, parent))}/{meta.collection}/{instance.uuid}"
    return f"{Context(None).base(meta.api, meta.collection)}{instance.uuid}"


def represent(instance) -> dict | None:
    """The saved instance as the API shows it in full, read back from the database
    (``None`` when it is not there, e.g. after a delete)."""
    rows = plan_for(serializer_for(type(instance))).represent_keys([instance.pk], Context(None))
    return rows[0] if rows else None


def represent_many(model, pks) -> dict:
    """Many saved instances as :func:`represent` shows each, read in one query: by pk (a pk
    that is not there is missing from the result)."""
    plan = plan_for(serializer_for(model))
    rows = plan.rows(list(pks))
    return {row["pk"]: shown for row, shown in zip(rows, plan.build(rows, Context(None)), strict=True)}
