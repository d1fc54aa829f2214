"""``GET /rapportages/prijsstatistieken``: what organisations pay per unit per year for a
package, anonymised (:mod:`softwarebroker.rapportages.anonimiteit`)."""

from __future__ import annotations

import uuid
from decimal import ROUND_HALF_UP

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail, ValidationError

from softwarebroker.api.definitions import CATALOGUS
from softwarebroker.api.urls_building import collection_url
from softwarebroker.catalogus import selectors as catalogus_selectors
from softwarebroker.catalogus.constants import Licentiemodel

from .. import perioden, prijsstatistieken
from ..anonimiteit import MIN_ORGANISATIES
from ..prijsstatistieken import GROEPERINGEN, VOLUMEBAND_NAMEN, Vraag
from .basis import RapportageViewSet
from .parameters import groeperen_parameter, lees_groepering


def _bedrag(help_text: str) -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=20,
        decimal_places=2,
        rounding=ROUND_HALF_UP,
        allow_null=True,
        help_text=f"{help_text} Euro per eenheid per jaar, excl. btw; `null` bij onvoldoende gegevens.",
    )


class PrijsstatistiekSerializer(serializers.Serializer):
    """De prijzen van één groep: een softwarepakket en, naar `groepering`, een aanbieding,
    licentiemodel, eenheid of volumeband. Een dimensie waarop niet gegroepeerd is, is `null`."""

    softwarepakket = serializers.URLField(help_text="URL van het softwarepakket (Catalogus API).")
    softwarepakketNaam = serializers.CharField(label="softwarepakket (naam)")
    aanbieding = serializers.URLField(
        allow_null=True,
        help_text="URL van de aanbieding (Catalogus API); `null` zonder groepering op aanbieding, of "
        "voor licenties die buiten de broker zijn gekocht zonder aanbieding van deze catalogus.",
    )
    licentiemodel = serializers.ChoiceField(
        choices=Licentiemodel.choices,
        allow_null=True,
        help_text="Het licentiemodel van de aanbieding; `null` zonder groepering erop of zonder aanbieding.",
    )
    eenheid = serializers.CharField(
        allow_null=True,
        help_text="De eenheid van de aanbieding; `null` zonder groepering erop of zonder aanbieding.",
    )
    volumeband = serializers.ChoiceField(
        choices=[(naam, naam) for naam in VOLUMEBAND_NAMEN],
        allow_null=True,
        help_text="Het aantal (eenheden) van een bestelregel of licentie; `null` zonder groepering erop.",
    )
    onvoldoendeGegevens = serializers.BooleanField(
        label="onvoldoende gegevens",
        help_text=f"`true`: te weinig organisaties (minder dan {MIN_ORGANISATIES} in de groep, of in een "
        "van de cellen waaruit zij bestaat) om cijfers te tonen; alle cijfers zijn dan `null`.",
    )
    steekproefGrootte = serializers.IntegerField(
        label="steekproefgrootte",
        allow_null=True,
        min_value=MIN_ORGANISATIES,
        help_text="Het aantal verschillende organisaties in de groep; `null` bij onvoldoende gegevens.",
    )
    minimum = _bedrag("De laagste prijs.")
    p25 = _bedrag("Het eerste kwartiel (lineair geïnterpoleerd).")
    mediaan = _bedrag("De mediaan (lineair geïnterpoleerd).")
    p75 = _bedrag("Het derde kwartiel (lineair geïnterpoleerd).")
    maximum = _bedrag("De hoogste prijs.")


class KwartaalperiodeSerializer(serializers.Serializer):
    """De periode van het antwoord: hele kwartalen."""

    vanafKwartaal = serializers.RegexField(perioden.KWARTAAL_PATTERN, help_text="Het eerste kwartaal.")
    totEnMetKwartaal = serializers.RegexField(perioden.KWARTAAL_PATTERN, help_text="Het laatste kwartaal.")
    vanaf = serializers.DateField(help_text="De eerste dag van de periode.")
    tot = serializers.DateField(help_text="De eerste dag na de periode (niet inbegrepen).")


