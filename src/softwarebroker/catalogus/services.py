"""State changes in the catalogue. Each function runs in one transaction."""

from __future__ import annotations

from django.db import transaction
from rest_framework.exceptions import ErrorDetail, ValidationError

from softwarebroker.api.exceptions import APIProblem

from .models import Categorie


def _check_parent(categorie: Categorie | None, parent: Categorie | None) -> None:
    if parent is None or categorie is None or categorie.pk is None:
        return
    if parent == categorie or categorie in parent.ancestors():
        raise ValidationError(
            {
                "bovenliggendeCategorie": [
                    ErrorDetail(
                        "Een categorie kan niet onder zichzelf of een eigen subcategorie vallen.",
                        code="cycle",
                    )
                ]
            }
        )


@transaction.atomic
def create_categorie(*, naam: str, omschrijving: str = "", bovenliggende_categorie=None) -> Categorie:
    return Categorie.objects.create(
        naam=naam, omschrijving=omschrijving, bovenliggende_categorie=bovenliggende_categorie
    )


@transaction.atomic
def update_categorie(*, categorie: Categorie, **changes) -> Categorie:
    categorie = Categorie.objects.select_for_update().get(pk=categorie.pk)
    if "bovenliggende_categorie" in changes:
        _check_parent(categorie, changes["bovenliggende_categorie"])
    for name, value in changes.items():
        setattr(categorie, name, value)
    categorie.save()
    return categorie


@transaction.atomic
def delete_categorie(*, categorie: Categorie) -> None:
    if categorie.subcategorieen.exists():
        raise APIProblem(
            status=409,
            code="in_use",
            detail="Deze categorie heeft subcategorieën en kan niet worden verwijderd.",
        )
    categorie.delete()
