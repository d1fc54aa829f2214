"""A software package as a publiccode.yml document that validates against the official schema."""

from __future__ import annotations

import yaml
from django.db.models import F

from ..constants import PublicatieStatus
from ..models import Softwarepakket, Softwarepakketversie
from .mapping import (
    LONG_DESCRIPTION_LENGTH,
    MAX_KORTE_OMSCHRIJVING,
    PLATFORMS,
    PUBLICCODE_YML_VERSION,
    SOFTWARE_TYPES,
    STATUS_EXPORT,
    UNKNOWN_LICENSE,
)


class PubliccodeNotExportable(ValueError):
    """The package lacks what the schema requires and nothing can stand in for it."""


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
    description = {"shortDescription": pakket.korte_omschrijving or pakket.naam[:MAX_KORTE_OMSCHRIJVING]}
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
    # Declarations (verklaringen) are not exported: publiccode.yml has no key for compliance
    # evidence. IT.conforme is the deprecated Italian extension (Italian law), and
    # maintenance.contractors names who maintains the software until when, not evidence; an
    # SLA's end date is not a maintenance contract's (docs/verklaringen.md).
    # "contract" needs contractors with an end date we do not know, and we do not publish the
    # supplier's contact persons (personal data, and not necessarily technical maintainers).
    if pakket.status == PublicatieStatus.INGETROKKEN:
        return "none"
    if pakket.fabrikant_id:
        return "internal"  # maintained by the owner we export as repoOwner
    return "community" if pakket.open_source else "none"
