"""The demo's comparable municipalities: Voorbeeldstad's rapportages show figures above the
anonymity threshold, from data made through the services; loading twice changes nothing."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from softwarebroker.autorisaties.demo_secrets import demo_secret
from softwarebroker.bestellingen.models import Licentie
from softwarebroker.catalogus.models import Softwarepakket
from softwarebroker.gebruik.models import Gebruik
from softwarebroker.rapportages.models import Prijswaarneming
from tests.auth import bearer

pytestmark = pytest.mark.django_db

DAY = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)
RAPPORTAGES = "/bestellingen/api/v1/rapportages"


def _client(client_id: str, user_id: str) -> Client:
    return Client(headers=bearer(client_id, secret=demo_secret(client_id), user_id=user_id))


def test_voorbeeldstad_is_compared_with_its_size_class():
    with time_machine.travel(DAY, tick=False):
        call_command("load_demo_data", verbosity=0)
        response = _client("voorbeeldstad-afnemer", "inkoper@voorbeeldstad.nl").get(
            f"{RAPPORTAGES}/vergelijking"
        )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["grootteklasse"], body["aantalVergelijkbareOrganisaties"], body["onvoldoendeGegevens"]) == (
        "50000_tot_100000",
        6,
        False,
    )
    rows = {
        (row["referentiecomponentNaam"], row["softwarepakketNaam"]): (
            row["eigenGebruik"],
            row["aantalOrganisaties"],
        )
        for row in body["resultaten"]
    }
    assert rows == {
        # Its confidential use counts, never named; the five peers use the same package.
        ("Burgerzakencomponent", "Voorbeeld Burgerzaken"): (True, 6),
        # No comparable municipality uses its zaaksysteem: its own rows, without a count.
        ("Generiek zaakafhandelcomponent", "Voorbeeld Zaaksysteem"): (True, None),
        ("Zaakregistratiecomponent", "Voorbeeld Zaaksysteem"): (True, None),
        # What the others use for a component it has: listed with its count.
        ("Zaakregistratiecomponent", "Open Zaak"): (False, 5),
    }


def test_the_peers_contracts_give_price_statistics_for_burgerzaken():
    with time_machine.travel(DAY, tick=False):
        call_command("load_demo_data", verbosity=0)
        pakket = Softwarepakket.objects.get(naam="Voorbeeld Burgerzaken")
        response = _client("voorbeeldstad-budgethouder", "budgethouder@voorbeeldstad.nl").get(
            f"{RAPPORTAGES}/prijsstatistieken",
            {
                "softwarepakket": f"http://testserver/catalogus/api/v1/softwarepakketten/{pakket.uuid}",
                "vanafKwartaal": "2026-Q2",
                "totEnMetKwartaal": "2026-Q2",
            },
        )

    assert response.status_code == 200, response.content
    [row] = response.json()["resultaten"]
    figures = {key: row[key] for key in ("steekproefGrootte", "minimum", "p25", "mediaan", "p75", "maximum")}
    # (per year + one-time / 3 years) / users, as in the module's docstring.
    assert figures == {
        "steekproefGrootte": 5,
        "minimum": "116.67",
        "p25": "120.00",
        "mediaan": "130.00",
        "p75": "133.33",
        "maximum": "140.00",
    }
    assert row["onvoldoendeGegevens"] is False


def test_loading_twice_changes_nothing():
    with time_machine.travel(DAY, tick=False):
        call_command("load_demo_data", verbosity=0)
        counts = (Gebruik.objects.count(), Licentie.objects.count(), Prijswaarneming.objects.count())
        call_command("load_demo_data", verbosity=0)

        assert (Gebruik.objects.count(), Licentie.objects.count(), Prijswaarneming.objects.count()) == counts
