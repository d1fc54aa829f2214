"""``/softwarepakketversies/{uuid}/kwetsbaarheden``: public read like the version; published and
changed by the package's manufacturer (or the broker), which alerts exactly the organisations
that use the version, with a queued notification each."""

import pytest
from django.test import Client
from procrastinate.contrib.django.models import ProcrastinateJob

from softwarebroker.catalogus.models import Kwetsbaarheid
from softwarebroker.gebruik.models import Attentie
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.catalogus.api_requests import BASE, send
from tests.catalogus.factories import LeverancierFactory, SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.conftest import invalid_param, problem
from tests.gebruik.support import gebruik, kwetsbaarheid
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

NIEUW = {
    "cveId": "CVE-2026-31337",
    "titel": "Inlogomzeiling via de koppelvlak-API",
    "beschrijving": "Een aanvaller kan zonder token zaken lezen.",
    "ernst": "kritiek",
    "opgelostIn": "1.0.1",
    "referenties": ["https://nvd.nist.gov/vuln/detail/CVE-2026-31337"],
}


def client_for(*roles, **tenant) -> Client:
    return Client(headers=bearer(make_applicatie(*roles, **tenant).client_id))


@pytest.fixture
def pakket():
    fabrikant = LeverancierFactory(naam="Zaakvlot B.V.")
    pakket = SoftwarepakketFactory(fabrikant=fabrikant)
    v1 = SoftwarepakketversieFactory(softwarepakket=pakket, versie="1.0.0")
    v2 = SoftwarepakketversieFactory(softwarepakket=pakket, versie="2.0.0")
    return fabrikant, pakket, v1, v2


def pad(versie, *rest) -> str:
    return "/".join((f"softwarepakketversies/{versie.uuid}/kwetsbaarheden", *rest))


def test_the_manufacturer_publishes_and_exactly_the_users_of_the_version_are_alerted(
    pakket, notificaties_geconfigureerd
):
    fabrikant, softwarepakket, v1, v2 = pakket
    op_v1 = [OrganisatieFactory() for _ in range(3)]
    op_v2 = [OrganisatieFactory() for _ in range(2)]
    for organisatie in op_v1:
        gebruik(organisatie, softwarepakket, softwarepakketversie=v1)
    for organisatie in op_v2:
        gebruik(organisatie, softwarepakket, softwarepakketversie=v2)
    ProcrastinateJob.objects.all().delete()

    response = send(client_for("leverancier", leverancier=fabrikant), "POST", pad(v1), NIEUW)

    assert response.status_code == 201, response.content
    body = response.json()
    created = Kwetsbaarheid.objects.get()
    assert body == {
        "url": f"http://testserver{BASE}/{pad(v1, str(created.uuid))}",
        "softwarepakketversie": f"http://testserver{BASE}/softwarepakketversies/{v1.uuid}",
        **NIEUW,
        "gepubliceerdOp": body["gepubliceerdOp"],
    }
    assert response["Location"] == body["url"]
    alerted = Attentie.objects.filter(reden="kwetsbaarheid", kwetsbaarheid=created)
    assert sorted(a.gebruik.organisatie.oin for a in alerted) == sorted(o.oin for o in op_v1)
    notified = sorted(
        job.args["bericht"]["kenmerken"]["organisatie"]
        for job in ProcrastinateJob.objects.all()
        if job.args["bericht"].get("kanaal") == "gebruiken" and job.args["bericht"].get("actie") == "attentie"
    )
    assert notified == sorted(o.oin for o in op_v1)
    published = [
        (bericht["actie"], bericht["resourceUrl"])
        for bericht in (job.args["bericht"] for job in ProcrastinateJob.objects.all())
        if bericht.get("kanaal") == "softwarepakketten" and bericht.get("resource") == "kwetsbaarheid"
    ]
    assert [
        (actie, resource_url.endswith(pad(v1, str(created.uuid)))) for actie, resource_url in published
    ] == [("create", True)]


