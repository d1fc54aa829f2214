"""The observations of the orders and licences that existed before the summary did, as the
service (rapportages.services.prijswaarnemingen) would have made them."""

from django.db import migrations
from django.utils import timezone

BATCH = 2000


def fill(apps, schema_editor):
    from softwarebroker.bestellingen import termijnen
    from softwarebroker.bestellingen.services.regels import volledige_looptijd_maanden
    from softwarebroker.rapportages.services.prijswaarnemingen import (
        NIET_MEER_TELLEND,
        TELLENDE_ACTIES,
        kwartaal,
        prijs_per_eenheid_per_jaar,
    )

    Bestelregel = apps.get_model("bestellingen", "Bestelregel")
    Licentie = apps.get_model("bestellingen", "Licentie")
    Prijswaarneming = apps.get_model("rapportages", "Prijswaarneming")
    regels = (
        Bestelregel.objects.filter(
            bestelling__ingediend_op__isnull=False,
            actie__in=TELLENDE_ACTIES,
            aanbieding__isnull=False,
            aantal__gt=0,
        )
        .exclude(bestelling__status__in=NIET_MEER_TELLEND)
        .select_related("aanbieding", "bestelling")
        .order_by("pk")
    )
    batch = []
    for regel in regels.iterator(chunk_size=BATCH):
        aanbieding = regel.aanbieding
        batch.append(
            Prijswaarneming(
                organisatie_id=regel.bestelling.besteller_id,
                softwarepakket_id=aanbieding.softwarepakket_id,
                aanbieding_id=aanbieding.pk,
                bron="broker",
                bestelregel_id=regel.pk,
                licentiemodel=aanbieding.licentiemodel,
                eenheid=aanbieding.eenheid,
                aantal=regel.aantal,
                kwartaal=kwartaal(timezone.localdate(regel.bestelling.ingediend_op)),
                prijs=prijs_per_eenheid_per_jaar(
                    regel.bedrag_eenmalig_excl_btw,
                    regel.bedrag_per_jaar_excl_btw,
                    regel.aantal,
                    volledige_looptijd_maanden(aanbieding),
                ),
            )
        )
        if len(batch) >= BATCH:
            Prijswaarneming.objects.bulk_create(batch)
            batch = []
    licenties = Licentie.objects.filter(bron="extern", softwarepakket__isnull=False, aantal__gt=0).select_related(
        "aanbieding"
    )
    for licentie in licenties.iterator(chunk_size=BATCH):
        if not (licentie.bedrag_eenmalig_excl_btw > 0 or licentie.bedrag_per_jaar_excl_btw > 0):
            continue
        aanbieding = licentie.aanbieding
        maanden = termijnen.maanden_volledige_looptijd(
            licentie.looptijd_maanden,
            verlenging="handmatig",
            verlengingstermijn_maanden=licentie.verlengingstermijn_maanden,
            max_verlengingen=licentie.max_verlengingen,
        )
        batch.append(
            Prijswaarneming(
                organisatie_id=licentie.organisatie_id,
                softwarepakket_id=licentie.softwarepakket_id,
                aanbieding_id=aanbieding.pk if aanbieding else None,
                bron="extern",
                licentie_id=licentie.pk,
                licentiemodel=aanbieding.licentiemodel if aanbieding else "",
                eenheid=aanbieding.eenheid if aanbieding else "",
                aantal=licentie.aantal,
                kwartaal=kwartaal(licentie.ingangsdatum),
                prijs=prijs_per_eenheid_per_jaar(
                    licentie.bedrag_eenmalig_excl_btw, licentie.bedrag_per_jaar_excl_btw, licentie.aantal, maanden
                ),
            )
        )
        if len(batch) >= BATCH:
            Prijswaarneming.objects.bulk_create(batch)
            batch = []
    Prijswaarneming.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("rapportages", "0001_prijswaarneming")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
