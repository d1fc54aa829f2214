"""The demo's software use: every status, one use not shown by name, alerts for the version whose
support ends within 12 months and for its published vulnerability; loading twice changes nothing."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from softwarebroker.audit.models import AuditTrail
from softwarebroker.autorisaties.demo_secrets import demo_secret
from softwarebroker.catalogus.models import Kwetsbaarheid
from softwarebroker.demo.bestellingen import acting_as
from softwarebroker.demo.gebruik import AFLOPENDE_VERSIE, KWETSBAARHEID
from softwarebroker.gebruik import selectors
from softwarebroker.gebruik.models import Attentie, Gebruik, GebruikStatuswijziging
from softwarebroker.organisaties.models import Organisatie
from tests.auth import bearer

pytestmark = pytest.mark.django_db

CLIENT = "voorbeeldstad-afnemer"
DAY = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)


def load():
    call_command("load_demo_data", verbosity=0)


def _counts():
    return (
        Gebruik.objects.count(),
        GebruikStatuswijziging.objects.count(),
        Attentie.objects.count(),
        Kwetsbaarheid.objects.count(),
        AuditTrail.objects.count(),
    )


def test_uses_of_every_status_with_alerts_for_the_version_ending_support():
    with time_machine.travel(DAY, tick=False):
        load()

        demo = Gebruik.objects.all()
        assert {"verwerving", "gepland", "in_productie", "uit_te_faseren", "uitgefaseerd"} <= set(
            demo.values_list("status", flat=True)
        )
        vertrouwelijk = Gebruik.objects.get(vertrouwelijk=True)
        assert vertrouwelijk.softwarepakket.naam == "Voorbeeld Burgerzaken"
        ended = Gebruik.objects.get(softwarepakket__naam="Open Klant", status="uitgefaseerd")
        assert [w.naar_status for w in ended.statuswijzigingen.all()] == [
            "in_productie",
            "uit_te_faseren",
            "uitgefaseerd",
        ]

        pakket, versie = AFLOPENDE_VERSIE
        lek = Kwetsbaarheid.objects.get(cve_id=KWETSBAARHEID["cve_id"])
        assert (lek.softwarepakketversie.softwarepakket.naam, lek.softwarepakketversie.versie) == (
            pakket,
            versie,
        )
        alerted = {
            (attentie.gebruik.organisatie.naam, attentie.reden)
            for attentie in Attentie.objects.select_related("gebruik__organisatie")
        }
        assert alerted == {
            ("Gemeente Voorbeeldstad", "einde_ondersteuning"),
            ("Gemeente Voorbeeldstad", "kwetsbaarheid"),
            ("Gemeente Proefdorp", "einde_ondersteuning"),
            ("Gemeente Proefdorp", "kwetsbaarheid"),
        }
        # What GET /gebruiken?attentie=true shows Voorbeeldstad's client.
        voorbeeldstad = acting_as("voorbeeldstad-afnemer")
        attentie = selectors.gebruiken(voorbeeldstad).filter(_attentie=True)
        assert [(g.softwarepakket.naam, g.softwarepakketversie.versie) for g in attentie] == [
            (pakket, versie)
        ]

        response = Client(
            headers=bearer(CLIENT, secret=demo_secret(CLIENT), user_id="inkoper@voorbeeldstad.nl")
        ).get(
            f"/bestellingen/api/v1/organisaties/{Organisatie.objects.get(naam='Gemeente Voorbeeldstad').uuid}"
            "/applicatielandschap"
        )
        assert response.status_code == 200
        statuses = sorted(item["status"] for item in response.json()["gebruik"])
        assert {"Actief", "Gepland"} <= set(statuses)


def test_loading_twice_changes_nothing():
    with time_machine.travel(DAY, tick=False):
        load()
        before = _counts()
        load()

        assert _counts() == before
