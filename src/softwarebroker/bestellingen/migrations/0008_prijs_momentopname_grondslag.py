"""Each price in a frozen snapshot says its grondslag. Every snapshot frozen before prices had
one was computed per unit (the quantity times the unit price), so its parts get
``per_eenheid``: a snapshot is a historical record, no amount, tier or quantity changes.
"""

from django.db import migrations

BATCH = 1000


def _set(snapshot: dict) -> bool:
    changed = False
    for onderdeel in snapshot.get("prijzen") or []:
        if isinstance(onderdeel, dict) and "grondslag" not in onderdeel:
            onderdeel["grondslag"] = "per_eenheid"
            changed = True
    return changed


def _unset(snapshot: dict) -> bool:
    changed = False
    for onderdeel in snapshot.get("prijzen") or []:
        if isinstance(onderdeel, dict) and "grondslag" in onderdeel:
            del onderdeel["grondslag"]
            changed = True
    return changed


def _rewrite(apps, rewrite) -> None:
    Bestelregel = apps.get_model("bestellingen", "Bestelregel")
    regels = (
        Bestelregel.objects.filter(prijs_momentopname__isnull=False)
        .only("id", "prijs_momentopname")
        .order_by("id")
    )
    changed = []
    for regel in regels.iterator(chunk_size=BATCH):
        if isinstance(regel.prijs_momentopname, dict) and rewrite(regel.prijs_momentopname):
            changed.append(regel)
        if len(changed) >= BATCH:
            Bestelregel.objects.bulk_update(changed, ["prijs_momentopname"])
            changed = []
    Bestelregel.objects.bulk_update(changed, ["prijs_momentopname"])


def per_unit(apps, schema_editor):
    _rewrite(apps, _set)


def without_grondslag(apps, schema_editor):
    _rewrite(apps, _unset)


class Migration(migrations.Migration):
    dependencies = [
        ("bestellingen", "0007_licentie_levenscyclus"),
    ]

    operations = [
        migrations.RunPython(per_unit, without_grondslag),
    ]
