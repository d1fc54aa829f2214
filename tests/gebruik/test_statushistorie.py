"""The life of a use (wijzig_status): forward always, back only one step (undo), nothing after
uitgefaseerd, never before the current status' date; each step in the history, the audit
trail and a notification; a refused step stores nothing."""

import datetime

import pytest
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob

from softwarebroker.audit.models import AuditTrail
from softwarebroker.catalogus import services as catalogus
from softwarebroker.core.errors import DomainError
from softwarebroker.gebruik import services
from softwarebroker.gebruik.models import Attentie, Gebruik, GebruikStatuswijziging
from tests.bestellingen.helpers import acting
from tests.catalogus.factories import SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.gebruik.support import BROKER, gebruik
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

DAG = datetime.date(2026, 3, 1)


def refused(call, status: int) -> DomainError:
    with pytest.raises(DomainError) as raised:
        call()
    assert raised.value.status == status, raised.value.message
    return raised.value


def _history(use) -> list[tuple[str, str, datetime.date]]:
    return list(use.statuswijzigingen.order_by("id").values_list("van_status", "naar_status", "datum"))


def _state(use) -> tuple:
    use = Gebruik.objects.get(pk=use.pk)
    return use.status, use.statusdatum, use.versie, use.statuswijzigingen.count()


@pytest.fixture
def use():
    return gebruik(OrganisatieFactory(), SoftwarepakketFactory(), status="verwerving", statusdatum=DAG)


def _step(use, naar, days=0, **kwargs):
    return services.wijzig_status(
        acting=BROKER, gebruik=use, naar_status=naar, datum=DAG + datetime.timedelta(days=days), **kwargs
    )


def test_forward_one_step_and_skipping_ahead_are_allowed(use):
    _step(use, "gepland", 10, toelichting="Aanbesteding gegund")
    _step(use, "uit_te_faseren", 20)  # skipping in_productie

    use.refresh_from_db()
    assert (use.status, use.statusdatum, use.versie) == (
        "uit_te_faseren",
        DAG + datetime.timedelta(days=20),
        3,
    )
    assert _history(use) == [
        ("", "verwerving", DAG),
        ("verwerving", "gepland", DAG + datetime.timedelta(days=10)),
        ("gepland", "uit_te_faseren", DAG + datetime.timedelta(days=20)),
    ]
    wijziging = use.statuswijzigingen.get(naar_status="gepland")
    assert (wijziging.toelichting, wijziging.actor) == ("Aanbesteding gegund", "test")


def test_one_step_back_undoes_the_last_step_and_no_further(use):
    _step(use, "gepland", 1)
    _step(use, "in_productie", 2)
    _step(use, "gepland", 3, toelichting="Te vroeg geregistreerd")  # undo
    use.refresh_from_db()
    assert use.status == "gepland"

    # The step before the undo is the undo itself: going back to verwerving is not one step back.
    before = _state(use)
    problem = refused(lambda: _step(use, "verwerving", 4), 409)
    assert (problem.code, problem.field) == ("status_overgang", "naarStatus")
    assert _state(use) == before


def test_going_back_further_than_the_previous_status_is_a_409_and_stores_nothing(use):
    _step(use, "gepland", 1)
    _step(use, "in_productie", 2)
    _step(use, "uit_te_faseren", 3)
    before = _state(use)
    audits = AuditTrail.objects.count()

    for naar in ("gepland", "verwerving"):
        problem = refused(lambda naar=naar: _step(use, naar, 4), 409)
        assert problem.code == "status_overgang"
        assert "in_productie" in problem.message  # the history allows one step back, to in_productie
    assert _state(use) == before
    assert AuditTrail.objects.count() == audits


def test_nothing_follows_uitgefaseerd(use):
    _step(use, "uitgefaseerd", 1)
    before = _state(use)
    for naar in ("verwerving", "gepland", "in_productie", "uit_te_faseren", "uitgefaseerd"):
        problem = refused(lambda naar=naar: _step(use, naar, 2), 409)
        assert problem.code == "status_overgang"
        assert problem.message.endswith("geen.")
    assert _state(use) == before


def test_a_date_before_the_current_status_date_is_a_400_and_stores_nothing(use):
    _step(use, "gepland", 10)
    before = _state(use)
    problem = refused(lambda: _step(use, "in_productie", 9), 400)
    assert [(p.field, p.code) for p in problem.problems] == [("datum", "voor_vorige")]
    assert _state(use) == before
    _step(use, "in_productie", 10)  # the same day is fine
    assert Gebruik.objects.get(pk=use.pk).status == "in_productie"


def test_without_a_date_the_step_takes_today():
    use = gebruik(OrganisatieFactory(), SoftwarepakketFactory(), status="gepland", statusdatum=DAG)
    services.wijzig_status(acting=BROKER, gebruik=use, naar_status="in_productie")
    assert Gebruik.objects.get(pk=use.pk).statusdatum == timezone.localdate()


def test_uitgefaseerd_closes_the_open_alerts(notificaties_geconfigureerd):
    pakket = SoftwarepakketFactory()
    versie = SoftwarepakketversieFactory(softwarepakket=pakket)
    use = gebruik(OrganisatieFactory(), pakket, softwarepakketversie=versie, statusdatum=DAG)
    andere = gebruik(OrganisatieFactory(), pakket, softwarepakketversie=versie, statusdatum=DAG)
    catalogus.update_softwarepakketversie(
        acting=BROKER,
        softwarepakketversie=versie,
        partial=True,
        einde_ondersteuning=timezone.localdate() + datetime.timedelta(days=90),
    )
    assert Attentie.objects.filter(afgehandeld_op__isnull=True).count() == 2

    _step(use, "uitgefaseerd", 1)

    assert not Attentie.objects.filter(gebruik=use, afgehandeld_op__isnull=True).exists()
    assert Attentie.objects.get(gebruik=andere).afgehandeld_op is None


def test_each_step_is_audited_and_notified_with_the_history_entry(notificaties_geconfigureerd, use):
    ProcrastinateJob.objects.all().delete()
    wijziging = _step(use, "gepland", 1)

    entry = AuditTrail.objects.filter(hoofd_object_uuid=use.uuid).latest("id")
    assert entry.actie == "update"
    assert entry.resource_url.endswith(f"/statuswijzigingen/{wijziging.uuid}")
    assert (entry.oud["status"], entry.nieuw["status"]) == ("verwerving", "gepland")
    berichten = [job.args["bericht"] for job in ProcrastinateJob.objects.all()]
    # A status change is announced as actie create (of a statuswijziging), as for orders.
    assert [(b["kanaal"], b["actie"], b["kenmerken"]["status"]) for b in berichten] == [
        ("gebruiken", "create", "gepland")
    ]
    assert GebruikStatuswijziging.objects.filter(gebruik=use).count() == 2


def test_only_the_organisations_afnemer_or_the_broker_changes_the_status(use):
    own_afnemer = acting("afnemer", organisatie=use.organisatie)
    other = acting("afnemer", organisatie=OrganisatieFactory())
    budgethouder = acting("budgethouder", organisatie=use.organisatie)
    for who in (other, budgethouder):
        refused(
            lambda who=who: services.wijzig_status(acting=who, gebruik=use, naar_status="gepland", datum=DAG),
            403,
        )
    services.wijzig_status(acting=own_afnemer, gebruik=use, naar_status="gepland", datum=DAG)
    assert Gebruik.objects.get(pk=use.pk).status == "gepland"
