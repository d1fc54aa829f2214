"""The move from a counter row per year to a sequence (migration 0013), forward and back, on a
database that already handed out numbers: no number is ever handed out twice.

It changes the schema of the test database: it runs alone in its transaction and leaves the
database migrated to the latest state.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from softwarebroker.bestellingen import services
from tests.migrations import latest_migrations, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("bestellingen", "0012_verklaringen_momentopname")]
AFTER = [("bestellingen", "0013_nummerreeks_sequence")]


def _order(apps, nummer, organisatie):
    apps.get_model("bestellingen", "Bestelling").objects.create(
        nummer=nummer, besteller=organisatie, aanvrager="aanvrager@gemeente.nl"
    )


def test_every_year_carries_on_after_its_highest_number_and_back_again():
    latest = latest_migrations()
    old = migrate(BEFORE)
    try:
        organisatie = old.get_model("organisaties", "Organisatie").objects.create(
            oin="00000001234567890000", naam="Oudgemeente", type="gemeente"
        )
        Nummerreeks = old.get_model("bestellingen", "Nummerreeks")
        Nummerreeks.objects.create(jaar=2025, laatste=41)
        Nummerreeks.objects.create(jaar=2026, laatste=7)
        _order(old, "2025-000041", organisatie)
        # A number in use above its year's counter, and a year without a counter row.
        _order(old, "2026-000012", organisatie)
        _order(old, "2024-000003", organisatie)
        _order(old, "zonder-nummer", organisatie)

        migrate(AFTER)

        # Each year's next number follows its own highest (the sequence starts after 41).
        assert services.next_nummer(2026) == "2026-000013"
        assert services.next_nummer(2025) == "2025-000043"  # 42 went to 2026
        assert services.next_nummer(2024) == "2024-000006"  # 4 and 5 went to 2026 and 2025
        assert services.next_nummer(2027) == "2027-000001"

        old = migrate(BEFORE)
        # Back: each counter is at least the highest number its year has had.
        assert dict(old.get_model("bestellingen", "Nummerreeks").objects.values_list("jaar", "laatste")) == {
            2024: 7,
            2025: 45,
            2026: 16,
            2027: 1,
        }
    finally:
        migrate(latest)

    assert services.next_nummer(2026) == "2026-000017"
    # Nothing stays unapplied for the tests that follow in this database.
    assert MigrationExecutor(connection).migration_plan(latest_migrations()) == []
