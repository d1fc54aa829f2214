"""Query parameters of the rapportages about one organisation (``uitgaven``, ``vergelijking``):
reading them, and which organisation a client may ask about."""

from __future__ import annotations

import re
import uuid

from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ErrorDetail

from softwarebroker.api.fields import MAX_URL_LENGTH
from softwarebroker.core import errors
from softwarebroker.organisaties.models import Organisatie

JAAR = re.compile(r"[0-9]{4}", re.ASCII)
MIN_JAAR, MAX_JAAR = 2000, 2100

ORGANISATIE_PARAMETER = OpenApiParameter(
    "organisatie",
    {"type": "string", "format": "uri", "maxLength": MAX_URL_LENGTH},
    description="URL van de organisatie (`/organisaties/{uuid}`). Een organisatie leest alleen "
    "haar eigen rapportage (dat is ook de standaard); een andere organisatie is `400`, als een "
    "onbekende. De broker kiest elke organisatie.",
)


def jaar_parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(
        name, {"type": "integer", "minimum": MIN_JAAR, "maximum": MAX_JAAR}, description=description
    )


def lees_jaar(request, name: str, problems: dict) -> int | None:
    """``name`` as a year, None when absent; a problem in ``problems`` when it is no year."""
    value = request.query_params.get(name)
    if value is None:
        return None
    if not JAAR.fullmatch(value) or not MIN_JAAR <= int(value) <= MAX_JAAR:
        problems[name] = [ErrorDetail(f"Een jaartal van {MIN_JAAR} tot en met {MAX_JAAR}.", code="invalid")]
        return None
    return int(value)


def _onbekend(problems: dict) -> None:
    problems["organisatie"] = [ErrorDetail("Onbekende organisatie.", code="does_not_exist")]


def gevraagde_organisatie(request, problems: dict) -> Organisatie | None:
    """The organisation the client asks about: ``organisatie`` (the broker: any; another client:
    its own only, another answers as an unknown one), else the client's own (None for the broker
    without ``organisatie``). A client of no organisation that is not the broker: 403."""
    acting = request.auth
    if not acting.is_broker and acting.organisatie is None:
        raise errors.NotAllowed("Deze rapportage is er alleen voor een organisatie of de broker.", code="rol")
    value = request.query_params.get("organisatie")
    if value is None:
        return None if acting.is_broker else acting.organisatie
    try:
        identifier = uuid.UUID(value.strip().rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        problems["organisatie"] = [ErrorDetail("Geef de URL van een organisatie.", code="bad-url")]
        return None
    organisaties = Organisatie.objects.filter(uuid=identifier)
    if not acting.is_broker:
        organisaties = organisaties.filter(pk=acting.organisatie.pk)
    organisatie = organisaties.first()
    if organisatie is None:
        _onbekend(problems)
    return organisatie
