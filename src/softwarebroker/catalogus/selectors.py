"""Read queries of the catalogue."""

from .models import Categorie


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