def test_only_the_manufacturer_or_the_broker_publishes(pakket):
    _fabrikant, _pakket, v1, _v2 = pakket
    andere = client_for("leverancier", leverancier=LeverancierFactory())
    afnemer = client_for("afnemer", organisatie=OrganisatieFactory())

    assert problem(send(andere, "POST", pad(v1), NIEUW))["status"] == 403
    assert problem(send(afnemer, "POST", pad(v1), NIEUW))["status"] == 403
    assert not Kwetsbaarheid.objects.exists()
    assert send(client_for("broker"), "POST", pad(v1), NIEUW).status_code == 201


def test_the_same_cve_twice_for_a_version_is_a_conflict_and_for_another_version_not(pakket):
    fabrikant, _pakket, v1, v2 = pakket
    leverancier = client_for("leverancier", leverancier=fabrikant)
    send(leverancier, "POST", pad(v1), NIEUW)

    again = send(leverancier, "POST", pad(v1), {**NIEUW, "titel": "Nogmaals"})

    body = problem(again)
    assert (again.status_code, body["code"]) == (409, "bestaat_al")
    assert Kwetsbaarheid.objects.get().titel == NIEUW["titel"]
    assert send(leverancier, "POST", pad(v2), NIEUW).status_code == 201


def test_bad_input_lists_every_field(pakket):
    fabrikant, _pakket, v1, _v2 = pakket

    response = send(
        client_for("leverancier", leverancier=fabrikant),
        "POST",
        pad(v1),
        {"cveId": "CVE-26-1", "ernst": "enorm", "referenties": ["geen url"]},
    )

    body = problem(response)
    assert response.status_code == 400
    for name in ("cveId", "titel", "ernst", "referenties.0"):
        invalid_param(body, name)
    assert not Kwetsbaarheid.objects.exists()


def test_read_by_everyone_who_reads_the_catalogue_and_changed_by_the_manufacturer(pakket):
    fabrikant, _pakket, v1, v2 = pakket
    gevonden = kwetsbaarheid(v1, cve_id="CVE-2026-10001", ernst="gemiddeld")
    kwetsbaarheid(v2, cve_id="CVE-2026-10002")
    lezer = client_for("lezer", organisatie=OrganisatieFactory())

    lijst = lezer.get(f"{BASE}/{pad(v1)}").json()
    detail = lezer.get(f"{BASE}/{pad(v1, str(gevonden.uuid))}")
    onder_andere_versie = lezer.get(f"{BASE}/{pad(v2, str(gevonden.uuid))}")
    onbekende_versie = lezer.get(f"{BASE}/softwarepakketversies/{gevonden.uuid}/kwetsbaarheden")

    assert [item["cveId"] for item in lijst["results"]] == ["CVE-2026-10001"]
    assert detail.json()["ernst"] == "gemiddeld"
    assert onder_andere_versie.status_code == 404
    assert onbekende_versie.status_code == 404

    leverancier = client_for("leverancier", leverancier=fabrikant)
    gewijzigd = send(
        leverancier, "PATCH", pad(v1, str(gevonden.uuid)), {"ernst": "hoog", "opgelostIn": "1.0.2"}
    )
    cve = send(leverancier, "PATCH", pad(v1, str(gevonden.uuid)), {"cveId": "CVE-2026-99999"})
    andere = send(
        client_for("leverancier", leverancier=LeverancierFactory()),
        "PATCH",
        pad(v1, str(gevonden.uuid)),
        {"ernst": "laag"},
    )

    assert (gewijzigd.status_code, gewijzigd.json()["ernst"], gewijzigd.json()["opgelostIn"]) == (
        200,
        "hoog",
        "1.0.2",
    )
    assert invalid_param(problem(cve), "cveId")["code"] == "onveranderlijk"
    assert andere.status_code == 403
    gevonden.refresh_from_db()
    assert (gevonden.cve_id, gevonden.ernst) == ("CVE-2026-10001", "hoog")
