"""Software use over HTTP with each party's own token: registering by hand, the bad input the
issue lists (each a problem with nothing stored), the status history, If-Match and the filters
(alerts: test_api_attenties.py). Every answer is checked against the contract."""

import pytest
from django.utils import timezone

from softwarebroker.audit.models import AuditTrail
from softwarebroker.gebruik.models import Gebruik, GebruikStatuswijziging
from tests.bestellingen.api_world import API, CATALOGUS, Party
from tests.catalogus.factories import LeverancierFactory, SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.conftest import invalid_param, problem

from .api_support import geregistreerd, registreer, versie_url
from .support import ZAAKAFHANDEL, ZAAKREGISTRATIE

pytestmark = pytest.mark.django_db


def _nothing_changed(gebruik: dict, before: dict):
    """The stored use, its history and its audit trail are as ``before``."""
    stored = Gebruik.objects.get(uuid=gebruik["url"].rsplit("/", 1)[1])
    assert (stored.status, stored.versie, stored.toelichting) == before["row"]
    assert GebruikStatuswijziging.objects.filter(gebruik=stored).count() == before["history"]
    assert AuditTrail.objects.filter(hoofd_object_uuid=stored.uuid).count() == before["audit"]


def _state(gebruik: dict) -> dict:
    stored = Gebruik.objects.get(uuid=gebruik["url"].rsplit("/", 1)[1])
    return {
        "row": (stored.status, stored.versie, stored.toelichting),
        "history": GebruikStatuswijziging.objects.filter(gebruik=stored).count(),
        "audit": AuditTrail.objects.filter(hoofd_object_uuid=stored.uuid).count(),
    }


