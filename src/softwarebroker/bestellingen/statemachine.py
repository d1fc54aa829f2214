"""The order state machine: which transition, by whom, through which resource.

The guards that need data (mandates, deliveries, prices) live in the services; this table
says only what is possible at all. A transition missing from it is a 409 (not from this
state); one that exists but not for the acting party is a 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from .constants import BestellingStatus as S

# The parties an API client can act as towards one order.
AFNEMER = "afnemer"  # role afnemer, acting for the ordering organisation
BUDGETHOUDER = "budgethouder"  # role budgethouder, for the ordering organisation
LEVERANCIER = "leverancier"  # role leverancier, for the order's supplier
BROKER = "broker"

# Through which resource a transition is asked for.
STATUSWIJZIGING = "statuswijzigingen"
BEOORDELING = "beoordelingen"
ANNULERINGSVERZOEK = "annuleringsverzoeken"


@dataclass(frozen=True)
class Overgang:
    van: frozenset[str]
    naar: str
    door: frozenset[str]
    via: str = STATUSWIJZIGING
    toelichting_verplicht: bool = False


def _o(van, naar, door, **kwargs) -> Overgang:
    return Overgang(frozenset(van), naar, frozenset(door), **kwargs)


VERWERKERS = {LEVERANCIER, BROKER}
OVERGANGEN = (
    _o({S.CONCEPT}, S.TER_GOEDKEURING, {AFNEMER}),
    _o({S.TER_GOEDKEURING}, S.INGEDIEND, {BUDGETHOUDER}, via=BEOORDELING),
    _o({S.TER_GOEDKEURING}, S.CONCEPT, {BUDGETHOUDER}, via=BEOORDELING, toelichting_verplicht=True),
    _o({S.TER_GOEDKEURING}, S.AFGEWEZEN, {BUDGETHOUDER}, via=BEOORDELING, toelichting_verplicht=True),
    _o({S.CONCEPT, S.TER_GOEDKEURING, S.INGEDIEND}, S.INGETROKKEN, {AFNEMER}),
    _o({S.INGEDIEND}, S.GEACCEPTEERD, VERWERKERS),
    _o({S.INGEDIEND}, S.GEWEIGERD, VERWERKERS, toelichting_verplicht=True),
    _o({S.GEACCEPTEERD}, S.IN_BEHANDELING, VERWERKERS),
    # The question travels as a Bericht: the toelichting is that message.
    _o({S.IN_BEHANDELING}, S.WACHT_OP_AFNEMER, VERWERKERS, toelichting_verplicht=True),
    _o({S.WACHT_OP_AFNEMER}, S.IN_BEHANDELING, {AFNEMER, *VERWERKERS}),
    _o({S.IN_BEHANDELING}, S.GELEVERD, VERWERKERS),
    _o({S.IN_BEHANDELING}, S.DEELS_GELEVERD, VERWERKERS),
    _o({S.IN_BEHANDELING}, S.MISLUKT, VERWERKERS, toelichting_verplicht=True),
    _o(
        {S.GEACCEPTEERD, S.IN_BEHANDELING, S.WACHT_OP_AFNEMER},
        S.ANNULERING_BEOORDELEN,
        {AFNEMER},
        via=ANNULERINGSVERZOEK,
    ),
    # Deciding a cancellation request: cancelled, or back to where it came from.
    _o({S.ANNULERING_BEOORDELEN}, S.GEANNULEERD, VERWERKERS, via=ANNULERINGSVERZOEK),
)
TERUG_NA_ANNULERING = "terug"  # pseudo target: the state before the cancellation request


def overgangen_vanuit(status: str, *, via: str | None = None) -> list[Overgang]:
    return [o for o in OVERGANGEN if status in o.van and (via is None or o.via == via)]


def zoek(status: str, naar: str) -> Overgang | None:
    for overgang in OVERGANGEN:
        if status in overgang.van and overgang.naar == naar:
            return overgang
    return None
