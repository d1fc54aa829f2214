"""Joint purchase rounds in the admin: a list and a read-only detail with the deelnames and
the history; nothing is added, changed or deleted there (the services are the only writers)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from softwarebroker.audit.models import AuditTrail
from softwarebroker.vraagbundelingen.models import Vraagbundeling

from .support import Deelnemer, gun, open_ronde, sluit

pytestmark = pytest.mark.django_db

RONDES = "/admin/vraagbundelingen/vraagbundeling/"


@pytest.fixture
def gegund():
    """An awarded round: one participant ordered, one dropped out on its price ceiling."""
    a, b = Deelnemer(naam="Gemeente Aalsmeerveen"), Deelnemer(naam="Gemeente Bergdorp")
    ronde = open_ronde(initiatiefnemer=a)
    a.doe_mee(ronde, 250, kostenplaats="KP-AALS")
    b.doe_mee(ronde, 30, max_eenheidsprijs=Decimal("7.50"))
    sluit(ronde)
    gun(ronde)
    ronde.refresh_from_db()
    return ronde


def test_list_and_search_find_rounds_by_offer_and_initiator(admin_client, gegund):
    other = open_ronde()

    listed = admin_client.get(RONDES)
    by_initiatiefnemer = admin_client.get(RONDES, {"q": "Aalsmeerveen"})
    by_aanbieding = admin_client.get(RONDES, {"q": f'"{gegund.aanbieding.naam}"'})  # quoted: one term
    filtered = admin_client.get(RONDES, {"status__exact": "gegund"})

    assert listed.status_code == 200
    assert {ronde.pk for ronde in listed.context["cl"].result_list} == {gegund.pk, other.pk}
    for name, response in [("initiatiefnemer", by_initiatiefnemer), ("status", filtered)]:
        assert response.status_code == 200
        assert [ronde.pk for ronde in response.context["cl"].result_list] == [gegund.pk], name
    assert [ronde.pk for ronde in by_aanbieding.context["cl"].result_list] == [gegund.pk]
    assert admin_client.get(RONDES, {"q": "onbekend"}).context["cl"].result_count == 0
    content = listed.content.decode()
    assert "Gemeente Aalsmeerveen" in content and gegund.aanbieding.naam in content


def test_detail_shows_deelnames_history_and_prices_read_only(admin_client, gegund):
    response = admin_client.get(f"{RONDES}{gegund.pk}/change/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Zaaksysteem samen" in content
    assert "Gemeente Aalsmeerveen" in content and "Gemeente Bergdorp" in content  # the deelnames
    assert "KP-AALS" in content and "7,50" in content  # a kostenplaats, a price ceiling
    assert "historie (statuswijzigingen)" in content.lower()
    assert "Gesloten" in content and "Gegund" in content  # the round's history
    assert "goedgekeurd &rarr; besteld" in content and "goedgekeurd &rarr; afgehaakt" in content
    assert "8,00" in content and "250" in content  # the price and quantity fixed at closing
    bestelling = gegund.deelnames.get(status="besteld").bestelling
    assert f"/admin/bestellingen/bestelling/{bestelling.pk}/change/" in content  # its order
    audittrail = f"/admin/audit/audittrail/?hoofd_object_uuid={gegund.uuid}"
    assert audittrail in content
    entries = admin_client.get(audittrail).context["cl"].result_count
    assert entries == AuditTrail.objects.filter(hoofd_object_uuid=gegund.uuid).count() > 0
    assert 'name="_save"' not in content and 'name="naam"' not in content  # nothing to save


def test_rounds_cannot_be_added_changed_or_deleted(admin_client, gegund):
    change = f"{RONDES}{gegund.pk}/change/"

    assert admin_client.get(f"{RONDES}add/").status_code == 403
    assert admin_client.post(change, {"naam": "Anders"}).status_code == 403
    assert admin_client.get(f"{RONDES}{gegund.pk}/delete/").status_code == 403
    assert admin_client.post(f"{RONDES}{gegund.pk}/delete/", {"post": "yes"}).status_code == 403
    deleting = admin_client.post(RONDES, {"action": "delete_selected", "_selected_action": [gegund.pk]})
    assert deleting.status_code == 200  # the list has no actions at all: nothing deleted
    assert 'name="action"' not in deleting.content.decode()
    assert Vraagbundeling.objects.filter(pk=gegund.pk, naam="Zaaksysteem samen").exists()
    # Deelnames and histories have no screens of their own.
    assert admin_client.get("/admin/vraagbundelingen/deelname/").status_code == 404
    assert admin_client.get("/admin/vraagbundelingen/vraagbundelingstatuswijziging/").status_code == 404


def test_changelist_queries_do_not_grow_with_the_rounds(admin_client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            response = admin_client.get(RONDES)
        assert response.status_code == 200
        return len(context.captured_queries)

    for _ in range(3):
        open_ronde()
    with_3 = queries()
    for _ in range(12):
        open_ronde()

    assert Vraagbundeling.objects.count() == 15
    assert queries() == with_3
