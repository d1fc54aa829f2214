"""Declarations (compliance evidence) in the Catalogus API."""

from __future__ import annotations

import uuid

from rest_framework import serializers

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.fields import MAX_URL_LENGTH
from softwarebroker.api.representation_engine import Part
from softwarebroker.api.serializers import ResourceSerializer
from softwarebroker.api.urls_building import collection_url
from softwarebroker.catalogus import selectors
from softwarebroker.catalogus.models import Verklaring

# The collections a declaration may be about: (collection, model column, visible objects).
ONDERWERPEN = (
    ("leveranciers", "leverancier", lambda acting: selectors.leveranciers()),
    ("softwarepakketten", "softwarepakket", selectors.softwarepakketten),
    ("softwarepakketversies", "softwarepakketversie", selectors.softwarepakketversies),
    ("aanbiedingen", "aanbieding", selectors.aanbiedingen),
)


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
                return found
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


class VerklaringSerializer(ResourceSerializer):
    """Een verklaring van een leverancier over zichzelf, een softwarepakket (of versie) of een
    aanbieding: een verwerkersovereenkomst, DPIA, certificaat, pentest of standaard. De
    leverancier maakt en dient haar in, de broker beoordeelt haar. Verklaringen gelden naar
    beneden: die van een leverancier dekt haar aanbiedingen, die van een pakket de aanbiedingen
    van dat pakket."""

    onderwerp = OnderwerpField(source="*")

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
        )
        read_only_fields = ("status", "beoordelaar", "beoordeeldOp", "beoordelingToelichting")
        extra_kwargs = {
            "standaard": {"required": False},
            "standaardVersie": {"required": False},
            "omschrijving": {"required": False},
            "geldigTot": {"required": False, "allow_null": True},
            "vertrouwelijkheid": {"required": False},
            "bewijsUrl": {"required": False},
        }
        expandable = {}
