"""Frozen price snapshots name each price by its URL, as every other reference in the APIs does,
instead of by its bare UUID; a period that does not apply is ``null`` instead of ``""``.

A snapshot is a historical record: only the reference to the price and the marker for "no
period" are rewritten, never an amount, a tier, a rate or the date. A price of this catalogue
gets its URL under ``PUBLIC_URL``; a price of a peer's offer the URL the peer gave it (from the
copy of the offer, or, when the copy no longer has it, beside the offer's own URL).
"""

import uuid

from django.conf import settings
from django.db import migrations

CATALOGUS_PRIJZEN = "/catalogus/api/v1/prijzen/"
BATCH = 1000


def _is_url(reference) -> bool:
    return isinstance(reference, str) and reference.startswith(("http://", "https://"))


def _peer_prijs_url(peer_aanbieding, identifier: str) -> str:
    for prijs in (peer_aanbieding.gegevens or {}).get("actuelePrijzen") or []:
        url = prijs.get("url") if isinstance(prijs, dict) else None
        if _is_url(url) and url.rstrip("/").rsplit("/", 1)[-1] == identifier:
            return url
    root = peer_aanbieding.url.rsplit("/aanbiedingen/", 1)[0]
    return f"{root}/prijzen/{identifier}"


def _with_urls(snapshot: dict, peer_aanbieding) -> bool:
    changed = False
    for onderdeel in snapshot.get("prijzen") or []:
        if not isinstance(onderdeel, dict):
            continue
        reference = onderdeel.get("prijs")
        if isinstance(reference, str) and reference and not _is_url(reference):
            if peer_aanbieding is not None:
                onderdeel["prijs"] = _peer_prijs_url(peer_aanbieding, reference)
            else:
                onderdeel["prijs"] = settings.PUBLIC_URL.rstrip("/") + CATALOGUS_PRIJZEN + reference
            changed = True
        if onderdeel.get("periode") == "":
            onderdeel["periode"] = None
            changed = True
    return changed


def _with_identifiers(snapshot: dict, peer_aanbieding) -> bool:
    """Back to the bare UUIDs (and ``""``) of before, for a rollback."""
    changed = False
    for onderdeel in snapshot.get("prijzen") or []:
        if not isinstance(onderdeel, dict):
            continue
        reference = onderdeel.get("prijs")
        if _is_url(reference):
            last = reference.rstrip("/").rsplit("/", 1)[-1]
            try:
                onderdeel["prijs"] = str(uuid.UUID(last))
            except ValueError:
                pass  # a peer's price without a UUID was named by its URL before as well
            else:
                changed = True
        if "periode" in onderdeel and onderdeel["periode"] is None:
            onderdeel["periode"] = ""
            changed = True
    return changed


def _rewrite(apps, rewrite) -> None:
    Bestelregel = apps.get_model("bestellingen", "Bestelregel")
    regels = (
        Bestelregel.objects.filter(prijs_momentopname__isnull=False)
        .select_related("peer_aanbieding")
        .only("id", "prijs_momentopname", "peer_aanbieding__url", "peer_aanbieding__gegevens")
        .order_by("id")
    )
    changed = []
    for regel in regels.iterator(chunk_size=BATCH):
        snapshot = regel.prijs_momentopname
        if isinstance(snapshot, dict) and rewrite(snapshot, regel.peer_aanbieding):
            changed.append(regel)
        if len(changed) >= BATCH:
            Bestelregel.objects.bulk_update(changed, ["prijs_momentopname"])
            changed = []
    Bestelregel.objects.bulk_update(changed, ["prijs_momentopname"])


def name_prices_by_url(apps, schema_editor):
    _rewrite(apps, _with_urls)


def name_prices_by_uuid(apps, schema_editor):
    _rewrite(apps, _with_identifiers)


class Migration(migrations.Migration):
    dependencies = [
        ("bestellingen", "0005_leverancier_url_index"),
        ("federatie", "0002_peer_aanbieding"),
    ]

    operations = [
        migrations.RunPython(name_prices_by_url, name_prices_by_uuid),
    ]
