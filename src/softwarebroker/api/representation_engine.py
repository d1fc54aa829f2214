"""The representation engine: compiles a resource serializer into a :class:`Plan` and
builds the representations from database rows. It is the one output path.

A resource serializer describes a resource: field names, types and help texts (the
contract) and how input is validated. What a response *contains* is built here, from a
:class:`Plan` compiled once per serializer (and ``fields`` selection) from those same
fields (the selection a request asks for is parsed by :mod:`.field_selection`):

- the row of a resource is read with ``values()``: only the columns the representation
  needs, joined where a reference needs the other resource's UUID, no model instances;
- every list-valued field (a list of references, ``actuelePrijzen``) and every ``expand``
  relation costs one query for the whole page, whatever the number of rows;
- each field becomes a small function from the row to its JSON value; URLs are a prefix
  computed once per request plus the UUID (no ``reverse()`` per object).

Lists, details, write responses and audit trail snapshots all use it, so there is one
representation and it cannot drift between paths. Leaf values are converted by the
serializer field's own ``to_representation`` unless the value is already its JSON form.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, QuerySet, TextField
from django.db.models.functions import Cast
from rest_framework import serializers
from rest_framework.relations import ManyRelatedField

from . import compiled_reads
from .compiled_reads import AnyOf
from .representation_converters import fast_converter
from .representation_inline import Inline, InlineRelation
from .urls_building import collection_url

EXPAND_FIELD = "_expand"
Builder = Callable[[dict], object]

# Fields whose database value already is its JSON value (strings, numbers, booleans, JSON).
_AS_IS = (
    serializers.CharField,  # Email-, URL-, Slug-, RegexField derive from it
    serializers.ChoiceField,
    serializers.IntegerField,
    serializers.BooleanField,
)


class Context:
    """What a representation depends on besides the row: the request (for absolute URLs;
    without one, ``PUBLIC_URL``) and the serializer context's options (e.g. the date for
    ``actuelePrijzen``)."""

    def __init__(self, request, options: Mapping | None = None):
        self.request = request
        self.options = options or {}
        self._bases: dict[tuple[str, str], str] = {}
        self._per_page: dict[str, tuple[list, object]] = {}

    def base(self, api, collection: str) -> str:
        """``https://host/catalogus/api/v1/aanbiedingen/``, once per request."""
        key = (api.slug, collection)
        if key not in self._bases:
            if self.request is None:  # outside a request (services, the worker): the public URL
                root = settings.PUBLIC_URL.rstrip("/") + api.base_path
                self._bases[key] = f"{root}/{collection}/"
            else:
                self._bases[key] = collection_url(self.request, api, collection) + "/"
        return self._bases[key]

    def per_page(self, key: str, rows: list[dict], load: Callable[[], object]):
        """What several fields of one page need (loaded once for the page's ``rows``)."""
        cached = self._per_page.get(key)
        if cached is None or cached[0] is not rows:
            cached = self._per_page[key] = (rows, load())
        return cached[1]


@dataclass(frozen=True)
class Part:
    """One output field: the columns it reads and, per page, the function that builds it.

    ``prepare(context, rows)`` runs once per page with all the page's rows (so a list-valued
    field can load what it needs for every row in one query) and returns ``row -> value``.
    ``inline``: how a one-row read gets the field inside the row's statement instead
    (:mod:`.representation_inline`).
    """

    name: str
    prepare: Callable[[Context, list[dict]], Builder]
    columns: tuple[str, ...] = ()
    expressions: Mapping[str, object] = field(default_factory=dict)
    inline: Inline | None = None


# --- parts for the kinds of fields the resources use -----------------------------------------


def column_part(name: str, column: str, convert: Callable | None = None) -> Part:
    """A value stored in (or joined to) the row, converted unless ``None``."""
    if convert is None:
        getter = _item(column)
        return Part(name, lambda context, rows: getter, columns=(column,))

    def build(row):
        value = row[column]
        return None if value is None else convert(value)

    return Part(name, lambda context, rows: build, columns=(column,))


def uuid_text(column: str) -> tuple[str, Cast]:
    """A UUID column read as its text (an alias and the expression): a URL needs the text, and
    PostgreSQL writes it faster than Python makes a UUID object and formats it again."""
    return f"_tekst_{column.replace('__', '_')}", Cast(F(column), output_field=TextField())


def url_part(name: str, api, collection: str, column: str = "uuid") -> Part:
    """The absolute URL of a resource whose UUID is in ``column`` (``None`` stays ``None``)."""
    alias, expression = uuid_text(column)

    def prepare(context, rows):
        base = context.base(api, collection)

        def build(row):
            value = row[alias]
            return None if value is None else f"{base}{value}"

        return build

    return Part(name, prepare, expressions={alias: expression})


