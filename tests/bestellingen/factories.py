"""Factories for orders, everything recorded on them, and licences.

Like every change of an order, they go through the order services
(``softwarebroker.bestellingen.services``), acted by the order's own parties (see
:mod:`tests.bestellingen.walk`): an order is created and then walked through the state machine
to the state a factory promises; what is recorded on an order (a transition, an approval, a
message, a delivery, a cancellation request) is the service call that records it, after the
order was walked to a state where that can happen; a licence is what delivering an order line
leaves. Every step has its audit entry (``bron`` factory) and its notification.
"""

import datetime

import factory

from softwarebroker.bestellingen import services, statemachine
from softwarebroker.bestellingen.constants import (
    Actie,
    AnnuleringStatus,
    AuteurRol,
    Besluit,
    BestellingStatus,
    LeveringType,
    LicentieStatus,
    Zichtbaarheid,
)
from softwarebroker.bestellingen.models import (
    Annuleringsverzoek,
    Beoordeling,
    Bericht,
    Bestelling,
    Bestelregel,
    Levering,
    Licentie,
    Statuswijziging,
)
from softwarebroker.bestellingen.termijnen import add_months
from softwarebroker.catalogus.constants import Verlenging
from tests.organisaties.factories import OrganisatieFactory

from . import walk
from .helpers import aanbieding_with_prijzen

REGEL = ("actie", "licentie", "bestelparameters")  # what else a line can say


