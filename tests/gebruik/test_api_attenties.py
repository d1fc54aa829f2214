"""Alerts on software use over HTTP: an end of support set through the Catalogus API shows
exactly the users of that version under ``?attentie=true`` (and notifies them), a vulnerability
is named by its URL, afhandelen takes a use out of the list, and the list's queries do not grow
with uses and alerts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob

from softwarebroker.audit.models import AuditTrail
from tests.bestellingen.api_world import API, CATALOGUS
from tests.conftest import problem
from tests.organisaties.factories import OrganisatieFactory

from .api_support import geregistreerd, organisatie_met_clients, versie_url
from .support import kwetsbaarheid

pytestmark = pytest.mark.django_db


def _einde_ondersteuning_via_api(broker, versie, dagen=200) -> str:
    datum = str(timezone.localdate() + datetime.timedelta(days=dagen))
    response = broker.send("PATCH", versie_url(versie), {"eindeOndersteuning": datum})
    assert response.status_code == 200, response.content
    return datum


def test_end_of_support_of_2_0_shows_exactly_its_two_users_under_attentie(
    wereld, notificaties_geconfigureerd
):
    broker = wereld["broker"]
    op_v1 = [wereld["a"], wereld["b"], organisatie_met_clients("Gemeente Cedorp", "cedorp")]
    op_v2 = [organisatie_met_clients(f"Gemeente {n}", n.lower()) for n in ("Dedorp", "Eedorp")]
    for organisatie in op_v1:
        geregistreerd(organisatie["afnemer"], organisatie, wereld["pakket"], wereld["v1"])
    gebruik_v2 = [geregistreerd(o["afnemer"], o, wereld["pakket"], wereld["v2"]) for o in op_v2]
    ProcrastinateJob.objects.all().delete()

    datum = _einde_ondersteuning_via_api(broker, wereld["v2"])

    alerted = broker.get(f"{API}/gebruiken?attentie=true").json()["results"]
    assert {item["url"] for item in alerted} == {g["url"] for g in gebruik_v2}
    for item in alerted:
        assert item["attentie"] is True
        [attentie] = item["attenties"]
        assert (attentie["reden"], attentie["eindeOndersteuning"], attentie["kwetsbaarheid"]) == (
            "einde_ondersteuning",
            datum,
            None,
        )
        assert attentie["softwarepakketversie"] == versie_url(wereld["v2"])
    quiet = broker.get(f"{API}/gebruiken?attentie=false").json()["results"]
    assert len(quiet) == 3 and not any(item["attentie"] for item in quiet)
    for organisatie in op_v1:
        assert organisatie["afnemer"].get(f"{API}/gebruiken?attentie=true").json()["count"] == 0
    for organisatie in op_v2:
        assert organisatie["budgethouder"].get(f"{API}/gebruiken?attentie=true").json()["count"] == 1
    notified = sorted(
        job.args["bericht"]["kenmerken"]["organisatie"]
        for job in ProcrastinateJob.objects.all()
        if job.args["bericht"].get("kanaal") == "gebruiken" and job.args["bericht"].get("actie") == "attentie"
    )
    assert notified == sorted(o["organisatie"].oin for o in op_v2)


def test_afhandelen_takes_the_use_out_of_attentie_true(wereld):
    d = organisatie_met_clients("Gemeente Dedorp", "dedorp")
    gebruik = geregistreerd(d["afnemer"], d, wereld["pakket"], wereld["v2"])
    _einde_ondersteuning_via_api(wereld["broker"], wereld["v2"])
    [attentie] = d["afnemer"].get(f"{gebruik['url']}/attenties").json()["results"]
    assert attentie["afgehandeldOp"] is None
    assert d["afnemer"].get(attentie["url"]).json() == attentie

    assert d["budgethouder"].post(f"{attentie['url']}/afhandelen", {}).status_code == 403
    response = d["afnemer"].post(f"{attentie['url']}/afhandelen", {})

    assert response.status_code == 200, response.content
    assert response.json()["afgehandeldOp"] is not None
    assert response.json()["url"] == attentie["url"]
    assert d["afnemer"].get(f"{API}/gebruiken?attentie=true").json()["count"] == 0
    read = d["afnemer"].get(gebruik["url"]).json()
    assert (read["attentie"], read["attenties"]) == (False, [])
    # The history keeps it, handled.
    [kept] = d["afnemer"].get(f"{gebruik['url']}/attenties").json()["results"]
    assert kept["afgehandeldOp"] == response.json()["afgehandeldOp"]
    again = d["afnemer"].post(f"{attentie['url']}/afhandelen", {})
    assert again.status_code == 409
    assert problem(again)["code"] == "afgehandeld"
    assert (
        AuditTrail.objects.filter(hoofd_object_uuid=gebruik["url"].rsplit("/", 1)[1], actie="update").count()
        == 1
    )


def test_an_alert_of_a_vulnerability_names_it(wereld):
    a = wereld["a"]
    gebruik = geregistreerd(a["afnemer"], a, wereld["pakket"], wereld["v1"])

    gevonden = kwetsbaarheid(wereld["v1"], cve_id="CVE-2026-4242")

    [attentie] = a["afnemer"].get(gebruik["url"]).json()["attenties"]
    assert attentie["reden"] == "kwetsbaarheid"
    assert attentie["kwetsbaarheid"] == (
        f"{CATALOGUS}/softwarepakketversies/{wereld['v1'].uuid}/kwetsbaarheden/{gevonden.uuid}"
    )
    assert attentie["eindeOndersteuning"] is None


def _organisatie() -> dict:
    organisatie = OrganisatieFactory()
    return {"organisatie": organisatie, "url": f"{API}/organisaties/{organisatie.uuid}"}


def test_list_queries_do_not_grow_with_uses_and_their_alerts(wereld):
    broker = wereld["broker"]

    def measure():
        with CaptureQueriesContext(connection) as captured:
            response = broker.get(f"{API}/gebruiken?attentie=true")
        assert response.status_code == 200
        return len(captured), response.json()["count"], response.json()["results"]

    for _ in range(2):
        geregistreerd(broker, _organisatie(), wereld["pakket"], wereld["v1"])
    kwetsbaarheid(wereld["v1"], cve_id="CVE-2026-1001")
    few, count, _ = measure()
    assert count == 2
    for _ in range(13):
        geregistreerd(broker, _organisatie(), wereld["pakket"], wereld["v1"])
    kwetsbaarheid(wereld["v1"], cve_id="CVE-2026-1002")
    _einde_ondersteuning_via_api(broker, wereld["v1"])
    many, count, results = measure()
    assert count == 15
    assert [len(item["attenties"]) for item in results] == [2] * 13 + [3] * 2
    assert many == few