def test_an_afnemer_registers_software_bought_elsewhere(wereld):
    a = wereld["a"]

    response = registreer(
        a["afnemer"],
        a,
        wereld["pakket"],
        wereld["v1"],
        referentiecomponenten=[ZAAKREGISTRATIE.uri, ZAAKAFHANDEL.uri],
        status="gepland",
        statusdatum="2026-09-01",
        bedrijfskritisch=True,
        verwerktPersoonsgegevens=True,
        toelichting="Aanbesteed buiten de broker",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert response["Location"] == body["url"]
    assert response["ETag"] == f'"{body["url"].rsplit("/", 1)[1]}-1"'
    assert body["organisatie"] == a["url"]
    assert body["softwarepakketversie"] == versie_url(wereld["v1"])
    assert body["referentiecomponenten"] == [ZAAKREGISTRATIE.uri, ZAAKAFHANDEL.uri]
    assert (body["status"], body["statusdatum"]) == ("gepland", "2026-09-01")
    assert (body["bedrijfskritisch"], body["verwerktPersoonsgegevens"], body["vertrouwelijk"]) == (
        True,
        True,
        False,
    )
    assert (body["attentie"], body["attenties"], body["licentie"]) == (False, [], None)
    audit = a["afnemer"].get(f"{body['url']}/audittrail").json()["results"]
    assert [(entry["actie"], entry["resource"]) for entry in audit] == [("create", "gebruik")]
    assert audit[0]["gebruikersId"] == "i@aadorp.nl"
    history = a["afnemer"].get(f"{body['url']}/statuswijzigingen").json()["results"]
    assert [(h["vanStatus"], h["naarStatus"], h["datum"]) for h in history] == [
        (None, "gepland", "2026-09-01")
    ]
    assert a["afnemer"].get(history[0]["url"]).json() == history[0]


def test_registering_for_another_organisation_is_refused_and_stores_nothing(wereld):
    response = registreer(wereld["a"]["afnemer"], wereld["b"], wereld["pakket"], wereld["v1"])

    assert response.status_code == 400
    invalid_param(problem(response), "organisatie")
    assert not Gebruik.objects.exists()


def test_a_version_of_another_package_is_400_naming_softwarepakketversie(wereld):
    ander = SoftwarepakketversieFactory()

    response = registreer(wereld["a"]["afnemer"], wereld["a"], wereld["pakket"], ander)

    assert response.status_code == 400
    assert invalid_param(problem(response), "softwarepakketversie")["code"] == "ander_pakket"
    assert not Gebruik.objects.exists()
    assert not AuditTrail.objects.filter(resource="gebruik").exists()


def test_an_unknown_reference_component_is_400_at_its_index(wereld):
    onbekend = "https://www.gemmaonline.nl/wiki/GEMMA/id-00000000-0000-0000-0000-000000000000"

    response = registreer(
        wereld["a"]["afnemer"],
        wereld["a"],
        wereld["pakket"],
        wereld["v1"],
        referentiecomponenten=[onbekend, ZAAKREGISTRATIE.uri],
    )

    assert response.status_code == 400
    body = problem(response)
    assert invalid_param(body, "referentiecomponenten.0")["code"] == "onbekend"
    assert [p["name"] for p in body["invalidParams"]] == ["referentiecomponenten.0"]
    assert not Gebruik.objects.exists()


def test_the_same_use_twice_is_409(wereld):
    a = wereld["a"]
    geregistreerd(a["afnemer"], a, wereld["pakket"], wereld["v1"])

    response = registreer(a["afnemer"], a, wereld["pakket"], wereld["v1"])

    assert response.status_code == 409
    assert problem(response)["code"] == "bestaat_al"
    assert Gebruik.objects.count() == 1


def test_another_organisations_use_is_unknown_for_reading_and_writing(wereld):
    a, b = wereld["a"], wereld["b"]
    gebruik = geregistreerd(b["afnemer"], b, wereld["pakket"], wereld["v1"])
    before = _state(gebruik)
    afnemer = a["afnemer"]

    assert afnemer.get(gebruik["url"]).status_code == 404
    assert afnemer.send("PATCH", gebruik["url"], {"toelichting": "Van ons"}).status_code == 404
    assert afnemer.send("PUT", gebruik["url"], {**gebruik, "toelichting": "Van ons"}).status_code == 404
    assert afnemer.send("DELETE", gebruik["url"], {}).status_code == 404
    response = afnemer.post(f"{gebruik['url']}/statuswijzigingen", {"naarStatus": "uitgefaseerd"})
    assert response.status_code == 404
    assert problem(response)["code"] == "not_found"
    assert afnemer.get(f"{gebruik['url']}/statuswijzigingen").status_code == 404
    assert afnemer.get(f"{API}/gebruiken").json()["count"] == 0

    _nothing_changed(gebruik, before)
    assert "Bedorp" not in response.content.decode()


def test_going_back_without_the_history_allowing_it_is_409_and_stores_nothing(wereld):
    a = wereld["a"]
    gebruik = geregistreerd(a["afnemer"], a, wereld["pakket"], wereld["v1"])
    before = _state(gebruik)

    response = a["afnemer"].post(f"{gebruik['url']}/statuswijzigingen", {"naarStatus": "gepland"})

    assert response.status_code == 409
    body = problem(response)
    assert body["code"] == "status_overgang"
    _nothing_changed(gebruik, before)


def test_forward_always_and_back_one_step_by_undo(wereld):
    a = wereld["a"]
    gebruik = geregistreerd(a["afnemer"], a, wereld["pakket"], wereld["v1"], status="gepland")
    url = f"{gebruik['url']}/statuswijzigingen"
    vandaag = timezone.localdate()

    forward = a["afnemer"].post(url, {"naarStatus": "uit_te_faseren", "toelichting": "Vervanger gekozen"})
    assert forward.status_code == 201, forward.content
    assert forward["Location"] == forward.json()["url"]
    assert (forward.json()["vanStatus"], forward.json()["naarStatus"]) == ("gepland", "uit_te_faseren")
    assert forward.json()["datum"] == str(vandaag)
    undo = a["afnemer"].post(url, {"naarStatus": "gepland"})
    assert undo.status_code == 201, undo.content
    assert a["afnemer"].post(url, {"naarStatus": "verwerving"}).status_code == 409

    current = a["afnemer"].get(gebruik["url"]).json()
    assert current["status"] == "gepland"
    steps = [(h["vanStatus"], h["naarStatus"]) for h in a["afnemer"].get(url).json()["results"]]
    assert steps == [(None, "gepland"), ("gepland", "uit_te_faseren"), ("uit_te_faseren", "gepland")]


def test_a_budget_holder_reads_but_does_not_write_and_a_supplier_sees_no_uses(wereld):
    a = wereld["a"]
    gebruik = geregistreerd(a["afnemer"], a, wereld["pakket"], wereld["v1"])
    leverancier = Party("lev", "leverancier", leverancier=LeverancierFactory(), user_id="s@lev.nl")

    assert a["budgethouder"].get(gebruik["url"]).status_code == 200
    assert a["budgethouder"].send("PATCH", gebruik["url"], {"toelichting": "x"}).status_code == 403
    assert leverancier.get(f"{API}/gebruiken").status_code == 403
    assert leverancier.get(gebruik["url"]).status_code == 403


def test_patch_and_put_take_if_match(wereld):
    a = wereld["a"]
    created = registreer(a["afnemer"], a, wereld["pakket"], wereld["v1"])
    gebruik, etag = created.json(), created["ETag"]

    changed = a["afnemer"].send(
        "PATCH", gebruik["url"], {"toelichting": "Nu met koppeling"}, **{"If-Match": etag}
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["toelichting"] == "Nu met koppeling"
    assert changed["ETag"] != etag

    before = _state(gebruik)
    stale = a["afnemer"].send("PATCH", gebruik["url"], {"toelichting": "Oud"}, **{"If-Match": etag})
    assert stale.status_code == 412
    _nothing_changed(gebruik, before)

    read = a["afnemer"].get(gebruik["url"])
    assert read["ETag"] == changed["ETag"]
    body = {k: v for k, v in read.json().items() if k not in ("url", "attentie", "attenties")}
    body.update(softwarepakketversie=versie_url(wereld["v2"]), bedrijfskritisch=True)
    replaced = a["afnemer"].send("PUT", gebruik["url"], body, **{"If-Match": read["ETag"]})
    assert replaced.status_code == 200, replaced.content
    assert (replaced.json()["softwarepakketversie"], replaced.json()["bedrijfskritisch"]) == (
        versie_url(wereld["v2"]),
        True,
    )

    before = _state(gebruik)
    ander = f"{CATALOGUS}/softwarepakketten/{SoftwarepakketFactory().uuid}"
    via_patch = a["afnemer"].send(
        "PATCH", gebruik["url"], {"status": "uitgefaseerd", "softwarepakket": ander}
    )
    assert via_patch.status_code == 400
    codes = {(p["name"], p["code"]) for p in problem(via_patch)["invalidParams"]}
    assert codes == {("status", "via_statuswijziging"), ("softwarepakket", "onveranderlijk")}
    _nothing_changed(gebruik, before)


def test_delete_removes_a_use_without_licence(wereld):
    a = wereld["a"]
    gebruik = geregistreerd(a["afnemer"], a, wereld["pakket"], wereld["v1"])

    response = a["afnemer"].send("DELETE", gebruik["url"], {})

    assert response.status_code == 204
    assert not Gebruik.objects.exists()
    assert AuditTrail.objects.filter(resource="gebruik", actie="destroy").count() == 1


def test_filters(wereld):
    a, b, broker = wereld["a"], wereld["b"], wereld["broker"]
    eerste = geregistreerd(
        a["afnemer"], a, wereld["pakket"], wereld["v1"], referentiecomponenten=[ZAAKREGISTRATIE.uri]
    )
    tweede = geregistreerd(a["afnemer"], a, wereld["pakket"], wereld["v2"], status="gepland")
    derde = geregistreerd(b["afnemer"], b, wereld["pakket"], wereld["v2"], status="uitgefaseerd")

    def urls(query, party=broker):
        response = party.get(f"{API}/gebruiken?{query}")
        assert response.status_code == 200, response.content
        return {item["url"] for item in response.json()["results"]}

    assert urls(f"organisatie={a['url']}") == {eerste["url"], tweede["url"]}
    assert urls(f"softwarepakketversie={versie_url(wereld['v2'])}") == {tweede["url"], derde["url"]}
    assert urls(f"softwarepakket={CATALOGUS}/softwarepakketten/{wereld['pakket'].uuid}") == {
        eerste["url"],
        tweede["url"],
        derde["url"],
    }
    assert urls("status=gepland,uitgefaseerd") == {tweede["url"], derde["url"]}
    assert urls("status=gepland&status=in_productie") == {eerste["url"], tweede["url"]}
    assert urls(f"referentiecomponent={ZAAKREGISTRATIE.uri}") == {eerste["url"]}
    assert urls("status=gepland", party=b["afnemer"]) == set()
    bad = broker.get(f"{API}/gebruiken?status=weg&attentie=misschien")
    assert bad.status_code == 400
    assert {p["name"] for p in problem(bad)["invalidParams"]} == {"status", "attentie"}
