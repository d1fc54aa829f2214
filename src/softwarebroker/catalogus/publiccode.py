"""publiccode.yml (https://yml.publiccode.tools) export and import of software packages.

This module is the single place of the mapping and of the import rule, so the API and the
``import_publiccode`` management command behave identically.

Mapping (publiccode.yml <-> Softwarepakket):

- ``name`` <-> ``naam``; ``landingURL`` <-> ``website``.
- ``url`` <-> ``repository_url``. The schema requires ``url``: without a repository we export
  the website, else the documentation URL, else (when a request is given) the address the
  document is served from. Importing such a document stores that URL as ``repository_url``,
  because the import matches packages on it.
- ``platforms`` <-> ``platforms`` (values outside the standard's list are not exported).
- ``softwareType`` <-> ``software_type`` (see ``SOFTWARE_TYPES``).
- ``developmentStatus`` <-> ``status`` (see ``STATUS_EXPORT`` and ``STATUS_IMPORT``).
- ``legal.license`` <-> ``licentie``; ``open_source`` is derived from it on import. An empty
  ``licentie`` is exported as ``LicenseRef-unknown`` (the key is required) and imported back
  as empty.
- ``legal.mainCopyrightOwner`` / ``legal.repoOwner`` <-> ``fabrikant.naam``.
- ``description.<lang>.shortDescription`` / ``longDescription`` / ``documentation`` <->
  ``korte_omschrijving`` / ``omschrijving`` / ``documentatie_url``. We export Dutch (``nl``),
  the language of the catalogue.
- ``softwareVersion`` / ``releaseDate`` <-> the newest ``Softwarepakketversie``.

Not mapped: ``standaarden``, ``referentiecomponenten`` and ``categorieen``. The official
schema forbids additional keys everywhere (the only country section is Italy's ``IT``) and its
``categories`` are a fixed list unlike our category tree, so they cannot travel in a valid
document; an import leaves them untouched.
"""

from __future__ import annotations

import contextlib
import datetime
import re
from dataclasses import dataclass

import semver
import yaml
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import F
from license_expression import get_spdx_licensing

from . import services
from .constants import PUBLICATIE_OVERGANGEN, PublicatieStatus, SoftwareType
from .models import Leverancier, Softwarepakket, Softwarepakketversie

PUBLICCODE_YML_VERSION = "0.4"
# The versions the official schema accepts.
SUPPORTED_VERSIONS = {"0", "0.2", "0.2.0", "0.2.1", "0.2.2", "0.3", "0.3.0", "0.4", "0.4.0", "0.5", "0.5.0"}
PLATFORMS = ("web", "windows", "mac", "linux", "ios", "android")
SOFTWARE_TYPES = {  # ours -> the standard's
    SoftwareType.STANDALONE_WEB: "standalone/web",
    SoftwareType.STANDALONE_BACKEND: "standalone/backend",
    SoftwareType.STANDALONE_DESKTOP: "standalone/desktop",
    SoftwareType.STANDALONE_MOBILE: "standalone/mobile",
    SoftwareType.STANDALONE_IOT: "standalone/iot",
    SoftwareType.STANDALONE_OTHER: "standalone/other",
    SoftwareType.ADDON: "addon",
    SoftwareType.LIBRARY: "library",
    SoftwareType.CONFIGURATION_FILES: "configurationFiles",
}
# Our "concept" means "not yet published in the catalogue", not the standard's "only an idea":
# the software exists, so it is exported as "development".
STATUS_EXPORT = {
    PublicatieStatus.CONCEPT: "development",
    PublicatieStatus.GEPUBLICEERD: "stable",
    PublicatieStatus.INGETROKKEN: "obsolete",
}
# Usable software (beta or stable) may be published; anything earlier stays a concept.
STATUS_IMPORT = {
    "concept": PublicatieStatus.CONCEPT,
    "development": PublicatieStatus.CONCEPT,
    "beta": PublicatieStatus.GEPUBLICEERD,
    "stable": PublicatieStatus.GEPUBLICEERD,
    "obsolete": PublicatieStatus.INGETROKKEN,
}
UNKNOWN_LICENSE = "LicenseRef-unknown"
# The schema's bounds for longDescription; we neither pad nor cut a description to fit.
LONG_DESCRIPTION_LENGTH = (150, 10000)
# Model field lengths, so a valid document always fits.
MAX_NAAM, MAX_KORT, MAX_URL, MAX_LICENTIE, MAX_VERSIE = 200, 150, 500, 200, 100

