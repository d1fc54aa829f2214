"""The application landscape export: JSON in the Softwarecatalogus' shape (validated against
its published schemas), CSV for spreadsheets, only for the organisation's own clients and the
broker."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from softwarebroker.catalogus.models import Softwarepakket
from softwarebroker.gebruik import services
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.catalogus.factories import LeverancierFactory, SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.conftest import problem
from tests.gebruik import voorzieningen_schema
from tests.gebruik.support import BROKER, ZAAKAFHANDEL, ZAAKREGISTRATIE, gebruik, register
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

NIET_IN_REGISTER = "https://www.gemmaonline.nl/wiki/GEMMA/id-00000000-0000-4000-8000-000000000000"


def url(organisatie) -> str:
    return f"/bestellingen/api/v1/organisaties/{organisatie.uuid}/applicatielandschap"


def client_of(organisatie, *rollen) -> Client:
    applicatie = make_applicatie(*(rollen or ("afnemer",)), organisatie=organisatie)
    return Client(headers=bearer(applicatie.client_id, user_id="ict@gemeente.example"))


@pytest.fixture
def gemeente():
    register()
    organisatie = OrganisatieFactory(naam="Gemeente Landschap")
    fabrikant = LeverancierFactory(naam="Zaaksoft B.V.")
    zaken = SoftwarepakketFactory(
        naam="Zaaksysteem",
        omschrijving="Zaakgericht werken.",
        fabrikant=fabrikant,
        referentiecomponenten=[ZAAKREGISTRATIE.uri, ZAAKAFHANDEL.uri],
    )
    v1 = SoftwarepakketversieFactory(softwarepakket=zaken, versie="1.0.0")
    portaal = SoftwarepakketFactory(
        naam='=HYPERLINK("https://kwaad.example")', omschrijving="", korte_omschrijving=""
    )
    actief = gebruik(
        organisatie,
        zaken,
        softwarepakketversie=v1,
        referentiecomponenten=[ZAAKREGISTRATIE.uri],
        statusdatum=datetime.date(2026, 2, 1),
        bedrijfskritisch=True,
        verwerkt_persoonsgegevens=True,
        toelichting="-1+1 voor de burgerzaken",
    )
    gepland = gebruik(organisatie, portaal, status="gepland", statusdatum=datetime.date(2026, 3, 1))
    return organisatie, zaken, v1, portaal, actief, gepland


def test_json_is_the_softwarecatalogus_shape_and_valid_against_its_schemas(client, gemeente):
    organisatie, zaken, v1, portaal, actief, gepland = gemeente

    response = client.get(url(organisatie))

    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    body = response.json()
    for item in body["voorzieningen"]:
        assert voorzieningen_schema.errors("Voorziening", item) == []
    for item in body["gebruik"]:
        assert voorzieningen_schema.errors("VoorzieningGebruik", item) == []
    assert body["voorzieningen"] == [
        {
            "id": str(portaal.uuid),
            "naam": portaal.naam,
            "referentieComponenten": [],
            "voorzieningstype": "Toepassing",
        },
        {
            "id": str(zaken.uuid),
            "naam": "Zaaksysteem",
            "beschrijving": "Zaakgericht werken.",
            "referentieComponenten": [
                "a97b6545-d5a7-485d-9b13-3ce22db5b9cf",
                "f2dfbd0b-9d36-405c-bdbe-827f3296de29",
            ],
            "voorzieningstype": "Toepassing",
        },
    ]
    assert body["gebruik"] == [
        {
            "id": str(gepland.uuid),
            "organisatieId": str(organisatie.uuid),
            "voorzieningId": str(portaal.uuid),
            "status": "Gepland",
            "bedrijfsKritisch": False,
            "privacyGevoelig": False,
        },
        {
            "id": str(actief.uuid),
            "organisatieId": str(organisatie.uuid),
            "voorzieningId": str(zaken.uuid),
            "versieId": str(v1.uuid),
            "startDatum": "2026-02-01",
            "status": "Actief",
            "opmerkingen": "-1+1 voor de burgerzaken",
            "bedrijfsKritisch": True,
            "privacyGevoelig": True,
        },
    ]


def test_dates_come_from_the_history_and_an_ended_use_is_beeindigd(client, gemeente):
    organisatie, _zaken, _v1, _portaal, actief, gepland = gemeente
    services.wijzig_status(
        acting=BROKER, gebruik=gepland, naar_status="in_productie", datum=datetime.date(2026, 4, 1)
    )
    services.wijzig_status(
        acting=BROKER, gebruik=actief, naar_status="uitgefaseerd", datum=datetime.date(2026, 5, 1)
    )

    gebruik_ = {item["id"]: item for item in client.get(url(organisatie)).json()["gebruik"]}

    assert gebruik_[str(gepland.uuid)]["status"] == "Actief"
    assert gebruik_[str(gepland.uuid)]["startDatum"] == "2026-04-01"
    assert "eindDatum" not in gebruik_[str(gepland.uuid)]
    ended = gebruik_[str(actief.uuid)]
    assert (ended["status"], ended["startDatum"], ended["eindDatum"]) == (
        "Beëindigd",
        "2026-02-01",
        "2026-05-01",
    )
    for item in gebruik_.values():
        assert voorzieningen_schema.errors("VoorzieningGebruik", item) == []


def test_a_component_not_in_the_register_is_left_out(client, gemeente):
    organisatie, _zaken, *_ = gemeente
    anders = SoftwarepakketFactory(referentiecomponenten=[ZAAKREGISTRATIE.uri])
    # Stored before the register knew it (the register refuses new unknown ones).
    Softwarepakket.objects.filter(pk=anders.pk).update(
        referentiecomponenten=[ZAAKREGISTRATIE.uri, NIET_IN_REGISTER]
    )
    anders.refresh_from_db()
    gebruik(organisatie, anders)

    voorzieningen = {item["id"]: item for item in client.get(url(organisatie)).json()["voorzieningen"]}

    assert voorzieningen[str(anders.uuid)]["referentieComponenten"] == [
        "a97b6545-d5a7-485d-9b13-3ce22db5b9cf"
    ]


def test_csv_has_a_row_per_use_and_no_cell_is_a_formula(client, gemeente):
    organisatie, _zaken, _v1, portaal, _actief, _gepland = gemeente

    response = client.get(url(organisatie), headers={"Accept": "text/csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="applicatielandschap.csv"' in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows == [
        [
            "Pakket",
            "Versie",
            "Fabrikant",
            "Referentiecomponenten",
            "Status",
            "Sinds",
            "Bedrijfskritisch",
            "Verwerkt persoonsgegevens",
            "Contractnummer licentie",
            "Toelichting",
        ],
        [
            '\'=HYPERLINK("https://kwaad.example")',
            "",
            portaal.fabrikant.naam if portaal.fabrikant else "",
            "",
            "Gepland",
            "2026-03-01",
            "nee",
            "nee",
            "",
            "",
        ],
        [
            "Zaaksysteem",
            "1.0.0",
            "Zaaksoft B.V.",
            "Zaakregistratiecomponent",
            "In productie",
            "2026-02-01",
            "ja",
            "ja",
            "",
            "'-1+1 voor de burgerzaken",
        ],
    ]


@pytest.mark.parametrize("begin", ["=", "+", "-", "@"])
def test_every_formula_start_is_neutralised(begin):
    from softwarebroker.gebruik.landschap import veilig

    assert veilig(f"{begin}SUM(A1)") == f"'{begin}SUM(A1)"
    assert veilig("Zaaksysteem") == "Zaaksysteem"


def test_another_accept_is_406(client, gemeente):
    response = client.get(url(gemeente[0]), headers={"Accept": "application/xml"})

    assert response.status_code == 406
    assert problem(response)["code"] == "not_acceptable"


def test_own_clients_read_it_another_organisation_gets_404(gemeente):
    organisatie = gemeente[0]
    ander = OrganisatieFactory()

    own = client_of(organisatie).get(url(organisatie))
    own_budget = client_of(organisatie, "budgethouder").get(url(organisatie))
    foreign = client_of(ander).get(url(organisatie))
    foreign_csv = client_of(ander).get(url(organisatie), headers={"Accept": "text/csv"})
    lezer = client_of(organisatie, "lezer").get(url(organisatie))

    assert own.status_code == 200 and len(own.json()["gebruik"]) == 2
    assert own_budget.status_code == 200
    assert foreign.status_code == 404 and foreign_csv.status_code == 404
    assert "Gemeente Landschap" not in foreign.content.decode()
    assert lezer.status_code == 403


def test_queries_do_not_grow_with_the_uses(client, gemeente):
    organisatie = gemeente[0]
    with CaptureQueriesContext(connection) as few:
        client.get(url(organisatie))
    for _ in range(5):
        pakket = SoftwarepakketFactory(referentiecomponenten=[ZAAKAFHANDEL.uri])
        gebruik(organisatie, pakket, softwarepakketversie=SoftwarepakketversieFactory(softwarepakket=pakket))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url(organisatie))

    assert len(response.json()["gebruik"]) == 7
    assert len(many.captured_queries) == len(few.captured_queries)
