"""The broker's review queue in the admin: read only, approve and reject as actions through
``review_verklaring`` (one audit entry each, bron admin), the same refusals as the service."""

import datetime

import pytest
from django.contrib.auth.models import Permission, User
from django.contrib.messages import get_messages
from django.test import Client

from softwarebroker.audit.models import AuditTrail
from softwarebroker.catalogus.verklaringen import admin as verklaringen_admin
from softwarebroker.catalogus.verklaringen import services
from tests.catalogus.factories import AanbiedingFactory

from .support import goedgekeurde_verklaring, leverancier_acting

pytestmark = pytest.mark.django_db

VERKLARINGEN = "/admin/catalogus/verklaring/"


def messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def ingediend(onderwerp=None, type="dpia"):
    onderwerp = onderwerp or AanbiedingFactory()
    eigenaar = leverancier_acting(services.eigenaar_van(onderwerp))
    verklaring = services.create_verklaring(
        acting=eigenaar,
        onderwerp=onderwerp,
        type=type,
        geldig_vanaf=datetime.date(2026, 1, 1),
        bewijs_url="https://leverancier.example/dpia.pdf",
    )
    return services.submit_verklaring(acting=eigenaar, verklaring=verklaring)


def act(client, action, *verklaringen, reden=None, query=""):
    data = {"action": action, "_selected_action": [verklaring.pk for verklaring in verklaringen]}
    if reden is not None:
        data |= {verklaringen_admin.CONFIRMED: "ja", "toelichting": reden}
    return client.post(VERKLARINGEN + query, data)


def admin_entries():
    return AuditTrail.objects.filter(bron="admin")


def test_the_queue_lists_those_under_review_by_default(admin_client):
    wacht = ingediend()
    goedgekeurd = goedgekeurde_verklaring(AanbiedingFactory())

    queue = admin_client.get(VERKLARINGEN)
    alle = admin_client.get(VERKLARINGEN + "?status=alle")
    goedgekeurde = admin_client.get(VERKLARINGEN + "?status=goedgekeurd")

    assert [v.pk for v in queue.context["cl"].result_list] == [wacht.pk]
    assert {v.pk for v in alle.context["cl"].result_list} == {wacht.pk, goedgekeurd.pk}
    assert [v.pk for v in goedgekeurde.context["cl"].result_list] == [goedgekeurd.pk]


def test_the_detail_is_read_only(admin_client):
    verklaring = ingediend()
    change = f"{VERKLARINGEN}{verklaring.pk}/change/"

    response = admin_client.get(change)
    assert response.status_code == 200
    assert "https://leverancier.example/dpia.pdf" in response.content.decode()
    assert not response.context["adminform"].form.fields  # every field read only
    assert admin_client.post(change, {"omschrijving": "Anders"}).status_code == 403
    assert admin_client.get(VERKLARINGEN + "add/").status_code == 403
    assert admin_client.post(f"{VERKLARINGEN}{verklaring.pk}/delete/", {"post": "yes"}).status_code == 403
    verklaring.refresh_from_db()
    assert verklaring.omschrijving == ""


def test_approving_goes_through_the_service_with_one_audit_entry(admin_client, admin_user):
    verklaring = ingediend()
    before = admin_entries().count()

    response = act(admin_client, "goedkeuren", verklaring)

    assert response.status_code == 302
    assert messages(response) == ["Goedkeuren: 1 object(en) gewijzigd."]
    verklaring.refresh_from_db()
    assert (verklaring.status, verklaring.beoordelaar) == ("goedgekeurd", admin_user.get_username())
    assert admin_entries().count() == before + 1
    entry = admin_entries().latest("id")
    assert (entry.actie, entry.oud["status"], entry.nieuw["status"]) == (
        "update",
        "ter_beoordeling",
        "goedgekeurd",
    )


def test_rejecting_asks_for_the_reason_and_refuses_an_empty_one(admin_client):
    verklaring = ingediend()

    asked = act(admin_client, "afwijzen", verklaring)
    assert asked.status_code == 200
    assert "Reden van de afwijzing" in asked.content.decode()

    before = admin_entries().count()
    empty = act(admin_client, "afwijzen", verklaring, reden="  ")
    assert messages(empty) == [f"Niet gewijzigd: {verklaring}: Een afwijzing vraagt om een toelichting."]
    assert admin_entries().count() == before

    done = act(admin_client, "afwijzen", verklaring, reden="De DPIA is van een ander pakket.")
    assert messages(done)[-1] == "Afwijzen: 1 object(en) gewijzigd."  # after the earlier refusal
    verklaring.refresh_from_db()
    assert (verklaring.status, verklaring.beoordeling_toelichting) == (
        "afgewezen",
        "De DPIA is van een ander pakket.",
    )
    assert admin_entries().count() == before + 1


def test_the_admin_bypasses_no_rule_of_the_service(admin_client):
    goedgekeurd = goedgekeurde_verklaring(AanbiedingFactory())
    wacht = ingediend()
    before = admin_entries().count()

    response = act(admin_client, "goedkeuren", goedgekeurd, wacht, query="?status=alle")

    shown = messages(response)
    assert shown[0] == "Goedkeuren: 1 object(en) gewijzigd."
    assert shown[1] == (
        f"Niet gewijzigd: {goedgekeurd}: Alleen een verklaring ter beoordeling wordt beoordeeld "
        "(deze is 'goedgekeurd')."
    )
    assert admin_entries().count() == before + 1


def test_reviewing_needs_the_change_permission():
    verklaring = ingediend()
    user = User.objects.create_user("kijker", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_verklaring"))
    client = Client()
    client.force_login(user)

    listed = client.get(VERKLARINGEN)
    assert listed.status_code == 200
    assert "goedkeuren" not in listed.context["cl"].model_admin.get_actions(listed.wsgi_request)
    act(client, "goedkeuren", verklaring)
    verklaring.refresh_from_db()
    assert verklaring.status == "ter_beoordeling"
