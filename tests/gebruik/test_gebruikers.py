"""``GET /catalogus/api/v1/softwarepakketten/{uuid}/gebruikers``: the numbers for everyone who
may read the package, the organisations by name for government only, never a use marked
vertrouwelijk by name; counted by the database in a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from softwarebroker.gebruik import services
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.catalogus.factories import LeverancierFactory, SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.gebruik.support import BROKER, gebruik
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

STATUSSEN = ("verwerving", "gepland", "in_productie", "uit_te_faseren", "uitgefaseerd")


def _client(*roles, **tenant) -> Client:
    applicatie = make_applicatie(*roles, **tenant)
    return Client(headers=bearer(applicatie.client_id))


def _url(pakket) -> str:
    return f"/catalogus/api/v1/softwarepakketten/{pakket.uuid}/gebruikers"


def _per_status(**counts) -> dict:
    return {status: counts.get(status, 0) for status in STATUSSEN}


@pytest.fixture
def landschap():
    """Version 2.0 (newest release) used by Almere (in production), Breda (gepland) and Delft
    (vertrouwelijk, in production); 1.0 by Almere (uit te faseren) and Culemborg (in
    production); Culemborg also without a version (verwerving). Another package's use is not
    counted."""
    pakket = SoftwarepakketFactory(naam="Zaaksysteem")
    v1 = SoftwarepakketversieFactory(
        softwarepakket=pakket, versie="1.0.0", releasedatum=datetime.date(2024, 1, 1)
    )
    v2 = SoftwarepakketversieFactory(
        softwarepakket=pakket, versie="2.0.0", releasedatum=datetime.date(2026, 1, 1)
    )
    almere, breda, culemborg, delft = (
        OrganisatieFactory(naam=naam)
        for naam in ("Gemeente Almere", "Gemeente Breda", "Gemeente Culemborg", "Gemeente Delft")
    )
    gebruik(almere, pakket, softwarepakketversie=v2)
    gebruik(breda, pakket, softwarepakketversie=v2, status="gepland")
    gebruik(delft, pakket, softwarepakketversie=v2, vertrouwelijk=True)
    gebruik(almere, pakket, softwarepakketversie=v1, status="uit_te_faseren")
    gebruik(culemborg, pakket, softwarepakketversie=v1)
    gebruik(culemborg, pakket, status="verwerving")
    gebruik(OrganisatieFactory(), SoftwarepakketFactory())
    return pakket, v1, v2, {"almere": almere, "breda": breda, "culemborg": culemborg, "delft": delft}


def _numbers(body, v1, v2):
    versies = "http://testserver/catalogus/api/v1/softwarepakketversies"
    assert body["aantalOrganisaties"] == 4
    assert body["perVersie"] == [
        {
            "softwarepakketversie": f"{versies}/{v2.uuid}",
            "versie": "2.0.0",
            "aantalOrganisaties": 3,
            "perStatus": _per_status(gepland=1, in_productie=2),
        },
        {
            "softwarepakketversie": f"{versies}/{v1.uuid}",
            "versie": "1.0.0",
            "aantalOrganisaties": 2,
            "perStatus": _per_status(in_productie=1, uit_te_faseren=1),
        },
        {
            "softwarepakketversie": None,
            "versie": None,
            "aantalOrganisaties": 1,
            "perStatus": _per_status(verwerving=1),
        },
    ]


@pytest.mark.parametrize("role", ["afnemer", "budgethouder", "broker"])
def test_government_sees_the_numbers_and_the_organisations_by_name_except_the_confidential(landschap, role):
    pakket, v1, v2, org = landschap
    tenant = {} if role == "broker" else {"organisatie": OrganisatieFactory()}
    response = _client(role, **tenant).get(_url(pakket))

    assert response.status_code == 200
    body = response.json()
    assert body["softwarepakket"] == f"http://testserver/catalogus/api/v1/softwarepakketten/{pakket.uuid}"
    _numbers(body, v1, v2)
    versies = "http://testserver/catalogus/api/v1/softwarepakketversies"
    organisaties = "http://testserver/bestellingen/api/v1/organisaties"
    assert body["organisaties"] == [
        {
            "organisatie": f"{organisaties}/{org['almere'].uuid}",
            "naam": "Gemeente Almere",
            "gebruiken": [
                {"softwarepakketversie": f"{versies}/{v2.uuid}", "versie": "2.0.0", "status": "in_productie"},
                {
                    "softwarepakketversie": f"{versies}/{v1.uuid}",
                    "versie": "1.0.0",
                    "status": "uit_te_faseren",
                },
            ],
        },
        {
            "organisatie": f"{organisaties}/{org['breda'].uuid}",
            "naam": "Gemeente Breda",
            "gebruiken": [
                {"softwarepakketversie": f"{versies}/{v2.uuid}", "versie": "2.0.0", "status": "gepland"}
            ],
        },
        {
            "organisatie": f"{organisaties}/{org['culemborg'].uuid}",
            "naam": "Gemeente Culemborg",
            "gebruiken": [
                {"softwarepakketversie": f"{versies}/{v1.uuid}", "versie": "1.0.0", "status": "in_productie"},
                {"softwarepakketversie": None, "versie": None, "status": "verwerving"},
            ],
        },
    ]
    assert "Gemeente Delft" not in response.content.decode()
    assert str(org["delft"].uuid) not in response.content.decode()


@pytest.mark.parametrize("role", ["leverancier", "lezer", "anoniem"])
def test_suppliers_readers_and_anonymous_see_only_the_numbers(landschap, role, settings):
    pakket, v1, v2, org = landschap
    if role == "anoniem":
        settings.CATALOGUS_ANONYMOUS_READ = True
        client = Client()
    elif role == "leverancier":
        # The package's own manufacturer too: it learns how many, never who.
        client = _client("leverancier", leverancier=pakket.fabrikant)
    else:
        client = _client("lezer", organisatie=org["almere"])
    response = client.get(_url(pakket))

    assert response.status_code == 200
    body = response.json()
    _numbers(body, v1, v2)
    assert "organisaties" not in body
    for organisatie in org.values():
        assert organisatie.naam not in response.content.decode()


def test_a_package_without_uses_has_zero_and_no_versions():
    pakket = SoftwarepakketFactory()
    SoftwarepakketversieFactory(softwarepakket=pakket)
    body = _client("broker").get(_url(pakket)).json()
    assert body["aantalOrganisaties"] == 0
    assert body["perVersie"] == []
    assert body["organisaties"] == []


def test_a_package_the_client_cannot_see_is_a_404():
    concept = SoftwarepakketFactory(status="concept")
    gebruik(OrganisatieFactory(), concept)
    assert _client("afnemer", organisatie=OrganisatieFactory()).get(_url(concept)).status_code == 404
    # Its manufacturer sees its own concept package.
    manufacturer = _client("leverancier", leverancier=concept.fabrikant)
    assert manufacturer.get(_url(concept)).json()["aantalOrganisaties"] == 1
    other = _client("leverancier", leverancier=LeverancierFactory())
    assert other.get(_url(concept)).status_code == 404


def test_marking_a_use_confidential_hides_the_name_but_keeps_the_count(landschap):
    pakket, _v1, _v2, org = landschap
    breda = pakket.gebruiken.get(organisatie=org["breda"])
    services.update_gebruik(acting=BROKER, gebruik=breda, partial=True, vertrouwelijk=True)
    body = _client("broker").get(_url(pakket)).json()
    assert [o["naam"] for o in body["organisaties"]] == ["Gemeente Almere", "Gemeente Culemborg"]
    assert body["aantalOrganisaties"] == 4
    assert body["perVersie"][0]["perStatus"]["gepland"] == 1


def test_unknown_query_parameter_is_a_400(landschap):
    pakket, *_ = landschap
    response = _client("broker").get(_url(pakket), {"pagina": "2"})
    assert response.status_code == 400


def _spread(pakket, versies, organisaties: int):
    """Every organisation uses each version and the package without a version; every fourth
    marks all its uses vertrouwelijk."""
    for n in range(organisaties):
        organisatie = OrganisatieFactory()
        for index, versie in enumerate([*versies, None]):
            gebruik(
                organisatie,
                pakket,
                softwarepakketversie=versie,
                status=STATUSSEN[(n + index) % len(STATUSSEN)],
                vertrouwelijk=n % 4 == 0,
            )


@pytest.mark.parametrize("role, reads_of_uses", [("broker", 2), ("lezer", 1)])
def test_the_number_of_queries_does_not_grow_with_the_uses(django_assert_num_queries, role, reads_of_uses):
    pakket = SoftwarepakketFactory()
    versies = [SoftwarepakketversieFactory(softwarepakket=pakket) for _ in range(3)]
    client = _client(role, **({} if role == "broker" else {"organisatie": OrganisatieFactory()}))
    _spread(pakket, versies[:1], 2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(_url(pakket)).json()["aantalOrganisaties"] == 2
    assert sum("gebruik_gebruik" in query["sql"] for query in small.captured_queries) == reads_of_uses

    _spread(pakket, versies, 25)
    with django_assert_num_queries(len(small.captured_queries)):
        body = client.get(_url(pakket)).json()
    assert body["aantalOrganisaties"] == 27
    assert sum(versie["aantalOrganisaties"] for versie in body["perVersie"]) == 2 * 2 + 25 * 4
    if role == "broker":
        # n % 4 == 0 marks all of an organisation's uses: 1 of the first 2, 7 of the next 25.
        assert len(body["organisaties"]) == 27 - 8
