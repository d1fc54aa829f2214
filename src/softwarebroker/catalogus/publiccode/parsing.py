"""A publiccode.yml document read into our model values, with every problem it has."""

from __future__ import annotations

import contextlib
import datetime
import re
from dataclasses import dataclass

import semver
import yaml
from license_expression import get_spdx_licensing

from softwarebroker.core.json_limits import path_text, strings_in, unstorable_text

from .checker import Checker
from .mapping import (
    LONG_DESCRIPTION_LENGTH,
    MAX_KORTE_OMSCHRIJVING,
    MAX_LICENTIE,
    MAX_NAAM,
    MAX_VERSIE,
    PLATFORMS,
    SOFTWARE_TYPES,
    STATUS_IMPORT,
    SUPPORTED_VERSIONS,
    UNKNOWN_LICENSE,
)

_licensing = get_spdx_licensing()
_license_ref = re.compile(r"LicenseRef-[A-Za-z0-9.\-]+")
_iso_date = re.compile(r"\d{4}-\d{2}-\d{2}")


# libyaml when PyYAML has it (its wheels do): the pure-Python reader takes seconds for a long
# text, libyaml milliseconds, and libyaml refuses nesting over 1000 levels.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_SafeLoader):
    """Safe YAML that keeps unquoted dates as text, as the standard's own parsers see them, so an
    impossible date (2024-02-30) is reported on its field instead of failing the whole document."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# No text in a document is longer than the longest the standard allows (``longDescription``).
MAX_TEXT_LENGTH = LONG_DESCRIPTION_LENGTH[1]
_MAX_LISTED = 20


class PubliccodeInvalid(Exception):
    """Every problem of a document: ``{"name": dotted path, "code": ..., "reason": Dutch text}``."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__("; ".join(f"{error['name']}: {error['reason']}" for error in errors))


@dataclass
class ParsedPubliccode:
    fields: dict  # Softwarepakket field values
    versie: tuple[str, datetime.date | None] | None = None  # (softwareVersion, releaseDate)
    fabrikant_naam: str | None = None


