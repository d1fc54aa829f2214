"""Reads of whole representations outside a page: every row of a list for an export, and one
saved instance read back after a write (its answer and its audit snapshots)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import QuerySet

from .representation_engine import Context, Plan, plan_for


def represented_chunks(plan: Plan, queryset: QuerySet, context: Context, size: int = 500):
    """Every row of ``queryset`` represented, ``size`` at a time, from a server-side cursor (for
    exports: memory does not grow with the number of rows). The transaction is opened here, by
    the consumer: outside one, PostgreSQL would materialise the whole result first."""
    with transaction.atomic():
        batch: list[dict] = []
        for row in plan.values(queryset).iterator(chunk_size=2000):
            batch.append(row)
            if len(batch) == size:
                yield plan.build(batch, context)
                batch = []
        if batch:
            yield plan.build(batch, context)


def represent_instance(serializer, instance) -> dict:
    """A saved instance's representation, read back from the database (writes, snapshots)."""
    context = serializer.context
    plan = plan_for(type(serializer), _selection(context.get("fields")), tuple(context.get("expand") or ()))
    results = plan.represent_keys([instance.pk], Context(context.get("request"), context))
    if not results:
        raise LookupError(f"{type(instance).__name__} {instance.pk} is not in the database")
    return results[0]


def _selection(fields) -> frozenset[str] | None:
    return None if fields is None else frozenset(fields)
