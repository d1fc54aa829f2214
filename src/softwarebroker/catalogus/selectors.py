"""Read queries of the catalogue, with what the acting client may see.

Published (and withdrawn) catalogue items are public to every client; concepts only to the
broker and to the supplier they belong to.
"""

from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from .constants import AFROEP_TELT_STATUSSEN, PublicatieStatus
from .models import (
    Aanbieding,
    Categorie,
    Kwetsbaarheid,
    Leverancier,
    Prijs,
    Raamovereenkomst,
    Referentiecomponent,
    Softwarepakket,
    Softwarepakketversie,
)

MONEY_FIELD = DecimalField(max_digits=16, decimal_places=2)
NUL = Decimal("0.00")


def _published_or_own(acting, leverancier_field: str) -> Q:
    condition = ~Q(status=PublicatieStatus.CONCEPT)
    leverancier = getattr(acting, "leverancier", None)
    if leverancier is not None:
        condition |= Q(**{leverancier_field: leverancier})
    return condition


def _visible(queryset, acting, condition: Q):
    if acting is not None and acting.is_broker:
        return queryset
    return queryset.filter(condition)


def categorieen():
    return Categorie.objects.select_related("bovenliggende_categorie")


def categorie_with_descendants(categorie: Categorie) -> list[int]:
    """Primary keys of a category and all its sub-categories (for filters)."""
    ids, frontier = {categorie.pk}, [categorie.pk]
    while frontier:
        frontier = list(
            Categorie.objects.filter(bovenliggende_categorie__in=frontier)
            .exclude(pk__in=ids)
            .values_list("pk", flat=True)
        )
        ids.update(frontier)
    return sorted(ids)


def leveranciers():
    return Leverancier.objects.all()


def softwarepakketten(acting):
    queryset = Softwarepakket.objects.select_related("fabrikant").prefetch_related("categorieen")
    return _visible(queryset, acting, _published_or_own(acting, "fabrikant"))


def softwarepakketversies(acting):
    pakketten = softwarepakketten(acting).values("pk")
    return Softwarepakketversie.objects.select_related("softwarepakket").filter(softwarepakket__in=pakketten)


def referentiecomponenten():
    return Referentiecomponent.objects.all()


def kwetsbaarheden(acting, softwarepakketversie: Softwarepakketversie):
    """The vulnerabilities of a version, for whoever may see the version (public, like it)."""
    return Kwetsbaarheid.objects.filter(softwarepakketversie=softwarepakketversie)


def aanbiedingen(acting):
    queryset = Aanbieding.objects.select_related(
        "softwarepakket", "leverancier", "raamovereenkomst"
    ).prefetch_related("prijzen")
    return _visible(queryset, acting, _published_or_own(acting, "leverancier"))


def prijzen(acting):
    visible = aanbiedingen(acting).values("pk")
    return Prijs.objects.select_related("aanbieding").filter(aanbieding__in=visible)


def raamovereenkomsten():
    return Raamovereenkomst.objects.prefetch_related("leveranciers", "deelnemers")


def afgeroepen_waarde():
    """The value called off from a framework (per row of a ``Raamovereenkomst`` queryset): the
    sum of the call-off values of its orders in :data:`AFROEP_TELT_STATUSSEN`, as one
    correlated subquery (no query per row)."""
    per_raamovereenkomst = (
        Raamovereenkomst.objects.filter(pk=OuterRef("pk"), bestellingen__status__in=AFROEP_TELT_STATUSSEN)
        .order_by()
        .values("pk")
        .annotate(waarde=Sum("bestellingen__afroepwaarde_excl_btw"))
        .values("waarde")
    )
    return Coalesce(
        Subquery(per_raamovereenkomst, output_field=MONEY_FIELD), Value(NUL, output_field=MONEY_FIELD)
    )


def resterende_waarde():
    """What is left of the framework's maximum value (``None`` without a maximum)."""
    return ExpressionWrapper(F("maximale_waarde") - afgeroepen_waarde(), output_field=MONEY_FIELD)


def valid_on(day) -> Q:
    """Offers and prices valid on ``day``: started, and not ended (``geldigTot`` is exclusive)."""
    return Q(geldig_vanaf__lte=day) & (Q(geldig_tot__isnull=True) | Q(geldig_tot__gt=day))
