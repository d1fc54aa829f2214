"""Orders walked through the state machine by their own parties, through the services.

The test factories make orders the way the API does: the afnemer of the ordering organisation
creates and submits, a budget holder with a mandate (another person: four eyes) approves, the
supplier accepts, handles and delivers. Each party acts on the ``factory`` channel, so the
audit trail shows ``bron`` factory for every step a factory took.
"""

from __future__ import annotations

from collections import deque
from decimal import Decimal

from softwarebroker.autorisaties.context import Acting
from softwarebroker.autorisaties.scopes import Rol, scopes_for
from softwarebroker.bestellingen import services
from softwarebroker.bestellingen.constants import (
    AnnuleringStatus,
    Besluit,
    LeveringType,
    RegelStatus,
)
from softwarebroker.bestellingen.constants import BestellingStatus as S
from softwarebroker.bestellingen.models import Bestelling, Bestelregel, Statuswijziging
from softwarebroker.organisaties import services as organisaties
from softwarebroker.organisaties.models import Mandaat

CHANNEL = "factory"
SYSTEM = Acting.system(CHANNEL)
AFNEMER = "afnemer@test"
BUDGETHOUDER = "budgethouder@test"
LEVERANCIER = "leverancier@test"
MANDAAT = Decimal("1000000.00")


def _party(role: str, user_id: str, **tenant) -> Acting:
    roles = frozenset({role})
    return Acting(
        applicatie=None,
        roles=roles,
        scopes=scopes_for(roles),
        user_id=user_id,
        user_representation=user_id,
        channel=CHANNEL,
        **tenant,
    )


def afnemer(organisatie) -> Acting:
    """The person who orders for ``organisatie``."""
    return _party(Rol.AFNEMER, AFNEMER, organisatie=organisatie)


def budgethouder(bestelling: Bestelling) -> Acting:
    """A budget holder of the ordering organisation whose mandate covers the order."""
    totaal = bestelling.totaal_eenmalig_excl_btw + bestelling.totaal_per_jaar_excl_btw
    mandaat = Mandaat.objects.filter(organisatie=bestelling.besteller, gebruikers_id=BUDGETHOUDER).first()
    if mandaat is None or mandaat.maximum_bedrag < totaal:
        organisaties.set_mandaat(
            acting=SYSTEM,
            organisatie=bestelling.besteller,
            gebruikers_id=BUDGETHOUDER,
            maximum_bedrag=max(MANDAAT, totaal),
        )
    return _party(Rol.BUDGETHOUDER, BUDGETHOUDER, organisatie=bestelling.besteller)


def leverancier(bestelling: Bestelling) -> Acting:
    """Who handles the order: its supplier, or the broker for a peer's offer (no supplier here)."""
    if bestelling.leverancier is None:
        return SYSTEM
    return _party(Rol.LEVERANCIER, LEVERANCIER, leverancier=bestelling.leverancier)


def van_afnemer(bestelling: Bestelling) -> Acting:
    return afnemer(bestelling.besteller)


# --- the steps ------------------------------------------------------------------------------


def _status(wie, naar: str, toelichting: str = ""):
    def stap(bestelling, tekst=None):
        services.change_status(
            acting=wie(bestelling), bestelling=bestelling, naar=naar, toelichting=tekst or toelichting
        )

    return stap


def _besluit(besluit: str, toelichting: str = ""):
    def stap(bestelling, tekst=None):
        services.create_beoordeling(
            acting=budgethouder(bestelling),
            bestelling=bestelling,
            besluit=besluit,
            toelichting=tekst or toelichting,
        )

    return stap


def vrije_regels(bestelling: Bestelling):
    """The open lines of the order that have no delivery yet, in order."""
    return bestelling.regels.filter(status=RegelStatus.OPEN, levering__isnull=True).order_by("volgnummer")


def lever(bestelling: Bestelling, regel: Bestelregel, **levering):
    return services.create_levering(
        acting=leverancier(bestelling),
        bestelling=bestelling,
        regel=regel,
        **{"type": LeveringType.LICENTIESLEUTEL, "geheim": f"SLEUTEL-{regel.uuid}", **levering},
    )


def _afronden(naar: str):
    """Deliver every line (geleverd) or the first (deels_geleverd) that has no delivery yet,
    then complete the order: the delivered lines become licences."""

    def stap(bestelling, tekst=None):
        regels = list(vrije_regels(bestelling))
        for regel in regels if naar == S.GELEVERD else regels[:1]:
            lever(bestelling, regel)
        _status(leverancier, naar)(bestelling, tekst)

    return stap


