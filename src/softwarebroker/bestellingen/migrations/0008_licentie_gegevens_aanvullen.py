"""Licences made before supplier, package and the stored dates were kept on the licence: the
supplier and package of their (local) offer, and the last day to cancel."""

import datetime

from django.db import migrations


def fill_in(apps, schema_editor):
    Licentie = apps.get_model("bestellingen", "Licentie")
    for licentie in Licentie.objects.filter(aanbieding__isnull=False).select_related("aanbieding"):
        licentie.leverancier_id = licentie.leverancier_id or licentie.aanbieding.leverancier_id
        licentie.softwarepakket_id = licentie.softwarepakket_id or licentie.aanbieding.softwarepakket_id
        licentie.save(update_fields=["leverancier", "softwarepakket"])
    for licentie in Licentie.objects.filter(einddatum__isnull=False, opzegdatum__isnull=True):
        licentie.opzegdatum = licentie.einddatum - datetime.timedelta(days=licentie.opzegtermijn_dagen)
        licentie.save(update_fields=["opzegdatum"])


class Migration(migrations.Migration):
    dependencies = [("bestellingen", "0007_licentie_levenscyclus")]

    operations = [migrations.RunPython(fill_in, migrations.RunPython.noop)]
