"""Existing licences and orders, once the columns of 0007 exist: the stored opzegdatum, and the
supplier, package and term of each licence's offer; orders under a framework keep the value they
were counted with (one-time plus a year).

A migration of its own: PostgreSQL refuses to create the indexes 0007 adds (Django creates a
foreign key's index at the end of the migration) on a table with updates still to be checked in
the same transaction."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("bestellingen", "0009_licentieherinnering_overgeslagen")]

    operations = [
        migrations.RunSQL(
            """
            UPDATE bestellingen_licentie SET opzegdatum = einddatum - opzegtermijn_dagen
            WHERE einddatum IS NOT NULL;
            UPDATE bestellingen_licentie AS licentie
            SET leverancier_id = aanbieding.leverancier_id,
                softwarepakket_id = aanbieding.softwarepakket_id,
                looptijd_maanden = aanbieding.looptijd_maanden
            FROM catalogus_aanbieding AS aanbieding
            WHERE licentie.aanbieding_id = aanbieding.id;
            UPDATE bestellingen_bestelling
            SET afroepwaarde_excl_btw = totaal_eenmalig_excl_btw + totaal_per_jaar_excl_btw
            WHERE raamovereenkomst_id IS NOT NULL;
            """,
            migrations.RunSQL.noop,
        ),
    ]
