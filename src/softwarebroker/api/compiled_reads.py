"""The reads of the representation engine, compiled to SQL once per shape and run again with
other keys.

Django compiles a queryset to SQL every time it is evaluated. For the representation of one
order (its row and its lines) compiling took longer than running the two queries, and a write
reads representations several times (the audit entry's before and after, the answer). These
reads differ only in the keys they read by (the ``pk``, or the parent's key of related rows),
so each shape is compiled once, with ``column = ANY(%s)`` and the keys as one array parameter,
and run again with the keys of the moment: the same SQL (bar the one parameter), the same
converters, the same rows as evaluating the queryset would give.

Only querysets of a model's plain default manager are compiled once (a manager of its own may
filter on something that changes, such as today's date); every other parameter of a shape is
fixed when the shape is built (the plan's columns and expressions are). A shape that does not
compile that way is evaluated through the ORM each time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Lookup, Manager, QuerySet
from django.db.models.query import ValuesIterable, ValuesListIterable

# A key no row has: marks the keys' place among the compiled statement's parameters.
_PLACEHOLDER = -(2**62) + 7


class AnyOf(Lookup):
    """``lhs = ANY(%s)`` with the keys as one array parameter (``IN`` has one parameter per key,
    so its SQL changes with their number). Used as ``filter(AnyOf(F("pk"), keys))``."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, list(self.rhs))


@dataclass(frozen=True)
class _Compiled:
    alias: str
    sql: str
    params: tuple
    position: int  # of the keys among the parameters
    converters: tuple  # (column index, (converters, expression)) as the compiler has them
    names: tuple[str, ...] | None  # dicts with these keys (values()), else tuples (values_list())


_MISSING = object()
_compiled: dict[Hashable, _Compiled | None] = {}


def rows(shape: Hashable, build: Callable[[list[int]], QuerySet], keys: Sequence[int]) -> list:
    """``list(build(keys))``: ``build`` makes a ``values()`` or ``values_list()`` queryset of
    the model's default manager that reads by ``AnyOf(..., keys)``, the same for every call with
    the same ``shape`` but for the keys."""
    keys = list(keys)
    if not keys:
        return []
    compiled = _compiled.get(shape, _MISSING)
    if compiled is _MISSING:
        compiled = _compiled[shape] = _compile(build([_PLACEHOLDER]))
    if compiled is None or not all(type(key) is int for key in keys):
        return list(build(keys))
    connection = connections[compiled.alias]
    params = list(compiled.params)
    params[compiled.position] = keys
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        fetched = cursor.fetchall()
    if compiled.converters:
        fetched = [_convert(row, compiled.converters, connection) for row in fetched]
    if compiled.names is None:
        return [tuple(row) for row in fetched]
    return [dict(zip(compiled.names, row, strict=True)) for row in fetched]


def _convert(row, converters, connection) -> list:
    row = list(row)
    for position, (functions, expression) in converters:
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return row


def _compile(queryset: QuerySet) -> _Compiled | None:
    manager = queryset.model._default_manager
    if type(manager).get_queryset is not Manager.get_queryset or manager._queryset_class is not QuerySet:
        return None
    query = queryset.query
    if queryset._iterable_class is ValuesIterable:
        # As ValuesIterable names the columns.
        names = tuple(query.selected or (*query.extra_select, *query.values_select, *query.annotation_select))
    elif queryset._iterable_class is ValuesListIterable:
        names = None
    else:
        return None
    compiler = query.get_compiler(queryset.db)
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return None
    positions = [index for index, param in enumerate(params) if param == [_PLACEHOLDER]]
    columns = [column[0] for column in compiler.select[: compiler.col_count]]
    if (
        len(positions) != 1
        or compiler.has_extra_select
        or compiler.has_composite_fields(columns)
        or (names is not None and len(names) != compiler.col_count)
    ):
        return None
    converters = compiler.get_converters(columns)
    return _Compiled(
        alias=queryset.db,
        sql=sql,
        params=tuple(params),
        position=positions[0],
        converters=tuple(converters.items()),
        names=names,
    )
