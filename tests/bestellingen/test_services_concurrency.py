"""Order services under concurrent calls, on real PostgreSQL: row locks keep every change serialised."""

from decimal import Decimal

import pytest

from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.constants import BestellingStatus
from softwarebroker.bestellingen.models import Bestelling
from softwarebroker.core.errors import DomainError
from tests.concurrency import run_concurrently

from .helpers import SAAS_36_2X12, Partijen, acting, framework_offer

pytestmark = pytest.mark.django_db


@pytest.mark.django_db(transaction=True)
def test_concurrent_creates_never_share_an_order_number():
    partijen = Partijen()

    results = run_concurrently([partijen.bestelling for _ in range(20)])

    assert all(isinstance(result, Bestelling) for result in results), results
    nummers = [result.nummer for result in results]
    assert len(set(nummers)) == 20
    assert Bestelling.objects.count() == 20


def _one_wins(results, bestelling, winners: dict):
    failures = [result for result in results if isinstance(result, Exception)]
    assert len(failures) == 1 and isinstance(failures[0], DomainError), results
    assert failures[0].status == 409
    bestelling.refresh_from_db()
    winner = next(index for index, result in enumerate(results) if not isinstance(result, Exception))
    assert bestelling.status == winners[winner]
    history = list(bestelling.statuswijzigingen.values_list("van_status", "naar_status"))
    assert all(
        van_status == previous_naar_status
        for (van_status, _), (_, previous_naar_status) in zip(history[1:], history, strict=False)
    )


@pytest.mark.django_db(transaction=True)
def test_accept_and_withdraw_at_the_same_time_exactly_one_wins():
    partijen = Partijen()
    bestelling = partijen.ingediend()

    results = run_concurrently(
        [
            lambda: services.change_status(
                acting=partijen.leverancier, bestelling=bestelling, naar="geaccepteerd"
            ),
            lambda: services.change_status(
                acting=partijen.afnemer, bestelling=bestelling, naar="ingetrokken"
            ),
        ]
    )

    _one_wins(results, bestelling, {0: BestellingStatus.GEACCEPTEERD, 1: BestellingStatus.INGETROKKEN})


@pytest.mark.django_db(transaction=True)
def test_approve_and_reject_at_the_same_time_exactly_one_wins():
    partijen = Partijen()
    other_budgethouder = acting(
        "budgethouder", organisatie=partijen.organisatie, user_id="budget2@gemeente.nl"
    )
    bestelling = partijen.bestelling()
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")

    results = run_concurrently(
        [
            lambda: services.create_beoordeling(
                acting=partijen.budgethouder, bestelling=bestelling, besluit="goedgekeurd"
            ),
            lambda: services.create_beoordeling(
                acting=other_budgethouder, bestelling=bestelling, besluit="afgewezen", toelichting="Nee"
            ),
        ]
    )

    _one_wins(results, bestelling, {0: BestellingStatus.INGEDIEND, 1: BestellingStatus.AFGEWEZEN})
    assert bestelling.beoordelingen.count() == 1


@pytest.mark.django_db(transaction=True)
def test_approve_and_withdraw_at_the_same_time_are_serialised():
    # Withdrawing is allowed until the supplier accepts, so both may succeed, but one after
    # the other: the history is a chain, never two transitions from the same state.
    partijen = Partijen()
    bestelling = partijen.bestelling()
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")

    run_concurrently(
        [
            lambda: services.create_beoordeling(
                acting=partijen.budgethouder, bestelling=bestelling, besluit="goedgekeurd"
            ),
            lambda: services.change_status(
                acting=partijen.afnemer, bestelling=bestelling, naar="ingetrokken"
            ),
        ]
    )

    bestelling.refresh_from_db()
    assert bestelling.status == BestellingStatus.INGETROKKEN
    history = list(bestelling.statuswijzigingen.values_list("van_status", "naar_status"))
    assert history in (
        [("concept", "ter_goedkeuring"), ("ter_goedkeuring", "ingediend"), ("ingediend", "ingetrokken")],
        [("concept", "ter_goedkeuring"), ("ter_goedkeuring", "ingetrokken")],
    )


@pytest.mark.django_db(transaction=True)
def test_twenty_submissions_under_one_framework_never_pass_its_maximum_together():
    # Each order calls off 1500.00 (1000.00 one-time, 100.00 a year over 36 + 2 x 12 months);
    # the maximum fits exactly seven of them.
    fits = 7
    raamovereenkomst, aanbieding = framework_offer(Decimal("1500.00") * fits, **SAAS_36_2X12)
    partijen = Partijen(aanbieding)
    raamovereenkomst.deelnemers.add(partijen.organisatie)
    bestellingen = [partijen.bestelling(aantal=10) for _ in range(20)]

    def submit(bestelling):
        return lambda: services.change_status(
            acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring"
        )

    results = run_concurrently([submit(bestelling) for bestelling in bestellingen])

    failures = [result for result in results if isinstance(result, Exception)]
    assert len(failures) == 20 - fits, results
    assert all(isinstance(failure, DomainError) and failure.status == 409 for failure in failures), failures
    assert {failure.code for failure in failures} == {"maximale_waarde"}
    submitted = Bestelling.objects.filter(raamovereenkomst=raamovereenkomst, status="ter_goedkeuring")
    assert submitted.count() == fits
    assert (
        sum(bestelling.afroepwaarde_excl_btw for bestelling in submitted) == raamovereenkomst.maximale_waarde
    )
    assert Bestelling.objects.filter(status="concept").count() == 20 - fits
