"""The Bestellingen API over HTTP, with a client per party."""

from decimal import Decimal

import pytest
from django.db import connection

from softwarebroker.audit.models import AuditTrail
from softwarebroker.bestellingen.models import Bestelling, Levering
from tests.api.contract import assert_matches_component
from tests.conftest import invalid_param, problem

from .api_world import API, CATALOGUS, Party, bestelling_payload, create, transition

pytestmark = pytest.mark.django_db


def test_the_whole_walk_over_http(world):
    afnemer, budgethouder, leverancier = world["afnemer"], world["budgethouder"], world["leverancier"]
    created = create(world, aantal=60)
    url = created["Location"]
    body = created.json()
    assert body["status"] == "concept" and body["nummer"]
    assert body["totaalEenmaligExclBtw"] == "6000.00" and body["regels"][0]["volgnummer"] == 1
    assert leverancier.get(url).status_code == 404  # a concept is not the supplier's business yet

    assert transition(afnemer, url, "ter_goedkeuring").status_code == 201
    assert budgethouder.post(f"{url}/beoordelingen", {"besluit": "goedgekeurd"}).status_code == 201
    assert leverancier.get(url).json()["status"] == "ingediend"
    assert transition(leverancier, url, "geaccepteerd").status_code == 201
    assert transition(leverancier, url, "in_behandeling").status_code == 201
    delivered = leverancier.post(
        f"{url}/leveringen", {"regel": 1, "type": "licentiesleutel", "geheim": "XK-99"}
    )
    assert delivered.status_code == 201, delivered.content
    assert "geheim" not in delivered.json()
    assert transition(leverancier, url, "geleverd").status_code == 201

    bestelling = afnemer.get(url).json()
    assert bestelling["status"] == "geleverd" and bestelling["regels"][0]["status"] == "geleverd"
    assert bestelling["regels"][0]["prijsMomentopname"]["prijzen"][1]["staffelVanafAantal"] == 50
    history = afnemer.get(f"{url}/statuswijzigingen").json()["results"]
    assert [item["naarStatus"] for item in history] == [
        "ter_goedkeuring",
        "ingediend",
        "geaccepteerd",
        "in_behandeling",
        "geleverd",
    ]
    licenties = afnemer.get(f"{API}/licenties").json()["results"]
    assert [(item["aantal"], item["status"]) for item in licenties] == [(60, "actief")]

    geheim_url = f"{delivered['Location']}/geheim"
    assert afnemer.get(geheim_url).json() == {"geheim": "XK-99"}
    assert leverancier.get(geheim_url).status_code == 403
    assert AuditTrail.objects.filter(resource="levering.geheim").count() == 1
    assert Levering.objects.get().geheim == "XK-99"
    with connection.cursor() as cursor:
        cursor.execute("SELECT geheim FROM bestellingen_levering")
        assert "XK-99" not in cursor.fetchone()[0]  # encrypted at rest
    trail = afnemer.get(f"{url}/audittrail").json()["results"]
    assert len(trail) >= 7


def test_the_frozen_prices_have_the_documented_shape_and_name_each_price_by_url(world, documents):
    afnemer = world["afnemer"]
    url = create(world, aantal=60)["Location"]
    assert afnemer.get(url).json()["regels"][0]["prijsMomentopname"] is None  # an estimate until submitted
    assert transition(afnemer, url, "ter_goedkeuring").status_code == 201

    snapshot = afnemer.get(url).json()["regels"][0]["prijsMomentopname"]

    component = documents["bestellingen"]["components"]["schemas"]["PrijsMomentopname"]
    assert set(component["required"]) == set(component["properties"])
    assert_matches_component(documents["bestellingen"], "PrijsMomentopname", snapshot)
    assert [(prijs["prijstype"], prijs["periode"]) for prijs in snapshot["prijzen"]] == [
        ("eenmalig", None),
        ("terugkerend", "jaar"),
    ]
    for prijs in snapshot["prijzen"]:
        assert prijs["prijs"].startswith(f"{CATALOGUS}/prijzen/")
        assert afnemer.get(prijs["prijs"]).json()["url"] == prijs["prijs"]


def test_writes_of_an_order_carry_the_etag_the_contract_declares(world, documents):
    paths = documents["bestellingen"]["paths"]
    afnemer = world["afnemer"]

    created = create(world)
    changed = afnemer.send("PATCH", created["Location"], {"kostenplaats": "ICT-2027"})
    replaced = afnemer.send("PUT", created["Location"], bestelling_payload(world, aantal=2))

    for response, method, status in (
        (created, "post", "201"),
        (changed, "patch", "200"),
        (replaced, "put", "200"),
    ):
        assert response.status_code == int(status), response.content
        path = "/bestellingen" if method == "post" else "/bestellingen/{uuid}"
        assert "ETag" in paths[path][method]["responses"][status]["headers"], (method, status)
        assert response["ETag"].startswith('"')


def test_not_allowed_transitions_say_which_are(world):
    url = create(world)["Location"]

    conflict = transition(world["afnemer"], url, "geleverd")
    assert conflict.status_code == 409
    body = problem(conflict)
    assert body["code"] == "status_overgang" and "ter_goedkeuring" in body["detail"]
    other_party = transition(world["budgethouder"], url, "ter_goedkeuring")
    assert other_party.status_code == 403