def load_publiccode(text: str):
    """The data of a publiccode.yml text; raises PubliccodeInvalid (``parse_error``)."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, ValueError, RecursionError) as error:  # ValueError: e.g. a bad !!timestamp
        raise PubliccodeInvalid(
            [{"name": "body", "code": "parse_error", "reason": f"Geen geldige YAML: {error}"}]
        ) from error


def parse_publiccode(text: str) -> ParsedPubliccode:
    """Our model values from a publiccode.yml document; raises PubliccodeInvalid with all problems."""
    return read_publiccode(load_publiccode(text))


def read_publiccode(document) -> ParsedPubliccode:
    """Our model values from a publiccode.yml document already read (from YAML, or the same
    document as JSON): the same checks and problems, whatever the notation."""
    if not isinstance(document, dict):
        raise PubliccodeInvalid(
            [{"name": "body", "code": "type", "reason": "Een publiccode.yml is een object (mapping)."}]
        )
    unreadable = _unreadable_text(document)
    if unreadable:
        raise PubliccodeInvalid(unreadable)
    check = Checker(document)
    check.choice("publiccodeYmlVersion", sorted(SUPPORTED_VERSIONS), required=True)
    fields = {
        "naam": check.string("name", required=True, max_length=MAX_NAAM),
        "repository_url": check.url("url", required=True),
        "website": check.url("landingURL"),
        "platforms": _parse_platforms(check),
        "software_type": _parse_software_type(check),
        "status": STATUS_IMPORT.get(check.choice("developmentStatus", list(STATUS_IMPORT)) or "development"),
        **_parse_description(check),
        **_parse_license(check),
    }
    owner, repo_owner = check.string("legal.mainCopyrightOwner"), check.string("legal.repoOwner")
    versie = _parse_version(check)
    if check.errors:
        raise PubliccodeInvalid(check.errors)
    return ParsedPubliccode(fields=fields, versie=versie, fabrikant_naam=owner or repo_owner or None)


def _unreadable_text(document: dict) -> list[dict]:
    """Text anywhere in the document (also where we read nothing) that no column keeps (a NUL, a
    lone surrogate), or longer than any text of the standard."""
    errors = [
        {
            "name": path_text(path),
            "code": "notAllowedCharacter",
            "reason": "Tekst mag geen NUL-teken of losse surrogaat (\\ud800-\\udfff) bevatten.",
        }
        for path in unstorable_text(document)
    ]
    errors += [
        {
            "name": path_text(path),
            "code": "max_length",
            "reason": f"Hoogstens {MAX_TEXT_LENGTH} tekens (nu {len(text)}).",
        }
        for path, text in strings_in(document)
        if len(text) > MAX_TEXT_LENGTH
    ]
    return errors[:_MAX_LISTED]


def _parse_platforms(check: Checker) -> list[str]:
    platforms = check.get("platforms", list, required=True) or []
    for index, platform in enumerate(platforms):
        if platform not in PLATFORMS:
            check.error(f"platforms.{index}", "enum", f"Kies uit: {', '.join(PLATFORMS)}.")
    return [platform for platform in platforms if platform in PLATFORMS]


def _parse_software_type(check: Checker) -> str | None:
    ours = {theirs: ours for ours, theirs in SOFTWARE_TYPES.items()}
    value = check.choice("softwareType", list(ours), required=True)
    return ours[value].value if value else None


def _pick_language(languages: dict) -> str | None:
    """nl, else en, else the first; a regional tag such as nl-NL counts as its language."""
    usable = [key for key, section in languages.items() if isinstance(key, str) and isinstance(section, dict)]
    for wanted in ("nl", "en"):
        for key in usable:
            if key.lower().split("-")[0] == wanted:
                return key
    return usable[0] if usable else None


def _parse_description(check: Checker) -> dict:
    languages = check.get("description", dict, required=True)
    if languages is None:
        return {}
    for key, section in languages.items():
        if not isinstance(section, dict):
            check.error(f"description.{key}", "type", "Verwacht: een object.")
    language = _pick_language(languages)
    if language is None:
        check.error("description", "required", "Geef de beschrijving in minstens één taal (bijv. nl).")
        return {}
    path = f"description.{language}"
    return {
        "korte_omschrijving": check.string(
            f"{path}.shortDescription", required=True, max_length=MAX_KORTE_OMSCHRIJVING
        ),
        "omschrijving": check.string(f"{path}.longDescription"),
        "documentatie_url": check.url(f"{path}.documentation"),
    }


def _spdx_problem(expression: str) -> str | None:
    try:
        info = _licensing.validate(expression)
    except Exception:  # noqa: BLE001 - the parser raises several error types for malformed input
        return "Geen geldige SPDX-licentie-expressie."
    symbols = [str(symbol) for symbol in info.invalid_symbols]
    # LicenseRef-<id> is SPDX's way to name a licence outside its list (e.g. a proprietary one).
    unknown = [symbol for symbol in symbols if not _license_ref.fullmatch(symbol)]
    if "" in unknown or (info.errors and not symbols):
        return "Geen geldige SPDX-licentie-expressie."
    if unknown:
        return f"Onbekende SPDX-licentie(s): {', '.join(unknown)}."
    return None


def _parse_license(check: Checker) -> dict:
    if check.get("legal", dict, required=True) is None:
        return {"licentie": "", "open_source": False}
    licentie = check.string("legal.license", required=True, max_length=MAX_LICENTIE)
    problem = _spdx_problem(licentie) if licentie else None
    if problem:
        check.error("legal.license", "spdx", problem)
        licentie = ""
    if licentie == UNKNOWN_LICENSE:
        licentie = ""  # what we export for an empty licence
    # Open source: a recognised SPDX expression with no self-declared (LicenseRef-) part.
    return {"licentie": licentie, "open_source": bool(licentie) and "LicenseRef-" not in licentie}


def _parse_release_date(check: Checker) -> datetime.date | None:
    # Text, or a date when the document tags it explicitly (!!timestamp).
    value = check.get("releaseDate", (str, datetime.date))
    if value is None or (isinstance(value, datetime.date) and not isinstance(value, datetime.datetime)):
        return value
    # The standard asks YYYY-MM-DD; fromisoformat alone would also take 20240131 or a time.
    if isinstance(value, str) and _iso_date.fullmatch(value.strip()):
        with contextlib.suppress(ValueError):
            return datetime.date.fromisoformat(value.strip())
    check.error("releaseDate", "date", "Geef een bestaande datum als JJJJ-MM-DD.")
    return None


def _parse_version(check: Checker) -> tuple[str, datetime.date | None] | None:
    version = check.string("softwareVersion", max_length=MAX_VERSIE)
    released = _parse_release_date(check)
    if not version:
        return None
    try:
        semver.Version.parse(version)
    except ValueError:
        check.error("softwareVersion", "semver", f"'{version}' is geen semantische versie (bijv. 2.1.0).")
        return None
    return version, released
