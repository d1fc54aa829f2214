"""Reads compiled to SQL by the ORM once, and run again with other values.

Django builds and compiles a queryset to SQL every time it is evaluated. For a small read that
costs more than running it: for the detail of an offer, building and compiling its statement was
a third of the request's CPU. Reads that differ from one call to the next only in a few values
(the keys they read by, the UUID of a detail, a day) are therefore compiled once, by the ORM
itself, and run again with the values of the moment.

How a read is compiled once (:func:`parameterised`): it is built twice, with two different sets
of stand-in values, and both are compiled. The SQL must be the same, and the parameters the same
except where a stand-in is, which is where the real values go (a :class:`Slot`). Anything else
that differs between the two (a value computed while building, such as the time) makes the read
not compilable, and so does a build that queries the database (a value read then would be fixed
in the SQL). A read that is not compilable is evaluated through the ORM each time: slower, never
different.

Three kinds of reads use it:

- :func:`rows`: the rows of a representation plan by their keys (one statement per shape, the
  keys as one array parameter);
- :func:`one_row`: the row of a detail, compiled once per *shape*, a key the caller makes of
  everything the statement depends on besides the UUID (the client, the request's options, the
  day), kept for at most :data:`MAX_SHAPES` shapes;
- the sub-selects that read a detail's list-valued fields inside its statement
  (:mod:`.representation_inline`), with :func:`parameterised` directly.

The compiled statements are dropped when a setting changes (``override_settings`` in tests).
"""

from __future__ import annotations

import datetime
import threading
import uuid
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Lookup, Manager, QuerySet
from django.db.models.query import ValuesIterable, ValuesListIterable

# Keys and UUIDs no row has: the stand-ins of two builds.
_KEY_STAND_INS = (-(2**62) + 7, -(2**62) + 11)
_UUID_STAND_INS = (uuid.UUID(int=0x5E7D1E7A_0001), uuid.UUID(int=0x5E7D1E7A_0002))
#: How many detail shapes (client x options x day) are kept compiled, per process.
MAX_SHAPES = 2048


class NotCompilable(Exception):
    """The read cannot be compiled once (it is evaluated through the ORM each time)."""


class AnyOf(Lookup):
    """``lhs = ANY(%s)`` with the keys as one array parameter (``IN`` has one parameter per key,
    so its SQL changes with their number). Used as ``filter(AnyOf(F("pk"), keys))``."""

    lookup_name = "any_of"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, list(self.rhs))


@dataclass(frozen=True)
class Slot:
    """The place of argument ``index`` among a compiled statement's parameters."""

    index: int


def parameterised(
    queryset_for: Callable[..., QuerySet], first: tuple, second: tuple
) -> tuple[QuerySet, object, str, tuple]:
    """``queryset_for(*first)``, its compiler, its SQL and its parameters, with a :class:`Slot`
    where each argument goes. ``second`` are other stand-ins for the same arguments: the read
    built with them must compile to the same SQL, with the same parameters elsewhere."""
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connections[DEFAULT_DB_ALIAS].execute_wrapper(count):
        one, two = queryset_for(*first), queryset_for(*second)
        compiler = one.query.get_compiler(one.db)
        try:
            sql, params = compiler.as_sql()
            other_sql, other_params = two.query.get_compiler(two.db).as_sql()
        except EmptyResultSet as error:
            raise NotCompilable("the read matches nothing whatever its values") from error
    if queries:
        raise NotCompilable(f"building the read queried the database: {queries[0][:200]}")
    if sql != other_sql or len(params) != len(other_params):
        raise NotCompilable("the SQL depends on more than the arguments")
    template, used = [], set()
    for value, other in zip(params, other_params, strict=True):
        if _same(value, other):
            template.append(value)
            continue
        pairs = enumerate(zip(first, second, strict=True))
        index = next((i for i, (a, b) in pairs if _same(value, a) and _same(other, b)), None)
        if index is None:
            raise NotCompilable(f"a parameter changes from one build to the next: {value!r}, {other!r}")
        template.append(Slot(index))
        used.add(index)
    if used != set(range(len(first))):
        raise NotCompilable("an argument does not reach the SQL")
    return one, compiler, sql, tuple(template)


def _same(value, other) -> bool:
    return type(value) is type(other) and value == other


