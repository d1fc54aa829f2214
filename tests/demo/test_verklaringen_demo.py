"""The demo declarations: every required type of every published demo offer is covered today
(so the demo orders pass the order gate), one waits for review, one ends soon; idempotent."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from softwarebroker.audit.models import AuditTrail
from softwarebroker.catalogus.models import Aanbieding, Verklaring
from softwarebroker.catalogus.verklaringen import geldig
from softwarebroker.demo.catalogus import load_catalogus_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogus():
    return load_catalogus_demo()


def test_every_required_type_of_every_published_offer_is_covered_today(catalogus):
    aanbiedingen = list(Aanbieding.objects.filter(status="gepubliceerd"))
    gedekt = geldig.geldige_verklaringen(aanbiedingen, timezone.localdate())

    assert sum(len(aanbieding.vereiste_documenten) for aanbieding in aanbiedingen) > 50
    assert {
        aanbieding.naam: geldig.ontbrekend(aanbieding, gedekt[aanbieding.pk])
        for aanbieding in aanbiedingen
        if geldig.ontbrekend(aanbieding, gedekt[aanbieding.pk])
    } == {}


def test_supplier_and_package_declarations_cover_several_offers(catalogus):
    goedgekeurd = Verklaring.objects.filter(status="goedgekeurd")
    assert goedgekeurd.filter(aanbieding__isnull=False).count() == 0
    assert goedgekeurd.filter(softwarepakket__isnull=False, type="dpia").exists()
    assert goedgekeurd.filter(leverancier__isnull=False, type="verwerkersovereenkomst").exists()
    assert goedgekeurd.count() < sum(
        len(aanbieding.vereiste_documenten) for aanbieding in Aanbieding.objects.filter(status="gepubliceerd")
    )
    for verklaring in goedgekeurd:
        assert verklaring.bewijs_url.startswith("https://www.") and verklaring.beoordelaar == "demo"


def test_one_waits_for_review_and_one_ends_within_the_notice_period(catalogus):
    today = timezone.localdate()
    [wacht] = Verklaring.objects.filter(status="ter_beoordeling")
    assert (wacht.type, wacht.eigenaar.kvk_nummer) == ("iso27001", "12345678")
    [binnenkort] = Verklaring.objects.filter(
        status="goedgekeurd",
        geldig_tot__gte=today,
        geldig_tot__lte=today + datetime.timedelta(days=settings.VERKLARING_VERLOOP_MELDING_DAGEN),
    )
    assert binnenkort.type == "pentest"
    assert not Aanbieding.objects.filter(vereiste_documenten__contains=["pentest"]).exists()


def test_made_through_the_services_and_loading_twice_creates_nothing(catalogus):
    rows = list(Verklaring.objects.order_by("pk").values())
    entries = AuditTrail.objects.filter(resource="verklaring").count()

    assert load_catalogus_demo() == 0
    assert list(Verklaring.objects.order_by("pk").values()) == rows
    assert AuditTrail.objects.filter(resource="verklaring").count() == entries
    # create, submit and (but one) review: three entries each
    assert entries == 3 * len(rows) - 1
