"""A round under concurrent calls, on real PostgreSQL: the round's row lock serialises every
change, so its totals are those of its stored deelnames and of two closes or awards one wins."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from softwarebroker.bestellingen.models import Bestelling
from softwarebroker.core.errors import DomainError
from softwarebroker.vraagbundelingen import selectors, services
from softwarebroker.vraagbundelingen.constants import TELT_MEE
from softwarebroker.vraagbundelingen.models import Deelname, Vraagbundeling

from .support import BROKER, Deelnemer, gun, open_ronde, sluit

pytestmark = pytest.mark.django_db(transaction=True)


def _concurrently(functions, workers=None):
    barrier = threading.Barrier(workers or len(functions))

    def run(function):
        try:
            if workers is None:
                barrier.wait()
            return function()
        except Exception as error:  # noqa: BLE001 - collected for the assertions
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=workers or len(functions)) as pool:
        return list(pool.map(run, functions))


def _one_wins(results):
    failures = [result for result in results if isinstance(result, Exception)]
    assert len(failures) == 1, results
    assert isinstance(failures[0], DomainError) and failures[0].status == 409, failures[0]


def test_fifty_parallel_joins_and_changes_keep_the_totals_those_of_the_stored_deelnames():
    deelnemers = [Deelnemer() for _ in range(50)]
    ronde = open_ronde(initiatiefnemer=deelnemers[0])
    # The first 20 joined and were approved before; now they change their quantity (and must be
    # approved again) or join a second time (refused) while 30 others join and are approved.
    eerder = {d.organisatie.pk: d.doe_mee(ronde, 10) for d in deelnemers[:20]}

    def change(deelnemer, index):
        return lambda: services.update_deelname(
            acting=deelnemer.afnemer, deelname=eerder[deelnemer.organisatie.pk], aantal=20 + index
        )

    def join(deelnemer, index):
        return lambda: deelnemer.doe_mee(ronde, 1 + index)

    def twice(deelnemer):
        return lambda: deelnemer.doe_mee(ronde, 99)

    calls = [change(d, i) if i % 2 else twice(d) for i, d in enumerate(deelnemers[:20])]
    calls += [join(d, i) for i, d in enumerate(deelnemers[20:])]

    results = _concurrently(calls)

    conflicts = [r for r in results if isinstance(r, Exception)]
    assert len(conflicts) == 10 and all(r.code == "al_aangemeld" for r in conflicts), conflicts
    stored = list(
        Deelname.objects.filter(vraagbundeling=ronde).values_list("organisatie_id", "aantal", "status")
    )
    assert len(stored) == 50 == len({organisatie for organisatie, _, _ in stored})
    counting = [aantal for _, aantal, status in stored if status in TELT_MEE]
    # 10 unchanged (10 each, approved), 10 changed (aangemeld again), 30 joined and approved
    assert len(counting) == 40
    assert sum(counting) == 10 * 10 + sum(1 + i for i in range(30))
    assert selectors.totalen(ronde) == (sum(counting), 40)
    annotated = (
        Vraagbundeling.objects.filter(pk=ronde.pk)
        .annotate(aantal=selectors.gebundeld_aantal(), deelnemers=selectors.aantal_deelnemers())
        .values_list("aantal", "deelnemers")
        .get()
    )
    assert annotated == (sum(counting), 40)


def test_two_parallel_closes_one_wins():
    a = Deelnemer()
    ronde = open_ronde(initiatiefnemer=a)
    a.doe_mee(ronde, 50)

    results = _concurrently([lambda: sluit(ronde), lambda: sluit(ronde, a.afnemer)])

    _one_wins(results)
    ronde.refresh_from_db()
    assert ronde.status == "gesloten"
    assert list(ronde.statuswijzigingen.values_list("naar_status", flat=True)) == ["open", "gesloten"]


def test_two_parallel_awards_one_wins_and_no_order_is_made_twice():
    deelnemers = [Deelnemer() for _ in range(5)]
    ronde = open_ronde(initiatiefnemer=deelnemers[0])
    for d in deelnemers:
        d.doe_mee(ronde, 30)
    sluit(ronde)

    results = _concurrently([lambda: gun(ronde), lambda: gun(ronde)])

    _one_wins(results)
    assert Bestelling.objects.count() == 5
    assert len(set(Deelname.objects.values_list("bestelling_id", flat=True))) == 5
    assert set(Deelname.objects.values_list("status", flat=True)) == {"besteld"}


def test_the_broker_cancelling_while_the_initiator_closes_one_wins():
    a = Deelnemer()
    ronde = open_ronde(initiatiefnemer=a)
    a.doe_mee(ronde, 50)

    results = _concurrently(
        [
            lambda: sluit(ronde, a.afnemer),
            lambda: services.change_vraagbundeling_status(
                acting=BROKER, vraagbundeling=ronde, naar="geannuleerd"
            ),
        ]
    )

    ronde.refresh_from_db()
    if ronde.status == "geannuleerd" and not any(isinstance(r, Exception) for r in results):
        # cancelled after the close: gesloten -> geannuleerd is allowed
        assert list(ronde.statuswijzigingen.values_list("naar_status", flat=True)) == [
            "open",
            "gesloten",
            "geannuleerd",
        ]
    else:
        _one_wins(results)
