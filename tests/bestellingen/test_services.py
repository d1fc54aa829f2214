import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.constants import LicentieStatus
from softwarebroker.bestellingen.models import Bestelling, Licentie, Statuswijziging
from softwarebroker.catalogus.models import Prijs
from softwarebroker.core import events
from softwarebroker.core.errors import DomainError, Invalid
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory, RaamovereenkomstFactory
from tests.organisaties.factories import OrganisatieFactory

from .helpers import Partijen, aanbieding_with_prijzen, acting

pytestmark = pytest.mark.django_db


def problem(call, status):
    with pytest.raises(DomainError) as raised:
        call()
    assert raised.value.status == status, raised.value.message
    return raised.value


def test_an_order_walks_from_concept_to_delivered_and_creates_a_licence():
    partijen = Partijen()
    bestelling = partijen.in_behandeling(aantal=60)
    regel = bestelling.regels.get()

    services.create_levering(
        acting=partijen.leverancier,
        bestelling=bestelling,
        regel=regel,
        type="licentiesleutel",
        geheim="ABC-123",
    )
    services.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="geleverd")

    bestelling.refresh_from_db()
    assert bestelling.status == "geleverd"
    assert [statuswijziging.naar_status for statuswijziging in bestelling.statuswijzigingen.all()] == [
        "ter_goedkeuring",
        "ingediend",
        "geaccepteerd",
        "in_behandeling",
        "geleverd",
    ]
    licentie = Licentie.objects.get()
    assert (licentie.organisatie, licentie.aantal, licentie.status) == (partijen.organisatie, 60, "actief")
    assert list(licentie.bronregels.all()) == [regel]
    assert bestelling.nummer.startswith(f"{timezone.localdate().year}-")


def test_totals_use_the_tier_reached_and_freeze_at_submission():
    partijen = Partijen()
    bestelling = partijen.bestelling(aantal=60)
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    bestelling.refresh_from_db()

    # one-time 60 x 100.00; yearly 60 x 8.00 (tier from 50); 21% VAT on both
    assert bestelling.totaal_eenmalig_excl_btw == Decimal("6000.00")
    assert bestelling.totaal_per_jaar_excl_btw == Decimal("480.00")
    assert bestelling.totaal_btw == Decimal("1360.80")
    snapshot = bestelling.regels.get().prijs_momentopname
    assert [onderdeel["staffelVanafAantal"] for onderdeel in snapshot["prijzen"]] == [None, 50]

    Prijs.objects.filter(aanbieding=partijen.aanbieding).update(bedrag_excl_btw=Decimal("999.00"))
    services.create_beoordeling(acting=partijen.budgethouder, bestelling=bestelling, besluit="goedgekeurd")
    bestelling.refresh_from_db()
    assert bestelling.totaal_eenmalig_excl_btw == Decimal("6000.00")
    assert bestelling.regels.get().prijs_momentopname == snapshot


def test_per_inwoner_lines_take_the_organisations_inwonertal():
    partijen = Partijen(aanbieding_with_prijzen(licentiemodel="per_inwoner"))
    partijen.organisatie.inwonertal = 31234
    partijen.organisatie.save()

    bestelling = partijen.bestelling(aantal=None)

    assert bestelling.regels.get().aantal == 31234


def test_wrong_state_is_409_with_the_allowed_transitions_and_wrong_party_is_403():
    partijen = Partijen()
    bestelling = partijen.bestelling()

    conflict = problem(
        lambda: services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="geaccepteerd"),
        409,
    )
    assert "ter_goedkeuring" in conflict.message and "ingetrokken" in conflict.message
    assert conflict.code == "status_overgang"
    forbidden = problem(
        lambda: services.change_status(
            acting=partijen.leverancier, bestelling=bestelling, naar="ingetrokken"
        ),
        403,
    )
    assert forbidden.code == "rol"
    assert Statuswijziging.objects.count() == 0


def test_approval_needs_another_person_within_mandate_and_a_reason_to_refuse():
    partijen = Partijen(mandaat=Decimal("500.00"))
    bestelling = partijen.bestelling(aantal=10)  # 1,000.00 one-time + 100.00 a year
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    aanvrager_as_budgethouder = acting(
        "budgethouder", organisatie=partijen.organisatie, user_id="aanvrager@gemeente.nl"
    )

    assert problem(
        lambda: services.create_beoordeling(
            acting=aanvrager_as_budgethouder, bestelling=bestelling, besluit="goedgekeurd"
        ),
        403,
    ).code == ("vier_ogen")
    assert problem(
        lambda: services.create_beoordeling(
            acting=partijen.budgethouder, bestelling=bestelling, besluit="goedgekeurd"
        ),
        403,
    ).code == ("mandaat")
    with pytest.raises(Invalid):
        services.create_beoordeling(acting=partijen.budgethouder, bestelling=bestelling, besluit="afgewezen")

    services.create_beoordeling(
        acting=partijen.budgethouder, bestelling=bestelling, besluit="afgewezen", toelichting="Te duur"
    )
    bestelling.refresh_from_db()
    assert bestelling.status == "afgewezen"


