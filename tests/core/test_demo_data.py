import pytest
from django.core.management import call_command

from softwarebroker.catalogus.models import Categorie
from softwarebroker.organisaties.models import Organisatie

pytestmark = pytest.mark.django_db


def test_demo_data_loads_idempotently():
    call_command("load_demo_data")
    counts = (Categorie.objects.count(), Organisatie.objects.count())
    call_command("load_demo_data")

    assert (Categorie.objects.count(), Organisatie.objects.count()) == counts
    assert counts[0] > 0 and counts[1] > 0
    samenwerkingsverband = Organisatie.objects.get(type="samenwerkingsverband")
    assert samenwerkingsverband.deelnemers.count() == 2


def test_demo_data_refused_outside_development(settings):
    from django.core.management.base import CommandError

    settings.DEMO_DATA_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("load_demo_data")


def test_demo_clients_can_call_the_api(capsys):
    from django.test import Client

    call_command("load_demo_data")
    call_command("generate_jwt", "voorbeeldstad-afnemer")
    token = capsys.readouterr().out.strip().splitlines()[-1]

    response = Client(headers={"Authorization": f"Bearer {token}"}).get("/catalogus/api/v1/categorieen")

    assert response.status_code == 200
    assert response.json()["count"] > 0


def test_demo_orders_cover_every_state_for_two_municipalities_and_the_demo_supplier():
    from softwarebroker.bestellingen.constants import BestellingStatus
    from softwarebroker.bestellingen.models import Bestelling, Licentie

    call_command("load_demo_data")
    count = Bestelling.objects.count()
    call_command("load_demo_data")

    assert Bestelling.objects.count() == count
    assert set(Bestelling.objects.values_list("status", flat=True)) == set(BestellingStatus.values)
    assert set(Bestelling.objects.values_list("besteller__naam", flat=True)) == {
        "Gemeente Voorbeeldstad",
        "Gemeente Proefdorp",
    }
    assert set(Bestelling.objects.values_list("leverancier__kvk_nummer", flat=True)) == {"12345678"}
    assert Licentie.objects.filter(status="actief").count() >= 3


def test_demo_data_is_audited_like_any_other_change():
    from softwarebroker.api.resources import url_of
    from softwarebroker.audit.models import AuditTrail
    from softwarebroker.bestellingen.models import Bestelling
    from softwarebroker.catalogus.models import Aanbieding, Leverancier, Prijs

    call_command("load_demo_data")
    demo = AuditTrail.objects.filter(bron="demo")
    created = set(demo.filter(actie="create").values_list("resource_url", flat=True))

    for model in (Categorie, Organisatie, Leverancier, Aanbieding, Prijs):
        missing = [str(obj) for obj in model.objects.all() if url_of(obj) not in created]
        assert missing == [], f"{model.__name__} without a demo audit entry: {missing}"
    for bestelling in Bestelling.objects.all():
        entries = demo.filter(hoofd_object_uuid=bestelling.uuid)
        # Created, then one entry per step of its walk through the state machine.
        assert entries.filter(actie="create", resource="bestelling").count() == 1
        assert entries.filter(resource="statuswijziging").count() == bestelling.statuswijzigingen.count()
        assert set(entries.values_list("organisatie_id", flat=True)) == {bestelling.besteller_id}

    total = AuditTrail.objects.count()
    call_command("load_demo_data")
    assert AuditTrail.objects.count() == total  # loading again changes nothing, so records nothing
