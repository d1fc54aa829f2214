"""Transitions of the state machine, submission and approval."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from softwarebroker.audit.services import snapshot
from softwarebroker.autorisaties.context import normalise_user_id
from softwarebroker.catalogus import selectors
from softwarebroker.catalogus.models import Raamovereenkomst
from softwarebroker.core import errors
from softwarebroker.organisaties.models import Mandaat

from .. import aanbiedingen, pricing, statemachine
from ..constants import (
    EINDSTATUSSEN,
    Besluit,
    BestellingStatus,
    RegelStatus,
    Zichtbaarheid,
)
from ..models import (
    Beoordeling,
    Bestelling,
    Bestelregel,
    Licentie,
    Statuswijziging,
)
from . import verklaringen
from .common import _actor, _add_bericht, _audit, _publish, lock, partijen
from .licenties import apply_delivered_line, follow_order
from .regels import _price_of, _set_totals, bestelling_problems

# --- transitions ----------------------------------------------------------------------------


def _allowed_from(status: str, via: str | None = None) -> str:
    possible = statemachine.transitions_from(status, via=via)
    if not possible:
        return f"Vanuit '{status}' is geen statuswijziging meer mogelijk."
    return (
        f"Vanuit '{status}' mag: "
        + ", ".join(f"{transition.naar} (via {transition.via})" for transition in possible)
        + "."
    )


def _check_transition(acting, bestelling: Bestelling, naar: str, via: str, toelichting: str):
    transition = statemachine.find_transition(bestelling.status, naar)
    if transition is None or transition.via != via:
        raise errors.Conflict(
            f"Van '{bestelling.status}' naar '{naar}' kan niet hier. " + _allowed_from(bestelling.status),
            code="status_overgang",
        )
    if not (transition.partijen & partijen(acting, bestelling)):
        raise errors.NotAllowed(
            f"Deze overgang ({bestelling.status} -> {naar}) is voorbehouden aan: "
            + ", ".join(sorted(transition.partijen))
            + ".",
            code="rol",
        )
    if transition.toelichting_required and not (toelichting or "").strip():
        errors.raise_if_any(
            [("toelichting", "required", f"Een overgang naar '{naar}' vraagt om een toelichting.")]
        )
    return transition


def _transition(
    acting,
    bestelling: Bestelling,
    naar: str,
    toelichting: str,
    before,
    regels: list[Bestelregel] | None = None,
) -> Statuswijziging:
    """``regels``: the order's lines as the change left them, when it read them all (submission)."""
    actor, actor_weergave = _actor(acting)
    statuswijziging = Statuswijziging.objects.create(
        bestelling=bestelling,
        van_status=bestelling.status,
        naar_status=naar,
        toelichting=toelichting or "",
        actor=actor,
        actor_weergave=actor_weergave,
        applicatie=acting.client_id[:100],
    )
    bestelling.status = naar
    bestelling.versie += 1
    bestelling.save()
    follow_order(acting, bestelling, naar, regels)
    _audit(acting, "create", bestelling, statuswijziging, before)
    _publish(bestelling, "status", statuswijziging)
    return statuswijziging


@transaction.atomic
def change_status(*, acting, bestelling: Bestelling, naar: str, toelichting: str = "") -> Statuswijziging:
    """A transition asked for through ``/statuswijzigingen``."""
    bestelling = lock(bestelling)
    _check_transition(acting, bestelling, naar, statemachine.STATUSWIJZIGING, toelichting)
    before = snapshot(bestelling)
    regels = None
    if naar == BestellingStatus.TER_GOEDKEURING:
        regels = _submit(bestelling, acting.user_id or "")
    elif naar == BestellingStatus.WACHT_OP_AFNEMER or (
        naar == BestellingStatus.IN_BEHANDELING and bestelling.status == BestellingStatus.WACHT_OP_AFNEMER
    ):
        if (toelichting or "").strip():
            _add_bericht(acting, bestelling, toelichting, Zichtbaarheid.OPENBAAR)
    elif naar in (BestellingStatus.GELEVERD, BestellingStatus.DEELS_GELEVERD):
        _complete_delivery(acting, bestelling, naar)
    elif naar in EINDSTATUSSEN:
        bestelling.regels.filter(status=RegelStatus.OPEN).update(
            status=RegelStatus.MISLUKT if naar == BestellingStatus.MISLUKT else RegelStatus.GEANNULEERD
        )
    return _transition(acting, bestelling, naar, toelichting, before, regels)


