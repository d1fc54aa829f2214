from django.db.models import Q
from django.utils import timezone
from django_filters import rest_framework as filters

from softwarebroker.api.filters import BooleanFilter, FilterSet, ReferenceFilter
from softwarebroker.catalogus import search
from softwarebroker.catalogus.constants import (
    Document,
    Doelgroep,
    Grondslag,
    Hostinglocatie,
    Leveringsvorm,
    Licentiemodel,
    Prijstype,
    PublicatieStatus,
    RaamovereenkomstStatus,
    ReferentiecomponentStatus,
    SoftwareType,
    VerklaringStatus,
    VersieStatus,
    Vertrouwelijkheid,
)
from softwarebroker.catalogus.models import (
    Aanbieding,
    Categorie,
    Leverancier,
    LeverancierStatus,
    Prijs,
    Raamovereenkomst,
    Referentiecomponent,
    Softwarepakket,
    Softwarepakketversie,
    Verklaring,
)
from softwarebroker.catalogus.selectors import categorie_with_descendants, valid_on
from softwarebroker.catalogus.verklaringen import vereist


class CategorieFilter(FilterSet):
    naam = filters.CharFilter(field_name="naam", lookup_expr="icontains", help_text="Deel van de naam.")
    hoofdcategorie = BooleanFilter(
        field_name="bovenliggende_categorie",
        lookup_expr="isnull",
        help_text="`true`: alleen hoofdcategorieën; `false`: alleen subcategorieën.",
    )

    class Meta:
        model = Categorie
        fields = ("naam", "hoofdcategorie")


class LeverancierFilter(FilterSet):
    naam = filters.CharFilter(field_name="naam", lookup_expr="icontains", help_text="Deel van de naam.")
    kvkNummer = filters.CharFilter(field_name="kvk_nummer", help_text="Exact KvK-nummer.")
    status = filters.ChoiceFilter(choices=LeverancierStatus.choices)
    rol = filters.CharFilter(
        field_name="rollen", lookup_expr="contains", method="filter_rol", help_text="Rol."
    )

    class Meta:
        model = Leverancier
        fields = ("naam", "kvkNummer", "status", "rol")

    def filter_rol(self, queryset, name, value):
        return queryset.filter(rollen__contains=[value])


def _in_category(queryset, path: str, value):
    categorie = Categorie.objects.filter(uuid=value).first()
    if categorie is None:
        return queryset.none()
    return queryset.filter(**{f"{path}__in": categorie_with_descendants(categorie)}).distinct()


def _search(queryset, name, value):
    return search.search(queryset, value) if value.strip() else queryset


class ZoekFilter(filters.CharFilter):
    """``zoek``: search terms, as long as those of the federated search."""

    max_length = search.MAX_TERMS_LENGTH

    def __init__(self, **kwargs):
        super().__init__(method=_search, **kwargs)


class SoftwarepakketFilter(FilterSet):
    zoek = ZoekFilter(
        help_text="Zoek in namen, omschrijvingen, leverancier en categorieën (Nederlandse woordvormen, "
        f"tolerant voor typfouten). {search.ORDER_HELP}",
    )
    naam = filters.CharFilter(field_name="naam", lookup_expr="icontains", help_text="Deel van de naam.")
    status = filters.ChoiceFilter(choices=PublicatieStatus.choices)
    leverancier = ReferenceFilter(field_name="fabrikant", help_text="URL van de fabrikant.")
    categorie = ReferenceFilter(
        field_name="categorieen",
        method="filter_categorie",
        help_text="URL van een categorie (met subcategorieën).",
    )
    openSource = BooleanFilter(field_name="open_source")
    licentie = filters.CharFilter(field_name="licentie", help_text="SPDX-licentie-expressie, exact.")
    softwareType = filters.ChoiceFilter(field_name="software_type", choices=SoftwareType.choices)
    referentiecomponent = filters.CharFilter(
        method="filter_referentiecomponent", help_text="URI van een GEMMA-referentiecomponent."
    )
    standaard = filters.CharFilter(method="filter_standaard", help_text="Naam van een standaard, exact.")

    class Meta:
        model = Softwarepakket
        fields = (
            "zoek",
            "naam",
            "status",
            "leverancier",
            "categorie",
            "openSource",
            "licentie",
            "softwareType",
        )

    def filter_categorie(self, queryset, name, value):
        return _in_category(queryset, "categorieen", value)

    def filter_referentiecomponent(self, queryset, name, value):
        return queryset.filter(referentiecomponenten__contains=[value])

    def filter_standaard(self, queryset, name, value):
        return queryset.filter(standaarden__contains=[value])


class SoftwarepakketversieFilter(FilterSet):
    softwarepakket = ReferenceFilter(field_name="softwarepakket", help_text="URL van het softwarepakket.")
    status = filters.ChoiceFilter(choices=VersieStatus.choices)

    class Meta:
        model = Softwarepakketversie
        fields = ("softwarepakket", "status")


def _valid_on(queryset, name, value):
    return queryset.filter(valid_on(value))


