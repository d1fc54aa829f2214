"""Opening a round: who may, on which offer, until when. A refusal writes nothing."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from softwarebroker.vraagbundelingen import services
from softwarebroker.vraagbundelingen.models import Vraagbundeling
from tests.catalogus.factories import AanbiedingFactory, PrijsFactory

from .support import (
    BROKER,
    Deelnemer,
    bundel_aanbieding,
    fields,
    framework_bundel_aanbieding,
    refused,
    rows,
)

pytestmark = pytest.mark.django_db


def _open(acting, aanbieding, initiatiefnemer, dagen=14):
    return services.open_vraagbundeling(
        acting=acting,
        aanbieding=aanbieding,
        initiatiefnemer=initiatiefnemer,
        naam="Samen inkopen",
        sluitingsdatum=timezone.localdate() + datetime.timedelta(days=dagen),
    )


def test_an_afnemer_opens_for_its_own_organisation_only():
    eigen, ander = Deelnemer(), Deelnemer()
    aanbieding = bundel_aanbieding()
    before = rows()

    error = refused(lambda: _open(eigen.afnemer, aanbieding, ander.organisatie), 403)
    assert error.code == "rol"
    # A budget holder is not an afnemer: it does not open rounds, not even for its own organisation.
    refused(lambda: _open(eigen.budgethouder, aanbieding, eigen.organisatie), 403)
    assert rows() == before

    ronde = _open(eigen.afnemer, aanbieding, eigen.organisatie)
    assert (ronde.status, ronde.initiatiefnemer_id) == ("open", eigen.organisatie.pk)
    assert list(ronde.statuswijzigingen.values_list("van_status", "naar_status")) == [("", "open")]


def test_the_broker_opens_for_any_organisation():
    ander = Deelnemer()
    ronde = _open(BROKER, bundel_aanbieding(), ander.organisatie)
    assert Vraagbundeling.objects.get().pk == ronde.pk
    assert ronde.initiatiefnemer_id == ander.organisatie.pk


def test_every_problem_of_the_offer_and_the_closing_date_is_listed_and_nothing_is_written():
    eigen = Deelnemer()
    concept = bundel_aanbieding(status="concept")
    before = rows()

    error = refused(lambda: _open(eigen.afnemer, concept, eigen.organisatie, dagen=0), 400)

    assert {(problem.field, problem.code) for problem in error.problems} == {
        ("aanbieding", "niet_gepubliceerd"),
        ("sluitingsdatum", "in_het_verleden"),
    }
    assert rows() == before


def test_an_offer_that_ends_before_the_closing_date_is_refused():
    eigen = Deelnemer()
    aanbieding = bundel_aanbieding(geldig_tot=timezone.localdate() + datetime.timedelta(days=10))

    error = refused(lambda: _open(eigen.afnemer, aanbieding, eigen.organisatie, dagen=10), 400)

    assert [(problem.field, problem.code) for problem in error.problems] == [("aanbieding", "niet_geldig")]
    assert Vraagbundeling.objects.count() == 0
    # The day before it ends it can be bundled.
    assert _open(eigen.afnemer, aanbieding, eigen.organisatie, dagen=9).status == "open"


def test_an_offer_without_a_price_per_unit_cannot_be_bundled():
    eigen = Deelnemer()
    aanbieding = AanbiedingFactory(geldig_vanaf=datetime.date(2020, 1, 1))
    PrijsFactory(
        aanbieding=aanbieding,
        prijstype="eenmalig",
        grondslag="per_bestelling",
        periode="",
        bedrag_excl_btw=Decimal("500.00"),
        geldig_vanaf=datetime.date(2020, 1, 1),
        geldig_tot=None,
    )

    error = refused(lambda: _open(eigen.afnemer, aanbieding, eigen.organisatie), 400)

    assert [(problem.field, problem.code) for problem in error.problems] == [
        ("aanbieding", "geen_eenheidsprijs")
    ]
    assert Vraagbundeling.objects.count() == 0


def test_a_framework_offer_is_bundled_by_the_frameworks_deelnemers_only():
    deelnemer, buitenstaander = Deelnemer(), Deelnemer()
    aanbieding = framework_bundel_aanbieding(None, deelnemer.organisatie)
    before = rows()

    error = refused(lambda: _open(buitenstaander.afnemer, aanbieding, buitenstaander.organisatie), 400)
    assert fields(error) == {"aanbieding"}
    assert [problem.code for problem in error.problems] == ["geen_deelnemer"]
    # Nor does the broker open one for an organisation outside the framework.
    refused(lambda: _open(BROKER, aanbieding, buitenstaander.organisatie), 400)
    assert rows() == before

    assert _open(deelnemer.afnemer, aanbieding, deelnemer.organisatie).status == "open"


def test_the_closing_date_must_stay_after_today_when_the_round_changes():
    eigen, ander = Deelnemer(), Deelnemer()
    ronde = _open(eigen.afnemer, bundel_aanbieding(), eigen.organisatie)
    before = rows()

    error = refused(
        lambda: services.update_vraagbundeling(
            acting=eigen.afnemer, vraagbundeling=ronde, sluitingsdatum=timezone.localdate()
        ),
        400,
    )
    assert fields(error) == {"sluitingsdatum"}
    refused(
        lambda: services.update_vraagbundeling(acting=ander.afnemer, vraagbundeling=ronde, naam="X"),
        403,
    )
    assert rows() == before
