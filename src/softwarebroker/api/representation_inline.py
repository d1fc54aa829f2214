"""One row in one statement: the list-valued fields of a detail (or of a write's answer) read
inside the row's own statement, not with a query each.

A page of rows loads each list-valued field with one query for the whole page
(:mod:`.representation_engine`): a few queries for a hundred rows. For one row that is a query
per field, and for a small answer the round trips and the building of those queries are most
of its cost. So a field that can be inlined is read as a correlated subquery of the row's
statement, its rows aggregated as JSON, and then built by exactly the sub-plan the page-wide
query uses: the same representation, from the same columns.

The subquery is the sub-plan's own ``values()`` query, compiled by the ORM once per field (with
stand-in values for the parent's key and for arguments such as the day, see
:func:`.compiled_reads.parameterised`), so a request only fills in its parameters. The
parent's key is taken from the outer row before the subquery starts (``LATERAL``), so the
sub-select may join the parent's table under its usual alias.
"""

from __future__ import annotations

import datetime
import decimal
import functools
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import F, QuerySet
from django.db.models.expressions import RawSQL, Window
from django.db.models.functions import RowNumber

from . import compiled_reads
from .compiled_reads import Slot

# Two sets of stand-ins a sub-select is built with (``compiled_reads.parameterised``); each is
# replaced by the real value per request (the parent's columns: P, P - 1, ... for P in PARENTS).
PARENTS = (-7_391_222_631_447, -7_391_222_631_947)
DAY_STAND_INS = (
    (datetime.date(1, 2, 3), datetime.date(1, 2, 4)),
    (datetime.date(1, 3, 5), datetime.date(1, 3, 6)),
)
_PLACEHOLDER = re.compile(r"%s")
# json_build_object takes at most 100 arguments: 50 columns.
MAX_COLUMNS = 50


@dataclass(frozen=True)
class Inline:
    """How one list-valued part is read inside the row's statement: ``expression(context)``
    (an SQL expression giving the part's rows as JSON text, under ``alias``) and
    ``prepare(context, rows)`` (as :class:`Part`'s: the builder of the part's value)."""

    alias: str
    expression: Callable
    prepare: Callable


def _converter(field) -> Callable | None:
    """From the JSON text of a column back to the Python value the ORM would give."""
    if isinstance(field, models.DecimalField):
        return decimal.Decimal
    if isinstance(field, models.DateTimeField):
        return datetime.datetime.fromisoformat
    if isinstance(field, models.DateField):
        return datetime.date.fromisoformat
    if isinstance(field, models.UUIDField):
        return uuid.UUID
    return None


def _column_field(model, column: str, expressions: dict):
    if column in expressions:
        try:
            return expressions[column].output_field
        except Exception:  # noqa: BLE001 - an expression whose type is only known when resolved
            return None
    if column == "pk":
        return model._meta.pk
    field = None
    for name in column.split("__"):
        field = model._meta.get_field(name)
        if field.is_relation:
            model = field.related_model
    return field.target_field if field is not None and field.is_relation else field


