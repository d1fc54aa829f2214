"""Orders and licences in the admin: read-only screens, the broker's transitions as actions
through the same services as the API (one audit entry each, bron admin), never the secret."""

import datetime
import json

import pytest
from django.contrib.auth.models import Permission, User
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from softwarebroker.audit.models import AuditTrail
from softwarebroker.autorisaties.context import Acting
from softwarebroker.bestellingen import services, statemachine
from softwarebroker.bestellingen.admin import transitions
from softwarebroker.bestellingen.models import Bestelling, Licentie
from softwarebroker.gebruik.models import Gebruik
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

from .helpers import Partijen

pytestmark = pytest.mark.django_db

BESTELLINGEN = "/admin/bestellingen/bestelling/"
LICENTIES = "/admin/bestellingen/licentie/"
API = "http://testserver/bestellingen/api/v1"
GEHEIM = "SLEUTEL-7Q2X-9ZK4-ZEER-GEHEIM"


def messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def act(admin_client, action, bestelling, toelichting=None):
    data = {"action": action, "_selected_action": [bestelling.pk]}
    if toelichting is not None:
        data |= {transitions.CONFIRMED: "ja", "toelichting": toelichting}
    return admin_client.post(BESTELLINGEN, data)


def api_transition(client, bestelling, naar, **extra):
    return client.post(
        f"{API}/bestellingen/{bestelling.uuid}/statuswijzigingen",
        json.dumps({"naarStatus": naar, **extra}),
        content_type="application/json",
    )


# --- orders in the states the broker's actions start from ----------------------------------


def ingediend(partijen):
    return partijen.ingediend()


def geaccepteerd(partijen):
    bestelling = partijen.ingediend()
    services.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="geaccepteerd")
    return bestelling


def in_behandeling(partijen):
    return partijen.in_behandeling()


def wacht_op_afnemer(partijen):
    bestelling = partijen.in_behandeling()
    services.change_status(
        acting=partijen.leverancier,
        bestelling=bestelling,
        naar="wacht_op_afnemer",
        toelichting="Welke omgeving?",
    )
    return bestelling


def geleverd_klaar(partijen):
    """In progress, its one line delivered with a secret."""
    bestelling = partijen.in_behandeling()
    services.create_levering(
        acting=partijen.leverancier,
        bestelling=bestelling,
        regel=bestelling.regels.get(),
        type="licentiesleutel",
        verwijzing="https://leverancier.example/activeren",
        geheim=GEHEIM,
    )
    return bestelling


def annulering_gevraagd(partijen):
    bestelling = partijen.in_behandeling()
    services.create_annuleringsverzoek(
        acting=partijen.afnemer, bestelling=bestelling, reden="Niet meer nodig."
    )
    return bestelling


# --- the list and the detail ----------------------------------------------------------------


@pytest.fixture
def geleverd():
    """A delivered order with its history, a message, a delivery with a secret and a licence."""
    partijen = Partijen()
    bestelling = geleverd_klaar(partijen)
    services.create_bericht(
        acting=partijen.afnemer,
        bestelling=bestelling,
        inhoud="Wanneer komt de sleutel?",
        zichtbaarheid="openbaar",
    )
    services.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="geleverd")
    bestelling.refresh_from_db()
    return bestelling


def test_list_and_search_find_orders_by_number_and_besteller(admin_client, geleverd):
    other = Partijen().bestelling()
    naam = geleverd.besteller.naam

    listed = admin_client.get(BESTELLINGEN)
    by_nummer = admin_client.get(BESTELLINGEN, {"q": geleverd.nummer})
    by_naam = admin_client.get(BESTELLINGEN, {"q": f'"{naam}"'})  # quoted: one term
    by_oin = admin_client.get(BESTELLINGEN, {"q": geleverd.besteller.oin})
    filtered = admin_client.get(BESTELLINGEN, {"status__exact": "geleverd"})

    assert listed.status_code == 200
    assert {b.nummer for b in listed.context["cl"].result_list} == {geleverd.nummer, other.nummer}
    for name, response in [("nummer", by_nummer), ("naam", by_naam), ("oin", by_oin), ("status", filtered)]:
        assert response.status_code == 200
        assert [b.nummer for b in response.context["cl"].result_list] == [geleverd.nummer], name
    content = listed.content.decode()
    assert naam in content and geleverd.besteller.oin in content and geleverd.leverancier.naam in content


