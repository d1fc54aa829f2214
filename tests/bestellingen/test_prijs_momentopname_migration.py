"""Snapshots frozen before prices were named by URL are rewritten by a data migration: the
reference (and the "no period" marker) only, never an amount."""

import copy
import importlib

import pytest
from django.apps import apps
from zgw_consumers.models import Service

from softwarebroker.bestellingen.models import Bestelregel
from softwarebroker.federatie.models import PeerAanbieding

from .helpers import Partijen

pytestmark = pytest.mark.django_db

migration = importlib.import_module("softwarebroker.bestellingen.migrations.0006_prijs_momentopname_url")

LOCAL_PRIJS = "8d6f7c8e-4a3b-4f0e-9d2a-1b2c3d4e5f60"
PEER_PRIJS = "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"
PEER_AANBIEDING = (
    "https://andere-instantie.example/catalogus/api/v1/aanbiedingen/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"
)


def old_snapshot(prijs: str) -> dict:
    return {
        "datum": "2025-03-01",
        "prijzen": [
            {
                "prijs": prijs,
                "prijstype": "eenmalig",
                "periode": "",
                "doelgroep": "iedereen",
                "staffelVanafAantal": None,
                "eenheidsprijsExclBtw": "100.00",
                "aantal": 3,
                "bedragExclBtw": "300.00",
                "btwPercentage": "21.00",
                "btw": "63.00",
            }
        ],
        "eenmaligExclBtw": "300.00",
        "perJaarExclBtw": "0.00",
        "btw": "63.00",
    }


def frozen(snapshot: dict, peer_aanbieding=None) -> Bestelregel:
    """A line as submitted before this migration (a state no service writes any more)."""
    regel = Partijen().bestelling().regels.get()
    legacy = {"prijs_momentopname": snapshot}
    if peer_aanbieding is not None:
        legacy.update(aanbieding=None, peer_aanbieding=peer_aanbieding)
    Bestelregel.objects.filter(pk=regel.pk).update(**legacy)
    return regel


def test_a_local_price_gets_its_url_and_nothing_else_changes():
    before = old_snapshot(LOCAL_PRIJS)
    regel = frozen(copy.deepcopy(before))

    migration.name_prices_by_url(apps, None)

    after = Bestelregel.objects.get(pk=regel.pk).prijs_momentopname
    assert after["prijzen"][0]["prijs"] == f"http://testserver/catalogus/api/v1/prijzen/{LOCAL_PRIJS}"
    assert after["prijzen"][0]["periode"] is None
    unchanged = {key: value for key, value in after["prijzen"][0].items() if key not in ("prijs", "periode")}
    assert unchanged == {
        key: value for key, value in before["prijzen"][0].items() if key not in ("prijs", "periode")
    }
    assert {key: value for key, value in after.items() if key != "prijzen"} == {
        key: value for key, value in before.items() if key != "prijzen"
    }


def test_a_peers_price_gets_the_url_the_peer_gave_it():
    service = Service.objects.create(
        label="Andere instantie",
        api_root="https://andere-instantie.example/catalogus/api/v1/",
        api_type="orc",
    )
    peer_prijs_url = f"https://andere-instantie.example/catalogus/api/v1/prijzen/{PEER_PRIJS}"
    peer = PeerAanbieding.objects.create(
        url=PEER_AANBIEDING,
        service=service,
        gegevens={"actuelePrijzen": [{"url": peer_prijs_url}]},
        opgehaald_op="2025-03-01T10:00:00Z",
    )
    named = frozen(old_snapshot(PEER_PRIJS), peer)
    gone = frozen(old_snapshot("11111111-2222-4333-8444-555555555555"), peer)

    migration.name_prices_by_url(apps, None)

    assert Bestelregel.objects.get(pk=named.pk).prijs_momentopname["prijzen"][0]["prijs"] == peer_prijs_url
    # A price the copy no longer lists: beside the offer, in the peer's own Catalogus API.
    assert Bestelregel.objects.get(pk=gone.pk).prijs_momentopname["prijzen"][0]["prijs"] == (
        "https://andere-instantie.example/catalogus/api/v1/prijzen/11111111-2222-4333-8444-555555555555"
    )


def test_rewriting_twice_changes_nothing_and_the_rollback_restores_the_old_form():
    before = old_snapshot(LOCAL_PRIJS)
    regel = frozen(copy.deepcopy(before))

    migration.name_prices_by_url(apps, None)
    once = Bestelregel.objects.get(pk=regel.pk).prijs_momentopname
    migration.name_prices_by_url(apps, None)
    assert Bestelregel.objects.get(pk=regel.pk).prijs_momentopname == once

    migration.name_prices_by_uuid(apps, None)
    assert Bestelregel.objects.get(pk=regel.pk).prijs_momentopname == before
