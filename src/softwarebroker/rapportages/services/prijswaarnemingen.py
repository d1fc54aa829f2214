"""The only writer of :class:`~softwarebroker.rapportages.models.Prijswaarneming`: it follows
orders and licences through the events of their own transaction (``core.events``), so the
price statistics are live: a change is counted, or no longer counted, when it commits.

- An order counts from its submission (``ter_goedkeuring``, or made approved by a joint
  purchase round) with its lines that buy or extend (``nieuw``, ``uitbreiden``, ``verlengen``)
  an offer of this catalogue; it stops counting when it goes back to ``concept`` or ends
  withdrawn, rejected, refused or cancelled. Its quarter is that of ``ingediend_op``.
- A licence bought elsewhere (``bron`` extern) counts with its package and amounts, in the
  quarter of its ``ingangsdatum``, from its registration until it is removed.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.utils import timezone

from softwarebroker.bestellingen import termijnen
from softwarebroker.bestellingen.constants import Actie, BestellingStatus, LicentieBron
from softwarebroker.bestellingen.models import Bestelling, Bestelregel, Licentie, Statuswijziging
from softwarebroker.bestellingen.services.regels import volledige_looptijd_maanden
from softwarebroker.catalogus.constants import Verlenging

from ..models import Prijswaarneming

TELLENDE_ACTIES = (Actie.NIEUW, Actie.UITBREIDEN, Actie.VERLENGEN)
# Back to concept, or ended before anything was agreed: no longer a price paid.
NIET_MEER_TELLEND = frozenset(
    {
        BestellingStatus.CONCEPT,
        BestellingStatus.INGETROKKEN,
        BestellingStatus.AFGEWEZEN,
        BestellingStatus.GEWEIGERD,
        BestellingStatus.GEANNULEERD,
    }
)
PRECISIE = Decimal("1E-10")  # the column's; the answer rounds to cents


def kwartaal(day: datetime.date) -> datetime.date:
    """The first day of ``day``'s quarter."""
    return datetime.date(day.year, (day.month - 1) // 3 * 3 + 1, 1)


def prijs_per_eenheid_per_jaar(eenmalig: Decimal, per_jaar: Decimal, aantal: int, maanden: int) -> Decimal:
    """(per year + one-time / (full term in years)) / quantity."""
    jaren = Decimal(maanden) / 12
    return ((per_jaar + eenmalig / jaren) / aantal).quantize(PRECISIE, rounding=ROUND_HALF_UP)


# --- orders -----------------------------------------------------------------------------------


def _regels(bestelling_ids):
    return (
        Bestelregel.objects.filter(
            bestelling_id__in=bestelling_ids,
            actie__in=TELLENDE_ACTIES,
            aanbieding__isnull=False,
            aantal__gt=0,
        )
        .select_related("aanbieding", "bestelling")
        .order_by("pk")
    )


def _van_regel(regel: Bestelregel) -> Prijswaarneming:
    aanbieding, bestelling = regel.aanbieding, regel.bestelling
    return Prijswaarneming(
        organisatie_id=bestelling.besteller_id,
        softwarepakket_id=aanbieding.softwarepakket_id,
        aanbieding_id=aanbieding.pk,
        bron=LicentieBron.BROKER,
        bestelregel_id=regel.pk,
        licentiemodel=aanbieding.licentiemodel,
        eenheid=aanbieding.eenheid,
        aantal=regel.aantal,
        kwartaal=kwartaal(timezone.localdate(bestelling.ingediend_op)),
        prijs=prijs_per_eenheid_per_jaar(
            regel.bedrag_eenmalig_excl_btw,
            regel.bedrag_per_jaar_excl_btw,
            regel.aantal,
            volledige_looptijd_maanden(aanbieding),
        ),
    )


def tel_bestellingen(bestelling_ids) -> None:
    """The observations of submitted orders (again: those they had are replaced)."""
    vergeet_bestellingen(bestelling_ids)
    Prijswaarneming.objects.bulk_create(
        [_van_regel(regel) for regel in _regels(bestelling_ids) if regel.bestelling.ingediend_op is not None],
        batch_size=1000,
    )


def vergeet_bestellingen(bestelling_ids) -> None:
    Prijswaarneming.objects.filter(bestelregel__bestelling_id__in=bestelling_ids).delete()


# --- licences bought elsewhere ----------------------------------------------------------------


def _telt(licentie: Licentie) -> bool:
    return (
        licentie.bron == LicentieBron.EXTERN
        and licentie.softwarepakket_id is not None
        and licentie.aantal > 0
        and (licentie.bedrag_eenmalig_excl_btw > 0 or licentie.bedrag_per_jaar_excl_btw > 0)
    )


def _van_licentie(licentie: Licentie) -> Prijswaarneming:
    aanbieding = licentie.aanbieding
    maanden = termijnen.maanden_volledige_looptijd(
        licentie.looptijd_maanden,
        # "No renewals" is max_verlengingen 0 on a licence (bestellingen.services.licenties).
        verlenging=Verlenging.HANDMATIG,
        verlengingstermijn_maanden=licentie.verlengingstermijn_maanden,
        max_verlengingen=licentie.max_verlengingen,
    )
    return Prijswaarneming(
        organisatie_id=licentie.organisatie_id,
        softwarepakket_id=licentie.softwarepakket_id,
        aanbieding_id=aanbieding.pk if aanbieding else None,
        bron=LicentieBron.EXTERN,
        licentie_id=licentie.pk,
        licentiemodel=aanbieding.licentiemodel if aanbieding else "",
        eenheid=aanbieding.eenheid if aanbieding else "",
        aantal=licentie.aantal,
        kwartaal=kwartaal(licentie.ingangsdatum),
        prijs=prijs_per_eenheid_per_jaar(
            licentie.bedrag_eenmalig_excl_btw, licentie.bedrag_per_jaar_excl_btw, licentie.aantal, maanden
        ),
    )


def volg_licenties(licenties: list[Licentie], *, verwijderd: bool = False) -> None:
    """Registered, changed (renewed) or removed licences bought elsewhere: their observation
    follows their current amounts and terms."""
    extern = [licentie for licentie in licenties if licentie.bron == LicentieBron.EXTERN]
    if not extern:
        return
    Prijswaarneming.objects.filter(licentie_id__in=[licentie.pk for licentie in extern]).delete()
    if not verwijderd:
        Prijswaarneming.objects.bulk_create(
            [_van_licentie(licentie) for licentie in extern if _telt(licentie)], batch_size=1000
        )


# --- the events -------------------------------------------------------------------------------


def on_events(published) -> None:
    tellen, vergeten, licenties, verwijderd = [], [], [], []
    for event in published:
        instance = event.instance
        if isinstance(instance, Statuswijziging):
            if instance.naar_status == BestellingStatus.TER_GOEDKEURING:
                tellen.append(instance.bestelling_id)
            elif instance.naar_status in NIET_MEER_TELLEND:
                vergeten.append(instance.bestelling_id)
        elif isinstance(instance, Bestelling) and event.actie == "create":
            # Orders of a joint purchase round are made approved, without a transition.
            if instance.status != BestellingStatus.CONCEPT and instance.ingediend_op is not None:
                tellen.append(instance.pk)
        elif isinstance(instance, Licentie):
            (verwijderd if event.actie == "destroy" else licenties).append(instance)
    if vergeten:
        vergeet_bestellingen(vergeten)
    if tellen:
        tel_bestellingen(tellen)
    if licenties:
        volg_licenties(licenties)
    if verwijderd:
        volg_licenties(verwijderd, verwijderd=True)


def on_event(event) -> None:
    on_events([event])