def test_framework_offers_only_for_participants_and_within_the_maximum():
    leverancier = LeverancierFactory()
    raamovereenkomst = RaamovereenkomstFactory(
        status="actief", maximale_waarde=Decimal("1500.00"), leveranciers=[leverancier]
    )
    aanbieding = aanbieding_with_prijzen(raamovereenkomst=raamovereenkomst, leverancier=leverancier)
    deelnemer = Partijen(aanbieding)
    raamovereenkomst.deelnemers.add(deelnemer.organisatie)
    outsider = Partijen(aanbieding)

    with pytest.raises(Invalid) as raised:
        outsider.bestelling()
    assert "geen_deelnemer" in str(raised.value.problems)

    deelnemer.ingediend(aantal=10)  # 1,000.00 plus 100.00 a year over 48 months: 1,400.00 counts
    second_bestelling = deelnemer.bestelling(aantal=10)
    conflict = problem(
        lambda: services.change_status(
            acting=deelnemer.afnemer, bestelling=second_bestelling, naar="ter_goedkeuring"
        ),
        409,
    )
    assert conflict.code == "maximale_waarde"


def test_every_problem_of_the_lines_is_listed_with_its_path():
    partijen = Partijen()
    schema = {
        "type": "object",
        "properties": {"omgeving": {"enum": ["test", "productie"]}, "gebruikers": {"type": "integer"}},
        "required": ["omgeving"],
    }
    aanbieding_with_schema = aanbieding_with_prijzen(
        leverancier=partijen.aanbieding.leverancier, bestelparameters_schema=schema
    )
    concept = AanbiedingFactory(leverancier=partijen.aanbieding.leverancier, status="concept")

    with pytest.raises(Invalid) as raised:
        services.create_bestelling(
            acting=partijen.afnemer,
            besteller=partijen.organisatie,
            regels=[
                {
                    "aanbieding": aanbieding_with_schema,
                    "aantal": 1,
                    "bestelparameters": {"gebruikers": "veel"},
                },
                {"aanbieding": concept, "aantal": 0},
                {"aanbieding": partijen.aanbieding, "aantal": 1, "actie": "uitbreiden"},
            ],
        )

    assert {problem.field for problem in raised.value.problems} == {
        "regels.0.bestelparameters.omgeving",
        "regels.0.bestelparameters.gebruikers",
        "regels.1.aanbieding",
        "regels.1.aantal",
        "regels.2.licentie",
    }
    assert Bestelling.objects.count() == 0


def test_every_transition_publishes_an_event_with_the_order_kenmerken():
    seen = []
    events.subscribe(seen.append)
    try:
        partijen = Partijen()
        partijen.ingediend()
    finally:
        events.unsubscribe(seen.append)

    statuses = [event.kenmerken["status"] for event in seen if event.kanaal.label == "bestellingen"]
    assert statuses == ["concept", "ter_goedkeuring", "ingediend"]
    assert {event.kenmerken["besteller"] for event in seen if event.kanaal.label == "bestellingen"} == {
        partijen.organisatie.oin
    }


def test_cancellation_is_requested_by_the_buyer_and_decided_by_the_supplier():
    partijen = Partijen()
    bestelling = partijen.in_behandeling()

    verzoek = services.create_annuleringsverzoek(
        acting=partijen.afnemer, bestelling=bestelling, reden="Niet meer nodig"
    )
    services.decide_annuleringsverzoek(
        acting=partijen.leverancier, annuleringsverzoek=verzoek, status="afgewezen", toelichting="Al gestart"
    )
    bestelling.refresh_from_db()
    assert bestelling.status == "in_behandeling"

    verzoek = services.create_annuleringsverzoek(
        acting=partijen.afnemer, bestelling=bestelling, reden="Echt niet meer nodig"
    )
    services.decide_annuleringsverzoek(
        acting=partijen.leverancier, annuleringsverzoek=verzoek, status="uitgevoerd"
    )
    bestelling.refresh_from_db()
    assert bestelling.status == "geannuleerd"
    assert set(bestelling.regels.values_list("status", flat=True)) == {"geannuleerd"}