def _submit(bestelling: Bestelling, user_id: str = "") -> list[Bestelregel]:
    """Submission: the lines checked again today (and their offers' required declarations),
    prices and declarations frozen, the framework's budget. Returns the lines as saved."""
    regels = list(bestelling.regels.select_related("aanbieding__raamovereenkomst", "peer_aanbieding"))
    _with_licenties(regels)
    if not regels:
        errors.raise_if_any([("regels", "leeg", "Een bestelling zonder regels kan niet worden ingediend.")])
    day = timezone.localdate()
    _refresh_peer_aanbiedingen(regels, user_id)
    values = [
        {
            "aanbieding": regel.bron_aanbieding,
            "aantal": regel.aantal,
            "actie": regel.actie,
            "licentie": regel.licentie,
            "bestelparameters": regel.bestelparameters,
        }
        for regel in regels
    ]
    errors.raise_if_any(bestelling_problems(bestelling.besteller, values, day))
    verklaringen.check_regels(regels, day)
    for regel in regels:
        prijs = _price_of(regel, day)
        regel.bedrag_eenmalig_excl_btw = prijs.eenmalig
        regel.bedrag_per_jaar_excl_btw = prijs.per_jaar
        regel.btw = prijs.btw
        regel.prijs_momentopname = prijs.momentopname(day)
    Bestelregel.objects.bulk_update(
        regels,
        [
            "bedrag_eenmalig_excl_btw",
            "bedrag_per_jaar_excl_btw",
            "btw",
            "prijs_momentopname",
            "verklaringen_momentopname",
        ],
    )
    _set_totals(bestelling, regels)
    bestelling.ingediend_op = timezone.now()
    if bestelling.raamovereenkomst_id:
        _check_within_raamovereenkomst(bestelling)
    return regels


def _with_licenties(regels: list[Bestelregel]) -> None:
    """The licences the lines change (a new licence's line has none), with their offers: one
    query, and none for an order of new licences only (joining them to every line read two
    wide tables of nothing)."""
    ids = {regel.licentie_id for regel in regels if regel.licentie_id is not None}
    if not ids:
        return
    licenties = Licentie.objects.select_related("aanbieding", "peer_aanbieding").in_bulk(ids)
    for regel in regels:
        if regel.licentie_id is not None:
            regel.licentie = licenties[regel.licentie_id]


def _refresh_peer_aanbiedingen(regels: list[Bestelregel], user_id: str) -> None:
    """Offers of peers are read again (conditionally) so the prices frozen now are the peer's
    current ones. A peer that cannot be read stops the submission (502, nothing changed)."""
    problems = []
    for index, regel in enumerate(regels):
        if regel.peer_aanbieding_id is None:
            continue
        url = regel.peer_aanbieding.url
        try:
            regel.peer_aanbieding = aanbiedingen.peer_aanbieding(url, refresh=True, user_id=user_id)
        except aanbiedingen.UnknownAanbieding:
            problems.append((f"regels.{index}.aanbieding", "onbekend", f"De peer kent {url} niet meer."))
        except aanbiedingen.InvalidReference as error:
            problems.append((f"regels.{index}.aanbieding", error.code, error.reason))
    errors.raise_if_any(problems)


def _check_within_raamovereenkomst(bestelling: Bestelling) -> None:
    """The order's call-off value (fixed by ``_set_totals`` at submission) fits in what is left
    of its framework's maximum. The framework row lock makes concurrent submissions under one
    framework take turns: each counts what the ones before it committed."""
    raamovereenkomst = Raamovereenkomst.objects.select_for_update().get(pk=bestelling.raamovereenkomst_id)
    if raamovereenkomst.maximale_waarde is None:
        return
    # The order itself is still a concept here, so it is not in the sum yet.
    afgeroepen = (
        Raamovereenkomst.objects.filter(pk=raamovereenkomst.pk)
        .annotate(afgeroepen=selectors.afgeroepen_waarde())
        .values_list("afgeroepen", flat=True)
        .get()
    )
    resterend = raamovereenkomst.maximale_waarde - afgeroepen
    if bestelling.afroepwaarde_excl_btw > resterend:
        raise errors.Conflict(
            f"Deze bestelling past niet meer binnen de maximale waarde van raamovereenkomst "
            f"{raamovereenkomst.kenmerk}: haar afroepwaarde is {bestelling.afroepwaarde_excl_btw:.2f} "
            f"(eenmalig plus terugkerend over de volledige looptijd, excl. btw), er resteert "
            f"{max(resterend, pricing.Decimal('0.00')):.2f}.",
            code="maximale_waarde",
        )