def local_or_peer_url_part(name: str, api, collection: str, uuid_column: str, url_column: str) -> Part:
    """A reference that is either a resource of this instance (its UUID in ``uuid_column``) or
    one of another instance (its URL in ``url_column``)."""

    alias, expression = uuid_text(uuid_column)

    def prepare(context, rows):
        base = context.base(api, collection)

        def build(row):
            value = row[alias]
            return f"{base}{value}" if value is not None else (row[url_column] or None)

        return build

    return Part(name, prepare, columns=(url_column,), expressions={alias: expression})


def url_list_part(name: str, model, source: str, api, collection: str) -> Part:
    """URLs of the resources of a many-relation, in the related model's default order."""
    target, parent_path = reverse_path(model, source)

    def prepare(context, rows):
        base = context.base(api, collection)
        grouped = defaultdict(list)
        pks = [row["pk"] for row in rows]
        if pks:
            related = compiled_reads.rows(
                ("url_list", target, parent_path),
                lambda keys: (
                    target._default_manager.filter(AnyOf(F(parent_path), keys))
                    .order_by(*default_order(target, parent_path))
                    .values_list(parent_path, Cast("uuid", output_field=TextField()))
                ),
                pks,
            )
            for parent, value in related:
                grouped[parent].append(f"{base}{value}")
        return lambda row: grouped.get(row["pk"], [])

    return Part(name, prepare)


def grouped_by_parent(plan: Plan, related: list[dict], context: Context) -> dict:
    """The representations of ``related`` (rows of ``plan.values(..., _parent=...)`` limited to
    the page's parents), grouped by parent key."""
    grouped = defaultdict(list)
    for row, result in zip(related, plan.build(related, context), strict=True):
        grouped[row["_parent"]].append(result)
    return grouped


def relation_part(name: str, model, source: str, plan_of: Callable[[], Plan]) -> Part:
    """The related resources of a many-relation, each in its own plan's representation, in the
    related model's default order (inline sub-objects such as an order's ``regels``, and
    ``expand`` of a many-relation)."""
    target, parent_path = reverse_path(model, source)
    order = default_order(target, parent_path)

    def prepare(context, rows):
        grouped = defaultdict(list)
        if rows:
            plan = plan_of()
            related = plan.rows([row["pk"] for row in rows], parent_path, order)
            for row, result in zip(related, plan.build(related, context), strict=True):
                grouped[row["_parent"]].append(result)
        return lambda row: grouped.get(row["pk"], [])

    inline = InlineRelation(
        name, plan_of, lambda parent: target._default_manager.filter(**{parent_path: parent}), order
    )
    return Part(name, prepare, inline=inline.inline(model))


def nested_part(name: str, parts: list[Part]) -> Part:
    """An object of several fields of the same row (a serializer with ``source="*"``)."""

    def prepare(context, rows):
        builders = [(part.name, part.prepare(context, rows)) for part in parts]
        return lambda row: {key: build(row) for key, build in builders}

    columns = tuple(column for part in parts for column in part.columns)
    expressions = {alias: expr for part in parts for alias, expr in part.expressions.items()}
    return Part(name, prepare, columns=columns, expressions=expressions)


def _item(column: str) -> Builder:
    return lambda row: row[column]


def reverse_path(model, source: str):
    """For the many-relation ``source`` of ``model``: the related model and the lookup
    from it back to ``model`` (to load the relation for many rows at once)."""
    relation = model._meta.get_field(source)
    if relation.many_to_many and not relation.auto_created:
        return relation.related_model, relation.related_query_name()
    if relation.one_to_many or relation.many_to_many:
        return relation.related_model, relation.field.name
    raise TypeError(f"{model.__name__}.{source} is not a many-relation")


def default_order(model, parent_path: str | None = None) -> tuple[str, ...]:
    """The model's default order; loading a relation for many parents at once leaves out the
    parent itself (grouping takes care of it; ordering by it would join the parent table)."""
    ordering = [name for name in model._meta.ordering or () if name.lstrip("-") != parent_path]
    return (*ordering, "pk")


# --- compiling a serializer --------------------------------------------------------------------


def compile_field(bound, model) -> Part | None:
    """The part for one (bound) serializer field; ``None`` for the ``_expand`` field."""
    if bound.field_name == EXPAND_FIELD:
        return None
    custom = getattr(bound, "row_part", None)
    if custom is not None:
        return custom(model)
    if isinstance(bound, ManyRelatedField):
        child = bound.child_relation
        return url_list_part(bound.field_name, model, bound.source, child.api, child.collection)
    if isinstance(bound, serializers.ListSerializer) and hasattr(getattr(bound.child, "Meta", None), "model"):
        child_class = type(bound.child)
        return relation_part(bound.field_name, model, bound.source, lambda: plan_for(child_class))
    if getattr(bound, "source", None) == "*" and isinstance(bound, serializers.Serializer):
        parts = [compile_field(child, model) for child in bound.fields.values() if not child.write_only]
        return nested_part(bound.field_name, [part for part in parts if part is not None])
    column = "__".join(bound.source_attrs)
    if isinstance(bound, _AS_IS) and not isinstance(bound, serializers.DecimalField):
        return column_part(bound.field_name, column)
    if isinstance(bound, serializers.JSONField) and not bound.binary:
        return column_part(bound.field_name, column)
    if isinstance(bound, serializers.ListField) and isinstance(bound.child, _AS_IS):
        return column_part(bound.field_name, column)
    return column_part(bound.field_name, column, fast_converter(bound, model) or bound.to_representation)