def test_detail_shows_history_messages_and_deliveries_read_only(admin_client, geleverd):
    response = admin_client.get(f"{BESTELLINGEN}{geleverd.pk}/change/")

    assert response.status_code == 200
    content = response.content.decode()
    assert geleverd.nummer in content
    assert "historie (statuswijzigingen)" in content.lower()
    assert "In behandeling" in content and "Geleverd" in content  # the history's states
    assert "Wanneer komt de sleutel?" in content  # the message
    assert "https://leverancier.example/activeren" in content and "Licentiesleutel" in content  # delivery
    audittrail = f"/admin/audit/audittrail/?hoofd_object_uuid={geleverd.uuid}"
    assert audittrail in content  # a link to the order's audit trail
    entries = admin_client.get(audittrail).context["cl"].result_count
    assert entries == AuditTrail.objects.filter(hoofd_object_uuid=geleverd.uuid).count() > 0
    assert 'name="_save"' not in content and 'name="nummer"' not in content  # nothing to save


def test_the_secret_is_never_shown(admin_client, geleverd):
    pages = [
        admin_client.get(BESTELLINGEN),
        admin_client.get(BESTELLINGEN, {"q": geleverd.nummer}),
        admin_client.get(BESTELLINGEN, {"q": geleverd.besteller.naam}),
        admin_client.get(f"{BESTELLINGEN}{geleverd.pk}/change/"),
        admin_client.get(LICENTIES),
        admin_client.get(f"{LICENTIES}{Licentie.objects.get().pk}/change/"),
    ]

    for page in pages:
        assert page.status_code == 200
        assert GEHEIM not in page.content.decode()
    # Not searchable either, and deliveries have no admin screen of their own.
    assert admin_client.get(BESTELLINGEN, {"q": GEHEIM}).context["cl"].result_count == 0
    assert admin_client.get("/admin/bestellingen/levering/").status_code == 404


def test_orders_cannot_be_added_changed_or_deleted(admin_client, geleverd):
    change = f"{BESTELLINGEN}{geleverd.pk}/change/"

    assert admin_client.get(f"{BESTELLINGEN}add/").status_code == 403
    assert admin_client.post(change, {"kostenplaats": "Anders"}).status_code == 403
    assert admin_client.get(f"{BESTELLINGEN}{geleverd.pk}/delete/").status_code == 403
    assert admin_client.post(f"{BESTELLINGEN}{geleverd.pk}/delete/", {"post": "yes"}).status_code == 403
    deleting = admin_client.post(
        BESTELLINGEN, {"action": "delete_selected", "_selected_action": [geleverd.pk]}
    )
    assert deleting.status_code == 302  # no such action: back to the list, nothing deleted
    assert Bestelling.objects.filter(pk=geleverd.pk, kostenplaats=geleverd.kostenplaats).exists()


