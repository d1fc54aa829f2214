"""The licence lifecycle's migrations on a database that already holds licences and orders.

The test database is empty when its migrations run, so this test takes the orders and catalogue
apps back to before the lifecycle's migrations, writes a licence with the models of that moment,
and migrates forward again. It changes the schema of the test database:
it runs alone in its transaction and leaves the database migrated to the latest state.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.migrations import latest_migrations, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("bestellingen", "0006_prijs_momentopname_url"), ("catalogus", "0004_catalogus_compleet")]


def test_existing_licences_are_filled_in():
    latest = latest_migrations()
    old = migrate(BEFORE)
    try:
        organisatie = old.get_model("organisaties", "Organisatie").objects.create(
            oin="00000001234567890000", naam="Oudgemeente", type="gemeente"
        )
        leverancier = old.get_model("catalogus", "Leverancier").objects.create(
            naam="Oude Leverancier B.V.", kvk_nummer="12345678"
        )
        pakket = old.get_model("catalogus", "Softwarepakket").objects.create(naam="Oud Zaaksysteem")
        aanbieding = old.get_model("catalogus", "Aanbieding").objects.create(
            softwarepakket=pakket,
            leverancier=leverancier,
            naam="Oud Zaaksysteem SaaS",
            leveringsvorm="saas",
            licentiemodel="per_gebruiker",
            eenheid="gebruiker",
            looptijd_maanden=36,
            geldig_vanaf=datetime.date(2024, 1, 1),
        )
        licentie = old.get_model("bestellingen", "Licentie").objects.create(
            organisatie=organisatie,
            aanbieding=aanbieding,
            aantal=10,
            ingangsdatum=datetime.date(2024, 1, 1),
            einddatum=datetime.date(2027, 1, 1),
            opzegtermijn_dagen=90,
        )
    finally:
        new = migrate(latest)  # must pass with these rows in the tables

    licentie = new.get_model("bestellingen", "Licentie").objects.get(pk=licentie.pk)
    assert licentie.opzegdatum == datetime.date(2027, 1, 1) - datetime.timedelta(days=90)
    assert (licentie.leverancier_id, licentie.softwarepakket_id) == (leverancier.pk, pakket.pk)
    assert (licentie.looptijd_maanden, licentie.bron) == (36, "broker")
    assert (licentie.status, licentie.bedrag_per_jaar_excl_btw) == ("actief", Decimal("0.00"))
    # Nothing stays unapplied for the tests that follow in this database.
    assert (
        MigrationExecutor(connection).migration_plan(MigrationExecutor(connection).loader.graph.leaf_nodes())
        == []
    )
