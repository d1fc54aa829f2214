"""Publication of an organisation's application landscape to the Softwarecatalogus.

The landscape (:mod:`.landschap`) is POSTed to the Softwarecatalogus' Voorzieningen API (an
OpenRegister) through the zgw-consumers Service named by ``SOFTWARECATALOGUS_SERVICE``: first
each ``Voorziening``, then each ``VoorzieningGebruik`` (which names its voorziening), to the
paths ``SOFTWARECATALOGUS_VOORZIENINGEN_PAD`` and ``SOFTWARECATALOGUS_GEBRUIK_PAD``. Each
object carries its id here (the package's or the use's UUID), so a second publication names
the same objects. The first error answer stops the publication."""

from __future__ import annotations

from dataclasses import dataclass

import requests
from django.conf import settings
from zgw_consumers.client import build_client
from zgw_consumers.models import Service

from softwarebroker.autorisaties.context import Acting

from . import landschap

ACTING = Acting.system("softwarecatalogus", label="Publicatie naar de Softwarecatalogus")


class PublicatieMislukt(Exception):
    """The Softwarecatalogus could not be reached, or answered with an error."""


@dataclass(frozen=True)
class Publicatie:
    voorzieningen: int
    gebruik: int


def service() -> Service:
    slug = settings.SOFTWARECATALOGUS_SERVICE
    if not slug:
        raise PublicatieMislukt(
            "Er is geen Softwarecatalogus ingesteld: zet SOFTWARECATALOGUS_SERVICE op de slug van "
            "de Service van zijn Voorzieningen API."
        )
    found = Service.objects.filter(slug=slug).first()
    if found is None:
        raise PublicatieMislukt(f"Er is geen Service met slug '{slug}' (SOFTWARECATALOGUS_SERVICE).")
    return found


def _post(client, path: str, body: dict) -> None:
    try:
        response = client.post(path, json=body)
    except requests.RequestException as error:
        raise PublicatieMislukt(f"De Softwarecatalogus is niet bereikbaar ({path}): {error}") from error
    if response.status_code >= 400:
        raise PublicatieMislukt(
            f"De Softwarecatalogus antwoordde {response.status_code} op POST {path} (id {body['id']})."
        )


def publiceer(organisatie) -> Publicatie:
    """Send the organisation's landscape; raises :class:`PublicatieMislukt` at the first failure."""
    target = service()
    data = landschap.applicatielandschap(landschap.gebruiken_van(ACTING, organisatie))
    with build_client(target) as client:
        for voorziening in data["voorzieningen"]:
            _post(client, settings.SOFTWARECATALOGUS_VOORZIENINGEN_PAD, voorziening)
        for gebruik in data["gebruik"]:
            _post(client, settings.SOFTWARECATALOGUS_GEBRUIK_PAD, gebruik)
    return Publicatie(voorzieningen=len(data["voorzieningen"]), gebruik=len(data["gebruik"]))