def test_changelist_queries_do_not_grow_with_the_orders(admin_client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            response = admin_client.get(BESTELLINGEN)
        assert response.status_code == 200
        return len(context.captured_queries)

    for _ in range(5):
        Partijen().ingediend()
    with_5 = queries()
    for _ in range(20):
        Partijen().bestelling()

    assert Bestelling.objects.count() == 25
    assert queries() == with_5


# --- the transitions ------------------------------------------------------------------------


def test_an_action_for_each_transition_of_the_broker():
    offered = {action.__name__ for action in transitions.ACTIONS}
    broker = {
        o.naar
        for o in statemachine.TRANSITIONS
        if statemachine.BROKER in o.partijen and o.via == "statuswijzigingen"
    }

    assert {f"naar_{naar}" for naar in broker} | {"annulering_uitgevoerd", "annulering_afgewezen"} == offered


@pytest.mark.parametrize(
    ("action", "start", "toelichting", "naar"),
    [
        ("naar_geaccepteerd", ingediend, None, "geaccepteerd"),
        ("naar_geweigerd", ingediend, "Niet leverbaar in deze regio.", "geweigerd"),
        ("naar_in_behandeling", geaccepteerd, None, "in_behandeling"),
        ("naar_in_behandeling", wacht_op_afnemer, None, "in_behandeling"),
        ("naar_wacht_op_afnemer", in_behandeling, "Welke omgeving wilt u?", "wacht_op_afnemer"),
        ("naar_geleverd", geleverd_klaar, None, "geleverd"),
        ("naar_deels_geleverd", geleverd_klaar, None, "deels_geleverd"),
        ("naar_mislukt", in_behandeling, "De omgeving bestaat niet meer.", "mislukt"),
        ("annulering_uitgevoerd", annulering_gevraagd, None, "geannuleerd"),
        ("annulering_afgewezen", annulering_gevraagd, "Het werk is al gedaan.", "in_behandeling"),
    ],
)
def test_each_action_changes_the_status_through_the_service(
    admin_client, admin_user, action, start, toelichting, naar
):
    bestelling = start(Partijen())
    earlier = set(AuditTrail.objects.values_list("pk", flat=True))

    response = act(admin_client, action, bestelling, toelichting)

    assert response.status_code == 302
    label = next(a.short_description for a in transitions.ACTIONS if a.__name__ == action)
    assert messages(response) == [f"{label}: 1 object(en) gewijzigd."]
    bestelling.refresh_from_db()
    assert bestelling.status == naar
    wijziging = bestelling.statuswijzigingen.latest("tijdstip", "id")
    assert (wijziging.naar_status, wijziging.actor, wijziging.toelichting) == (
        naar,
        admin_user.username,
        toelichting or "",
    )
    entries = AuditTrail.objects.exclude(pk__in=earlier)
    entry = entries.get(hoofd_object_uuid=bestelling.uuid)  # exactly one for the order
    assert (entry.bron, entry.gebruikers_id, entry.applicatie_id) == ("admin", admin_user.username, "")
    assert entry.nieuw["status"] == naar and entry.toelichting == "Via de beheeromgeving"
    # A delivered line also makes its licence and registers its use, main objects with an
    # entry of their own.
    licenties = {str(uuid) for uuid in Licentie.objects.values_list("uuid", flat=True)}
    gebruiken = {str(uuid) for uuid in Gebruik.objects.values_list("uuid", flat=True)}
    assert {str(e.hoofd_object_uuid) for e in entries.exclude(pk=entry.pk)} <= licenties | gebruiken
    assert {e.bron for e in entries} == {"admin"}
    if naar == "wacht_op_afnemer":  # the question reaches the buyer as a message
        assert bestelling.berichten.get(auteur_rol="broker").inhoud == toelichting


def test_an_action_needing_a_toelichting_asks_for_it_first(admin_client):
    bestelling = ingediend(Partijen())
    earlier = AuditTrail.objects.count()

    response = admin_client.post(
        BESTELLINGEN, {"action": "naar_geweigerd", "_selected_action": [bestelling.pk]}
    )

    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="toelichting"' in content and bestelling.nummer in content
    bestelling.refresh_from_db()
    assert bestelling.status == "ingediend" and AuditTrail.objects.count() == earlier


def test_a_refused_transition_changes_nothing_and_says_what_the_api_says(admin_client, client):
    bestelling = Partijen().bestelling()  # a concept: nobody accepts it yet
    earlier = (AuditTrail.objects.count(), bestelling.versie)

    response = act(admin_client, "naar_geaccepteerd", bestelling)

    bestelling.refresh_from_db()
    assert (AuditTrail.objects.count(), bestelling.versie) == earlier and bestelling.status == "concept"
    answer = api_transition(client, bestelling, "geaccepteerd")
    assert answer.status_code == 409
    body = problem(answer)
    assert body["code"] == "status_overgang"
    assert messages(response) == [f"Niet gewijzigd: {bestelling.nummer}: {body['detail']}"]


def test_a_missing_toelichting_is_refused_by_the_service(admin_client, client):
    bestelling = ingediend(Partijen())
    earlier = AuditTrail.objects.count()

    response = act(admin_client, "naar_geweigerd", bestelling, toelichting="  ")

    bestelling.refresh_from_db()
    assert bestelling.status == "ingediend" and AuditTrail.objects.count() == earlier
    answer = api_transition(client, bestelling, "geweigerd")
    assert answer.status_code == 400
    reason = invalid_param(problem(answer), "toelichting")["reason"]
    assert messages(response) == [f"Niet gewijzigd: {bestelling.nummer}: {reason}"]


def test_a_bulk_action_changes_each_order_it_may(admin_client):
    accepted, concept = ingediend(Partijen()), Partijen().bestelling()

    response = admin_client.post(
        BESTELLINGEN, {"action": "naar_geaccepteerd", "_selected_action": [accepted.pk, concept.pk]}
    )

    statuses = dict(Bestelling.objects.values_list("pk", "status"))
    assert (statuses[accepted.pk], statuses[concept.pk]) == ("geaccepteerd", "concept")
    shown = messages(response)
    assert any("1 object(en) gewijzigd" in m for m in shown)
    assert any(m.startswith(f"Niet gewijzigd: {concept.nummer}: ") for m in shown)


def test_cancellation_actions_need_a_cancellation_request(admin_client):
    bestelling = in_behandeling(Partijen())

    response = act(admin_client, "annulering_uitgevoerd", bestelling)

    bestelling.refresh_from_db()
    assert bestelling.status == "in_behandeling"
    assert messages(response) == [
        f"Niet gewijzigd: {bestelling.nummer}: Deze bestelling heeft geen annuleringsverzoek."
    ]


def test_who_may_only_view_orders_makes_no_transitions():
    viewer = User.objects.create_user("kijker", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_bestelling"))
    client = Client()
    client.force_login(viewer)
    bestelling = ingediend(Partijen())

    assert client.get(BESTELLINGEN).status_code == 200
    assert "naar_geaccepteerd" not in client.get(BESTELLINGEN).content.decode()
    client.post(BESTELLINGEN, {"action": "naar_geaccepteerd", "_selected_action": [bestelling.pk]})
    bestelling.refresh_from_db()
    assert bestelling.status == "ingediend"


# --- licences -------------------------------------------------------------------------------


def test_licences_are_listed_searched_and_read_only(admin_client, geleverd):
    licentie = Licentie.objects.get()
    pakket = licentie.aanbieding.softwarepakket.naam
    change = f"{LICENTIES}{licentie.pk}/change/"

    for query in (geleverd.besteller.naam, pakket, licentie.aanbieding.naam):
        found = admin_client.get(LICENTIES, {"q": query})
        assert found.status_code == 200 and list(found.context["cl"].result_list) == [licentie]
    detail = admin_client.get(change)
    assert detail.status_code == 200 and geleverd.nummer in detail.content.decode()
    assert 'name="_save"' not in detail.content.decode()
    assert admin_client.get(f"{LICENTIES}add/").status_code == 403
    assert admin_client.post(change, {"aantal": 1}).status_code == 403
    assert admin_client.get(f"{LICENTIES}{licentie.pk}/delete/").status_code == 403


def test_an_external_licence_is_listed_and_shown(admin_client):
    licentie = services.register_licentie(
        acting=Acting.system("test"),
        organisatie=OrganisatieFactory(),
        leverancier_naam="Buiten B.V.",
        softwarepakket_naam="Kantoorpakket",
        contractnummer="KS-14",
        aantal=3,
        ingangsdatum=datetime.date(2026, 1, 1),
    )

    listed = admin_client.get(LICENTIES, {"q": "Kantoorpakket", "bron": "extern"})
    assert listed.status_code == 200 and list(listed.context["cl"].result_list) == [licentie]
    assert "Kantoorpakket" in listed.content.decode()
    detail = admin_client.get(f"{LICENTIES}{licentie.pk}/change/")
    assert detail.status_code == 200 and "KS-14" in detail.content.decode()
