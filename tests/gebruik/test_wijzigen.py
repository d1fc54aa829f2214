"""Registering, changing and deleting a use: every refused change lists its problems and
stores nothing; what is stored is audited and notified."""

import datetime

import pytest
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob

from softwarebroker.audit.models import AuditTrail
from softwarebroker.catalogus import services as catalogus
from softwarebroker.core.errors import DomainError
from softwarebroker.gebruik import services
from softwarebroker.gebruik.models import Attentie, Gebruik
from tests.bestellingen.factories import LicentieFactory
from tests.bestellingen.helpers import aanbieding_with_prijzen
from tests.catalogus.factories import SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.gebruik.support import BROKER, ZAAKAFHANDEL, ZAAKREGISTRATIE, gebruik, register
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

ONBEKEND = "https://www.gemmaonline.nl/wiki/GEMMA/id-00000000-0000-0000-0000-000000000000"


def refused(call, status: int) -> DomainError:
    with pytest.raises(DomainError) as raised:
        call()
    assert raised.value.status == status, raised.value.message
    return raised.value


def _licentie(organisatie, pakket):
    """A licence of ``organisatie`` for ``pakket``, delivered through an order (which registers
    its use without a version)."""
    aanbieding = aanbieding_with_prijzen(softwarepakket=pakket, looptijd_maanden=12, opzegtermijn_dagen=0)
    return LicentieFactory(organisatie=organisatie, aanbieding=aanbieding)


def _stored(use) -> dict:
    row = Gebruik.objects.filter(pk=use.pk).values().get()
    row.pop("gewijzigd_op")
    return row


@pytest.fixture
def world():
    register()
    pakket = SoftwarepakketFactory()
    v1 = SoftwarepakketversieFactory(softwarepakket=pakket, versie="1.0.0")
    v2 = SoftwarepakketversieFactory(softwarepakket=pakket, versie="2.0.0")
    organisatie = OrganisatieFactory()
    use = gebruik(organisatie, pakket, softwarepakketversie=v1, referentiecomponenten=[ZAAKREGISTRATIE.uri])
    return pakket, v1, v2, organisatie, use


def test_registering_validates_everything_at_once_and_stores_nothing(world):
    pakket, _v1, _v2, _organisatie, _use = world
    ander = SoftwarepakketversieFactory()
    licentie = _licentie(OrganisatieFactory(), pakket)
    count = Gebruik.objects.count()

    problem = refused(
        lambda: gebruik(
            OrganisatieFactory(),
            pakket,
            softwarepakketversie=ander,
            referentiecomponenten=[ONBEKEND],
            licentie=licentie,
        ),
        400,
    )
    assert sorted((p.field, p.code) for p in problem.problems) == [
        ("licentie", "andere_organisatie"),
        ("referentiecomponenten.0", "onbekend"),
        ("softwarepakketversie", "ander_pakket"),
    ]
    assert Gebruik.objects.count() == count


def test_registering_the_same_use_twice_is_a_409(world):
    pakket, v1, _v2, organisatie, _use = world
    problem = refused(lambda: gebruik(organisatie, pakket, softwarepakketversie=v1), 409)
    assert problem.code == "bestaat_al"
    # Without a version: one such use per organisation too (NULLS NOT DISTINCT).
    gebruik(organisatie, pakket)
    assert refused(lambda: gebruik(organisatie, pakket), 409).code == "bestaat_al"
    assert Gebruik.objects.filter(organisatie=organisatie).count() == 2


@pytest.mark.parametrize(
    "changes, expected",
    [
        ({"softwarepakketversie": "ander"}, [("softwarepakketversie", "ander_pakket")]),
        (
            {"referentiecomponenten": [ZAAKREGISTRATIE.uri, ONBEKEND]},
            [("referentiecomponenten.1", "onbekend")],
        ),
        ({"licentie": "andere_organisatie"}, [("licentie", "andere_organisatie")]),
        ({"licentie": "ander_pakket"}, [("licentie", "ander_pakket")]),
        ({"status": "uitgefaseerd"}, [("status", "via_statuswijziging")]),
        ({"organisatie": "andere"}, [("organisatie", "onveranderlijk")]),
    ],
)
def test_a_refused_update_is_a_400_naming_the_field_and_stores_nothing(world, changes, expected):
    pakket, _v1, _v2, organisatie, use = world
    values = {
        "ander": SoftwarepakketversieFactory(),
        "andere_organisatie": _licentie(OrganisatieFactory(), pakket),
        "ander_pakket": _licentie(organisatie, SoftwarepakketFactory()),
        "andere": OrganisatieFactory(),
    }
    changes = {
        name: values.get(value, value) if isinstance(value, str) else value for name, value in changes.items()
    }
    before = _stored(use)

    problem = refused(
        lambda: services.update_gebruik(acting=BROKER, gebruik=use, partial=True, **changes), 400
    )

    assert [(p.field, p.code) for p in problem.problems] == expected
    assert _stored(use) == before


