"""Aanbiedingen of other instances, for order lines that name them by URL.

A URL outside this instance's catalogue must fall under a configured zgw-consumers Service
(else ``bad-url``). It is read through that Service's client, so authentication, certificates
and the NLX outway (URLs rewritten back) come from the Service; the answer must be an
aanbieding of the shape this component publishes (else ``invalid-resource``), at most
``MAX_AANBIEDING`` bytes. The Service's ``timeout`` is the total deadline of one read
(connecting, the headers and the whole answer, see :mod:`.peer_http`): a peer still sending
then is cut off, like one that does not answer.

The copy is kept with its ETag (:class:`PeerAanbieding`) and used while it is younger than
``FEDERATIE_CACHE_SECONDS`` and no notification of the peer marked it stale; after that it
is read again with ``If-None-Match``. Submission always re-reads (a 304 costs the peer almost
nothing), so the prices frozen in the lines are the peer's prices of that moment.

A peer that cannot be read (not within the deadline, or with an answer other than 200, 304,
404 or 410) answers the request with 502 ``peer_onbereikbaar``; the request changes nothing.
"""

from __future__ import annotations

import requests
import structlog
from django.conf import settings
from django.utils import timezone
from rest_framework import serializers
from zgw_consumers.models import Service

from softwarebroker.api import empty_values
from softwarebroker.api.bounds import BoundedSerializer
from softwarebroker.api.exceptions import flatten_errors
from softwarebroker.api.propagation import outgoing_headers
from softwarebroker.catalogus.api.serializers import AanbiedingSerializer, PrijsSerializer
from softwarebroker.catalogus.constants import (
    Doelgroep,
    Grondslag,
    Licentiemodel,
    Periode,
    Prijstype,
    PublicatieStatus,
    Verlenging,
)
from softwarebroker.core import errors, json_limits

from . import peer_http, services
from .models import PeerAanbieding

logger = structlog.get_logger(__name__)
#: Largest answer of a peer for one aanbieding, in bytes (1 MiB, the default largest request
#: body as well): what this component publishes is far smaller, its ``bestelparametersSchema``
#: being at most 16 KB.
MAX_AANBIEDING = 1024 * 1024


class NoServiceForURL(LookupError):
    """The URL falls under no configured Service."""


class InvalidAanbieding(ValueError):
    """The peer answered with something that is not an aanbieding."""


class UnknownAtPeer(LookupError):
    """The peer says there is no such aanbieding (404)."""


class PeerUnreachable(errors.Unavailable):
    def __init__(self, service: Service, reason: str):
        super().__init__(
            f"De catalogus van {service.label} is nu niet bruikbaar ({reason}); er is niets "
            "gewijzigd. Probeer het later opnieuw.",
            code="peer_onbereikbaar",
        )


# --- the shape an aanbieding must have ------------------------------------------------------


class _Staffel(BoundedSerializer):
    vanafAantal = serializers.IntegerField(min_value=1)
    bedragExclBtw = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)


class _Prijs(BoundedSerializer):
    url = serializers.URLField()
    prijstype = serializers.ChoiceField(choices=Prijstype.choices)
    # Absent at a peer of an earlier version (read as per_eenheid, see PeerPrijs).
    grondslag = serializers.ChoiceField(choices=Grondslag.choices, required=False)
    periode = serializers.ChoiceField(choices=Periode.choices, allow_blank=True)
    bedragExclBtw = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
    btwPercentage = serializers.DecimalField(max_digits=5, decimal_places=2, min_value=0, max_value=100)
    staffels = _Staffel(many=True)
    doelgroep = serializers.ChoiceField(choices=Doelgroep.choices)
    geldigVanaf = serializers.DateField()
    geldigTot = serializers.DateField(allow_null=True)


class _Aanbieding(BoundedSerializer):
    url = serializers.URLField()
    softwarepakket = serializers.URLField()
    leverancier = serializers.URLField()
    naam = serializers.CharField()
    licentiemodel = serializers.ChoiceField(choices=Licentiemodel.choices)
    minimaleAfname = serializers.IntegerField(min_value=1)
    looptijdMaanden = serializers.IntegerField(min_value=1, allow_null=True)
    verlenging = serializers.ChoiceField(choices=Verlenging.choices)
    raamovereenkomst = serializers.URLField(allow_null=True)
    bestelparametersSchema = serializers.DictField()
    geldigVanaf = serializers.DateField()
    geldigTot = serializers.DateField(allow_null=True)
    status = serializers.ChoiceField(choices=PublicatieStatus.choices)
    actuelePrijzen = _Prijs(many=True)


