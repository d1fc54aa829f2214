"""Proof of the one write path: outside the service functions, nothing in the application
writes a domain model.

An AST scan of every module of the application (``src/``) and of the benchmarks: a call that
saves, deletes, creates or updates a domain model (``Model.objects.create(...)``,
``...filter(...).update(...)``, ``instance.save()`` in a module that handles domain models,
``order.regels.all().delete()``, ``organisatie.deelnemers.set(...)``) fails the test unless
the module is a service module, a migration, or on the short allow-list below with its
reason. The tests' factories (and the order walk they share) are held to the same rule by a
scan of their own, with their own short allow-list.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
SCANNED = [ROOT / "src" / "softwarebroker", ROOT / "benchmarks"]
DOMAIN_APPS = ("organisaties", "catalogus", "federatie", "bestellingen", "vraagbundelingen", "gebruik")
WRITES = {
    "save",
    "delete",
    "create",
    "update",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}
RELATED_WRITES = WRITES | {"set", "add", "remove", "clear"}

# module (relative to the repository) -> why it may write domain models without a service
ALLOWED: dict[str, str] = {
    "src/softwarebroker/catalogus/search.py": (
        "keeps the derived full-text columns current with SQL; called by the catalogue services "
        "inside their transaction (and by the generator below), never on its own"
    ),
    "src/softwarebroker/demo/generated_catalogue.py": (
        "writes up to 100,000 synthetic offers and 300,000 declarations (rows built by "
        "generated_verklaringen.py, which writes nothing itself) with COPY for the benchmarks, and "
        "deletes them again; development settings only: load data, deliberately without audit "
        "entries or notifications"
    ),
    "src/softwarebroker/demo/management/commands/generate_orders.py": (
        "writes a million synthetic orders with INSERT .. SELECT for the benchmarks, "
        "development settings only, like the catalogue generator"
    ),
    "benchmarks/pagination.py": "fills its own benchmark database with synthetic categories",
    "benchmarks/licenties.py": (
        "fills its own benchmark database with 100,000 synthetic licences (INSERT .. SELECT) and "
        "empties it between runs; the nightly job it measures writes through its services"
    ),
    "benchmarks/gebruik.py": (
        "fills its own benchmark database with 380 synthetic organisations and 50,000 uses "
        "(INSERT .. SELECT) and configures a Notificaties API there that is never called; the "
        "alerts it measures are written by their services"
    ),
    "benchmarks/rapportages.py": (
        "fills its own benchmark database with 400 synthetic organisations and a million observed "
        "prices of the price statistics' summary (INSERT .. SELECT); it measures reading only"
    ),
}


# The tests' factories make domain objects through the services too (docs/architecture.md).
TESTS = ROOT / "tests"
FACTORY_MODULES = [
    *sorted(TESTS.glob("*/factories.py")),
    TESTS / "bestellingen" / "walk.py",
    TESTS / "bestellingen" / "helpers.py",
]
# (module, call) -> why a factory may write it directly
ALLOWED_IN_FACTORIES: dict[tuple[str, str], str] = {}


def _domain_models():
    return [model for label in DOMAIN_APPS for model in apps.get_app_config(label).get_models()]


def _accessors(models) -> set[str]:
    """Names under which one domain object reaches others: many-to-many fields and the
    related names of reverse relations (``bestelling.regels``)."""
    names = set()
    for model in models:
        for field in model._meta.get_fields():
            if field.many_to_many and not field.auto_created:
                names.add(field.name)
            elif field.auto_created and (field.one_to_many or field.many_to_many) and field.related_name:
                names.add(field.related_name)
    return names


def _is_service_module(path: Path) -> bool:
    return path.name == "services.py" or "services" in path.parts


def _chain(node) -> list[str]:
    """``a.b(...).c.d`` -> ``["a", "b", "c", "d"]`` (calls and subscripts looked through)."""
    parts = []
    while True:
        if isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Name):
            parts.append(node.id)
            return list(reversed(parts))
        else:
            return list(reversed(parts))


def _tables() -> set[str]:
    return {model._meta.db_table for model in _domain_models()}


SQL_WRITE = re.compile(r"\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY)\s+(\w+)", re.IGNORECASE)


def _sql_writes(tree: ast.AST, tables: set[str]) -> list[tuple[int, str]]:
    """Raw SQL that writes a domain table, or a domain table's name handed to such SQL."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            named = {match.group(2) for match in SQL_WRITE.finditer(node.value)} & tables
            if named or node.value in tables:
                found.append((node.lineno, f"SQL on {', '.join(sorted(named or {node.value}))}"))
    return found


