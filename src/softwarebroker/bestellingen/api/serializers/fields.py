"""Serializer fields shared by the order resources: amounts, and references that point into
this catalogue or into a peer's."""

from collections import defaultdict

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.fields import MAX_URL_LENGTH, ReferenceField
from softwarebroker.api.representation_engine import Part, local_or_peer_url_part
from softwarebroker.bestellingen import aanbiedingen
from softwarebroker.bestellingen.models import Bestelregel

MONEY = {"max_digits": 14, "decimal_places": 2, "read_only": True, "coerce_to_string": True}


@extend_schema_field(
    {
        "type": "string",
        "format": "uri",
        "maxLength": MAX_URL_LENGTH,
        "description": "URL van de aanbieding in een catalogus.",
    }
)
class AanbiedingURLField(serializers.Field):
    """The offer of a line, by URL; resolved through :mod:`softwarebroker.bestellingen.aanbiedingen`."""

    default_error_messages = {
        "onbekend": "Geen aanbieding gevonden op {url}.",
        "incorrect_type": "Verwacht een URL als tekst.",
        "max_length": f"Een URL is hoogstens {MAX_URL_LENGTH} tekens lang.",
    }

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("incorrect_type")
        if len(data) > MAX_URL_LENGTH:
            self.fail("max_length")
        try:
            return aanbiedingen.resolve(data, self.context["request"])
        except aanbiedingen.UnknownAanbieding:
            self.fail("onbekend", url=data)
        except aanbiedingen.InvalidReference as error:
            raise serializers.ValidationError(error.reason, code=error.code) from None

    def row_part(self, model):
        return local_or_peer_url_part(
            self.field_name, CATALOGUS, "aanbiedingen", "aanbieding__uuid", "peer_aanbieding__url"
        )


class LocalOrPeerReferenceField(ReferenceField):
    """A reference to a catalogue resource of this instance or, for orders of a
    peer's offers, of the peer (its URL kept in ``peer_column``)."""

    def __init__(self, *, peer_column: str, **kwargs):
        self.peer_column = peer_column
        # Writable only where input names a local resource (a ``queryset`` is given).
        if "queryset" not in kwargs:
            kwargs["read_only"] = True
        super().__init__(**kwargs)

    def row_part(self, model):
        return local_or_peer_url_part(
            self.field_name,
            self.api,
            self.collection,
            "__".join(self.source_attrs) + "__uuid",
            self.peer_column,
        )


@extend_schema_field(
    {
        "type": "array",
        "items": {"type": "string", "format": "uri", "maxLength": MAX_URL_LENGTH},
        "readOnly": True,
    }
)
class BestelregelURLsField(serializers.ListField):
    """The URLs of the order lines of a many-relation (``/bestellingen/{uuid}/regels/{uuid}``),
    in order and line order: one query for a whole page."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(child=serializers.URLField(), **kwargs)

    def row_part(self, model):
        back = model._meta.get_field(self.source).related_query_name()

        def prepare(context, rows):
            base = context.base(BESTELLINGEN, "bestellingen")
            grouped = defaultdict(list)
            pks = [row["pk"] for row in rows]
            if pks:
                lines = (
                    Bestelregel.objects.filter(**{f"{back}__in": pks})
                    .order_by("bestelling_id", "volgnummer", "pk")
                    .values_list(back, "bestelling__uuid", "uuid")
                )
                for parent, bestelling, regel in lines:
                    grouped[parent].append(f"{base}{bestelling}/regels/{regel}")
            return lambda row: grouped.get(row["pk"], [])

        return Part(self.field_name, prepare)
