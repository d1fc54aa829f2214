"""``GET /rapportages/vergelijking``: an organisation's landscape next to comparable
organisations' (:mod:`..vergelijking`)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, ValidationError

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS
from softwarebroker.api.urls_building import collection_url
from softwarebroker.organisaties.models.organisatie import OrganisatieType

from .. import vergelijking
from .basis import RapportageViewSet
from .parameters import ORGANISATIE_PARAMETER, gevraagde_organisatie

ONVOLDOENDE = (
    f"`true`: minder dan {vergelijking.MIN_ORGANISATIES} organisaties; het aantal wordt dan niet gegeven."
)


class VergelijkingRijSerializer(serializers.Serializer):
    """Eén pakket voor één referentiecomponent: of de organisatie het zelf gebruikt, en hoeveel
    vergelijkbare organisaties (zijzelf meegeteld) het ervoor gebruiken."""

    referentiecomponent = serializers.URLField(
        allow_null=True,
        label="Referentiecomponent",
        help_text="URI van de GEMMA-referentiecomponent; `null`: het eigen gebruik zonder component.",
    )
    referentiecomponentNaam = serializers.CharField(
        allow_null=True,
        label="Referentiecomponent (naam)",
        help_text="De naam van de component; `null` als hij niet in het register staat.",
    )
    softwarepakket = serializers.URLField(label="Softwarepakket", help_text="URL van het softwarepakket.")
    softwarepakketNaam = serializers.CharField(label="Softwarepakket (naam)")
    eigenGebruik = serializers.BooleanField(
        label="Eigen gebruik", help_text="Of de organisatie het pakket hiervoor zelf gebruikt."
    )
    aantalOrganisaties = serializers.IntegerField(
        allow_null=True,
        label="Aantal organisaties",
        help_text="Hoeveel vergelijkbare organisaties (de organisatie zelf meegeteld) het pakket "
        "hiervoor gebruiken; `null` bij `onvoldoendeGegevens`.",
    )
    onvoldoendeGegevens = serializers.BooleanField(label="Onvoldoende gegevens", help_text=ONVOLDOENDE)


class VergelijkingSerializer(serializers.Serializer):
    """Het applicatielandschap van een organisatie naast dat van vergelijkbare organisaties:
    hetzelfde type en dezelfde grootteklasse (inwonertal)."""

    organisatie = serializers.URLField(help_text="De organisatie.")
    type = serializers.ChoiceField(choices=OrganisatieType.choices, help_text="Het type van de organisatie.")
    grootteklasse = serializers.ChoiceField(
        choices=list(vergelijking.GROOTTEKLASSE_NAMEN),
        help_text="De grootteklasse naar inwonertal: tot 20.000, 20.000 tot 50.000, 50.000 tot "
        "100.000, 100.000 tot 250.000, vanaf 250.000; `onbekend` zonder inwonertal (vergeleken met "
        "de organisaties van hetzelfde type zonder inwonertal).",
    )
    aantalVergelijkbareOrganisaties = serializers.IntegerField(
        allow_null=True,
        help_text="Hoeveel organisaties de groep telt (de organisatie zelf meegeteld); `null` bij "
        "`onvoldoendeGegevens`.",
    )
    onvoldoendeGegevens = serializers.BooleanField(
        help_text=f"`true`: de groep telt minder dan {vergelijking.MIN_ORGANISATIES} organisaties; "
        "dan staat geen enkel aantal in het antwoord."
    )
    resultaten = VergelijkingRijSerializer(many=True)


class VergelijkingViewSet(RapportageViewSet):
    action_name = "vergelijking"
    serializer_class = VergelijkingSerializer
    row_serializer_class = VergelijkingRijSerializer
    export_name = "vergelijking"
    action_query_parameters = {"vergelijking": ("organisatie",)}

    @extend_schema(
        tags=["rapportages"],
        operation_id="rapportages_vergelijking",
        summary="Het applicatielandschap naast dat van vergelijkbare organisaties",
        description="Per GEMMA-referentiecomponent waarvoor de organisatie een pakket gebruikt "
        "(`in_productie` of `uit_te_faseren`): haar eigen pakketten, en per pakket hoeveel "
        "organisaties van hetzelfde type en dezelfde grootteklasse het ervoor gebruiken. Alleen "
        "aantallen, nooit namen; de organisatie zelf telt mee, zodat elke organisatie van de groep "
        f"dezelfde aantallen ziet. Een aantal onder {vergelijking.MIN_ORGANISATIES} wordt niet "
        "gegeven (`onvoldoendeGegevens`), een groep onder dat aantal geeft geen enkel aantal, en een "
        "pakket dat de organisatie zelf niet gebruikt staat er alleen in met een aantal. Een "
        "organisatie leest haar eigen vergelijking; de broker noemt de organisatie (`organisatie` "
        "is voor hem verplicht). Ook als CSV of XLSX (`Accept`): de `resultaten`.",
        parameters=[ORGANISATIE_PARAMETER],
        filters=False,
        responses={200: VergelijkingSerializer},
    )
    def vergelijking(self, request):
        problems: dict = {}
        organisatie = gevraagde_organisatie(request, problems)
        if organisatie is None and not problems:
            problems["organisatie"] = [
                ErrorDetail("De broker noemt de organisatie om te vergelijken.", code="required")
            ]
        if problems:
            raise ValidationError(problems)
        uitkomst = vergelijking.vergelijking(organisatie)
        pakketten = collection_url(request, CATALOGUS, "softwarepakketten")
        rijen = [
            {
                "referentiecomponent": rij["referentiecomponent"],
                "referentiecomponentNaam": rij["referentiecomponent_naam"],
                "softwarepakket": f"{pakketten}/{rij['softwarepakket']}",
                "softwarepakketNaam": rij["softwarepakket_naam"],
                "eigenGebruik": rij["eigen_gebruik"],
                "aantalOrganisaties": rij["aantal_organisaties"],
                "onvoldoendeGegevens": rij["onvoldoende_gegevens"],
            }
            for rij in uitkomst.rijen
        ]
        report = {
            "organisatie": f"{collection_url(request, BESTELLINGEN, 'organisaties')}/{organisatie.uuid}",
            "type": organisatie.type,
            "grootteklasse": uitkomst.grootteklasse,
            "aantalVergelijkbareOrganisaties": uitkomst.aantal_vergelijkbare_organisaties,
            "onvoldoendeGegevens": uitkomst.aantal_vergelijkbare_organisaties is None,
            "resultaten": rijen,
        }
        return self.answer(request, report)
