"""``GET /rapportages/uitgaven``: an organisation's spending on software (:mod:`..uitgaven`)."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, ValidationError

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.urls_building import collection_url

from .. import uitgaven
from .basis import RapportageViewSet
from .parameters import (
    ORGANISATIE_PARAMETER,
    gevraagde_organisatie,
    groeperen_parameter,
    jaar_parameter,
    lees_groepering,
    lees_jaar,
)


def _bedrag(**kwargs):
    return serializers.DecimalField(max_digits=16, decimal_places=2, **kwargs)


class UitgavenRijSerializer(serializers.Serializer):
    """Eén groep: wat erin besteed is en wat lopende contracten nog vastleggen. Een dimensie waarop
    niet gegroepeerd is, is `null`."""

    jaar = serializers.IntegerField(allow_null=True, label="Jaar", help_text="Het kalenderjaar.")
    leverancier = serializers.URLField(
        allow_null=True,
        label="Leverancier",
        help_text="URL van de leverancier in de catalogus; `null` ook als de licentie geen "
        "leverancier uit de catalogus noemt (zie `leverancierNaam`).",
    )
    leverancierNaam = serializers.CharField(
        allow_null=True, label="Leverancier (naam)", help_text="De naam van de leverancier."
    )
    softwarepakket = serializers.URLField(
        allow_null=True,
        label="Softwarepakket",
        help_text="URL van het softwarepakket in de catalogus; `null` ook als de licentie geen "
        "pakket uit de catalogus noemt (zie `softwarepakketNaam`).",
    )
    softwarepakketNaam = serializers.CharField(
        allow_null=True, label="Softwarepakket (naam)", help_text="De naam van het softwarepakket."
    )
    kostenplaats = serializers.CharField(
        allow_null=True, label="Kostenplaats", help_text="De kostenplaats; `null`: geen kostenplaats."
    )
    soort = serializers.ChoiceField(
        choices=[uitgaven.EENMALIG, uitgaven.TERUGKEREND],
        allow_null=True,
        label="Soort",
        help_text="`eenmalig` (eenmalige bedragen) of `terugkerend` (bedragen per jaar).",
    )
    besteed = _bedrag(label="Besteed", help_text="Excl. btw: de maanden tot en met de huidige.")
    verplicht = _bedrag(
        label="Verplicht",
        help_text="Excl. btw: latere maanden van lopende contracten en goedgekeurde, nog niet "
        "geleverde bestellingen.",
    )
    totaal = _bedrag(label="Totaal", help_text="`besteed` + `verplicht`.")


class UitgavenSerializer(serializers.Serializer):
    """De uitgaven aan software van een organisatie (of, voor de broker, van alle organisaties)."""

    organisatie = serializers.URLField(
        allow_null=True, help_text="De organisatie; `null`: alle organisaties (alleen de broker)."
    )
    vanafJaar = serializers.IntegerField()
    totEnMetJaar = serializers.IntegerField()
    groeperen = serializers.ListField(
        child=serializers.ChoiceField(choices=list(uitgaven.DIMENSIES)),
        help_text="De dimensies waarop gegroepeerd is.",
    )
    resultaten = UitgavenRijSerializer(many=True)


GROEPEREN_PARAMETER = groeperen_parameter(
    uitgaven.DIMENSIES, "Waarop de rijen gegroepeerd worden (standaard `jaar`)."
)


class UitgavenViewSet(RapportageViewSet):
    action_name = "uitgaven"
    serializer_class = UitgavenSerializer
    row_serializer_class = UitgavenRijSerializer
    export_name = "uitgaven"
    action_query_parameters = {"uitgaven": ("vanafJaar", "totEnMetJaar", "groeperen", "organisatie")}
    action_list_query_parameters = {"uitgaven": ("groeperen",)}

    @extend_schema(
        tags=["rapportages"],
        operation_id="rapportages_uitgaven",
        summary="Uitgaven aan software",
        description="Per kalenderjaar (en naar keuze per leverancier, softwarepakket, kostenplaats "
        "en soort) wat de organisatie aan licenties besteedde (`besteed`) en wat lopende contracten "
        "en goedgekeurde bestellingen nog vastleggen (`verplicht`), excl. btw. Een eenmalig bedrag "
        "valt in de maand van de ingangsdatum; een bedrag per jaar telt per contractmaand voor een "
        "twaalfde. Een maand tot en met de huidige is besteed, een latere verplicht zolang het "
        "contract loopt: tot de einddatum, bij automatische verlenging tot de uiterste einddatum, "
        "zonder einde tot het eind van de periode. Een goedgekeurde, nog niet geleverde bestelling "
        "telt als verplicht (eenmalig bedrag en één contractjaar). Een organisatie leest haar "
        "eigen uitgaven, de broker die van elke organisatie of van alle samen. Ook als CSV of "
        "XLSX (`Accept`): de `resultaten`.",
        parameters=[
            jaar_parameter(
                "vanafJaar",
                "Het eerste jaar (standaard twee jaar voor het huidige; met alleen `totEnMetJaar` "
                "vier jaar daarvoor).",
            ),
            jaar_parameter(
                "totEnMetJaar",
                "Het laatste jaar (standaard twee jaar na het huidige; met alleen `vanafJaar` vier "
                f"jaar daarna). Hoogstens {uitgaven.MAX_JAREN} jaar in totaal.",
            ),
            GROEPEREN_PARAMETER,
            ORGANISATIE_PARAMETER,
        ],
        filters=False,
        responses={200: UitgavenSerializer},
    )
    def uitgaven(self, request):
        problems: dict = {}
        organisatie = gevraagde_organisatie(request, problems)
        periode = self._periode(request, problems)
        groeperen = lees_groepering(request, uitgaven.DIMENSIES, problems, uitgaven.STANDAARD_GROEPERING)
        if problems:
            raise ValidationError(problems)
        rijen = uitgaven.uitgaven(
            organisatie_id=organisatie.pk if organisatie else None,
            periode=periode,
            groeperen=groeperen,
            vandaag=timezone.localdate(),
        )
        leveranciers = collection_url(request, CATALOGUS, "leveranciers")
        pakketten = collection_url(request, CATALOGUS, "softwarepakketten")
        for rij in rijen:
            rij["leverancierNaam"] = rij.pop("leverancier_naam")
            rij["softwarepakketNaam"] = rij.pop("softwarepakket_naam")
            if rij["leverancier"] is not None:
                rij["leverancier"] = f"{leveranciers}/{rij['leverancier']}"
            if rij["softwarepakket"] is not None:
                rij["softwarepakket"] = f"{pakketten}/{rij['softwarepakket']}"
        report = {
            "organisatie": (
                f"{collection_url(request, BESTELLINGEN, 'organisaties')}/{organisatie.uuid}"
                if organisatie
                else None
            ),
            "vanafJaar": periode.vanaf_jaar,
            "totEnMetJaar": periode.tot_en_met_jaar,
            "groeperen": [dimensie for dimensie in uitgaven.DIMENSIES if dimensie in groeperen],
            "resultaten": rijen,
        }
        return self.answer(request, report)

    def _periode(self, request, problems: dict) -> uitgaven.Periode:
        vanaf, tot = lees_jaar(request, "vanafJaar", problems), lees_jaar(request, "totEnMetJaar", problems)
        standaard = uitgaven.standaard_periode(timezone.localdate())
        terug = uitgaven.MAX_JAREN - 1
        if vanaf is None and tot is None:
            return standaard
        if "vanafJaar" in problems or "totEnMetJaar" in problems:
            return standaard
        vanaf = tot - terug if vanaf is None else vanaf
        tot = vanaf + terug if tot is None else tot
        if tot < vanaf:
            problems["totEnMetJaar"] = [ErrorDetail("Ligt voor vanafJaar.", code="invalid")]
        elif tot - vanaf + 1 > uitgaven.MAX_JAREN:
            problems["totEnMetJaar"] = [
                ErrorDetail(f"Een periode van hoogstens {uitgaven.MAX_JAREN} jaar.", code="periode_te_lang")
            ]
        return uitgaven.Periode(vanaf, tot)
