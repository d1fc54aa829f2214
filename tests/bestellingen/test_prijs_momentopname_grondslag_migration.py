"""Snapshots frozen before prices had a grondslag were computed per unit: the data migration
says so on every part and changes nothing else; the rollback takes it away again."""

import copy
import importlib
from decimal import Decimal

import pytest
from django.apps import apps

from softwarebroker.bestellingen.models import Bestelregel

from .helpers import Partijen

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "softwarebroker.bestellingen.migrations.0008_prijs_momentopname_grondslag"
)


def part(prijstype: str, periode, bedrag: str, aantal: int) -> dict:
    return {
        "prijs": "http://testserver/catalogus/api/v1/prijzen/8d6f7c8e-4a3b-4f0e-9d2a-1b2c3d4e5f60",
        "prijstype": prijstype,
        "periode": periode,
        "doelgroep": "iedereen",
        "staffelVanafAantal": None,
        "eenheidsprijsExclBtw": bedrag,
        "aantal": aantal,
        "bedragExclBtw": f"{Decimal(bedrag) * aantal:.2f}",
        "btwPercentage": "21.00",
        "btw": "0.00",
    }


OLD = {
    "datum": "2026-03-02",
    "prijzen": [part("eenmalig", None, "12500.00", 10), part("terugkerend", "jaar", "420.00", 10)],
    "eenmaligExclBtw": "125000.00",
    "perJaarExclBtw": "4200.00",
    "btw": "27132.00",
}


def frozen(snapshot: dict) -> Bestelregel:
    """A line as submitted before this migration (a state no service writes any more)."""
    regel = Partijen().bestelling().regels.get()
    Bestelregel.objects.filter(pk=regel.pk).update(prijs_momentopname=snapshot)
    return regel


def test_every_part_becomes_per_unit_and_no_amount_changes():
    regel = frozen(copy.deepcopy(OLD))
    concept = Partijen().bestelling().regels.get()  # not submitted: no snapshot
    assert concept.prijs_momentopname is None

    migration.per_unit(apps, None)
    after = Bestelregel.objects.get(pk=regel.pk).prijs_momentopname
    migration.per_unit(apps, None)  # twice changes nothing

    assert [onderdeel["grondslag"] for onderdeel in after["prijzen"]] == ["per_eenheid", "per_eenheid"]
    assert [{k: v for k, v in onderdeel.items() if k != "grondslag"} for onderdeel in after["prijzen"]] == (
        OLD["prijzen"]
    )
    assert {key: value for key, value in after.items() if key != "prijzen"} == {
        key: value for key, value in OLD.items() if key != "prijzen"
    }
    assert Bestelregel.objects.get(pk=regel.pk).prijs_momentopname == after
    assert Bestelregel.objects.get(pk=concept.pk).prijs_momentopname is None


def test_the_rollback_restores_the_old_form():
    regel = frozen(copy.deepcopy(OLD))

    migration.per_unit(apps, None)
    migration.without_grondslag(apps, None)

    assert Bestelregel.objects.get(pk=regel.pk).prijs_momentopname == OLD
