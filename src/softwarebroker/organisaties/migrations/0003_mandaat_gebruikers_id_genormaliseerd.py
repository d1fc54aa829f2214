"""A mandate's ``gebruikers_id`` is compared with the token's normalised ``user_id``
(surrounding spaces removed, case-folded): existing ids are normalised the same way.

A mandate whose normalised id another mandate of the same organisation already has is left
as it was (it can no longer be matched; the functional administrator removes one of them).
"""

from django.db import migrations


def normalise(apps, schema_editor):
    Mandaat = apps.get_model("organisaties", "Mandaat")
    for mandaat in Mandaat.objects.only("id", "organisatie_id", "gebruikers_id").order_by("id"):
        normalised = mandaat.gebruikers_id.strip().casefold()
        if normalised == mandaat.gebruikers_id:
            continue
        taken = Mandaat.objects.filter(organisatie_id=mandaat.organisatie_id, gebruikers_id=normalised)
        if not taken.exists():
            Mandaat.objects.filter(pk=mandaat.pk).update(gebruikers_id=normalised)


class Migration(migrations.Migration):
    dependencies = [
        ("organisaties", "0002_mandaat"),
    ]

    operations = [
        migrations.RunPython(normalise, migrations.RunPython.noop),
    ]