def test_expiring_licences_is_idempotent():
    organisatie = OrganisatieFactory()
    aanbieding = AanbiedingFactory()
    verlopen = Licentie.objects.create(
        organisatie=organisatie,
        aanbieding=aanbieding,
        aantal=1,
        ingangsdatum=datetime.date(2024, 1, 1),
        einddatum=datetime.date(2025, 1, 1),
    )
    loopt = Licentie.objects.create(
        organisatie=organisatie, aanbieding=aanbieding, aantal=1, ingangsdatum=datetime.date(2024, 1, 1)
    )

    assert services.nachtelijke_licentieverwerking(datetime.date(2026, 1, 1)).verlopen == 1
    assert services.nachtelijke_licentieverwerking(datetime.date(2026, 1, 1)).wijzigingen == 0
    verlopen.refresh_from_db()
    loopt.refresh_from_db()
    assert (verlopen.status, loopt.status) == (LicentieStatus.VERLOPEN, LicentieStatus.ACTIEF)


def test_asking_for_information_leaves_a_message_and_the_buyer_answers():
    partijen = Partijen()
    bestelling = partijen.in_behandeling()

    services.change_status(
        acting=partijen.leverancier,
        bestelling=bestelling,
        naar="wacht_op_afnemer",
        toelichting="Welk subdomein?",
    )
    services.change_status(
        acting=partijen.afnemer, bestelling=bestelling, naar="in_behandeling", toelichting="gemeente-x"
    )

    berichten = list(bestelling.berichten.values_list("auteur_rol", "inhoud"))
    assert berichten == [("leverancier", "Welk subdomein?"), ("afnemer", "gemeente-x")]
    with pytest.raises(Invalid):
        services.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="wacht_op_afnemer")


def test_delivered_lines_change_the_licence_they_name():
    partijen = Partijen()
    first_bestelling = partijen.in_behandeling(aantal=10)
    services.create_levering(
        acting=partijen.leverancier,
        bestelling=first_bestelling,
        regel=first_bestelling.regels.get(),
        type="account",
    )
    services.change_status(acting=partijen.leverancier, bestelling=first_bestelling, naar="geleverd")
    licentie = Licentie.objects.get()

    uitbreiding = services.create_bestelling(
        acting=partijen.afnemer,
        besteller=partijen.organisatie,
        regels=[
            {"aanbieding": partijen.aanbieding, "aantal": 5, "actie": "uitbreiden", "licentie": licentie}
        ],
    )
    services.change_status(acting=partijen.afnemer, bestelling=uitbreiding, naar="ter_goedkeuring")
    services.create_beoordeling(acting=partijen.budgethouder, bestelling=uitbreiding, besluit="goedgekeurd")
    services.change_status(acting=partijen.leverancier, bestelling=uitbreiding, naar="geaccepteerd")
    services.change_status(acting=partijen.leverancier, bestelling=uitbreiding, naar="in_behandeling")
    services.create_levering(
        acting=partijen.leverancier, bestelling=uitbreiding, regel=uitbreiding.regels.get(), type="account"
    )
    services.change_status(acting=partijen.leverancier, bestelling=uitbreiding, naar="geleverd")

    licentie.refresh_from_db()
    assert licentie.aantal == 15
    assert licentie.bronregels.count() == 2
    assert Licentie.objects.count() == 1


def test_geleverd_needs_every_line_delivered_and_deels_geleverd_at_least_one():
    partijen = Partijen()
    bestelling = services.create_bestelling(
        acting=partijen.afnemer,
        besteller=partijen.organisatie,
        regels=[
            {"aanbieding": partijen.aanbieding, "aantal": 1},
            {"aanbieding": partijen.aanbieding, "aantal": 2},
        ],
    )
    services.change_status(acting=partijen.afnemer, bestelling=bestelling, naar="ter_goedkeuring")
    services.create_beoordeling(acting=partijen.budgethouder, bestelling=bestelling, besluit="goedgekeurd")
    services.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="geaccepteerd")
    services.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="in_behandeling")

    assert problem(
        lambda: services.change_status(
            acting=partijen.leverancier, bestelling=bestelling, naar="deels_geleverd"
        ),
        409,
    )
    services.create_levering(
        acting=partijen.leverancier,
        bestelling=bestelling,
        regel=bestelling.regels.get(volgnummer=1),
        type="account",
    )
    assert problem(
        lambda: services.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="geleverd"),
        409,
    )
    services.change_status(acting=partijen.leverancier, bestelling=bestelling, naar="deels_geleverd")

    assert dict(bestelling.regels.values_list("volgnummer", "status")) == {1: "geleverd", 2: "mislukt"}
