"""Joint purchase rounds over HTTP: open, join, approve, close and award with each party's own
token, and what each party may (not) see. Every answer is checked against the contract."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from softwarebroker.organisaties.models import Mandaat
from softwarebroker.vraagbundelingen.models import Deelname, Vraagbundeling
from tests.bestellingen.api_world import API, CATALOGUS, Party
from tests.organisaties.factories import OrganisatieFactory

from .support import bundel_aanbieding

pytestmark = pytest.mark.django_db


def _organisatie(naam, client):
    organisatie = OrganisatieFactory(naam=naam)
    Mandaat.objects.create(
        organisatie=organisatie, gebruikers_id=f"budget@{client}.nl", maximum_bedrag=100000
    )
    return {
        "organisatie": organisatie,
        "url": f"{API}/organisaties/{organisatie.uuid}",
        "afnemer": Party(
            f"{client}-afnemer", "afnemer", organisatie=organisatie, user_id=f"inkoop@{client}.nl"
        ),
        "budgethouder": Party(
            f"{client}-budget", "budgethouder", organisatie=organisatie, user_id=f"budget@{client}.nl"
        ),
    }


@pytest.fixture
def ronde_world():
    aanbieding = bundel_aanbieding()
    return {
        "aanbieding": aanbieding,
        "a": _organisatie("Gemeente Aadorp", "aadorp"),
        "b": _organisatie("Gemeente Bedorp", "bedorp"),
        "leverancier": Party(
            "lev", "leverancier", leverancier=aanbieding.leverancier, user_id="support@leverancier.nl"
        ),
        "broker": Party("broker", "broker", user_id="beheer@broker.nl"),
    }


def open_via_api(world, **extra):
    body = {
        "aanbieding": f"{CATALOGUS}/aanbiedingen/{world['aanbieding'].uuid}",
        "initiatiefnemer": world["a"]["url"],
        "naam": "Zaaksysteem samen",
        "sluitingsdatum": str(timezone.localdate() + datetime.timedelta(days=14)),
        **extra,
    }
    response = world["a"]["afnemer"].post(f"{API}/vraagbundelingen", body)
    assert response.status_code == 201, response.content
    return response.json()


def join(party, ronde_url, organisatie_url, aantal, **extra):
    return party.post(f"{ronde_url}/deelnames", {"organisatie": organisatie_url, "aantal": aantal, **extra})


def approve(party, deelname_url):
    response = party.post(f"{deelname_url}/statuswijzigingen", {"naarStatus": "goedgekeurd"})
    assert response.status_code == 201, response.content
    return response.json()


def test_a_round_from_opening_to_award_over_http(ronde_world):
    a, b = ronde_world["a"], ronde_world["b"]
    ronde = open_via_api(ronde_world, minimumAantal=100)
    assert ronde["status"] == "open"
    assert (ronde["totaalAantal"], ronde["aantalDeelnemers"]) == (0, 0)
    assert ronde["verwachteEenheidsprijs"] == "9.50"

    deelname_a = join(a["afnemer"], ronde["url"], a["url"], 120)
    assert deelname_a.status_code == 201, deelname_a.content
    deelname_a = deelname_a.json()
    assert deelname_a["status"] == "aangemeld"
    assert deelname_a["bestelling"] is None
    deelname_b = join(b["afnemer"], ronde["url"], b["url"], 90, maxEenheidsprijs="9.00").json()

    wijziging = approve(a["budgethouder"], deelname_a["url"])
    assert (wijziging["vanStatus"], wijziging["naarStatus"]) == ("aangemeld", "goedgekeurd")
    approve(b["budgethouder"], deelname_b["url"])

    # 210 users reach the joint tier from 200.
    ronde = a["afnemer"].get(ronde["url"]).json()
    assert (ronde["totaalAantal"], ronde["aantalDeelnemers"], ronde["bereikteStaffel"]) == (210, 2, 200)
    assert ronde["verwachteEenheidsprijs"] == "8.00"

    # Only the initiator (or the broker) closes; the supplier awards.
    assert (
        b["afnemer"].post(f"{ronde['url']}/statuswijzigingen", {"naarStatus": "gesloten"}).status_code == 403
    )
    closed = a["afnemer"].post(f"{ronde['url']}/statuswijzigingen", {"naarStatus": "gesloten"})
    assert closed.status_code == 201, closed.content
    assert a["afnemer"].post(f"{ronde['url']}/statuswijzigingen", {"naarStatus": "gegund"}).status_code == 403
    awarded = ronde_world["leverancier"].post(f"{ronde['url']}/statuswijzigingen", {"naarStatus": "gegund"})
    assert awarded.status_code == 201, awarded.content

    ronde = a["afnemer"].get(ronde["url"]).json()
    assert (ronde["status"], ronde["verwachteEenheidsprijs"], ronde["totaalAantal"]) == (
        "gegund",
        "8.00",
        210,
    )
    own = a["afnemer"].get(deelname_a["url"]).json()
    assert own["status"] == "besteld"
    assert own["bestelling"].startswith(f"{API}/bestellingen/")
    order = a["afnemer"].get(own["bestelling"])
    assert order.status_code == 200
    assert (order.json()["besteller"], order.json()["vraagbundeling"]) == (a["url"], ronde["url"])
    listed = a["afnemer"].get(f"{API}/bestellingen").json()["results"]
    assert [row["vraagbundeling"] for row in listed] == [ronde["url"]]

    history = a["afnemer"].get(f"{ronde['url']}/statuswijzigingen").json()["results"]
    assert [row["naarStatus"] for row in history] == ["open", "gesloten", "gegund"]
    trail = ronde_world["broker"].get(f"{ronde['url']}/audittrail")
    assert trail.status_code == 200


def test_another_organisations_deelname_is_unknown_and_its_quantity_never_shown(ronde_world):
    a, b = ronde_world["a"], ronde_world["b"]
    ronde = open_via_api(ronde_world)
    deelname_a = join(a["afnemer"], ronde["url"], a["url"], 120, maxEenheidsprijs="9.25").json()
    deelname_b = join(b["afnemer"], ronde["url"], b["url"], 77).json()

    listed = b["afnemer"].get(f"{ronde['url']}/deelnames").json()["results"]
    assert [row["url"] for row in listed] == [deelname_b["url"]]
    assert b["afnemer"].get(deelname_a["url"]).status_code == 404
    assert b["budgethouder"].get(f"{deelname_a['url']}/statuswijzigingen").status_code == 404
    assert (
        b["budgethouder"]
        .post(f"{deelname_a['url']}/statuswijzigingen", {"naarStatus": "goedgekeurd"})
        .status_code
        == 404
    )
    assert b["afnemer"].send("PATCH", deelname_a["url"], {"aantal": 1}).status_code == 404
    body = b["afnemer"].get(ronde["url"]).content.decode()
    # Without the UUIDs of the URLs, which may hold the same digits by chance.
    body = re.sub(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "", body)
    assert "120" not in body and "9.25" not in body

    # The supplier sees no deelname while the round is open, all of them once it is closed.
    assert ronde_world["leverancier"].get(f"{ronde['url']}/deelnames").json()["results"] == []
    assert ronde_world["leverancier"].get(deelname_a["url"]).status_code == 404
    assert len(ronde_world["broker"].get(f"{ronde['url']}/deelnames").json()["results"]) == 2
    assert Deelname.objects.get(uuid=deelname_a["url"].rsplit("/", 1)[1]).aantal == 120


def test_a_round_under_a_framework_is_unknown_to_an_outsider(ronde_world):
    from tests.catalogus.factories import RaamovereenkomstFactory

    raamovereenkomst = RaamovereenkomstFactory(
        status="actief", leveranciers=[ronde_world["aanbieding"].leverancier]
    )
    raamovereenkomst.deelnemers.add(ronde_world["a"]["organisatie"])
    ronde_world["aanbieding"].raamovereenkomst = raamovereenkomst
    ronde_world["aanbieding"].save()
    ronde = open_via_api(ronde_world)
    outsider = ronde_world["b"]["afnemer"]
    assert outsider.get(ronde["url"]).status_code == 404
    assert outsider.get(f"{ronde['url']}/deelnames").status_code == 404
    assert outsider.get(f"{API}/vraagbundelingen").json()["results"] == []
    assert join(outsider, ronde["url"], ronde_world["b"]["url"], 10).status_code == 404


def test_bad_input_is_a_problem_with_its_path_and_nothing_changes(ronde_world):
    a = ronde_world["a"]
    ronde = open_via_api(ronde_world)
    assert join(a["afnemer"], ronde["url"], a["url"], 10).status_code == 201
    twice = join(a["afnemer"], ronde["url"], a["url"], 20)
    assert twice.status_code == 409
    assert twice.json()["code"] == "al_aangemeld"

    open_asked = a["afnemer"].post(f"{ronde['url']}/statuswijzigingen", {"naarStatus": "open"})
    assert open_asked.status_code == 400
    assert open_asked.json()["invalidParams"][0]["name"] == "naarStatus"
    assert open_asked.json()["invalidParams"][0]["code"] == "invalid_choice"

    not_changeable = a["afnemer"].send("PATCH", ronde["url"], {"status": "gegund", "naam": "x"})
    assert not_changeable.status_code == 400
    assert [p["name"] for p in not_changeable.json()["invalidParams"]] == ["status"]

    stale = a["afnemer"].send("PATCH", ronde["url"], {"naam": "Nieuw"}, **{"If-Match": '"x"'})
    assert stale.status_code == 412
    changed = a["afnemer"].get(ronde["url"])
    patched = a["afnemer"].send("PATCH", ronde["url"], {"naam": "Nieuw"}, **{"If-Match": changed["ETag"]})
    assert patched.status_code == 200, patched.content
    assert patched.json()["naam"] == "Nieuw"
    assert Vraagbundeling.objects.get().naam == "Nieuw"

    withdrawn = bundel_aanbieding(status="ingetrokken")
    response = a["afnemer"].post(
        f"{API}/vraagbundelingen",
        {
            "aanbieding": f"{CATALOGUS}/aanbiedingen/{withdrawn.uuid}",
            "initiatiefnemer": a["url"],
            "naam": "Niet",
            "sluitingsdatum": str(timezone.localdate() + datetime.timedelta(days=3)),
        },
    )
    assert response.status_code == 400, response.content
    assert {p["name"] for p in response.json()["invalidParams"]} == {"aanbieding"}
    assert Vraagbundeling.objects.count() == 1
    assert Decimal(Deelname.objects.get().aantal) == 10