def as_this_version(representation: dict) -> dict:
    """An aanbieding of a peer as this version shows it: a peer of an earlier version sends
    ``""`` for "none" (``hostinglocatie``, a price's ``periode``) where this one sends ``null``
    (``api.empty_values``), and no ``grondslag`` on its prices, which were all counted per unit
    then. Only what is there is changed: the shape is checked elsewhere."""
    aanbieding = empty_values.blanks_to_null(representation, AanbiedingSerializer)
    prijzen = aanbieding.get("actuelePrijzen")
    if isinstance(prijzen, list):
        aanbieding["actuelePrijzen"] = [_prijs_as_this_version(prijs) for prijs in prijzen]
    return aanbieding


def _prijs_as_this_version(prijs):
    if not isinstance(prijs, dict):
        return prijs
    prijs = empty_values.blanks_to_null(prijs, PrijsSerializer)
    if prijs.get("grondslag") in (None, ""):
        prijs["grondslag"] = Grondslag.PER_EENHEID.value
    return prijs


def shape_problems(url: str, representation) -> list[str]:
    """What is wrong with ``representation`` as the aanbieding at ``url`` (empty: nothing)."""
    if not isinstance(representation, dict):
        return ["geen JSON-object"]
    check = _Aanbieding(data=representation)
    if not check.is_valid():
        return [f"{item['name']}: {item['reason']}" for item in flatten_errors(check.errors)]
    schema = representation["bestelparametersSchema"]
    bounds = json_limits.json_problems(schema, "bestelparametersSchema", max_size=json_limits.SCHEMA_MAX_SIZE)
    if bounds:
        return [f"{field}: {message}" for field, _code, message in bounds]
    if representation["url"] != url:
        return [f"url: de peer noemt haar {representation['url']}"]
    return []


# --- reading --------------------------------------------------------------------------------


def service_for(url: str) -> Service:
    service = Service.get_service(url)
    if service is None:
        raise NoServiceForURL(url)
    return service


def fetch(url: str, *, refresh: bool = False, user_id: str = "") -> PeerAanbieding:
    """The aanbieding at ``url``: the kept copy while fresh, otherwise read from the peer.

    ``refresh`` always asks the peer (conditionally, with the ETag of the copy)."""
    service = service_for(url)
    copy = PeerAanbieding.objects.filter(url=url).first()
    if copy is not None and not refresh and not copy.verouderd:
        age = (timezone.now() - copy.opgehaald_op).total_seconds()
        if age < settings.FEDERATIE_CACHE_SECONDS:
            return copy
    return _read_from_peer(url, service, copy, user_id)


def _read_from_peer(url: str, service: Service, copy: PeerAanbieding | None, user_id: str) -> PeerAanbieding:
    headers = outgoing_headers(user_id)
    if copy is not None and copy.etag and copy.service_id == service.pk:
        headers["If-None-Match"] = copy.etag
    # The Service's timeout is the deadline of the whole read, not of each wait for a byte.
    call = peer_http.PeerCall.within(service.timeout, MAX_AANBIEDING)
    try:
        response = peer_http.get(service, url, call=call, headers=headers)
    except requests.Timeout as error:  # peer_http.DeadlineExceeded too
        logger.warning("peer_offer_timeout", url=url, error=str(error)[:200])
        raise PeerUnreachable(service, "geen antwoord binnen de tijdslimiet") from error
    except peer_http.ResponseTooLarge as error:
        logger.warning("peer_offer_too_large", url=url, status=error.status_code)
        if error.status_code == 200:  # an answer, but no aanbieding of this component
            raise InvalidAanbieding(f"het antwoord is groter dan {MAX_AANBIEDING} bytes") from None
        raise PeerUnreachable(service, f"antwoord {error.status_code}, te groot") from error
    except requests.RequestException as error:
        logger.warning("peer_offer_unreachable", url=url, error=str(error)[:200])
        raise PeerUnreachable(service, "niet bereikbaar") from error

    if response.status_code == 304 and copy is not None:
        return services.mark_revalidated(peer_aanbieding=copy)
    if response.status_code in (404, 410):
        raise UnknownAtPeer(url)
    if response.status_code != 200:
        logger.warning("peer_offer_refused", url=url, status=response.status_code)
        raise PeerUnreachable(service, f"antwoord {response.status_code}")
    try:
        representation = response.json()
    except (ValueError, RecursionError):
        raise InvalidAanbieding("geen JSON") from None
    problems = shape_problems(url, representation)
    if problems:
        raise InvalidAanbieding("; ".join(problems))
    representation = as_this_version(representation)
    return services.store_peer_aanbieding(
        url=url, service=service, gegevens=representation, etag=response.headers.get("ETag", "")
    )


def mark_stale(urls) -> int:
    """A peer said these aanbiedingen changed: the next use reads them again."""
    return services.mark_stale(urls=urls)
