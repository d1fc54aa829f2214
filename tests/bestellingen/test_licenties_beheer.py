"""External licences, cancelling and changing a licence, and what order lines may do with
licences (through the services)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from softwarebroker.audit.models import AuditTrail
from softwarebroker.autorisaties.context import Acting
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.constants import LicentieStatus
from softwarebroker.bestellingen.models import Licentie
from tests.catalogus.factories import LeverancierFactory, SoftwarepakketFactory
from tests.organisaties.factories import OrganisatieFactory

from .factories import LicentieFactory
from .helpers import Partijen, aanbieding_with_prijzen, acting
from .licentie_support import refused, submitted

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


# --- external licences and cancelling ---------------------------------------------------------


def _extern(organisatie=None, **kwargs):
    organisatie = organisatie or OrganisatieFactory()
    fields = {
        "leverancier_naam": "Buiten B.V.",
        "softwarepakket_naam": "Eigen pakket",
        "aantal": 3,
        "ingangsdatum": TODAY() - datetime.timedelta(days=100),
        "einddatum": TODAY() + datetime.timedelta(days=265),
        **kwargs,
    }
    return services.register_licentie(
        acting=acting("afnemer", organisatie=organisatie), organisatie=organisatie, **fields
    )


def test_an_external_licence_is_registered_active_with_its_dates():
    licentie = _extern(
        opzegtermijn_dagen=60, looptijd_maanden=12, max_verlengingen=1, automatisch_verlengen=True
    )

    assert (licentie.bron, licentie.status, licentie.leverancier_naam) == ("extern", "actief", "Buiten B.V.")
    assert licentie.opzegdatum == licentie.einddatum - datetime.timedelta(days=60)
    assert AuditTrail.objects.filter(hoofd_object_uuid=licentie.uuid, actie="create").count() == 1


def test_an_external_licence_that_already_ended_is_verlopen():
    licentie = _extern(ingangsdatum=datetime.date(2020, 1, 1), einddatum=datetime.date(2021, 1, 1))
    assert licentie.status == "verlopen"


def test_an_external_licence_takes_supplier_and_package_from_its_references():
    pakket = SoftwarepakketFactory()
    leverancier = LeverancierFactory()
    licentie = _extern(
        leverancier=leverancier, softwarepakket=pakket, leverancier_naam="", softwarepakket_naam=""
    )
    assert (licentie.leverancier, licentie.softwarepakket) == (leverancier, pakket)


def test_an_afnemer_registers_for_no_other_organisation():
    organisatie = OrganisatieFactory()
    error = refused(
        lambda: services.register_licentie(
            acting=acting("afnemer", organisatie=OrganisatieFactory()),
            organisatie=organisatie,
            leverancier_naam="X",
            softwarepakket_naam="Y",
            aantal=1,
            ingangsdatum=TODAY(),
        ),
        403,
    )
    assert error.code == "rol"
    assert not Licentie.objects.exists()


def test_cancelling_before_the_opzegdatum(licentie_events):
    licentie = _extern(opzegtermijn_dagen=30)
    services.opzeggen_licentie(acting=Acting.system("test"), licentie=licentie, toelichting="Overgestapt")

    licentie.refresh_from_db()
    assert licentie.status == "opgezegd"
    assert licentie.opgezegd_op is not None
    assert licentie.einddatum == TODAY() + datetime.timedelta(days=265)  # ends at its end date
    entry = AuditTrail.objects.filter(hoofd_object_uuid=licentie.uuid, actie="update").get()
    assert entry.toelichting == "Overgestapt"
    assert licentie_events[-1] == ("update", licentie.uuid)

    error = refused(lambda: services.opzeggen_licentie(acting=Acting.system("test"), licentie=licentie), 409)
    assert error.code == "al_opgezegd"


def test_cancelling_after_the_opzegdatum_names_the_next_possible_end_date():
    einde = TODAY() + datetime.timedelta(days=10)
    licentie = _extern(
        einddatum=einde,
        opzegtermijn_dagen=30,
        automatisch_verlengen=True,
        looptijd_maanden=12,
        verlengingstermijn_maanden=12,
    )
    error = refused(lambda: services.opzeggen_licentie(acting=Acting.system("test"), licentie=licentie), 409)

    assert error.code == "opzegdatum_verstreken"
    volgende = einde.replace(year=einde.year + 1)
    assert volgende.strftime("%d-%m-%Y") in error.message
    licentie.refresh_from_db()
    assert (licentie.status, licentie.opgezegd_op) == ("actief", None)


def test_cancelling_after_the_opzegdatum_without_renewal_says_it_ends_anyway():
    einde = TODAY() + datetime.timedelta(days=10)
    licentie = _extern(einddatum=einde, opzegtermijn_dagen=30)
    error = refused(lambda: services.opzeggen_licentie(acting=Acting.system("test"), licentie=licentie), 409)
    assert f"eindigt hoe dan ook op {einde.strftime('%d-%m-%Y')}" in error.message


def test_a_licence_without_end_date_ends_after_its_notice_period():
    licentie = _extern(einddatum=None, opzegtermijn_dagen=45)
    services.opzeggen_licentie(acting=Acting.system("test"), licentie=licentie)
    licentie.refresh_from_db()
    assert (licentie.status, licentie.einddatum) == ("opgezegd", TODAY() + datetime.timedelta(days=45))
    assert licentie.opzegdatum == TODAY()


def test_only_an_active_licence_is_cancelled_or_changed():
    licentie = _extern(ingangsdatum=datetime.date(2020, 1, 1), einddatum=datetime.date(2021, 1, 1))
    assert refused(
        lambda: services.opzeggen_licentie(acting=Acting.system("t"), licentie=licentie), 409
    ).code == ("status")
    assert (
        refused(
            lambda: services.update_licentie(acting=Acting.system("t"), licentie=licentie, kostenplaats="X"),
            409,
        ).code
        == "status"
    )


def test_changing_its_own_fields_recomputes_nothing():
    licentie = _extern(opzegtermijn_dagen=30)
    dates = (licentie.einddatum, licentie.opzegdatum, licentie.uiterste_einddatum)
    services.update_licentie(
        acting=Acting.system("test"),
        licentie=licentie,
        automatisch_verlengen=True,
        contractnummer="C-1",
        kostenplaats="K-2",
    )
    licentie.refresh_from_db()
    assert (licentie.automatisch_verlengen, licentie.contractnummer, licentie.kostenplaats) == (
        True,
        "C-1",
        "K-2",
    )
    assert (licentie.einddatum, licentie.opzegdatum, licentie.uiterste_einddatum) == dates


def test_an_order_line_cannot_change_a_licence_not_yet_delivered():
    partijen = Partijen()
    submitted(partijen)
    aangevraagd = Licentie.objects.get()
    problems = services.bestelling_problems(
        partijen.organisatie,
        [{"aanbieding": partijen.aanbieding, "aantal": 1, "actie": "uitbreiden", "licentie": aangevraagd}],
        TODAY(),
    )
    assert [(name, code) for name, code, _ in problems] == [("regels.0.licentie", "niet_geleverd")]


def test_an_order_line_may_change_an_external_licence_of_the_same_package():
    partijen = Partijen()
    licentie = _extern(
        organisatie=partijen.organisatie,
        softwarepakket=partijen.aanbieding.softwarepakket,
        softwarepakket_naam="",
    )
    problems = services.bestelling_problems(
        partijen.organisatie,
        [{"aanbieding": partijen.aanbieding, "aantal": 1, "actie": "uitbreiden", "licentie": licentie}],
        TODAY(),
    )
    assert problems == []


def test_opgezegd_op_is_set_by_an_opzeggen_line():
    licentie = LicentieFactory(status=LicentieStatus.OPGEZEGD, einddatum=datetime.date(2040, 1, 1))
    assert licentie.opgezegd_op is not None
    assert licentie.opgezegd_op <= timezone.now()


def test_a_peers_offer_gives_what_its_data_has():
    from softwarebroker.bestellingen.services.licenties import contract_terms
    from softwarebroker.federatie.models import PeerAanbieding

    volledig = PeerAanbieding(
        gegevens={
            "verlenging": "automatisch",
            "looptijdMaanden": 24,
            "opzegtermijnDagen": 90,
            "verlengingstermijnMaanden": 12,
            "maxVerlengingen": 1,
            "indexering": {"methode": "vast", "percentage": "2.5", "plafondPercentage": None},
        }
    )
    oud = PeerAanbieding(
        gegevens={"verlenging": "handmatig", "looptijdMaanden": "twaalf", "indexering": "cpi"}
    )

    assert contract_terms(volledig) == {
        "looptijd_maanden": 24,
        "opzegtermijn_dagen": 90,
        "verlengingstermijn_maanden": 12,
        "max_verlengingen": 1,
        "indexering": "vast",
        "indexering_percentage": Decimal("2.50"),
        "indexering_plafond": None,
        "automatisch_verlengen": True,
    }
    assert contract_terms(oud) == {
        "looptijd_maanden": None,
        "opzegtermijn_dagen": 0,
        "verlengingstermijn_maanden": None,
        "max_verlengingen": None,
        "indexering": "geen",
        "indexering_percentage": None,
        "indexering_plafond": None,
        "automatisch_verlengen": False,
    }


def test_a_contract_renewed_as_often_as_it_allows_is_renewed_no_more():
    aanbieding = aanbieding_with_prijzen(looptijd_maanden=12, verlenging="geen")
    licentie = LicentieFactory(aanbieding=aanbieding, einddatum=datetime.date(2040, 1, 1))
    assert licentie.max_verlengingen == 0

    problems = services.bestelling_problems(
        licentie.organisatie,
        [{"aanbieding": aanbieding, "aantal": 1, "actie": "verlengen", "licentie": licentie}],
        TODAY(),
    )

    assert [(name, code) for name, code, _ in problems] == [("regels.0.licentie", "max_verlengingen")]