def test_idempotency_key_replays_and_refuses_another_body(world):
    afnemer = world["afnemer"]

    first = afnemer.post(f"{API}/bestellingen", bestelling_payload(world), **{"Idempotency-Key": "abc-1"})
    again = afnemer.post(f"{API}/bestellingen", bestelling_payload(world), **{"Idempotency-Key": "abc-1"})
    other = afnemer.post(
        f"{API}/bestellingen", bestelling_payload(world, aantal=3), **{"Idempotency-Key": "abc-1"}
    )

    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json() and again["Location"] == first["Location"]
    assert again["Idempotent-Replayed"] == "true"
    assert problem(other)["code"] == "idempotency_key_reused" and other.status_code == 409
    assert Bestelling.objects.count() == 1
    # keys are per API client
    budget_organisatie_client = Party(
        "afnemer-2", "afnemer", organisatie=world["organisatie"], user_id="collega@x.nl"
    )
    assert (
        budget_organisatie_client.post(
            f"{API}/bestellingen", bestelling_payload(world), **{"Idempotency-Key": "abc-1"}
        ).status_code
        == 201
    )
    assert Bestelling.objects.count() == 2


def test_a_failed_request_does_not_use_up_its_key(world):
    afnemer = world["afnemer"]
    bad = afnemer.post(f"{API}/bestellingen", {"regels": []}, **{"Idempotency-Key": "k-2"})
    good = afnemer.post(f"{API}/bestellingen", bestelling_payload(world), **{"Idempotency-Key": "k-2"})

    assert (bad.status_code, good.status_code) == (400, 201)


def test_if_match_protects_against_lost_updates(world):
    afnemer = world["afnemer"]
    url = create(world)["Location"]
    read = afnemer.get(url)
    etag = read["ETag"]

    first = afnemer.send("PATCH", url, {"kostenplaats": "A"}, **{"If-Match": etag})
    second = afnemer.send("PATCH", url, {"kostenplaats": "B"}, **{"If-Match": etag})

    assert first.status_code == 200 and first["ETag"] != etag
    assert second.status_code == 412 and problem(second)["code"] == "precondition_failed"
    assert afnemer.get(url).json()["kostenplaats"] == "A"


def test_filters_on_status_list_and_besteller(world):
    afnemer = world["afnemer"]
    concept = create(world)["Location"]
    submitted = create(world)["Location"]
    transition(afnemer, submitted, "ter_goedkeuring")

    def nummers(query):
        return {item["url"] for item in afnemer.get(f"{API}/bestellingen?{query}").json()["results"]}

    assert nummers("status=concept") == {concept}
    assert nummers("status=concept,ter_goedkeuring") == {concept, submitted}
    assert nummers(f"besteller={API}/organisaties/{world['organisatie'].uuid}") == {concept, submitted}
    assert invalid_param(problem(afnemer.get(f"{API}/bestellingen?status=bestaat_niet")), "status")


def test_totals_are_decimal_strings(world):
    body = create(world, aantal=3).json()

    assert body["totaalEenmaligExclBtw"] == "300.00"
    assert body["totaalPerJaarExclBtw"] == "30.00"
    assert Decimal(body["totaalBtw"]) == Decimal("69.30")


def test_order_list_queries_do_not_grow_with_lines(world):
    from django.test.utils import CaptureQueriesContext

    from tests.bestellingen.factories import BestellingFactory, BestelregelFactory

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert world["afnemer"].get(f"{API}/bestellingen").status_code == 200
        return len(captured)

    for _ in range(3):  # concepts: lines are added to an order before it is submitted
        BestellingFactory(besteller=world["organisatie"], status="concept")
    few = queries()
    for bestelling in Bestelling.objects.all():
        BestelregelFactory.create_batch(5, bestelling=bestelling)
    BestellingFactory.create_batch(10, besteller=world["organisatie"])

    assert queries() == few


def test_a_supplier_filters_its_orders_by_status_and_date(world):
    url = create(world)["Location"]
    transition(world["afnemer"], url, "ter_goedkeuring")
    world["budgethouder"].post(f"{url}/beoordelingen", {"besluit": "goedgekeurd"})
    leverancier = world["leverancier"]

    assert leverancier.get(f"{API}/bestellingen?status=ingediend").json()["count"] == 1
    assert leverancier.get(f"{API}/bestellingen?status=geaccepteerd").json()["count"] == 0
    assert leverancier.get(f"{API}/bestellingen?ingediendVanaf=2000-01-01").json()["count"] == 1
    assert leverancier.get(f"{API}/bestellingen?ingediendTot=2000-01-01").json()["count"] == 0


def test_licences_are_filtered_and_only_the_own_are_visible(world):
    import datetime

    from tests.bestellingen.factories import LicentieFactory

    own = world["organisatie"]
    soon = LicentieFactory(organisatie=own, einddatum=datetime.date(2026, 3, 1))
    later = LicentieFactory(organisatie=own, einddatum=datetime.date(2030, 1, 1), status="opgezegd")
    LicentieFactory()  # another organisation's
    afnemer = world["afnemer"]

    def urls(query=""):
        return {
            item["url"].rsplit("/", 1)[1]
            for item in afnemer.get(f"{API}/licenties?{query}").json()["results"]
        }

    assert urls() == {str(soon.uuid), str(later.uuid)}
    assert urls("verlooptVoor=2027-01-01") == {str(soon.uuid)}
    assert urls("status=opgezegd") == {str(later.uuid)}
    assert urls(f"softwarepakket={CATALOGUS}/softwarepakketten/{soon.aanbieding.softwarepakket.uuid}") == {
        str(soon.uuid)
    }
    assert urls(f"organisatie={API}/organisaties/{own.uuid}") == {str(soon.uuid), str(later.uuid)}
