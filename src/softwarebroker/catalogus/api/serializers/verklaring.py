"""Declarations (compliance evidence) in the Catalogus API."""

from __future__ import annotations

import uuid

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from softwarebroker.api.bounds import BoundedSerializer
from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.fields import MAX_URL_LENGTH
from softwarebroker.api.representation_engine import Part
from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.api.urls_building import collection_url
from softwarebroker.catalogus import selectors
from softwarebroker.catalogus.constants import VerklaringStatus
from softwarebroker.catalogus.models import Verklaring
from softwarebroker.catalogus.verklaringen import services
from softwarebroker.core import errors

# The collections a declaration may be about: (collection, model column, visible objects).
ONDERWERPEN = (
    ("leveranciers", "leverancier", lambda acting: selectors.leveranciers()),
    ("softwarepakketten", "softwarepakket", selectors.softwarepakketten),
    ("softwarepakketversies", "softwarepakketversie", selectors.softwarepakketversies),
    ("aanbiedingen", "aanbieding", selectors.aanbiedingen),
)


@extend_schema_field({"type": "string", "format": "uri", "maxLength": MAX_URL_LENGTH})
class OnderwerpField(serializers.Field):
    """The URL of a leverancier, softwarepakket, softwarepakketversie or aanbieding; one the
    client may not see answers like one that does not exist."""

    default_error_messages = {
        "incorrect_type": "Geef een URL.",
        "max_length": f"Een URL is hoogstens {MAX_URL_LENGTH} tekens.",
        "bad-url": "Geen URL van een leverancier, softwarepakket, softwarepakketversie of aanbieding: {url}",
        "does_not_exist": "Onbekend: {url}",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            "URL van de leverancier, het softwarepakket, de softwarepakketversie of de aanbieding "
            "waarover de verklaring gaat.",
        )
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("incorrect_type")
        if len(data) > MAX_URL_LENGTH:
            self.fail("max_length")
        request = self.context.get("request")
        acting = getattr(request, "auth", None)
        for collection, _column, visible in ONDERWERPEN:
            base = collection_url(request, CATALOGUS, collection) + "/"
            if data.startswith(base):
                try:
                    identifier = uuid.UUID(data[len(base) :])
                except ValueError:
                    self.fail("bad-url", url=data)
                found = visible(acting).filter(uuid=identifier).first()
                if found is None:
                    self.fail("does_not_exist", url=data)
                return {"onderwerp": found}
        self.fail("bad-url", url=data)

    def to_representation(self, value):  # pragma: no cover - built by row_part
        raise NotImplementedError

    def row_part(self, model):
        columns = tuple(f"{column}__uuid" for _collection, column, _visible in ONDERWERPEN)

        def prepare(context, rows):
            bases = {
                column: context.base(CATALOGUS, collection) for collection, column, _visible in ONDERWERPEN
            }

            def build(row):
                for _collection, column, _visible in ONDERWERPEN:
                    if row[f"{column}__uuid"] is not None:
                        return f"{bases[column]}{row[f'{column}__uuid']}"
                return None

            return build

        return Part(self.field_name, prepare, columns=columns)


@extend_schema_field(OpenApiTypes.URI)
class DocumentURLField(serializers.Field):
    """The URL of the uploaded document (``/verklaringen/{uuid}/document``), ``null`` without one."""

    def __init__(self, **kwargs):
        kwargs.update(read_only=True, source="*", allow_null=True)
        kwargs.setdefault(
            "help_text",
            "URL waar het geüploade document (PDF) te downloaden is; `null` zonder document. "
            "Een document met vertrouwelijkheid `overheid` is alleen voor overheidsrollen en de "
            "eigen leverancier.",
        )
        super().__init__(**kwargs)

    def to_representation(self, value):  # pragma: no cover - built by row_part
        raise NotImplementedError

    def row_part(self, model):
        def prepare(context, rows):
            base = context.base(CATALOGUS, "verklaringen")
            return lambda row: f"{base}{row['uuid']}/document" if row["document"] else None

        return Part(self.field_name, prepare, columns=("uuid", "document"))