def _is_write(method, chain, model_names, other_models, accessors, handles_domain, node) -> bool:
    if method in WRITES and "objects" in chain and chain[0] not in other_models:
        # Model.objects... on a domain model, or on a model variable where domain models are handled.
        return chain[0] in model_names or handles_domain
    if method in RELATED_WRITES and any(part in accessors for part in chain[1:]):
        return True  # bestelling.regels.all().delete(), organisatie.deelnemers.set(...)
    # instance.save() / instance.delete() where domain models are handled
    return method in ("save", "delete") and handles_domain and not node.args and chain[:1] != ["super"]


def _writes(tree: ast.AST, model_names: set[str], accessors: set[str]) -> list[tuple[int, str]]:
    imported = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    handles_domain = bool(imported & model_names)
    other_models = {model.__name__ for model in apps.get_models()} - model_names
    found = _sql_writes(tree, _tables())
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method = node.func.attr
        chain = _chain(node.func.value)
        if _is_write(method, chain, model_names, other_models, accessors, handles_domain, node):
            found.append((node.lineno, f"{'.'.join(chain)}.{method}()"))
    return found


def _modules():
    for base in SCANNED:
        for path in sorted(base.rglob("*.py")):
            if "migrations" in path.parts or _is_service_module(path):
                continue
            yield path


def test_only_services_write_domain_models():
    models = _domain_models()
    model_names = {model.__name__ for model in models}
    accessors = _accessors(models)
    offenders = []
    for path in _modules():
        relative = str(path.relative_to(ROOT))
        if relative in ALLOWED:
            continue
        for line, call in _writes(ast.parse(path.read_text()), model_names, accessors):
            offenders.append(f"{relative}:{line}: {call}")
    assert offenders == [], "Domain writes outside the services:\n" + "\n".join(offenders)


def test_the_test_factories_write_through_the_services():
    models = _domain_models()
    model_names = {model.__name__ for model in models}
    offenders, used = [], set()
    for path in FACTORY_MODULES:
        relative = str(path.relative_to(ROOT))
        for line, call in _writes(ast.parse(path.read_text()), model_names, _accessors(models)):
            if (relative, call) in ALLOWED_IN_FACTORIES:
                used.add((relative, call))
            else:
                offenders.append(f"{relative}:{line}: {call}")
    assert offenders == [], "Domain writes in the tests' factories:\n" + "\n".join(offenders)
    assert used == set(ALLOWED_IN_FACTORIES), "allow-list entries no longer needed"


def test_no_factory_creates_a_domain_model_with_factory_boys_own_create():
    """factory_boy's own ``_create`` is ``Model.objects.create``: a factory of a domain model
    makes it through a service instead."""
    import importlib

    import factory

    for path in TESTS.glob("*/factories.py"):
        importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
    default = factory.django.DjangoModelFactory._create.__func__
    found, todo = [], [factory.django.DjangoModelFactory]
    while todo:
        for subclass in todo.pop().__subclasses__():
            found.append(subclass)
            todo.append(subclass)
    models = set(_domain_models())
    offenders = [
        f"{cls.__module__}.{cls.__name__}"
        for cls in found
        if cls._meta.model in models and cls._create.__func__ is default
    ]
    assert offenders == []


@pytest.mark.parametrize(
    "source",
    [
        "from x import Aanbieding\nAanbieding.objects.create(naam='x')\n",
        "from x import Aanbieding\nAanbieding.objects.filter(pk=1).update(naam='x')\n",
        "from x import Prijs\ndef f(prijs):\n    prijs.save()\n",
        "def f(bestelling):\n    bestelling.regels.all().delete()\n",
        "def f(organisatie, leden):\n    organisatie.deelnemers.set(leden)\n",
        "def f(cursor):\n    cursor.execute('UPDATE bestellingen_bestelling SET status = %s', ['x'])\n",
    ],
)
def test_the_scan_finds_each_kind_of_write(source):
    models = _domain_models()
    assert _writes(ast.parse(source), {m.__name__ for m in models}, _accessors(models))


def test_allowed_modules_exist_and_still_write():
    """An allow-list entry whose module no longer writes (or no longer exists) must go."""
    models = _domain_models()
    for relative in ALLOWED:
        path = ROOT / relative
        assert path.exists(), relative
        assert _writes(ast.parse(path.read_text()), {m.__name__ for m in models}, _accessors(models)), (
            relative
        )