def test_changing_to_a_version_already_registered_is_a_409(world):
    pakket, _v1, v2, organisatie, use = world
    gebruik(organisatie, pakket, softwarepakketversie=v2)
    before = _stored(use)
    problem = refused(
        lambda: services.update_gebruik(acting=BROKER, gebruik=use, partial=True, softwarepakketversie=v2),
        409,
    )
    assert problem.code == "bestaat_al"
    assert _stored(use) == before


def test_if_match_mismatch_is_a_412_and_a_match_changes(world):
    _pakket, _v1, _v2, _organisatie, use = world
    before = _stored(use)
    problem = refused(
        lambda: services.update_gebruik(
            acting=BROKER, gebruik=use, partial=True, expected_versie=use.versie + 1, toelichting="x"
        ),
        412,
    )
    assert problem.code == "precondition_failed"
    assert _stored(use) == before

    services.update_gebruik(
        acting=BROKER,
        gebruik=use,
        partial=True,
        expected_versie=use.versie,
        referentiecomponenten=[ZAAKAFHANDEL.uri],
    )
    use.refresh_from_db()
    assert (use.referentiecomponenten, use.versie) == ([ZAAKAFHANDEL.uri], 2)


def test_moving_to_another_version_closes_the_alerts_of_the_old_one(world, notificaties_geconfigureerd):
    _pakket, v1, v2, _organisatie, use = world
    catalogus.update_softwarepakketversie(
        acting=BROKER,
        softwarepakketversie=v1,
        partial=True,
        einde_ondersteuning=timezone.localdate() + datetime.timedelta(days=60),
    )
    attentie = Attentie.objects.get(gebruik=use)
    assert attentie.afgehandeld_op is None

    services.update_gebruik(acting=BROKER, gebruik=use, partial=True, softwarepakketversie=v2)

    attentie.refresh_from_db()
    assert attentie.afgehandeld_op is not None
    # A change that keeps the version keeps its alerts open.
    catalogus.update_softwarepakketversie(
        acting=BROKER,
        softwarepakketversie=v2,
        partial=True,
        einde_ondersteuning=timezone.localdate() + datetime.timedelta(days=60),
    )
    services.update_gebruik(acting=BROKER, gebruik=use, partial=True, bedrijfskritisch=True)
    assert Attentie.objects.get(gebruik=use, softwarepakketversie=v2).afgehandeld_op is None


def test_an_update_is_audited_and_notified(world, notificaties_geconfigureerd):
    _pakket, _v1, _v2, organisatie, use = world
    ProcrastinateJob.objects.all().delete()
    services.update_gebruik(
        acting=BROKER, gebruik=use, partial=True, vertrouwelijk=True, toelichting="Intern"
    )

    entry = AuditTrail.objects.filter(hoofd_object_uuid=use.uuid).latest("id")
    assert entry.actie == "update"
    assert (entry.oud["vertrouwelijk"], entry.nieuw["vertrouwelijk"]) == (False, True)
    assert entry.nieuw["toelichting"] == "Intern"
    berichten = [job.args["bericht"] for job in ProcrastinateJob.objects.all()]
    assert [(b["kanaal"], b["actie"], b["kenmerken"]["organisatie"]) for b in berichten] == [
        ("gebruiken", "update", organisatie.oin)
    ]


def test_registering_is_audited_with_its_first_history_entry(world):
    _pakket, _v1, _v2, _organisatie, use = world
    entry = AuditTrail.objects.filter(hoofd_object_uuid=use.uuid).get()
    assert (entry.actie, entry.oud, entry.nieuw["status"]) == ("create", None, "in_productie")
    assert list(use.statuswijzigingen.values_list("van_status", "naar_status", "toelichting")) == [
        ("", "in_productie", "Geregistreerd.")
    ]


def test_a_use_under_a_licence_is_not_deleted(world):
    pakket, _v1, _v2, organisatie, use = world
    licentie = _licentie(organisatie, pakket)
    services.update_gebruik(acting=BROKER, gebruik=use, partial=True, licentie=licentie)
    registered = Gebruik.objects.get(licentie=licentie, softwarepakketversie=None)  # by the delivery
    for under_licence in (use, registered):
        problem = refused(lambda u=under_licence: services.delete_gebruik(acting=BROKER, gebruik=u), 409)
        assert problem.code == "onder_licentie"
    assert Gebruik.objects.filter(pk__in=[use.pk, registered.pk]).count() == 2


def test_deleting_removes_the_use_with_its_history_and_leaves_an_audit_entry(
    world, notificaties_geconfigureerd
):
    _pakket, v1, _v2, _organisatie, use = world
    ProcrastinateJob.objects.all().delete()
    services.delete_gebruik(acting=BROKER, gebruik=use)

    assert not Gebruik.objects.filter(pk=use.pk).exists()
    entry = AuditTrail.objects.filter(hoofd_object_uuid=use.uuid).latest("id")
    assert (entry.actie, entry.nieuw) == ("destroy", None)
    assert entry.oud["softwarepakketversie"].endswith(str(v1.uuid))
    assert [job.args["bericht"]["actie"] for job in ProcrastinateJob.objects.all()] == ["destroy"]
