"""The admin in a real browser, as a functional administrator uses it: log in through the login
form, change an offer, run an order transition (with its confirmation page) and log out. The
writes go through the services (an audit entry each, bron admin), and no page has a console
error, a failed request or a request to anywhere else."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from softwarebroker.audit.models import AuditTrail
from softwarebroker.bestellingen.models import Bestelling
from tests.bestellingen.factories import BestellingFactory
from tests.bestellingen.helpers import aanbieding_with_prijzen

# The live server's thread reads what the test wrote: committed data.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

USERNAME, PASSWORD = "beheerder", "een-lang-genoeg-wachtwoord"


def loaded(page, watch):
    """The page and everything it loads is there, and nothing went wrong so far."""
    page.wait_for_load_state("networkidle")
    assert watch.problems == []


def follow(page, watch, locator):
    """Click what leads to another page (a link, a form's button) and let it load."""
    with page.expect_navigation():
        locator.click()
    loaded(page, watch)


def success(page):
    return page.locator("ul.messagelist li.success")


def test_an_administrator_changes_an_offer_and_an_order_and_logs_out(page, watch):
    get_user_model().objects.create_superuser(USERNAME, "beheerder@example.org", PASSWORD)
    aanbieding = aanbieding_with_prijzen(naam="Zaaksysteem SaaS")
    bestelling = BestellingFactory(aanbieding=aanbieding)
    assert bestelling.status == "ingediend"

    # Logging in, through the form.
    page.goto("/admin/")
    expect(page).to_have_url(f"{watch.origin}/admin/login/?next=/admin/")
    loaded(page, watch)
    page.fill("#id_username", USERNAME)
    page.fill("#id_password", PASSWORD)
    follow(page, watch, page.locator("#login-form [type=submit]"))
    expect(page).to_have_url(f"{watch.origin}/admin/")
    expect(page.locator("#user-tools")).to_contain_text(USERNAME)
    # The admin's own style sheet and scripts were served, not just the HTML.
    assert f"{watch.origin}/static/admin/css/base.css" in watch.requests

    # An offer: the list, the change form (autocomplete widgets and the prices inline), a save.
    page.goto("/admin/catalogus/aanbieding/")
    loaded(page, watch)
    follow(page, watch, page.get_by_role("link", name="Zaaksysteem SaaS", exact=True))
    expect(page).to_have_url(f"{watch.origin}/admin/catalogus/aanbieding/{aanbieding.pk}/change/")
    expect(page.locator(".select2-container").first).to_be_visible()  # jQuery and Select2 ran
    expect(page.locator("#prijzen-group tbody tr.has_original")).to_have_count(2)
    page.fill("#id_naam", "Zaaksysteem SaaS (gemeentelijk)")
    follow(page, watch, page.locator("input[name=_save]"))
    expect(page).to_have_url(f"{watch.origin}/admin/catalogus/aanbieding/")
    expect(success(page)).to_contain_text("Zaaksysteem SaaS (gemeentelijk)")
    aanbieding.refresh_from_db()
    assert aanbieding.naam == "Zaaksysteem SaaS (gemeentelijk)"
    wijziging = AuditTrail.objects.filter(hoofd_object_uuid=aanbieding.uuid, bron="admin").get()
    assert (wijziging.actie, wijziging.gebruikers_id) == ("update", USERNAME)
    assert (wijziging.oud["naam"], wijziging.nieuw["naam"]) == ("Zaaksysteem SaaS", aanbieding.naam)

    # An order: select it, choose a transition that asks for a toelichting, confirm.
    page.goto("/admin/bestellingen/bestelling/")
    loaded(page, watch)
    page.locator(f"input[name=_selected_action][value='{bestelling.pk}']").check()
    page.locator("select[name=action]").select_option("naar_geweigerd")
    follow(page, watch, page.locator("button[name=index]"))
    expect(page.locator("#content h1")).to_have_text("Weigeren (namens de leverancier)")
    expect(page.locator("#content")).to_contain_text(bestelling.nummer)
    page.fill("#id_toelichting", "Niet leverbaar in deze regio.")
    follow(page, watch, page.locator("#content form [type=submit]"))
    expect(page).to_have_url(f"{watch.origin}/admin/bestellingen/bestelling/")
    expect(success(page)).to_have_text("Weigeren (namens de leverancier): 1 object(en) gewijzigd.")
    bestelling = Bestelling.objects.get(pk=bestelling.pk)
    assert bestelling.status == "geweigerd"
    wijziging = bestelling.statuswijzigingen.latest("tijdstip", "id")
    assert (wijziging.naar_status, wijziging.actor, wijziging.toelichting) == (
        "geweigerd",
        USERNAME,
        "Niet leverbaar in deze regio.",
    )
    entry = AuditTrail.objects.filter(hoofd_object_uuid=bestelling.uuid, bron="admin").get()
    assert (entry.gebruikers_id, entry.nieuw["status"]) == (USERNAME, "geweigerd")

    # Logging out: the button in the header; the admin then asks for a login again.
    follow(page, watch, page.locator("#logout-form button"))
    expect(page).to_have_url(f"{watch.origin}/admin/logout/")
    expect(page.locator("#content")).to_contain_text("Opnieuw aanmelden")
    page.goto("/admin/")
    expect(page).to_have_url(f"{watch.origin}/admin/login/?next=/admin/")
    loaded(page, watch)