class AanbiedingFilter(FilterSet):
    zoek = ZoekFilter(
        help_text="Zoek in naam en omschrijving van aanbieding en pakket, leverancier en categorieën "
        f"(Nederlandse woordvormen, tolerant voor typfouten). {search.ORDER_HELP}",
    )
    naam = filters.CharFilter(field_name="naam", lookup_expr="icontains")
    softwarepakket = ReferenceFilter(field_name="softwarepakket", help_text="URL van het softwarepakket.")
    leverancier = ReferenceFilter(field_name="leverancier", help_text="URL van de leverancier.")
    raamovereenkomst = ReferenceFilter(
        field_name="raamovereenkomst", help_text="URL van de raamovereenkomst."
    )
    categorie = ReferenceFilter(
        field_name="softwarepakket__categorieen",
        method="filter_categorie",
        help_text="URL van een categorie (met subcategorieën).",
    )
    status = filters.ChoiceFilter(choices=PublicatieStatus.choices)
    licentiemodel = filters.ChoiceFilter(choices=Licentiemodel.choices)
    leveringsvorm = filters.ChoiceFilter(choices=Leveringsvorm.choices)
    hostinglocatie = filters.ChoiceFilter(choices=Hostinglocatie.choices)
    openSource = BooleanFilter(field_name="softwarepakket__open_source")
    referentiecomponent = filters.CharFilter(method="filter_referentiecomponent")
    standaard = filters.CharFilter(method="filter_standaard")
    geldigOp = filters.DateFilter(method=_valid_on, help_text="Alleen aanbiedingen die op deze datum gelden.")
    volledigVerklaard = BooleanFilter(
        method="filter_volledig_verklaard",
        help_text="`true`: alleen aanbiedingen met vandaag voor elk vereist document een geldige, "
        "goedgekeurde verklaring (`ontbrekendeVerklaringen` leeg); `false`: alleen die waarvoor er een "
        "ontbreekt.",
    )

    class Meta:
        model = Aanbieding
        fields = ("zoek", "softwarepakket", "leverancier", "status", "licentiemodel", "leveringsvorm")

    def filter_categorie(self, queryset, name, value):
        return _in_category(queryset, "softwarepakket__categorieen", value)

    def filter_volledig_verklaard(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(vereist.volledig_verklaard(timezone.localdate(), volledig=value))

    def filter_referentiecomponent(self, queryset, name, value):
        return queryset.filter(softwarepakket__referentiecomponenten__contains=[value])

    def filter_standaard(self, queryset, name, value):
        return queryset.filter(softwarepakket__standaarden__contains=[value])


class PrijsFilter(FilterSet):
    aanbieding = ReferenceFilter(field_name="aanbieding", help_text="URL van de aanbieding.")
    prijstype = filters.ChoiceFilter(choices=Prijstype.choices)
    grondslag = filters.ChoiceFilter(choices=Grondslag.choices)
    doelgroep = filters.ChoiceFilter(choices=Doelgroep.choices)
    geldigOp = filters.DateFilter(method=_valid_on, help_text="Alleen prijzen die op deze datum gelden.")

    class Meta:
        model = Prijs
        fields = ("aanbieding", "prijstype", "grondslag", "doelgroep", "geldigOp")


class RaamovereenkomstFilter(FilterSet):
    kenmerk = filters.CharFilter(field_name="kenmerk")
    status = filters.ChoiceFilter(choices=RaamovereenkomstStatus.choices)
    leverancier = ReferenceFilter(
        field_name="leveranciers", distinct=True, help_text="URL van een leverancier."
    )
    deelnemer = ReferenceFilter(
        field_name="deelnemers", distinct=True, help_text="URL van een deelnemende organisatie."
    )
    geldigOp = filters.DateFilter(method="filter_geldig_op")

    class Meta:
        model = Raamovereenkomst
        fields = ("kenmerk", "status", "leverancier", "deelnemer", "geldigOp")

    def filter_geldig_op(self, queryset, name, value):
        return queryset.filter(ingangsdatum__lte=value).exclude(einddatum__isnull=False, einddatum__lt=value)


class OnderwerpFilter(ReferenceFilter):
    """The declarations of one subject: its URL (a supplier, package, version or offer)."""

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(
            Q(leverancier__uuid=value)
            | Q(softwarepakket__uuid=value)
            | Q(softwarepakketversie__uuid=value)
            | Q(aanbieding__uuid=value)
        )


class VerklaringFilter(FilterSet):
    onderwerp = OnderwerpFilter(
        help_text="URL van de leverancier, het softwarepakket, de softwarepakketversie of de aanbieding "
        "(alleen de verklaringen over dat onderwerp zelf, niet de geërfde)."
    )
    type = filters.ChoiceFilter(choices=Document.choices)
    status = filters.ChoiceFilter(choices=VerklaringStatus.choices)
    vertrouwelijkheid = filters.ChoiceFilter(choices=Vertrouwelijkheid.choices)
    eigenaar = ReferenceFilter(field_name="eigenaar", help_text="URL van de leverancier van wie zij is.")

    class Meta:
        model = Verklaring
        fields = ("onderwerp", "type", "status", "vertrouwelijkheid", "eigenaar")


class ReferentiecomponentFilter(FilterSet):
    naam = filters.CharFilter(field_name="naam", lookup_expr="icontains", help_text="Deel van de naam.")
    status = filters.ChoiceFilter(choices=ReferentiecomponentStatus.choices, help_text="GEMMA-status.")
    gemmaId = filters.CharFilter(field_name="gemma_id", lookup_expr="iexact", help_text="Exact GEMMA-id.")

    class Meta:
        model = Referentiecomponent
        fields = ("naam", "status", "gemmaId")
