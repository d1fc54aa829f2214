"""Validation rules of the catalogue, shared by the API serializers and the admin forms.

Each function returns a list of ``(field, code, message)`` problems (empty when valid), so
callers can report every problem at once.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

import jsonschema
import semver
from license_expression import get_spdx_licensing

from softwarebroker.core import json_limits

Problem = tuple[str, str, str]

_licensing = get_spdx_licensing()


def spdx(value: str, field: str = "licentie") -> list[Problem]:
    if not value:
        return []
    try:
        info = _licensing.validate(value)
    except Exception:  # noqa: BLE001 - the parser raises several error types for malformed input
        return [(field, "spdx", "Geen geldige SPDX-licentie-expressie.")]
    # LicenseRef-... is SPDX's way to name a licence outside the list (e.g. proprietary).
    unknown = sorted(
        str(symbol) for symbol in info.invalid_symbols if not str(symbol).startswith("LicenseRef-")
    )
    if unknown:
        return [(field, "spdx", f"Onbekende SPDX-licentie(s): {', '.join(unknown)}.")]
    if info.errors and not info.invalid_symbols:
        return [(field, "spdx", "Geen geldige SPDX-licentie-expressie.")]
    return []


def is_open_source_licence(value: str) -> bool:
    """A valid SPDX expression without any proprietary ``LicenseRef-`` part."""
    return bool(value) and not spdx(value) and "LicenseRef-" not in value


def semantic_version(value: str, field: str = "versie") -> list[Problem]:
    try:
        semver.Version.parse(value)
    except (ValueError, TypeError):
        return [(field, "semver", f"'{value}' is geen semantische versie (bijv. 2.1.0).")]
    return []


def period(
    start: datetime.date | None, end: datetime.date | None, *, end_field: str = "geldigTot"
) -> list[Problem]:
    if start and end and end <= start:
        return [(end_field, "period", "De einddatum moet na de begindatum liggen.")]
    return []


def json_schema(value, field: str = "bestelparametersSchema") -> list[Problem]:
    if value in (None, {}):
        return []
    if not isinstance(value, dict):
        return [(field, "json_schema", "Een JSON Schema is een object.")]
    # Bounded before checking: the check's cost grows with the schema's depth and size.
    bounds = json_limits.json_problems(value, field, max_size=json_limits.SCHEMA_MAX_SIZE)
    if bounds:
        return bounds
    try:
        jsonschema.Draft202012Validator.check_schema(value)
    except jsonschema.SchemaError as error:
        path = "/".join(str(part) for part in error.absolute_path) or "(root)"
        return [
            (field, "json_schema", f"Geen geldig JSON Schema (draft 2020-12) bij {path}: {error.message}")
        ]
    return []


def _amount(value, field: str) -> tuple[Decimal | None, list[Problem]]:
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None, [(field, "invalid", 'Geef een bedrag als decimale tekst, bijv. "12.50".')]
    if not amount.is_finite() or amount < 0:
        return None, [(field, "min_value", "Een bedrag is nooit negatief.")]
    if amount.as_tuple().exponent < -2:
        return None, [(field, "max_decimal_places", "Een bedrag heeft hoogstens 2 decimalen.")]
    return amount, []


def staffels(value, field: str = "staffels") -> list[Problem]:
    """Volume tiers: ``[{"vanafAantal": int >= 2, "bedragExclBtw": "x.yy"}]`` strictly ascending."""
    if value in (None, []):
        return []
    if not isinstance(value, list):
        return [(field, "invalid", "Staffels zijn een lijst.")]
    problems: list[Problem] = []
    previous = None
    for index, staffel in enumerate(value):
        name = f"{field}.{index}"
        if not isinstance(staffel, dict) or set(staffel) != {"vanafAantal", "bedragExclBtw"}:
            problems.append((name, "invalid", "Een staffel heeft precies 'vanafAantal' en 'bedragExclBtw'."))
            continue
        count = staffel["vanafAantal"]
        if not isinstance(count, int) or isinstance(count, bool) or count < 2:
            problems.append(
                (f"{name}.vanafAantal", "min_value", "'vanafAantal' is een geheel getal van minstens 2.")
            )
        elif previous is not None and count <= previous:
            problems.append((f"{name}.vanafAantal", "order", "Staffels lopen strikt op en overlappen niet."))
        else:
            previous = count
        if not isinstance(staffel["bedragExclBtw"], str):
            problems.append((f"{name}.bedragExclBtw", "invalid", "Geef een bedrag als decimale tekst."))
        else:
            problems += _amount(staffel["bedragExclBtw"], f"{name}.bedragExclBtw")[1]
    return problems