class VerklaringSerializer(ResourceSerializer):
    """Een verklaring van een leverancier over zichzelf, een softwarepakket (of versie) of een
    aanbieding: een verwerkersovereenkomst, DPIA, certificaat, pentest of standaard. De
    leverancier maakt en dient haar in, de broker beoordeelt haar. Verklaringen gelden naar
    beneden: die van een leverancier dekt haar aanbiedingen, die van een pakket de aanbiedingen
    van dat pakket."""

    onderwerp = OnderwerpField(source="*")
    document = DocumentURLField()

    class Meta:
        model = Verklaring
        api = CATALOGUS
        collection = "verklaringen"
        fields = (
            "url",
            "onderwerp",
            "type",
            "standaard",
            "standaardVersie",
            "omschrijving",
            "geldigVanaf",
            "geldigTot",
            "status",
            "vertrouwelijkheid",
            "bewijsUrl",
            "beoordelaar",
            "beoordeeldOp",
            "beoordelingToelichting",
            "document",
            "documentNaam",
            "documentGrootte",
            "documentSha256",
        )
        read_only_fields = (
            "status",
            "beoordelaar",
            "beoordeeldOp",
            "beoordelingToelichting",
            "documentNaam",
            "documentGrootte",
            "documentSha256",
        )
        extra_kwargs = {
            "standaard": {"required": False},
            "standaardVersie": {"required": False},
            "omschrijving": {"required": False},
            "geldigTot": {"required": False, "allow_null": True},
            "vertrouwelijkheid": {"required": False},
            "bewijsUrl": {"required": False},
            "beoordelaar": {"source": "beoordelaar_weergave", "help_text": "Wie de verklaring beoordeelde."},
            "documentNaam": {"help_text": "De bestandsnaam van het geüploade document."},
            "documentGrootte": {"help_text": "De grootte van het geüploade document in bytes."},
            "documentSha256": {"help_text": "De SHA-256 van het geüploade document (hexadecimaal)."},
        }
        expandable = {}

    def validate(self, attrs):
        # A supplier declares only about what is its own (itself, its packages and offers); a
        # subject it may not even see is unknown (the field said so already). Reported with
        # the rules across fields, every problem at once.
        onderwerp, acting = attrs.get("onderwerp"), self.acting
        if onderwerp is None or self.instance is not None:
            return attrs
        problems = []
        eigenaar = services.eigenaar_van(onderwerp)
        if eigenaar is None:  # a package without a manufacturer: nobody to declare for it
            problems.append(
                ("onderwerp", "geen_leverancier", "Dit softwarepakket heeft geen fabrikant (leverancier).")
            )
        elif not acting.is_broker and (acting.leverancier is None or eigenaar.pk != acting.leverancier.pk):
            problems.append(
                (
                    "onderwerp",
                    "niet_eigen",
                    "Een leverancier maakt alleen verklaringen over zichzelf en haar eigen pakketten "
                    "en aanbiedingen.",
                )
            )
        if problems:
            errors.raise_if_any(problems + services.field_problems(attrs))
        return attrs

    def changes(self) -> dict:
        """The validated fields of a change (PATCH): everything but the subject, which stays."""
        changes = dict(self.validated_data)
        onderwerp = changes.pop("onderwerp", None)
        if onderwerp is not None and onderwerp != self.instance.onderwerp:
            message = "Het onderwerp van een verklaring wijzigt niet."
            raise serializers.ValidationError({"onderwerp": [ErrorDetail(message, "niet_wijzigbaar")]})
        return changes


OVERGANGEN = (
    (VerklaringStatus.TER_BEOORDELING, "Ter beoordeling (indienen, door de leverancier)"),
    (VerklaringStatus.GOEDGEKEURD, "Goedgekeurd (door de broker)"),
    (VerklaringStatus.AFGEWEZEN, "Afgewezen (door de broker, met toelichting)"),
)


class VerklaringOvergangSerializer(BoundedSerializer):
    """Een gevraagde statusovergang van een verklaring: indienen (`ter_beoordeling`, door de eigen
    leverancier) of beoordelen (`goedgekeurd` of `afgewezen`, alleen door de broker)."""

    naarStatus = serializers.ChoiceField(
        source="naar_status",
        choices=OVERGANGEN,
        help_text="`ter_beoordeling` (indienen), `goedgekeurd` of `afgewezen` (beoordelen).",
    )
    toelichting = serializers.CharField(
        max_length=10_000,
        required=False,
        allow_blank=True,
        help_text="Bij een beoordeling: de toelichting (verplicht bij `afgewezen`).",
    )
