"""Two instances of this component, end to end: B orders from A's catalogue.

Instance A is a separate server process (``runserver``) on 127.0.0.1 with its own database on
the same PostgreSQL server, migrated and filled with the demo data. Instance B is this test
process's live server on the test database. B reaches A only over HTTP, through a
zgw-consumers Service with A's demo reading client (ZGW JWT): nothing is mocked.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from django.db import connection
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from softwarebroker.autorisaties.demo_secrets import demo_secret
from softwarebroker.federatie.models import PeerAanbieding
from softwarebroker.organisaties.models import Mandaat
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.federatie.test_search import free_port
from tests.organisaties.factories import OrganisatieFactory

ROOT = Path(__file__).resolve().parents[2]
MANAGE = str(ROOT / "src" / "manage.py")
A_CLIENT = "voorbeeldstad-lezer"  # a demo client of A with catalogus.lezen


def _database_url(name: str) -> str:
    settings = connection.settings_dict
    host = quote(settings["HOST"] or "", safe="")
    port = f":{settings['PORT']}" if settings["PORT"] else ""
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    return f"postgresql://{quote(settings['USER'], safe='')}{password}@{host}{port}/{name}"


def _admin_execute(sql: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql)


@pytest.fixture(scope="module")
def instance_a(django_db_blocker):
    """Instance A: its own database and server process; its base URL."""
    with django_db_blocker.unblock():
        name = f"{connection.settings_dict['NAME']}_instance_a"
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}"')
        _admin_execute(f'CREATE DATABASE "{name}"')
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "softwarebroker.conf.dev",
        "DATABASE_URL": _database_url(name),
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "WARNING",
    }
    subprocess.run([sys.executable, MANAGE, "migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run([sys.executable, MANAGE, "load_demo_data"], env=env, check=True, capture_output=True)
    server = subprocess.Popen(
        [sys.executable, MANAGE, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{base}/_healthz/readyz", timeout=1).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            assert server.poll() is None, "instance A stopped"
            assert time.monotonic() < deadline, "instance A did not become ready"
            time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        with django_db_blocker.unblock():
            _admin_execute(f'DROP DATABASE IF EXISTS "{name}"')


def _aanbieding_of_a(base: str) -> dict:
    """A published offer of A without framework agreement or required order parameters."""
    token = bearer(A_CLIENT, secret=demo_secret(A_CLIENT))
    response = requests.get(
        f"{base}/catalogus/api/v1/aanbiedingen",
        params={"status": "gepubliceerd", "pageSize": 100},
        headers=token,
    )
    assert response.status_code == 200, response.text
    for aanbieding in response.json()["results"]:
        if (
            aanbieding["raamovereenkomst"] is None
            and not aanbieding["bestelparametersSchema"].get("required")
            and aanbieding["licentiemodel"] != "per_inwoner"
            and any(prijs["doelgroep"] == "iedereen" for prijs in aanbieding["actuelePrijzen"])
        ):
            return aanbieding
    raise AssertionError("the demo catalogue of A has no plain published offer")


def _expected_amounts(aanbieding: dict, aantal: int) -> tuple[Decimal, Decimal]:
    """What the line must cost, worked out here from A's published prices (no tiers reached)."""
    eenmalig = per_jaar = Decimal("0.00")
    for prijs in aanbieding["actuelePrijzen"]:
        if prijs["doelgroep"] != "iedereen":
            continue
        assert all(staffel["vanafAantal"] > aantal for staffel in prijs["staffels"])
        bedrag = Decimal(prijs["bedragExclBtw"]) * aantal
        if prijs["prijstype"] == "eenmalig":
            eenmalig += bedrag
        elif prijs["prijstype"] == "terugkerend":
            per_jaar += bedrag * (12 if prijs["periode"] == "maand" else 1)
    return eenmalig, per_jaar


@pytest.mark.django_db(transaction=True)
def test_instance_b_orders_from_instance_as_catalogue(instance_a, live_server):
    aanbieding = _aanbieding_of_a(instance_a)
    Service.objects.create(
        label="Catalogus van instantie A",
        slug="instantie-a",
        api_type=APITypes.orc,
        api_root=f"{instance_a}/catalogus/api/v1/",
        auth_type=AuthTypes.zgw,
        client_id=A_CLIENT,
        secret=demo_secret(A_CLIENT),
        timeout=10,
    )
    gemeente = OrganisatieFactory(naam="Gemeente B-stad")
    Mandaat.objects.create(organisatie=gemeente, gebruikers_id="budget@b-stad.nl", maximum_bedrag=1_000_000)
    make_applicatie("afnemer", client_id="b-afnemer", organisatie=gemeente)
    make_applicatie("budgethouder", client_id="b-budgethouder", organisatie=gemeente)
    api = f"{live_server.url}/bestellingen/api/v1"
    afnemer = bearer("b-afnemer", user_id="inkoper@b-stad.nl")
    aantal = aanbieding["minimaleAfname"]

    created = requests.post(
        f"{api}/bestellingen",
        json={
            "besteller": f"{api}/organisaties/{gemeente.uuid}",
            "regels": [{"aanbieding": aanbieding["url"], "aantal": aantal}],
        },
        headers=afnemer,
        timeout=30,
    )
    assert created.status_code == 201, created.text
    order = created.json()
    submitted = requests.post(
        f"{order['url']}/statuswijzigingen",
        json={"naarStatus": "ter_goedkeuring"},
        headers=afnemer,
        timeout=30,
    )
    assert submitted.status_code == 201, submitted.text

    detail = requests.get(order["url"], headers=afnemer, timeout=30).json()
    regel = detail["regels"][0]
    eenmalig, per_jaar = _expected_amounts(aanbieding, aantal)
    assert detail["status"] == "ter_goedkeuring"
    assert regel["aanbieding"] == aanbieding["url"]
    assert detail["leverancier"] == aanbieding["leverancier"]
    assert (Decimal(regel["bedragEenmaligExclBtw"]), Decimal(regel["bedragPerJaarExclBtw"])) == (
        eenmalig,
        per_jaar,
    )
    assert regel["prijsMomentopname"]["datum"]
    assert {prijs["prijs"] for prijs in regel["prijsMomentopname"]["prijzen"]} <= {
        prijs["url"] for prijs in aanbieding["actuelePrijzen"]
    }
    copy = PeerAanbieding.objects.get(url=aanbieding["url"])
    assert copy.gegevens["naam"] == aanbieding["naam"]
    assert copy.etag  # A's ETag, sent back at submission
    # What B shows of A's offer is what A serves.
    served = requests.get(
        aanbieding["url"], headers=bearer(A_CLIENT, secret=demo_secret(A_CLIENT)), timeout=10
    )
    assert served.headers["ETag"] == copy.etag
    assert json.loads(served.content)["actuelePrijzen"] == copy.gegevens["actuelePrijzen"]