class InlineRelation:
    """The rows of ``queryset_for(*parent, *arguments)`` in ``plan``'s representation, ordered
    by ``order`` (model field names, ``-`` for descending), inside the parent row's statement.
    ``parent`` are the values of the parent row's ``outer`` columns (its key by default);
    ``arguments(context)`` gives the per-request values (dates only: ``DAY_STAND_INS``). A
    ``plan`` needs ``values()``, ``columns``, ``model``, ``expressions`` and (for the default
    ``prepare``) ``build()``: a representation plan, or a plain column reader."""

    def __init__(
        self,
        name: str,
        plan_of: Callable,
        queryset_for: Callable[..., QuerySet],
        order: tuple[str, ...],
        arguments: Callable = lambda context: (),
        argument_count: int = 0,
        outer: tuple[str, ...] = ("pk",),
    ):
        self.name = name
        self.alias = f"_inline_{name}"
        self.plan_of = plan_of
        self.queryset_for = queryset_for
        self.order = order
        self.arguments = arguments
        self.argument_count = argument_count
        self.outer = outer

    @functools.cached_property
    def compiled(self) -> tuple[str, list, dict]:
        """The subquery (the parent's key as ``"_o"."_ouder"``), its parameters (``(True, i)``:
        the request's argument ``i``; ``(False, value)``: a constant) and the converters of its
        columns, wrapped as one JSON text of the rows in order."""
        plan = self.plan_of()
        count = len(self.outer)
        ordering = [F(name[1:]).desc() if name.startswith("-") else F(name).asc() for name in self.order]

        def queryset_for(*values):
            numbered = Window(RowNumber(), order_by=ordering)
            return plan.values(self.queryset_for(*values).order_by(), _n=numbered)

        stand_ins = [
            (*(parent - index for index in range(count)), *days[: self.argument_count])
            for parent, days in zip(PARENTS, DAY_STAND_INS, strict=True)
        ]
        _, _, sql, params = compiled_reads.parameterised(queryset_for, *stand_ins)
        pieces = _PLACEHOLDER.split(sql)
        if len(pieces) != len(params) + 1:
            raise ValueError(f"{self.name}: cannot map the parameters of {sql!r}")
        text, parameters = pieces[0], []
        for param, piece in zip(params, pieces[1:], strict=True):
            if type(param) is Slot and param.index < count:
                text += f'"_o"."_ouder{param.index}"' + piece
                continue
            parameters.append((True, param.index - count) if type(param) is Slot else (False, param))
            text += "%s" + piece
        read = [*plan.columns, *plan.expressions]
        if len(read) > MAX_COLUMNS:
            raise ValueError(f"{self.name}: too many columns to aggregate as JSON")
        converters, members = {}, []
        for column in read:
            convert = _converter(_column_field(plan.model, column, plan.expressions))
            if convert is not None:
                converters[column] = convert
            # Decimals as text: exact, never through a float.
            members.append(f"'{column}', s.\"{column}\"" + ("::text" if convert is decimal.Decimal else ""))
        # Identifiers only (column aliases of our own plans and the ORM's SQL); values are params.
        aggregate = f'json_agg(json_build_object({", ".join(members)}) ORDER BY s."_n")'
        wrapped = (
            f"(SELECT coalesce({aggregate}, '[]')::text "  # noqa: S608 - identifiers from the model
            f'FROM (SELECT {{outer}}) AS "_o", LATERAL ({text}) AS s)'
        )
        return wrapped, parameters, converters

    def expression(self, model) -> Callable:
        """``context -> expression`` inside a statement reading ``model`` (its table by name)."""
        table = model._meta.db_table
        columns = [
            model._meta.pk.column if name == "pk" else model._meta.get_field(name).column
            for name in self.outer
        ]
        outer = ", ".join(f'"{table}"."{column}" AS "_ouder{index}"' for index, column in enumerate(columns))

        def build(context):
            wrapped, parameters, _ = self.compiled
            values = self.arguments(context)
            params = [values[item] if is_argument else item for is_argument, item in parameters]
            sql = wrapped.replace("{outer}", outer, 1)
            return RawSQL(sql, params, output_field=models.TextField())  # noqa: S611 - values are params

        return build

    def rows(self, text: str) -> list[dict]:
        converters = self.compiled[2]
        rows = json.loads(text)
        for row in rows:
            for column, convert in converters.items():
                value = row[column]
                if value is not None:
                    row[column] = convert(value)
        return rows

    def inline(self, model, prepare: Callable | None = None) -> Inline:
        """The :class:`Inline` of this relation in a read of ``model``; ``prepare(context, rows,
        read)`` (``read(row)``: the relation's rows of ``row``) instead of building the plan."""
        if prepare is not None:
            return Inline(
                self.alias, self.expression(model), lambda context, rows: prepare(context, rows, self.read)
            )
        return Inline(self.alias, self.expression(model), self._build)

    def read(self, row: dict) -> list[dict]:
        return self.rows(row[self.alias])

    def _build(self, context, rows):
        plan = self.plan_of()
        per_row = [self.read(row) for row in rows]
        built = iter(plan.build([sub for subs in per_row for sub in subs], context))
        grouped = {id(row): [next(built) for _ in subs] for row, subs in zip(rows, per_row, strict=True)}
        return lambda row: grouped[id(row)]
