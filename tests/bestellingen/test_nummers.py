"""Order numbers under concurrency, on real PostgreSQL, each thread with its own connection and
its own transactions: never the same number twice, also for the first numbers of a new year,
and creating an order no longer waits for another creating transaction to commit."""

import random
import threading
import time

import pytest
from django.db import connection, transaction
from django.utils import timezone

from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.models import Bestelling, Nummerreeks
from tests.concurrency import run_concurrently
from tests.vraagbundelingen.support import Deelnemer, gun, open_ronde, sluit

from .helpers import Partijen, aanbieding_with_prijzen

pytestmark = pytest.mark.django_db(transaction=True)

CLIENTS = 40
ORDERS_PER_CLIENT = 4


def _volgnummer(nummer: str) -> int:
    return int(nummer.split("-")[1])


def test_forty_clients_creating_orders_and_two_awards_at_once_never_share_a_number():
    aanbieding = aanbieding_with_prijzen()
    partijen = [Partijen(aanbieding) for _ in range(CLIENTS - 2)]
    rondes = []
    for _ in range(2):
        deelnemers = [Deelnemer() for _ in range(5)]
        ronde = open_ronde(initiatiefnemer=deelnemers[0])
        for deelnemer in deelnemers:
            deelnemer.doe_mee(ronde, 10)
        sluit(ronde)
        rondes.append(ronde)

    def create(partij):
        # Each order in its own transaction (the service's), one after the other.
        return lambda: [partij.bestelling(aantal=3).nummer for _ in range(ORDERS_PER_CLIENT)]

    def award(ronde):
        def run():
            gun(ronde)
            return list(
                Bestelling.objects.filter(regels__aanbieding=ronde.aanbieding)
                .order_by("pk")
                .values_list("nummer", flat=True)
            )

        return run

    results = run_concurrently([create(partij) for partij in partijen] + [award(ronde) for ronde in rondes])

    assert not [result for result in results if isinstance(result, Exception)], results
    created = [nummer for result in results[:-2] for nummer in result]
    awarded = list(results[-2:])
    assert [len(nummers) for nummers in awarded] == [5, 5]
    # An award's orders are numbered in the order they are made.
    assert all(nummers == sorted(nummers, key=_volgnummer) for nummers in awarded)
    nummers = created + [nummer for nummers in awarded for nummer in nummers]
    assert len(nummers) == (CLIENTS - 2) * ORDERS_PER_CLIENT + 10
    assert len(set(nummers)) == len(nummers)
    assert sorted(nummers) == sorted(Bestelling.objects.values_list("nummer", flat=True))
    jaar = timezone.localdate().year
    assert {nummer.split("-")[0] for nummer in nummers} == {str(jaar)}
    # No value was lost here (nothing rolled back): the numbers are 1 .. n, in some order.
    assert sorted(_volgnummer(nummer) for nummer in nummers) == list(range(1, len(nummers) + 1))


def test_the_first_numbers_of_two_new_years_racing_are_unique_also_when_some_roll_back():
    years = (2031, 2032)
    committed = {year: [] for year in years}
    lock = threading.Lock()

    def number(index):
        year = years[index % 2]

        def run():
            try:
                with transaction.atomic():
                    nummer = services.next_nummer(year)
                    # Keep the transaction open a little: whoever wrote the year's basis is
                    # still uncommitted while others ask for their first number.
                    time.sleep(random.uniform(0, 0.05))
                    if index % 5 == 0:
                        raise _RolledBack
            except _RolledBack:
                return None
            with lock:
                committed[year].append(nummer)
            return nummer

        return run

    results = run_concurrently([number(index) for index in range(CLIENTS)])

    assert not [result for result in results if isinstance(result, Exception)], results
    for year in years:
        nummers = committed[year]
        assert len(nummers) == 16  # 20 a year, every fifth rolled back
        assert len(set(nummers)) == 16
        assert all(nummer.startswith(f"{year}-") for nummer in nummers)
        # 40 values were taken in all, so no number of either year lies beyond 40.
        assert all(1 <= _volgnummer(nummer) <= CLIENTS for nummer in nummers), nummers
    assert set(Nummerreeks.objects.filter(jaar__in=years).values_list("jaar", flat=True)) == set(years)


class _RolledBack(Exception):
    pass


@pytest.mark.parametrize(("first_commits", "second_number"), [(True, "2033-000002"), (False, "2033-000001")])
def test_the_year_s_second_number_waits_for_the_transaction_of_its_first(first_commits, second_number):
    first_numbered, first_may_end = threading.Event(), threading.Event()
    results = {}

    def first():
        try:
            with transaction.atomic():
                results["first"] = services.next_nummer(2033)
                first_numbered.set()
                first_may_end.wait(30)
                if not first_commits:
                    raise _RolledBack
        except _RolledBack:
            pass
        finally:
            connection.close()

    def second():
        try:
            with transaction.atomic():
                results["second"] = services.next_nummer(2033)
        finally:
            connection.close()

    first_thread = threading.Thread(target=first)
    first_thread.start()
    assert first_numbered.wait(30)
    second_thread = threading.Thread(target=second)
    second_thread.start()
    second_thread.join(0.5)
    # The year's basis is not committed yet: the second waits on its row.
    assert second_thread.is_alive() and "second" not in results
    first_may_end.set()
    first_thread.join(30)
    second_thread.join(30)

    assert results == {"first": "2033-000001", "second": second_number}
    assert Nummerreeks.objects.filter(jaar=2033).count() == 1


def test_creating_an_order_does_not_wait_for_another_creating_transaction():
    partijen = Partijen()
    other = Partijen(partijen.aanbieding)
    first_created, first_may_end = threading.Event(), threading.Event()
    services.next_nummer(timezone.localdate().year)  # the year's basis exists (committed)

    def first():
        try:
            with transaction.atomic():
                partijen.bestelling()
                first_created.set()
                first_may_end.wait(30)
        finally:
            connection.close()

    thread = threading.Thread(target=first)
    thread.start()
    try:
        assert first_created.wait(30)
        started = time.monotonic()
        # In the test's own connection, while the first transaction holds what it wrote.
        bestelling = other.bestelling()
        assert time.monotonic() - started < 10
        assert Bestelling.objects.filter(pk=bestelling.pk).exists()
    finally:
        first_may_end.set()
        thread.join(30)
    assert Bestelling.objects.count() == 2


def test_numbers_of_many_orders_at_once_are_ascending_and_consecutive_when_alone():
    jaar = timezone.localdate().year
    eerste = services.next_nummer(jaar)

    nummers = services.next_nummers(jaar, 5)

    assert [_volgnummer(nummer) for nummer in nummers] == [_volgnummer(eerste) + i for i in range(1, 6)]