_licensing = get_spdx_licensing()
_license_ref = re.compile(r"LicenseRef-[A-Za-z0-9.\-]+")
_iso_date = re.compile(r"\d{4}-\d{2}-\d{2}")
# The same rule as the model's URLField, so anything we accept can be saved.
_url_validator = URLValidator(schemes=["http", "https"])


class _Loader(yaml.SafeLoader):
    """Safe YAML that keeps unquoted dates as text, as the standard's own parsers see them, so an
    impossible date (2024-02-30) is reported on its field instead of failing the whole document."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class PubliccodeInvalid(Exception):
    """Every problem of a document: ``{"name": dotted path, "code": ..., "reason": Dutch text}``."""

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__("; ".join(f"{error['name']}: {error['reason']}" for error in errors))


class PubliccodeNotExportable(ValueError):
    """The package lacks what the schema requires and nothing can stand in for it."""


@dataclass
class ParsedPubliccode:
    fields: dict  # Softwarepakket field values
    versie: tuple[str, datetime.date | None] | None = None  # (softwareVersion, releaseDate)
    fabrikant_naam: str | None = None


# --- export -------------------------------------------------------------------------------


def export_publiccode(softwarepakket: Softwarepakket, *, request=None) -> dict:
    """A publiccode.yml document for the package that validates against the official schema."""
    pakket = softwarepakket
    document = {
        "publiccodeYmlVersion": PUBLICCODE_YML_VERSION,
        "name": pakket.naam,
        "url": _export_url(pakket, request),
    }
    if pakket.website:
        document["landingURL"] = pakket.website
    document.update(_export_version(pakket))
    document["platforms"] = [platform for platform in pakket.platforms if platform in PLATFORMS]
    document["developmentStatus"] = STATUS_EXPORT[pakket.status]
    document["softwareType"] = SOFTWARE_TYPES[pakket.software_type]
    document["description"] = {"nl": _export_description(pakket)}
    document["legal"] = _export_legal(pakket)
    document["maintenance"] = {"type": _maintenance_type(pakket)}
    # We do not record which languages a package supports; Dutch is what the catalogue knows.
    # "nl-NL" rather than "nl": the schema's language pattern asks for a country code.
    document["localisation"] = {"localisationReady": False, "availableLanguages": ["nl-NL"]}
    return document


def dump_publiccode(document: dict) -> str:
    """The document as YAML text, keys in the standard's order."""
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def _export_url(pakket: Softwarepakket, request) -> str:
    url = pakket.repository_url or pakket.website or pakket.documentatie_url
    if url:
        return url
    if request is not None:
        return request.build_absolute_uri()
    raise PubliccodeNotExportable(
        "Een publiccode.yml vraagt om een URL: vul de repository-URL, website of documentatie-URL in."
    )


def _export_version(pakket: Softwarepakket) -> dict:
    newest = (
        Softwarepakketversie.objects.filter(softwarepakket=pakket)
        .order_by(F("releasedatum").desc(nulls_last=True), "-id")
        .first()
    )
    if newest is None:
        return {}
    version = {"softwareVersion": newest.versie}
    if newest.releasedatum:
        version["releaseDate"] = newest.releasedatum.isoformat()
    return version


def _export_description(pakket: Softwarepakket) -> dict:
    # shortDescription is required; the name is the most honest stand-in for an empty one.
    description = {"shortDescription": pakket.korte_omschrijving or pakket.naam[:MAX_KORT]}
    low, high = LONG_DESCRIPTION_LENGTH
    if low <= len(pakket.omschrijving) <= high:
        description["longDescription"] = pakket.omschrijving
    if pakket.documentatie_url:
        description["documentation"] = pakket.documentatie_url
    return description


def _export_legal(pakket: Softwarepakket) -> dict:
    legal = {"license": pakket.licentie or UNKNOWN_LICENSE}
    if pakket.fabrikant_id:
        legal["mainCopyrightOwner"] = legal["repoOwner"] = pakket.fabrikant.naam
    return legal