@dataclass(frozen=True)
class Statement:
    """A ``values()`` or ``values_list()`` read compiled once: its rows for other arguments
    are the rows evaluating the queryset built with them would give."""

    alias: str
    sql: str
    params: tuple  # constants, and a Slot where an argument goes
    converters: tuple  # (column index, (converters, expression)) as the compiler has them
    names: tuple[str, ...] | None  # dicts with these keys (values()), else tuples (values_list())

    def run(self, *arguments) -> list:
        connection = connections[self.alias]
        params = [arguments[param.index] if type(param) is Slot else param for param in self.params]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        if self.converters:
            fetched = [_convert(row, self.converters, connection) for row in fetched]
        if self.names is None:
            return [tuple(row) for row in fetched]
        return [dict(zip(self.names, row, strict=True)) for row in fetched]


def statement(queryset_for: Callable[..., QuerySet], first: tuple, second: tuple) -> Statement:
    """The read ``queryset_for(*arguments)`` compiled once (see :func:`parameterised`)."""
    queryset, compiler, sql, params = parameterised(queryset_for, first, second)
    query = queryset.query
    if queryset._iterable_class is ValuesIterable:
        # As ValuesIterable names the columns.
        names = tuple(query.selected or (*query.extra_select, *query.values_select, *query.annotation_select))
    elif queryset._iterable_class is ValuesListIterable:
        names = None
    else:
        raise NotCompilable("only values() and values_list() reads")
    columns = [column[0] for column in compiler.select[: compiler.col_count]]
    if (
        compiler.has_extra_select
        or compiler.has_composite_fields(columns)
        or (names is not None and len(names) != compiler.col_count)
    ):
        raise NotCompilable("the columns are not the ones the queryset gives")
    return Statement(
        alias=queryset.db,
        sql=sql,
        params=params,
        converters=tuple(compiler.get_converters(columns).items()),
        names=names,
    )


def _convert(row, converters, connection) -> list:
    row = list(row)
    for position, (functions, expression) in converters:
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return row


# --- rows by their keys ------------------------------------------------------------------------

_MISSING = object()
_compiled: dict[Hashable, Statement | None] = {}


#: Stand-ins for a day argument of :func:`rows`.
DAY_STAND_INS = (datetime.date(1, 2, 3), datetime.date(1, 3, 5))


def rows(shape: Hashable, build: Callable[..., QuerySet], keys: Sequence[int], day=None) -> list:
    """``list(build(keys))`` (``build(keys, day)`` with a ``day``): ``build`` makes a ``values()``
    or ``values_list()`` queryset of the model's default manager that reads by
    ``AnyOf(..., keys)``, the same for every call with the same ``shape`` but for its arguments."""
    keys = list(keys)
    if not keys:
        return []
    arguments = (keys,) if day is None else (keys, day)
    compiled = _compiled.get(shape, _MISSING)
    if compiled is _MISSING:
        compiled = _compiled[shape] = _compile(build, len(arguments))
    if compiled is None or not all(type(key) is int for key in keys):
        return list(build(*arguments))
    return compiled.run(*arguments)


def _compile(build: Callable[..., QuerySet], count: int) -> Statement | None:
    first, second = (([key], day)[:count] for key, day in zip(_KEY_STAND_INS, DAY_STAND_INS, strict=True))
    # Only a model's plain default manager: a manager of its own may filter on something that
    # changes (such as today's date), and a shape here is compiled for as long as the process runs.
    manager = build(*first).model._default_manager
    if type(manager).get_queryset is not Manager.get_queryset or manager._queryset_class is not QuerySet:
        return None
    try:
        return statement(build, first, second)
    except NotCompilable:
        return None


# --- the row of a detail -----------------------------------------------------------------------

_shapes: dict[Hashable, Statement | None] = {}
_shapes_lock = threading.Lock()


def one_row(shape: Hashable, queryset_for: Callable[[uuid.UUID], QuerySet], value: uuid.UUID) -> dict | None:
    """The first row of ``queryset_for(value)`` (a ``values()`` queryset), ``None`` without one.
    ``shape`` names everything the statement depends on besides ``value``: what is compiled for
    it is run again for every request with the same shape."""
    compiled = _shapes.get(shape, _MISSING)
    if compiled is _MISSING:
        try:
            compiled = statement(queryset_for, (_UUID_STAND_INS[0],), (_UUID_STAND_INS[1],))
        except NotCompilable:
            compiled = None
        with _shapes_lock:  # threads of one process share the shapes
            while len(_shapes) >= MAX_SHAPES:
                del _shapes[next(iter(_shapes))]  # the oldest
            _shapes[shape] = compiled
    found = compiled.run(value) if compiled is not None else list(queryset_for(value))
    return found[0] if found else None


def _forget(**kwargs) -> None:
    _compiled.clear()
    _shapes.clear()


setting_changed.connect(_forget, dispatch_uid="compiled_reads_forget")
