"""The order state machine: which transition, by whom, through which resource.

The guards that need data (mandates, deliveries, prices) live in the services; this table
says only what is possible at all. A transition missing from it is a 409 (not from this
state); one that exists but not for the acting party is a 403.
"""

from __future__ import annotations

from dataclasses import dataclass

from .constants import BestellingStatus as Status

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
class Transition:
    van: frozenset[str]
    naar: str
    partijen: frozenset[str]
    via: str = STATUSWIJZIGING
    toelichting_required: bool = False


def _allow(van, naar, partijen, **kwargs) -> Transition:
    return Transition(frozenset(van), naar, frozenset(partijen), **kwargs)


VERWERKERS = {LEVERANCIER, BROKER}
TRANSITIONS = (
    _allow({Status.CONCEPT}, Status.TER_GOEDKEURING, {AFNEMER}),
    _allow({Status.TER_GOEDKEURING}, Status.INGEDIEND, {BUDGETHOUDER}, via=BEOORDELING),
    _allow(
        {Status.TER_GOEDKEURING}, Status.CONCEPT, {BUDGETHOUDER}, via=BEOORDELING, toelichting_required=True
    ),
    _allow(
        {Status.TER_GOEDKEURING}, Status.AFGEWEZEN, {BUDGETHOUDER}, via=BEOORDELING, toelichting_required=True
    ),
    _allow({Status.CONCEPT, Status.TER_GOEDKEURING, Status.INGEDIEND}, Status.INGETROKKEN, {AFNEMER}),
    _allow({Status.INGEDIEND}, Status.GEACCEPTEERD, VERWERKERS),
    _allow({Status.INGEDIEND}, Status.GEWEIGERD, VERWERKERS, toelichting_required=True),
    _allow({Status.GEACCEPTEERD}, Status.IN_BEHANDELING, VERWERKERS),
    # The question travels as a Bericht: the toelichting is that message.
    _allow({Status.IN_BEHANDELING}, Status.WACHT_OP_AFNEMER, VERWERKERS, toelichting_required=True),
    _allow({Status.WACHT_OP_AFNEMER}, Status.IN_BEHANDELING, {AFNEMER, *VERWERKERS}),
    _allow({Status.IN_BEHANDELING}, Status.GELEVERD, VERWERKERS),
    _allow({Status.IN_BEHANDELING}, Status.DEELS_GELEVERD, VERWERKERS),
    _allow({Status.IN_BEHANDELING}, Status.MISLUKT, VERWERKERS, toelichting_required=True),
    _allow(
        {Status.GEACCEPTEERD, Status.IN_BEHANDELING, Status.WACHT_OP_AFNEMER},
        Status.ANNULERING_BEOORDELEN,
        {AFNEMER},
        via=ANNULERINGSVERZOEK,
    ),
    # Deciding a cancellation request: cancelled, or back to where it came from.
    _allow({Status.ANNULERING_BEOORDELEN}, Status.GEANNULEERD, VERWERKERS, via=ANNULERINGSVERZOEK),
)
TERUG_NA_ANNULERING = "terug"  # pseudo target: the state before the cancellation request


def transitions_from(status: str, *, via: str | None = None) -> list[Transition]:
    return [
        transition
        for transition in TRANSITIONS
        if status in transition.van and (via is None or transition.via == via)
    ]


def find_transition(status: str, naar: str) -> Transition | None:
    for transition in TRANSITIONS:
        if status in transition.van and transition.naar == naar:
            return transition
    return None