def _maintenance_type(pakket: Softwarepakket) -> str:
    # "contract" needs contractors with an end date we do not know, and we do not publish the
    # supplier's contact persons (personal data, and not necessarily technical maintainers).
    if pakket.status == PublicatieStatus.INGETROKKEN:
        return "none"
    if pakket.fabrikant_id:
        return "internal"  # maintained by the owner we export as repoOwner
    return "community" if pakket.open_source else "none"


# --- parsing and validation ---------------------------------------------------------------


class _Checker:
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
    return " of ".join(names[k] for k in kinds)


def parse_publiccode(text: str) -> ParsedPubliccode:
    """Our model values from a publiccode.yml document; raises PubliccodeInvalid with all problems."""
    try:
        document = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, ValueError, RecursionError) as error:  # ValueError: e.g. a bad !!timestamp
        raise PubliccodeInvalid(
            [{"name": "body", "code": "parse_error", "reason": f"Geen geldige YAML: {error}"}]
        ) from error
    if not isinstance(document, dict):
        raise PubliccodeInvalid(
            [{"name": "body", "code": "type", "reason": "Een publiccode.yml is een object (mapping)."}]
        )
    check = _Checker(document)
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


def _parse_platforms(check: _Checker) -> list[str]:
    platforms = check.get("platforms", list, required=True) or []
    for index, platform in enumerate(platforms):
        if platform not in PLATFORMS:
            check.error(f"platforms.{index}", "enum", f"Kies uit: {', '.join(PLATFORMS)}.")
    return [platform for platform in platforms if platform in PLATFORMS]


def _parse_software_type(check: _Checker) -> str | None:
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


def _parse_description(check: _Checker) -> dict:
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
        "korte_omschrijving": check.string(f"{path}.shortDescription", required=True, max_length=MAX_KORT),
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


def _parse_license(check: _Checker) -> dict:
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


def _parse_release_date(check: _Checker) -> datetime.date | None:
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


def _parse_version(check: _Checker) -> tuple[str, datetime.date | None] | None:
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


# --- import -------------------------------------------------------------------------------


@transaction.atomic
@transaction.atomic
def import_publiccode(text: str, *, acting) -> tuple[Softwarepakket, bool]:
    """Create or update the package with the document's ``url``; returns (package, created).

    Goes through the catalogue services, so search columns and events follow as for any change.
    """
    parsed = parse_publiccode(text)
    fields = dict(parsed.fields)
    status = fields.pop("status")
    fabrikant = _existing_supplier(parsed.fabrikant_naam)
    if fabrikant is not None:
        fields["fabrikant"] = fabrikant
    existing = Softwarepakket.objects.select_for_update().filter(repository_url=fields["repository_url"])
    pakket = existing.first()
    created = pakket is None
    if created:
        pakket = services.create_softwarepakket(acting=acting, **fields, status=status)
    else:
        # Publication follows the catalogue's life cycle: only allowed transitions are taken over.
        if status in PUBLICATIE_OVERGANGEN.get(pakket.status, set()):
            fields["status"] = status
        pakket = services.update_softwarepakket(acting=acting, softwarepakket=pakket, **fields)
    if parsed.versie:
        _save_version(acting, pakket, *parsed.versie)
    return pakket, created


def _existing_supplier(naam: str | None) -> Leverancier | None:
    """The one supplier with exactly this name. Never created: a supplier needs a KvK number."""
    if not naam:
        return None
    matches = list(Leverancier.objects.filter(naam=naam)[:2])
    return matches[0] if len(matches) == 1 else None


def _save_version(acting, pakket: Softwarepakket, versie: str, releasedatum: datetime.date | None) -> None:
    changes = {"releasedatum": releasedatum} if releasedatum else {}
    existing = Softwarepakketversie.objects.filter(softwarepakket=pakket, versie=versie).first()
    if existing is None:
        services.create_softwarepakketversie(acting=acting, softwarepakket=pakket, versie=versie, **changes)
    elif changes:
        services.update_softwarepakketversie(acting=acting, softwarepakketversie=existing, **changes)
