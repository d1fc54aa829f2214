"""Absolute URLs of resources outside a request (notifications are sent by the worker)."""

from __future__ import annotations

import functools

from django.conf import settings

from softwarebroker.api.definitions import BESTELLINGEN, CATALOGUS

_CATALOGUS = {
    "softwarepakket": "softwarepakketten",
    "softwarepakketversie": "softwarepakketversies",
    "aanbieding": "aanbiedingen",
    "prijs": "prijzen",
    "leverancier": "leveranciers",
    "raamovereenkomst": "raamovereenkomsten",
    "categorie": "categorieen",
}
_BESTELLINGEN = {"bestelling": "bestellingen", "licentie": "licenties", "organisatie": "organisaties"}
# Resources under an order: {order url}/{collection}/{uuid}
_ONDER_BESTELLING = {
    "statuswijziging": "statuswijzigingen",
    "beoordeling": "beoordelingen",
    "bericht": "berichten",
    "levering": "leveringen",
    "annuleringsverzoek": "annuleringsverzoeken",
}


@functools.cache
def _root(api) -> str:
    return settings.PUBLIC_URL.rstrip("/") + api.base_path


def url_of(instance) -> str:
    name = instance._meta.model_name
    if name in _CATALOGUS:
        return f"{_root(CATALOGUS)}/{_CATALOGUS[name]}/{instance.uuid}"
    if name in _BESTELLINGEN:
        return f"{_root(BESTELLINGEN)}/{_BESTELLINGEN[name]}/{instance.uuid}"
    if name in _ONDER_BESTELLING:
        return f"{url_of(instance.bestelling)}/{_ONDER_BESTELLING[name]}/{instance.uuid}"
    raise LookupError(f"No URL for a {name}")
