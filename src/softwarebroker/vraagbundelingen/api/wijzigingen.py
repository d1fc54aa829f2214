"""What a client sends to change a round or a deelname, or to ask for a transition: only the
fields that may change (any other gives 400 ``niet_wijzigbaar``)."""

from __future__ import annotations

from collections.abc import Mapping

from rest_framework import serializers
from rest_framework.exceptions import ErrorDetail

from softwarebroker.api.bounds import BoundedSerializer

from ..constants import DEELNAME_OVERGANGEN, VRAAGBUNDELING_OVERGANGEN
from ..models import MAX_AANTAL
from .serializers import MONEY


class _OnlyTheseFields(BoundedSerializer):
    noun = ""

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                message = f"Dit gegeven van een {self.noun} kan niet worden gewijzigd; wel: " + ", ".join(
                    self.fields
                )
                raise serializers.ValidationError(
                    {name: [ErrorDetail(message + ".", code="niet_wijzigbaar")] for name in unknown}
                )
        return super().to_internal_value(data)


class VraagbundelingWijzigingSerializer(_OnlyTheseFields):
    """De velden van een open vraagbundeling die haar initiatiefnemer (of de broker) wijzigt."""

    noun = "vraagbundeling"

    naam = serializers.CharField(max_length=200, required=False, help_text="De naam van de ronde.")
    toelichting = serializers.CharField(
        max_length=10_000, required=False, allow_blank=True, help_text="Toelichting voor de deelnemers."
    )
    sluitingsdatum = serializers.DateField(
        required=False, help_text="Op deze dag sluit de ronde (na vandaag; de aanbieding geldt dan)."
    )
    minimumAantal = serializers.IntegerField(
        source="minimum_aantal",
        min_value=1,
        max_value=MAX_AANTAL,
        required=False,
        allow_null=True,
        help_text="Onder dit gebundelde aantal wordt de ronde bij het sluiten geannuleerd.",
    )
    geschatteLooptijdMaanden = serializers.IntegerField(
        source="geschatte_looptijd_maanden",
        min_value=1,
        max_value=600,
        required=False,
        allow_null=True,
        help_text="Leeg: de volledige looptijd van de aanbieding, verlengingen meegeteld.",
    )


class DeelnameWijzigingSerializer(_OnlyTheseFields):
    """De velden van een deelname die haar organisatie (of de broker) wijzigt zolang de ronde open
    is. Een goedgekeurde deelname wordt na een wijziging van aantal, maximum of bestelparameters
    weer `aangemeld`."""

    noun = "deelname"

    aantal = serializers.IntegerField(min_value=1, max_value=MAX_AANTAL, required=False)
    maxEenheidsprijs = serializers.DecimalField(
        source="max_eenheidsprijs",
        min_value=0,
        required=False,
        allow_null=True,
        help_text="De hoogste eenheidsprijs (excl. btw) die de organisatie accepteert.",
        **MONEY,
    )
    bestelparameters = serializers.JSONField(
        required=False, help_text="Waarden volgens het bestelparametersSchema van de aanbieding."
    )
    kostenplaats = serializers.CharField(max_length=100, required=False, allow_blank=True)


class VraagbundelingOvergangSerializer(BoundedSerializer):
    """Een gevraagde statusovergang van een vraagbundeling."""

    naarStatus = serializers.ChoiceField(
        source="naar_status",
        choices=VRAAGBUNDELING_OVERGANGEN,
        help_text="`gesloten` (nu sluiten), `gegund` (gunnen) of `geannuleerd`.",
    )
    toelichting = serializers.CharField(max_length=10_000, required=False, allow_blank=True)


class DeelnameOvergangSerializer(BoundedSerializer):
    """Een gevraagde statusovergang van een deelname."""

    naarStatus = serializers.ChoiceField(
        source="naar_status",
        choices=DEELNAME_OVERGANGEN,
        help_text="`goedgekeurd` (door een budgethouder) of `ingetrokken`.",
    )
    toelichting = serializers.CharField(max_length=10_000, required=False, allow_blank=True)
