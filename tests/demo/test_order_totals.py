"""The order walk-through of the README against the demo data, through the APIs: a one-time
fee counts once per order line, a price per unit (or per inhabitant) times the quantity."""

import datetime
import uuid

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from softwarebroker.autorisaties.demo_secrets import demo_secret
from tests.auth import bearer

pytestmark = pytest.mark.django_db

BASE = "/bestellingen/api/v1"
# Before the indexed price of 2027 of the per-user offer: 420.00 a user a year (395.00 from 50).
DAY = datetime.datetime(2026, 6, 1, 9, tzinfo=datetime.UTC)


@pytest.fixture
def inkoper():
    with time_machine.travel(DAY, tick=False):
        call_command("load_demo_data", verbosity=0)
        client_id = "voorbeeldstad-afnemer"
        yield Client(headers=bearer(client_id, demo_secret(client_id), user_id="inkoper@voorbeeldstad.nl"))


def url_of(client: Client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    (result,) = response.json()["results"]
    return result["url"]


def concept(client: Client, naam: str, regel: dict) -> dict:
    aanbieding = url_of(client, f"/catalogus/api/v1/aanbiedingen?naam={naam}&fields=url")
    gemeente = url_of(client, f"{BASE}/organisaties?naam=Voorbeeldstad&fields=url")
    response = client.post(
        f"{BASE}/bestellingen",
        {"besteller": gemeente, "kostenplaats": "ICT-2026", "regels": [{"aanbieding": aanbieding, **regel}]},
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code == 201, response.content[:500]
    return response.json()


def totals(bestelling: dict) -> tuple[str, str, str]:
    return (
        bestelling["totaalEenmaligExclBtw"],
        bestelling["totaalPerJaarExclBtw"],
        bestelling["totaalBtw"],
    )


SAAS_OMGEVING = {"omgeving": "productie", "contactpersoonEmail": "beheer@voorbeeldstad.nl"}


@pytest.mark.parametrize(
    ("aantal", "expected"),
    [
        # 12500.00 once, not 10 x 12500.00; 10 x 420.00 a year; 21% btw over both
        (10, ("12500.00", "4200.00", "3507.00")),
        # the fee still once; the tier from 50 users: 60 x 395.00
        (60, ("12500.00", "23700.00", "7602.00")),
    ],
)
def test_the_implementation_fee_of_the_per_user_offer_counts_once(inkoper, aantal, expected):
    with time_machine.travel(DAY, tick=False):
        bestelling = concept(
            inkoper,
            "Zaaksysteem%20SaaS%20per%20gebruiker",
            {"aantal": aantal, "bestelparameters": SAAS_OMGEVING},
        )
        assert totals(bestelling) == expected

        response = inkoper.post(
            f"{bestelling['url']}/statuswijzigingen", {"naarStatus": "ter_goedkeuring"}, "application/json"
        )
        assert response.status_code == 201, response.content[:500]
        submitted = inkoper.get(bestelling["url"]).json()

    assert totals(submitted) == expected
    fee, per_user = submitted["regels"][0]["prijsMomentopname"]["prijzen"]
    assert (fee["prijstype"], fee["grondslag"], fee["aantal"], fee["bedragExclBtw"]) == (
        "eenmalig",
        "per_bestelling",
        1,
        "12500.00",
    )
    assert (per_user["grondslag"], per_user["aantal"]) == ("per_eenheid", aantal)


def test_the_per_inhabitant_offer_counts_its_fee_once_and_its_price_per_inhabitant(inkoper):
    with time_machine.travel(DAY, tick=False):
        bestelling = concept(
            inkoper,
            "Zaaksysteem%20SaaS%20per%20inwoner",
            {"bestelparameters": {"huidigSysteem": "Zaaksysteem van de vorige leverancier"}},
        )

    (regel,) = bestelling["regels"]
    assert regel["aantal"] == 87500  # Voorbeeldstad's inwonertal
    # 9500.00 once (not 87,500 x 9500.00 = 831,250,000.00); 87,500 x 0.32 a year (tier from 50,000)
    assert totals(bestelling) == ("9500.00", "28000.00", "7875.00")