def _complete_delivery(acting, bestelling: Bestelling, naar: str) -> None:
    regels = list(bestelling.regels.filter(status=RegelStatus.OPEN).select_related("levering"))
    geleverd = [regel for regel in regels if hasattr(regel, "levering")]
    if naar == BestellingStatus.GELEVERD and len(geleverd) != len(regels):
        missing = ", ".join(str(regel.volgnummer) for regel in regels if regel not in geleverd)
        raise errors.Conflict(
            f"Geleverd vraagt om een levering voor elke regel; ontbreekt: {missing}.", code="levering"
        )
    if naar == BestellingStatus.DEELS_GELEVERD and not geleverd:
        raise errors.Conflict("Deels geleverd vraagt om minstens één levering.", code="levering")
    for regel in regels:
        regel.status = RegelStatus.GELEVERD if regel in geleverd else RegelStatus.MISLUKT
    Bestelregel.objects.bulk_update(regels, ["status"])
    for regel in geleverd:
        apply_delivered_line(acting, bestelling, regel)


# --- approval -------------------------------------------------------------------------------

BESLUIT_NAAR = {
    Besluit.GOEDGEKEURD: BestellingStatus.INGEDIEND,
    Besluit.AANVULLING_GEVRAAGD: BestellingStatus.CONCEPT,
    Besluit.AFGEWEZEN: BestellingStatus.AFGEWEZEN,
}


@transaction.atomic
def create_beoordeling(*, acting, bestelling: Bestelling, besluit: str, toelichting: str = "") -> Beoordeling:
    bestelling = lock(bestelling)
    naar = BESLUIT_NAAR[besluit]
    _check_transition(acting, bestelling, naar, statemachine.BEOORDELING, toelichting)
    beoordelaar, beoordelaar_weergave = _actor(acting)
    if not acting.user_id:
        raise errors.NotAllowed(
            "Een beoordeling vraagt om een gebruiker (claim user_id).", code="beoordelaar"
        )
    # acting.user_id is normalised where the token is read; an order submitted before ids
    # were normalised may still hold the id as its token had it.
    if acting.user_id == normalise_user_id(bestelling.aanvrager):
        raise errors.NotAllowed("Wie een bestelling aanvraagt, keurt haar niet zelf goed.", code="vier_ogen")
    if besluit == Besluit.GOEDGEKEURD:
        mandaat = Mandaat.objects.filter(
            organisatie_id=bestelling.besteller_id, gebruikers_id=acting.user_id
        ).first()
        totaal = bestelling.totaal_eenmalig_excl_btw + bestelling.totaal_per_jaar_excl_btw
        if mandaat is None or mandaat.maximum_bedrag < totaal:
            limit = f"{mandaat.maximum_bedrag:.2f}" if mandaat else "geen mandaat"
            raise errors.NotAllowed(
                f"Het totaal ({totaal:.2f} excl. btw, eenmalig plus een jaar) gaat boven uw "
                f"mandaat ({limit}).",
                code="mandaat",
            )
    before = snapshot(bestelling)
    beoordeling = Beoordeling.objects.create(
        bestelling=bestelling,
        besluit=besluit,
        toelichting=toelichting or "",
        beoordelaar=beoordelaar,
        beoordelaar_weergave=beoordelaar_weergave,
    )
    if naar == BestellingStatus.AFGEWEZEN:
        bestelling.regels.update(status=RegelStatus.GEANNULEERD)
    if naar == BestellingStatus.INGEDIEND:
        bestelling.verzonden_op = timezone.now()
    _transition(acting, bestelling, naar, toelichting, before)
    return beoordeling