def _annulering_vragen(bestelling, tekst=None):
    services.create_annuleringsverzoek(
        acting=van_afnemer(bestelling), bestelling=bestelling, reden=tekst or "Niet meer nodig"
    )


def _annulering_uitvoeren(bestelling, tekst=None):
    services.decide_annuleringsverzoek(
        acting=leverancier(bestelling),
        annuleringsverzoek=bestelling.annuleringsverzoeken.order_by("-id").first(),
        status=AnnuleringStatus.UITGEVOERD,
        toelichting=tekst or "",
    )


# Every transition a factory can take: from -> to -> the step (the party, the service call,
# a toelichting where the transition asks for one).
STAPPEN = {
    S.CONCEPT: {S.TER_GOEDKEURING: _status(van_afnemer, S.TER_GOEDKEURING)},
    S.TER_GOEDKEURING: {
        S.INGEDIEND: _besluit(Besluit.GOEDGEKEURD),
        S.AFGEWEZEN: _besluit(Besluit.AFGEWEZEN, "Past niet in de begroting."),
        S.CONCEPT: _besluit(Besluit.AANVULLING_GEVRAAGD, "Graag de kostenplaats aanvullen."),
    },
    S.INGEDIEND: {
        S.GEACCEPTEERD: _status(leverancier, S.GEACCEPTEERD),
        S.GEWEIGERD: _status(leverancier, S.GEWEIGERD, "Niet leverbaar."),
        S.INGETROKKEN: _status(van_afnemer, S.INGETROKKEN),
    },
    S.GEACCEPTEERD: {
        S.IN_BEHANDELING: _status(leverancier, S.IN_BEHANDELING),
        S.ANNULERING_BEOORDELEN: _annulering_vragen,
    },
    S.IN_BEHANDELING: {
        S.WACHT_OP_AFNEMER: _status(leverancier, S.WACHT_OP_AFNEMER, "Op welke omgeving?"),
        S.GELEVERD: _afronden(S.GELEVERD),
        S.DEELS_GELEVERD: _afronden(S.DEELS_GELEVERD),
        S.MISLUKT: _status(leverancier, S.MISLUKT, "De installatie is mislukt."),
        S.ANNULERING_BEOORDELEN: _annulering_vragen,
    },
    # The afnemer answers the supplier's question.
    S.WACHT_OP_AFNEMER: {S.IN_BEHANDELING: _status(van_afnemer, S.IN_BEHANDELING, "De testomgeving.")},
    S.ANNULERING_BEOORDELEN: {S.GEANNULEERD: _annulering_uitvoeren},
}

# The step a transition factory takes when not told where to: forward, and round between
# in_behandeling and wacht_op_afnemer (so one order can have any number of transitions).
VOLGENDE = {
    S.CONCEPT: S.TER_GOEDKEURING,
    S.TER_GOEDKEURING: S.INGEDIEND,
    S.INGEDIEND: S.GEACCEPTEERD,
    S.GEACCEPTEERD: S.IN_BEHANDELING,
    S.IN_BEHANDELING: S.WACHT_OP_AFNEMER,
    S.WACHT_OP_AFNEMER: S.IN_BEHANDELING,
}


def route(van: str, naar: str) -> list[tuple[str, str]]:
    """The shortest series of steps from ``van`` to ``naar``."""
    vorige = {van: None}
    wachtrij = deque([van])
    while wachtrij:
        status = wachtrij.popleft()
        if status == naar:
            stappen = []
            while vorige[status] is not None:
                stappen.append((vorige[status], status))
                status = vorige[status]
            return stappen[::-1]
        for volgende in STAPPEN.get(status, {}):
            if volgende not in vorige:
                vorige[volgende] = status
                wachtrij.append(volgende)
    raise ValueError(f"An order cannot go from '{van}' to '{naar}' through the services.")


def stap(bestelling: Bestelling, naar: str, toelichting: str | None = None) -> Statuswijziging:
    """One transition from the order's status to ``naar``; its statuswijziging."""
    bestelling.refresh_from_db()
    stappen = STAPPEN.get(bestelling.status, {})
    if naar not in stappen:
        raise ValueError(f"No step from '{bestelling.status}' to '{naar}'; possible: {sorted(stappen)}.")
    stappen[naar](bestelling, toelichting)
    bestelling.refresh_from_db()
    return bestelling.statuswijzigingen.order_by("-id").first()


def walk(bestelling: Bestelling, naar: str) -> Bestelling:
    """The order taken to status ``naar`` by its parties (nothing when it is there); the
    instance is read again first and kept current (the services change their own copy)."""
    bestelling.refresh_from_db()
    for _, volgende in route(bestelling.status, naar):
        stap(bestelling, volgende)
    return bestelling