class PrijsstatistiekenSerializer(serializers.Serializer):
    """Prijsstatistieken: per groep de spreiding van de prijs per eenheid per jaar."""

    softwarepakket = serializers.URLField(
        allow_null=True, help_text="Het gevraagde softwarepakket; `null`: alle softwarepakketten."
    )
    periode = KwartaalperiodeSerializer()
    groepering = serializers.ListField(
        child=serializers.ChoiceField(choices=[(naam, naam) for naam in GROEPERINGEN]),
        help_text="Waarop gegroepeerd is (naast het softwarepakket).",
    )
    resultaten = PrijsstatistiekSerializer(many=True)


def _kwartaal_parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(
        name, {"type": "string", "pattern": perioden.KWARTAAL_PATTERN}, description=description
    )


PARAMETERS = [
    OpenApiParameter(
        "softwarepakket",
        {"type": "string", "format": "uri"},
        description="URL van een softwarepakket (Catalogus API). Zonder: één groep (of meer, naar "
        "`groeperen`) per softwarepakket.",
    ),
    _kwartaal_parameter(
        "vanafKwartaal",
        "Het eerste kwartaal (`JJJJ-Qn`), standaard drie kwartalen voor `totEnMetKwartaal`. Een periode "
        f"is hoogstens {perioden.MAX_KWARTALEN} kwartalen.",
    ),
    _kwartaal_parameter(
        "totEnMetKwartaal",
        "Het laatste kwartaal (`JJJJ-Qn`), standaard het laatste afgelopen kwartaal; een kwartaal dat "
        "nog loopt, telt nooit mee.",
    ),
    groeperen_parameter(GROEPERINGEN, "Waarop de resultaten, naast het softwarepakket, gegroepeerd worden."),
    OpenApiParameter(
        "volumeband",
        {"type": "string", "enum": list(VOLUMEBAND_NAMEN)},
        description="Alleen bestelregels en licenties met een aantal in deze band.",
    ),
    OpenApiParameter(
        "aanbieding", {"type": "string", "format": "uri"}, description="Alleen deze aanbieding (URL)."
    ),
    OpenApiParameter(
        "licentiemodel",
        {"type": "string", "enum": list(Licentiemodel.values)},
        description="Alleen dit licentiemodel.",
    ),
    OpenApiParameter("eenheid", {"type": "string", "maxLength": 50}, description="Alleen deze eenheid."),
]


