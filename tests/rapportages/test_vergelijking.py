"""``/rapportages/vergelijking``: the comparison group, the counts and their suppression, the
same counts for every member of a group, who may ask about whom, and the CSV export."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from softwarebroker.api.exports import CSV
from softwarebroker.rapportages.vergelijking import grootteklasse
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.catalogus.factories import SoftwarepakketFactory
from tests.conftest import invalid_param, problem
from tests.gebruik.support import ZAAKAFHANDEL, ZAAKREGISTRATIE, gebruik, register
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

URL = "/bestellingen/api/v1/rapportages/vergelijking"
ZRC, ZAC = ZAAKREGISTRATIE.uri, ZAAKAFHANDEL.uri
ORGANISATIES = "http://testserver/bestellingen/api/v1/organisaties"


def _client(*roles, **party) -> Client:
    applicatie = make_applicatie(*roles, **party)
    return Client(headers=bearer(applicatie.client_id, user_id="piet@test"))


def _rijen(body) -> dict:
    return {
        (rij["referentiecomponentNaam"], rij["softwarepakketNaam"]): (
            rij["eigenGebruik"],
            rij["aantalOrganisaties"],
            rij["onvoldoendeGegevens"],
        )
        for rij in body["resultaten"]
    }


def test_size_classes():
    assert [grootteklasse(n)[0] for n in (0, 19_999, 20_000, 49_999, 50_000, 99_999, 100_000, 250_000)] == [
        "kleiner_dan_20000",
        "kleiner_dan_20000",
        "20000_tot_50000",
        "20000_tot_50000",
        "50000_tot_100000",
        "50000_tot_100000",
        "100000_tot_250000",
        "vanaf_250000",
    ]
    assert grootteklasse(None)[0] == "onbekend"


def test_counts_in_the_group_suppression_and_the_same_counts_for_every_member():
    register()
    een, twee, drie, vier = (SoftwarepakketFactory(naam=naam) for naam in ("Een", "Twee", "Drie", "Vier"))
    # The group: gemeenten of 20,000 to 50,000 inhabitants, six of them.
    eigen = OrganisatieFactory(inwonertal=30_000)
    anderen = [
        OrganisatieFactory(inwonertal=inwoners) for inwoners in (20_000, 25_000, 40_000, 45_000, 49_999)
    ]
    groter = OrganisatieFactory(inwonertal=50_000)
    provincie = OrganisatieFactory(type="provincie", inwonertal=30_000, gemeentecode="")

    gebruik(eigen, een, referentiecomponenten=[ZRC])
    gebruik(eigen, drie, referentiecomponenten=[ZAC], status="uit_te_faseren")
    for organisatie in anderen[:4]:  # Een: 4 others and itself
        gebruik(organisatie, een, referentiecomponenten=[ZRC])
    for organisatie in anderen:  # Twee: 5 others, not itself
        gebruik(organisatie, twee, referentiecomponenten=[ZRC])
    for organisatie in anderen[:2]:  # Drie: 2 others and itself: 3
        gebruik(organisatie, drie, referentiecomponenten=[ZAC])
    for organisatie in anderen[:4]:  # Vier: 4 others, not itself: never listed
        gebruik(organisatie, vier, referentiecomponenten=[ZAC])
    gebruik(anderen[4], vier, referentiecomponenten=[ZAC], status="uitgefaseerd")  # no longer in use
    for organisatie in (groter, provincie):  # outside the group: not counted
        gebruik(organisatie, drie, referentiecomponenten=[ZAC])
        gebruik(organisatie, vier, referentiecomponenten=[ZAC])

    with CaptureQueriesContext(connection) as queries:
        response = _client("afnemer", organisatie=eigen).get(URL)
    body = response.json()
    assert response.status_code == 200, body
    assert {key: body[key] for key in body if key != "resultaten"} == {
        "organisatie": f"{ORGANISATIES}/{eigen.uuid}",
        "type": "gemeente",
        "grootteklasse": "20000_tot_50000",
        "aantalVergelijkbareOrganisaties": 6,
        "onvoldoendeGegevens": False,
    }
    assert _rijen(body) == {
        ("Zaakafhandelcomponent", "Drie"): (True, None, True),
        ("Zaakregistratiecomponent", "Een"): (True, 5, False),
        ("Zaakregistratiecomponent", "Twee"): (False, 5, False),
    }
    assert [rij["softwarepakketNaam"] for rij in body["resultaten"]] == ["Drie", "Een", "Twee"]
    rij = body["resultaten"][1]
    assert rij["referentiecomponent"] == ZRC
    assert rij["softwarepakket"] == f"http://testserver/catalogus/api/v1/softwarepakketten/{een.uuid}"
    assert all(o.naam not in response.content.decode() for o in anderen)

    # Another member asks: for every package both see, the same count (the asking one counts in
    # every group, so no answer differs by one organisation's choice).
    lid = anderen[0]  # uses Een, Twee, Drie and Vier
    van_lid = _rijen(_client("budgethouder", organisatie=lid).get(URL).json())
    assert van_lid == {
        ("Zaakafhandelcomponent", "Drie"): (True, None, True),
        ("Zaakafhandelcomponent", "Vier"): (True, None, True),
        ("Zaakregistratiecomponent", "Een"): (True, 5, False),
        ("Zaakregistratiecomponent", "Twee"): (True, 5, False),
    }
    # More uses, the same queries.
    for organisatie in anderen:
        gebruik(organisatie, SoftwarepakketFactory(), referentiecomponenten=[ZRC, ZAC])
    with CaptureQueriesContext(connection) as more:
        assert _client("afnemer", organisatie=eigen).get(URL).status_code == 200
    assert len(more) == len(queries)

    # The broker names the organisation; it may not leave it out.
    broker = _client("broker")
    assert _rijen(broker.get(f"{URL}?organisatie={ORGANISATIES}/{eigen.uuid}").json())[
        ("Zaakregistratiecomponent", "Een")
    ] == (True, 5, False)
    assert invalid_param(problem(broker.get(URL)), "organisatie")["code"] == "required"
    # An organisation asking about another: as an unknown one.
    refused = problem(
        _client("afnemer", organisatie=eigen).get(f"{URL}?organisatie={ORGANISATIES}/{lid.uuid}")
    )
    assert invalid_param(refused, "organisatie")["code"] == "does_not_exist"
    assert problem(_client("lezer", organisatie=eigen).get(URL))["status"] == 403
    assert problem(_client("afnemer", organisatie=eigen).get(f"{URL}?organisatie=x&jaar=1"))["status"] == 400

    # The provincie is alone in its group: no count at all, only its own packages.
    alleen = _client("afnemer", organisatie=provincie).get(URL).json()
    assert (alleen["aantalVergelijkbareOrganisaties"], alleen["onvoldoendeGegevens"]) == (None, True)
    assert _rijen(alleen) == {
        ("Zaakafhandelcomponent", "Drie"): (True, None, True),
        ("Zaakafhandelcomponent", "Vier"): (True, None, True),
    }

    export = _client("afnemer", organisatie=eigen).get(URL, headers={"Accept": CSV})
    assert export.status_code == 200
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == (
        "Referentiecomponent;Referentiecomponent (naam);Softwarepakket;Softwarepakket (naam);Eigen gebruik;"
        "Aantal organisaties;Onvoldoende gegevens"
    )
    assert (
        lines[1]
        == f"{ZAC};Zaakafhandelcomponent;http://testserver/catalogus/api/v1/softwarepakketten/{drie.uuid};Drie;ja;;ja"
    )
    assert len(lines) == 4
