"""Offers and prices belong to a supplier: only that supplier (and the broker) may change them."""

from rest_framework import exceptions


def check_owner(acting, leverancier) -> None:
    if acting is None or acting.is_broker:
        return
    if acting.leverancier is None or leverancier is None or acting.leverancier.pk != leverancier.pk:
        raise exceptions.PermissionDenied(
            detail="Alleen de eigen leverancier (of de broker) mag deze aanbieding en haar prijzen wijzigen.",
            code="autorisatie",
        )