class ServiceFactory(factory.django.DjangoModelFactory):
    """Objects made by ``make`` (service calls), never written here."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return cls.make(**kwargs)


def _bijgewerkt(bestelling: Bestelling, gemaakt):
    """What a service made on the order; the caller's order instance read again (the services
    change their own copy under the row lock)."""
    bestelling.refresh_from_db()
    return gemaakt


class BestellingFactory(ServiceFactory):
    """An order of ``besteller`` for ``aantal_regels`` lines (default one) of ``aantal`` units
    of one priced offer (``aanbieding``, or a new one of ``leverancier``), created by its
    afnemer and walked to ``status``. The default, ``ingediend``: submitted, approved by a budget
    holder and sent to the supplier. Other keyword arguments (``kostenplaats``,
    ``gewenste_ingangsdatum``, a line's ``actie``/``licentie``) go to the order or its lines."""

    besteller = factory.SubFactory(OrganisatieFactory)
    leverancier = None
    aanbieding = None
    aantal = 2
    aantal_regels = 1
    status = BestellingStatus.INGEDIEND

    class Meta:
        model = Bestelling

    @classmethod
    def make(cls, *, besteller, leverancier, aanbieding, aantal, aantal_regels, status, **velden):
        if aanbieding is None:
            aanbieding = aanbieding_with_prijzen(**({"leverancier": leverancier} if leverancier else {}))
        regel = {"aanbieding": aanbieding, "aantal": aantal}
        regel |= {name: velden.pop(name) for name in REGEL if name in velden}
        bestelling = services.create_bestelling(
            acting=walk.afnemer(besteller), besteller=besteller, regels=[regel] * aantal_regels, **velden
        )
        return walk.walk(bestelling, status)


def _regel(regel: Bestelregel) -> dict:
    return {
        "aanbieding": regel.bron_aanbieding,
        "aantal": regel.aantal,
        "actie": regel.actie,
        "licentie": regel.licentie,
        "bestelparameters": regel.bestelparameters,
    }


class BestelregelFactory(ServiceFactory):
    """A line of ``aantal`` units. Given a ``bestelling`` (a concept: the lines of a submitted
    order are fixed), the afnemer adds the line to it (the order's lines are set again, as the
    API's update does); ``aanbieding`` defaults to the offer of its first line. Without one,
    the only line of a new order (see :class:`BestellingFactory`)."""

    bestelling = None
    aanbieding = None
    aantal = 2

    class Meta:
        model = Bestelregel

    @classmethod
    def make(cls, *, bestelling, aanbieding, aantal, **regel):
        if bestelling is None:
            return BestellingFactory(aanbieding=aanbieding, aantal=aantal, **regel).regels.get()
        if bestelling.status != BestellingStatus.CONCEPT:
            raise ValueError(
                f"Order {bestelling} is {bestelling.status}: lines are added to a concept; "
                "make a submitted order with BestellingFactory(aantal_regels=...)."
            )
        regels = [_regel(bestaand) for bestaand in bestelling.regels.order_by("volgnummer")]
        if aanbieding is None:
            aanbieding = regels[0]["aanbieding"] if regels else aanbieding_with_prijzen()
        services.update_bestelling(
            acting=walk.van_afnemer(bestelling),
            bestelling=bestelling,
            regels=[*regels, {"aanbieding": aanbieding, "aantal": aantal, **regel}],
        )
        return _bijgewerkt(bestelling, bestelling.regels.order_by("volgnummer").last())


class StatuswijzigingFactory(ServiceFactory):
    """One transition of ``bestelling`` (default: a submitted order), by the party whose step
    it is: to ``naar_status`` when given, otherwise the order's next step forward (from
    ``in_behandeling`` the supplier's question, answered by the next one, and so on)."""

    bestelling = factory.SubFactory(BestellingFactory)
    naar_status = None
    toelichting = None

    class Meta:
        model = Statuswijziging

    @classmethod
    def make(cls, *, bestelling, naar_status, toelichting):
        naar = naar_status or walk.VOLGENDE.get(bestelling.status)
        if naar is None:
            raise ValueError(f"Order {bestelling} is {bestelling.status}: name the naar_status.")
        return walk.stap(bestelling, naar, toelichting)


class BeoordelingFactory(ServiceFactory):
    """A budget holder's ``besluit`` on ``bestelling`` (default: an order waiting for approval;
    a concept is submitted first). The default besluit, goedgekeurd, sends it to the supplier;
    aanvulling_gevraagd takes it back to concept, so it can be decided on again."""

    bestelling = factory.SubFactory(BestellingFactory, status=BestellingStatus.TER_GOEDKEURING)
    besluit = Besluit.GOEDGEKEURD
    toelichting = factory.LazyAttribute(
        lambda o: "" if o.besluit == Besluit.GOEDGEKEURD else "Graag de kostenplaats aanvullen."
    )

    class Meta:
        model = Beoordeling

    @classmethod
    def make(cls, *, bestelling, besluit, toelichting):
        walk.walk(bestelling, BestellingStatus.TER_GOEDKEURING)
        beoordeling = services.create_beoordeling(
            acting=walk.budgethouder(bestelling),
            bestelling=bestelling,
            besluit=besluit,
            toelichting=toelichting,
        )
        return _bijgewerkt(bestelling, beoordeling)


class BerichtFactory(ServiceFactory):
    """A message on ``bestelling`` written by the party ``auteur_rol`` names."""

    bestelling = factory.SubFactory(BestellingFactory)
    auteur_rol = AuteurRol.AFNEMER
    inhoud = "Wanneer wordt er geleverd?"
    zichtbaarheid = Zichtbaarheid.OPENBAAR

    class Meta:
        model = Bericht

    @classmethod
    def make(cls, *, bestelling, auteur_rol, inhoud, zichtbaarheid):
        auteur = {
            AuteurRol.AFNEMER: walk.van_afnemer,
            AuteurRol.LEVERANCIER: walk.leverancier,
            AuteurRol.BROKER: lambda bestelling: walk.SYSTEM,
        }[auteur_rol](bestelling)
        bericht = services.create_bericht(
            acting=auteur, bestelling=bestelling, inhoud=inhoud, zichtbaarheid=zichtbaarheid
        )
        return _bijgewerkt(bestelling, bericht)


class LeveringFactory(ServiceFactory):
    """The supplier's delivery of ``regel`` (default: the first line of the order without a
    delivery), after taking ``bestelling`` (default: a submitted order) in hand; the order stays
    in behandeling. An order has as many deliveries as it has lines."""

    regel = None
    bestelling = factory.Maybe(
        "regel", factory.SelfAttribute("regel.bestelling"), factory.SubFactory(BestellingFactory)
    )
    type = LeveringType.LICENTIESLEUTEL
    verwijzing = ""
    geheim = "SLEUTEL-1234"

    class Meta:
        model = Levering

    @classmethod
    def make(cls, *, bestelling, regel, **levering):
        walk.walk(bestelling, BestellingStatus.IN_BEHANDELING)
        regel = regel or walk.vrije_regels(bestelling).first()
        if regel is None:
            raise ValueError(
                f"Every line of order {bestelling} has a delivery: "
                "make it with BestellingFactory(aantal_regels=...)."
            )
        return _bijgewerkt(bestelling, walk.lever(bestelling, regel, **levering))


class AnnuleringsverzoekFactory(ServiceFactory):
    """The afnemer's request to cancel ``bestelling`` (default: a submitted order, which the
    supplier accepts first), with ``status`` ontvangen: waiting for the supplier. Given
    ``status`` afgewezen, the supplier refused it and the order went back to where it was (so
    it can be asked again); uitgevoerd: the order is cancelled."""

    bestelling = factory.SubFactory(BestellingFactory)
    reden = "Niet meer nodig"
    status = AnnuleringStatus.ONTVANGEN
    toelichting = factory.LazyAttribute(
        lambda o: "Het werk is al begonnen." if o.status == AnnuleringStatus.AFGEWEZEN else ""
    )

    class Meta:
        model = Annuleringsverzoek

    @classmethod
    def make(cls, *, bestelling, reden, status, toelichting):
        if statemachine.find_transition(bestelling.status, BestellingStatus.ANNULERING_BEOORDELEN) is None:
            walk.walk(bestelling, BestellingStatus.GEACCEPTEERD)
        verzoek = services.create_annuleringsverzoek(
            acting=walk.van_afnemer(bestelling), bestelling=bestelling, reden=reden
        )
        if status != AnnuleringStatus.ONTVANGEN:
            verzoek = services.decide_annuleringsverzoek(
                acting=walk.leverancier(bestelling),
                annuleringsverzoek=verzoek,
                status=status,
                toelichting=toelichting,
            )
        return _bijgewerkt(bestelling, verzoek)


def _looptijd(ingang: datetime.date, einde: datetime.date | None) -> int | None:
    """The term in months that ends a licence starting on ``ingang`` on ``einde``."""
    if einde is None:
        return None
    maanden = (einde.year - ingang.year) * 12 + einde.month - ingang.month
    if maanden < 1 or add_months(ingang, maanden) != einde:
        raise ValueError(f"No offer's term runs from {ingang} to {einde} (whole months of at least 1).")
    return maanden


def _ingang(einde: datetime.date | None) -> datetime.date:
    """A start a year (or, where the day does not fit that month, a month) before ``einde``."""
    if einde is None:
        return datetime.date(2026, 1, 1)
    for maanden in (12, 1, 2, 3):
        ingang = add_months(einde, -maanden)
        if add_months(ingang, maanden) == einde:
            return ingang
    raise AssertionError("unreachable")


class LicentieFactory(ServiceFactory):
    """The licence of ``organisatie`` that delivering an order line leaves: an offer (a new
    priced one, or ``aanbieding``) whose term (``looptijdMaanden``) runs from ``ingangsdatum``
    (the order's gewenste ingangsdatum; default a year before) to ``einddatum``, ordered for
    ``aantal`` and walked to geleverd. ``status`` opgezegd: a second order gives notice
    (actie opzeggen) and is delivered too. ``automatisch_verlengen``: the offer renews
    automatically.

    ``opzegtermijn_dagen``: the offer's notice period, copied onto the licence at delivery (so
    its ``opzegdatum`` is stored as delivery stores it)."""

    organisatie = factory.SubFactory(OrganisatieFactory)
    aanbieding = None
    aantal = 10
    einddatum = datetime.date(2027, 1, 1)
    ingangsdatum = factory.LazyAttribute(lambda o: _ingang(o.einddatum))
    automatisch_verlengen = False
    opzegtermijn_dagen = 0
    status = LicentieStatus.ACTIEF

    class Meta:
        model = Licentie

    @classmethod
    def make(
        cls,
        *,
        organisatie,
        aanbieding,
        aantal,
        einddatum,
        ingangsdatum,
        automatisch_verlengen,
        opzegtermijn_dagen,
        status,
    ):
        if status not in (LicentieStatus.ACTIEF, LicentieStatus.OPGEZEGD):
            raise ValueError(f"A licence becomes '{status}' by no order; actief or opgezegd only.")
        looptijd = _looptijd(ingangsdatum, einddatum)
        if aanbieding is None:
            verlenging = Verlenging.AUTOMATISCH if automatisch_verlengen else Verlenging.HANDMATIG
            aanbieding = aanbieding_with_prijzen(
                looptijd_maanden=looptijd, verlenging=verlenging, opzegtermijn_dagen=opzegtermijn_dagen
            )
        elif aanbieding.looptijd_maanden != looptijd:
            raise ValueError(
                f"The term of {aanbieding} is {aanbieding.looptijd_maanden} months, not {looptijd}."
            )
        elif aanbieding.opzegtermijn_dagen != opzegtermijn_dagen:
            raise ValueError(
                f"The notice period of {aanbieding} is {aanbieding.opzegtermijn_dagen} days, "
                f"not {opzegtermijn_dagen}."
            )
        bestel = {"besteller": organisatie, "aanbieding": aanbieding, "status": BestellingStatus.GELEVERD}
        bestelling = BestellingFactory(**bestel, aantal=aantal, gewenste_ingangsdatum=ingangsdatum)
        licentie = bestelling.regels.get().licenties.get()
        if status == LicentieStatus.OPGEZEGD:
            BestellingFactory(**bestel, aantal=aantal, actie=Actie.OPZEGGEN, licentie=licentie)
        licentie.refresh_from_db()
        return licentie
