"""``GET /softwarepakketten/{uuid}/gebruikers`` (Catalogus API): who uses a package.

Routed by the Catalogus API's urlconf (the catalogue does not know about use). Whoever may
read the package may read this; a package the client cannot see is a 404.
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.response import Response

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.viewsets import RepresentationMixin
from softwarebroker.autorisaties import scopes
from softwarebroker.catalogus import selectors as catalogus_selectors
from softwarebroker.catalogus.models import Softwarepakket

from .. import gebruikers as selector
from ..constants import GebruikStatus


class GebruikersPerStatusSerializer(serializers.Serializer):
    """Het aantal organisaties per status van hun gebruik (elke status, ook als het 0 is)."""

    def get_fields(self):
        return {
            status.value: serializers.IntegerField(
                min_value=0, help_text=f"Aantal organisaties: {status.label}."
            )
            for status in GebruikStatus
        }


class GebruikersPerVersieSerializer(serializers.Serializer):
    softwarepakketversie = serializers.URLField(
        allow_null=True, help_text="URL van de versie; `null` voor gebruik dat geen versie noemt."
    )
    versie = serializers.CharField(allow_null=True, help_text="Het versienummer (`null` zonder versie).")
    aantalOrganisaties = serializers.IntegerField(
        min_value=0, help_text="Het aantal organisaties dat deze versie gebruikt (in welke status ook)."
    )
    perStatus = GebruikersPerStatusSerializer()


class GebruikVanOrganisatieSerializer(serializers.Serializer):
    softwarepakketversie = serializers.URLField(allow_null=True, help_text="URL van de versie, of `null`.")
    versie = serializers.CharField(allow_null=True, help_text="Het versienummer, of `null`.")
    status = serializers.ChoiceField(choices=GebruikStatus.choices)


class GebruikendeOrganisatieSerializer(serializers.Serializer):
    organisatie = serializers.URLField(help_text="URL van de organisatie (Bestellingen API).")
    naam = serializers.CharField()
    gebruiken = GebruikVanOrganisatieSerializer(many=True)


class GebruikersSerializer(serializers.Serializer):
    softwarepakket = serializers.URLField(help_text="URL van het softwarepakket.")
    aantalOrganisaties = serializers.IntegerField(
        min_value=0, help_text="Het aantal verschillende organisaties dat het pakket gebruikt."
    )
    perVersie = GebruikersPerVersieSerializer(
        many=True,
        help_text="Per versie (nieuwste release eerst; gebruik zonder versie als laatste) het aantal "
        "organisaties, ook per status. Alleen versies die gebruikt worden.",
    )
    organisaties = GebruikendeOrganisatieSerializer(
        many=True,
        required=False,
        help_text="Alleen voor overheden (de broker, of een afnemer of budgethouder van een "
        "organisatie); nooit voor leveranciers. De organisaties op naam, met hun gebruik, behalve "
        "gebruik dat de organisatie als vertrouwelijk markeerde (dat telt wel mee in de aantallen).",
    )

    class Meta:
        always_sent = ("softwarepakket", "aantalOrganisaties", "perVersie")


class GebruikersViewSet(RepresentationMixin, viewsets.GenericViewSet):
    serializer_class = GebruikersSerializer
    http_method_names = ["get", "head"]
    representation_actions = ()
    scopes = {"gebruikers": scopes.CATALOGUS_LEZEN}

    def get_queryset(self):
        return Softwarepakket.objects.none()  # the package is looked up in ``gebruikers``

    @extend_schema(
        summary="Wie gebruikt het softwarepakket",
        description="Het aantal organisaties per versie en status van hun gebruik, voor iedereen die het "
        "pakket mag lezen. Overheden (de broker, afnemers en budgethouders) zien ook welke organisaties, "
        "behalve die hun gebruik als vertrouwelijk markeerden; leveranciers zien alleen de aantallen.",
        tags=["softwarepakketten"],
        operation_id="softwarepakketten_gebruikers",
        responses={200: GebruikersSerializer},
    )
    def gebruikers(self, request, uuid=None):
        pakket = (
            catalogus_selectors.softwarepakketten(request.auth)
            .prefetch_related(None)
            .select_related(None)
            .filter(uuid=uuid)
            .values_list("pk", flat=True)
            .first()
        )
        if pakket is None:
            raise Http404
        root = request.build_absolute_uri(CATALOGUS.base_path)
        versies = f"{root}/softwarepakketversies/"
        result = selector.gebruikers(
            request.auth,
            pakket,
            organisaties=f"{request.build_absolute_uri(BESTELLINGEN.base_path)}/organisaties/",
            versies=versies,
        )
        body = {
            "softwarepakket": f"{root}/softwarepakketten/{uuid}",
            "aantalOrganisaties": result.aantal_organisaties,
            "perVersie": [
                {
                    "softwarepakketversie": f"{versies}{versie.uuid}" if versie.uuid else None,
                    "versie": versie.versie,
                    "aantalOrganisaties": versie.aantal_organisaties,
                    "perStatus": versie.per_status,
                }
                for versie in result.per_versie
            ],
        }
        if result.organisaties is not None:
            body["organisaties"] = result.organisaties
        return Response(body)