class PrijsstatistiekenViewSet(RapportageViewSet):
    action_name = "prijsstatistieken"
    serializer_class = PrijsstatistiekenSerializer
    row_serializer_class = PrijsstatistiekSerializer
    export_name = "prijsstatistieken"
    action_query_parameters = {"prijsstatistieken": tuple(parameter.name for parameter in PARAMETERS)}
    action_list_query_parameters = {"prijsstatistieken": ("groeperen",)}

    def _reference(self, name: str, collection: str, queryset, errors: dict):
        value = self.request.query_params.get(name)
        if value is None:
            return None
        base = collection_url(self.request, CATALOGUS, collection) + "/"
        try:
            identifier = uuid.UUID(value[len(base) :]) if value.startswith(base) else None
        except ValueError:
            identifier = None
        if identifier is None:
            errors[name] = [ErrorDetail(f"Geef de URL van een resource {collection}.", code="bad-url")]
            return None
        pk = queryset.filter(uuid=identifier).values_list("pk", flat=True).first()
        if pk is None:
            errors[name] = [ErrorDetail(f"Er bestaat geen object met URL {value}.", code="does_not_exist")]
        return pk

    def _vraag(self) -> Vraag:
        query, acting, errors = self.request.query_params, self.request.auth, {}
        periode = perioden.periode(query.get("vanafKwartaal"), query.get("totEnMetKwartaal"), errors)
        groepering = lees_groepering(self.request, GROEPERINGEN, errors)
        band = query.get("volumeband")
        if band is not None and band not in VOLUMEBAND_NAMEN:
            errors["volumeband"] = [
                ErrorDetail(
                    f"Geen bereik of een onbekende volumeband; mogelijk: {', '.join(VOLUMEBAND_NAMEN)}.",
                    code="invalid_choice",
                )
            ]
        licentiemodel = query.get("licentiemodel")
        if licentiemodel is not None and licentiemodel not in Licentiemodel.values:
            errors["licentiemodel"] = [ErrorDetail("Onbekend licentiemodel.", code="invalid_choice")]
        eenheid = query.get("eenheid")
        if eenheid is not None and len(eenheid) > 50:
            errors["eenheid"] = [ErrorDetail("Een eenheid is hoogstens 50 tekens.", code="max_length")]
        elif eenheid is not None and not eenheid:
            errors["eenheid"] = [ErrorDetail("Geef een eenheid op.", code="blank")]
        pakket = self._reference(
            "softwarepakket", "softwarepakketten", catalogus_selectors.softwarepakketten(acting), errors
        )
        aanbieding = self._reference(
            "aanbieding", "aanbiedingen", catalogus_selectors.aanbiedingen(acting), errors
        )
        if errors:
            raise ValidationError(errors)
        return Vraag(
            periode=periode,
            groepering=groepering,
            softwarepakket_id=pakket,
            aanbieding_id=aanbieding,
            licentiemodel=licentiemodel,
            eenheid=eenheid,
            volumeband=band,
        )

    @extend_schema(
        tags=["rapportages"],
        operation_id="rapportages_prijsstatistieken",
        summary="Prijsstatistieken per softwarepakket",
        description="Wat organisaties per eenheid per jaar betalen (excl. btw): minimum, kwartielen en "
        "maximum, uit bestellingen die zijn ingediend (vanaf `ter_goedkeuring`; niet teruggezet naar "
        "concept, ingetrokken, afgewezen, geweigerd of geannuleerd) en licenties die buiten de broker "
        "zijn gekocht en met bedragen geregistreerd. Eenmalige kosten tellen verdeeld over de volledige "
        "looptijd (met alle toegestane verlengingen; 48 maanden als die open is). Een groep toont "
        f"alleen cijfers met minstens {MIN_ORGANISATIES} verschillende organisaties, en alleen als elke "
        "cel waaruit zij bestaat (softwarepakket x aanbieding x volumeband x kwartaal) geen of minstens "
        f"{MIN_ORGANISATIES} organisaties telt; anders `onvoldoendeGegevens`. Zo is ook uit het verschil "
        "van twee vragen geen prijs van één organisatie af te leiden. Actueel: een wijziging telt mee "
        "zodra zij is vastgelegd; het lopende kwartaal telt nooit mee. Met `Accept: text/csv` of XLSX "
        "de `resultaten` als spreadsheet.",
        parameters=PARAMETERS,
        filters=False,
    )
    def prijsstatistieken(self, request):
        vraag = self._vraag()
        pakketten = collection_url(request, CATALOGUS, "softwarepakketten")
        aanbiedingen = collection_url(request, CATALOGUS, "aanbiedingen")
        rijen = prijsstatistieken.resultaten(vraag)
        if vraag.softwarepakket_id is None:
            # Every package: only those this client may see in the catalogue (an asked-for one
            # was checked with it), so no concept's or another supplier's draft's name shows.
            zichtbaar = set(
                catalogus_selectors.softwarepakketten(request.auth)
                .prefetch_related(None)
                .filter(uuid__in={rij["softwarepakket"] for rij in rijen})
                .values_list("uuid", flat=True)
            )
            rijen = [rij for rij in rijen if rij["softwarepakket"] in zichtbaar]
        for rij in rijen:
            rij["softwarepakket"] = f"{pakketten}/{rij['softwarepakket']}"
            if rij["aanbieding"] is not None:
                rij["aanbieding"] = f"{aanbiedingen}/{rij['aanbieding']}"
        report = {
            "softwarepakket": request.query_params.get("softwarepakket"),
            "periode": vraag.periode,
            "groepering": vraag.groepering,
            "resultaten": rijen,
        }
        return self.answer(request, report)
