"""Query parameters of the rapportages: ``groeperen`` (all of them), years, and which
organisation a client may ask about (``uitgaven``, ``vergelijking``)."""

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


def groeperen_parameter(mogelijk, description: str) -> OpenApiParameter:
    """``groeperen``: a list parameter (comma-separated, or repeated keys; ``api.query_parameters``
    reads both), declared as an array of the ``mogelijk`` dimensions."""
    return OpenApiParameter(
        "groeperen",
        {"type": "array", "items": {"type": "string", "enum": list(mogelijk)}},
        description=description,
    )


def lees_groepering(request, mogelijk, problems: dict, standaard=()) -> list[str]:
    """The dimensions ``groeperen`` names, in ``mogelijk``'s order (``standaard`` when absent);
    an empty or unknown one is a problem naming what is possible."""
    value = request.query_params.get("groeperen")
    if value is None:
        return list(standaard)
    namen = [naam.strip() for naam in value.split(",")]
    onbekend = sorted({naam for naam in namen if naam not in mogelijk})
    if onbekend or not value.strip():
        wat = f"Onbekende groepering: {', '.join(onbekend)}; m" if onbekend else "M"
        problems["groeperen"] = [
            ErrorDetail(f"{wat}ogelijk: een of meer van {', '.join(mogelijk)}.", code="invalid_choice")
        ]
        return list(standaard)
    return [naam for naam in mogelijk if naam in namen]


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