@functools.cache
def _bound_fields(serializer_class) -> dict:
    """The fields a representation shows (write-only fields, such as secrets, never)."""
    return {
        name: bound for name, bound in serializer_class(context={}).fields.items() if not bound.write_only
    }


def field_names(serializer_class) -> list[str]:
    """The names a client can ask for with ``fields``."""
    return [name for name in _bound_fields(serializer_class) if name != EXPAND_FIELD]


@functools.cache
def plan_for(
    serializer_class,
    selected: frozenset[str] | None = None,
    expand: tuple[str, ...] = (),
    single: bool = False,
) -> Plan:
    return Plan(serializer_class, selected, expand, single)


class Plan:
    """The compiled representation of one resource (optionally only the ``fields`` asked for,
    and with the ``expand`` relations embedded one level deep). ``single``: for reading one
    row, with the list-valued fields that can be inlined read in the row's own statement."""

    def __init__(
        self, serializer_class, selected: frozenset[str] | None, expand: tuple[str, ...], single: bool = False
    ):
        self.serializer_class = serializer_class
        self.model = serializer_class.Meta.model
        keep = None if selected is None else set(selected) | {"url"}
        parts = []
        self.inline_expressions = {}
        for name, bound in _bound_fields(serializer_class).items():
            if keep is not None and name not in keep:
                continue
            part = compile_field(bound, self.model)
            if part is not None and single and part.inline is not None:
                self.inline_expressions[part.inline.alias] = part.inline.expression
                part = Part(name, part.inline.prepare, columns=part.columns, expressions=part.expressions)
            if part is not None:
                parts.append(part)
        if expand:
            parts.append(self._expand_part(expand))
        self.parts = parts
        self.columns = tuple(dict.fromkeys(("pk", *(c for part in parts for c in part.columns))))
        self.expressions = {alias: expr for part in parts for alias, expr in part.expressions.items()}

    # reading
    def values(self, queryset: QuerySet, context: Context | None = None, **extra) -> QuerySet:
        """The queryset reading exactly what the representation needs, as dicts (a ``single``
        plan's inlined fields need the request's ``context``)."""
        inlined = {alias: expression(context) for alias, expression in self.inline_expressions.items()}
        return queryset.prefetch_related(None).values(*self.columns, **self.expressions, **inlined, **extra)

    def rows(self, keys, path: str = "pk", order: tuple[str, ...] | None = None) -> list[dict]:
        """``values()`` of the rows whose ``path`` is one of ``keys`` (ints), compiled once
        (:mod:`.compiled_reads`): by ``pk`` in the model's default order; by a relation's
        ``path`` to its parent in ``order``, with the parent's key as ``_parent``."""

        def queryset(ids):
            found = self.model._default_manager.filter(AnyOf(F(path), ids))
            if path == "pk":
                return self.values(found)
            return self.values(found.order_by(*order), _parent=F(path))

        return compiled_reads.rows((self, path, order), queryset, keys)

    def represent_keys(self, keys, context: Context) -> list[dict]:
        """The representations of the rows with these primary keys (ints), in the model's
        default order (a row that is not there is left out)."""
        return self.build(self.rows(keys), context)

    def build(self, rows: list[dict], context: Context) -> list[dict]:
        builders = [(part.name, part.prepare(context, rows)) for part in self.parts]
        return [{name: build(row) for name, build in builders} for row in rows]

    def represent(self, queryset: QuerySet, context: Context) -> list[dict]:
        return self.build(list(self.values(queryset, context)), context)

    # expand
    def _expand_part(self, names: Iterable[str]) -> Part:
        expandables = self.serializer_class.Meta.expandable
        loaders = []
        columns = []
        for name in names:
            spec = expandables[name]
            target_plan = plan_for(spec.serializer_class)
            if spec.many:
                loaders.append((name, self._expand_many(spec, target_plan)))
            else:
                columns.append(spec.source)
                loaders.append((name, self._expand_one(spec, target_plan)))

        def prepare(context, rows):
            builders = [(name, load(context, rows)) for name, load in loaders]
            return lambda row: {name: build(row) for name, build in builders}

        return Part(EXPAND_FIELD, prepare, columns=tuple(columns))

    def _expand_one(self, spec, target_plan: Plan):
        column = spec.source  # values() gives the foreign key's value under the field's name

        def load(context, rows):
            ids = {row[column] for row in rows if row[column] is not None}
            found = {}
            if ids:
                related = target_plan.rows(sorted(ids))
                results = target_plan.build(related, context)
                found = {row["pk"]: result for row, result in zip(related, results, strict=True)}
            return lambda row: found.get(row[column])

        return load

    def _expand_many(self, spec, target_plan: Plan):
        return relation_part(spec.source, self.model, spec.source, lambda: target_plan).prepare
