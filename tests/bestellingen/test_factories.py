"""The order factories make what they promise, through the services, by the order's parties."""

import datetime

import pytest

from softwarebroker.audit.models import AuditTrail
from softwarebroker.bestellingen.constants import BestellingStatus
from tests.bestellingen.factories import (
    AnnuleringsverzoekFactory,
    BeoordelingFactory,
    BerichtFactory,
    BestellingFactory,
    BestelregelFactory,
    LeveringFactory,
    LicentieFactory,
    StatuswijzigingFactory,
)

pytestmark = pytest.mark.django_db


def test_an_order_is_submitted_approved_and_sent_with_one_line_and_audited_as_factory():
    bestelling = BestellingFactory()

    assert bestelling.status == "ingediend" and bestelling.verzonden_op is not None
    assert bestelling.regels.count() == 1 and bestelling.totaal_eenmalig_excl_btw > 0
    assert [(w.van_status, w.naar_status) for w in bestelling.statuswijzigingen.all()] == [
        ("concept", "ter_goedkeuring"),
        ("ter_goedkeuring", "ingediend"),
    ]
    assert bestelling.beoordelingen.get().beoordelaar != bestelling.aanvrager  # four eyes
    entries = AuditTrail.objects.filter(hoofd_object_uuid=bestelling.uuid)
    assert entries.count() == 3 and set(entries.values_list("bron", flat=True)) == {"factory"}


@pytest.mark.parametrize("status", BestellingStatus.values)
def test_an_order_can_be_walked_to_every_status(status):
    assert BestellingFactory(status=status, aantal_regels=2).status == status


def test_lines_are_added_to_a_concept_only():
    concept = BestellingFactory(status="concept")
    BestelregelFactory.create_batch(2, bestelling=concept)

    assert concept.regels.count() == 3
    with pytest.raises(ValueError, match="concept"):
        BestelregelFactory(bestelling=BestellingFactory())


def test_transitions_go_forward_and_then_round():
    bestelling = BestellingFactory()
    naar = [StatuswijzigingFactory(bestelling=bestelling).naar_status for _ in range(5)]

    assert naar == [
        "geaccepteerd",
        "in_behandeling",
        "wacht_op_afnemer",
        "in_behandeling",
        "wacht_op_afnemer",
    ]
    assert StatuswijzigingFactory(bestelling=bestelling, naar_status="in_behandeling").actor == "afnemer@test"


def test_approvals_messages_and_cancellation_requests():
    beoordeling = BeoordelingFactory()
    assert beoordeling.bestelling.status == "ingediend"
    terug = BeoordelingFactory(bestelling=BestellingFactory(status="concept"), besluit="aanvulling_gevraagd")
    assert terug.bestelling.status == "concept"

    assert BerichtFactory(auteur_rol="leverancier").auteur_rol == "leverancier"

    bestelling = BestellingFactory()
    afgewezen = AnnuleringsverzoekFactory(bestelling=bestelling, status="afgewezen")
    assert (afgewezen.status, bestelling.status) == ("afgewezen", "geaccepteerd")
    assert AnnuleringsverzoekFactory(bestelling=bestelling).status == "ontvangen"
    assert bestelling.status == "annulering_beoordelen"


def test_an_order_delivers_each_line_once():
    bestelling = BestellingFactory(aantal_regels=2)
    leveringen = [LeveringFactory(bestelling=bestelling) for _ in range(2)]

    assert [levering.regel.volgnummer for levering in leveringen] == [1, 2]
    assert bestelling.status == "in_behandeling"
    with pytest.raises(ValueError, match="delivery"):
        LeveringFactory(bestelling=bestelling)


def test_a_licence_is_what_a_delivered_line_leaves():
    einde = datetime.date(2028, 2, 29)
    licentie = LicentieFactory(einddatum=einde, aantal=3, opzegtermijn_dagen=20)

    assert (licentie.einddatum, licentie.aantal, licentie.status) == (einde, 3, "actief")
    assert licentie.opzegtermijn_dagen == 20
    assert licentie.bronregels.get().bestelling.status == "geleverd"
    assert LicentieFactory(status="opgezegd").status == "opgezegd"
    assert LicentieFactory(einddatum=None).einddatum is None
