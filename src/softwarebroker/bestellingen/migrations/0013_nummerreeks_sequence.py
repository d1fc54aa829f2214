"""Order numbers from a sequence instead of a counter row per year (services/nummers.py).

The counter row was updated in the creating transaction and stayed locked until it committed,
so orders were created one after the other. Now one sequence hands out the values and each
year has a basis: number = value - basis.

Forward: the sequence starts after the highest number of any year (the counter's ``laatste``
or, if higher, the highest number in use of that year), and each year's basis is set so its
next number follows its own highest. Backward: each year's ``laatste`` becomes the highest
number its basis can have given (the sequence's last value minus the basis), so the counter
carries on after every number handed out, and the sequence is dropped.
"""

from django.db import migrations, models

# Numbers in use: ``2026-000123`` (the generated benchmark orders have seven digits).
NUMMER = r"'^[0-9]{4}-[0-9]{1,9}$'"
LAST_HANDED_OUT = (
    "(SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM bestellingen_nummer_seq)"
)

FORWARD = [
    # CACHE 1 (the default): the last value is the last handed out, which a basis relies on.
    "CREATE SEQUENCE bestellingen_nummer_seq AS bigint CACHE 1",
    # A year with orders but without a counter row gets one.
    f"""
    INSERT INTO bestellingen_nummerreeks (jaar, laatste, basis)
    SELECT DISTINCT split_part(nummer, '-', 1)::integer, 0, 0
    FROM bestellingen_bestelling WHERE nummer ~ {NUMMER}
    ON CONFLICT (jaar) DO NOTHING
    """,
    f"""
    UPDATE bestellingen_nummerreeks SET laatste = greatest(laatste, in_gebruik.hoogste)
    FROM (
        SELECT split_part(nummer, '-', 1)::integer AS jaar, max(split_part(nummer, '-', 2)::integer) AS hoogste
        FROM bestellingen_bestelling WHERE nummer ~ {NUMMER} GROUP BY 1
    ) AS in_gebruik
    WHERE bestellingen_nummerreeks.jaar = in_gebruik.jaar
    """,
    """
    SELECT setval('bestellingen_nummer_seq', max(laatste)) FROM bestellingen_nummerreeks
    HAVING max(laatste) > 0
    """,
    f"UPDATE bestellingen_nummerreeks SET basis = {LAST_HANDED_OUT} - laatste",
]

BACKWARD = [
    f"UPDATE bestellingen_nummerreeks SET laatste = {LAST_HANDED_OUT} - basis",
    "DROP SEQUENCE bestellingen_nummer_seq",
]


class Migration(migrations.Migration):
    dependencies = [
        ("bestellingen", "0012_verklaringen_momentopname"),
    ]

    operations = [
        migrations.AddField(
            model_name="nummerreeks",
            name="basis",
            field=models.BigIntegerField(default=0),
            preserve_default=False,
        ),
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.RemoveField(model_name="nummerreeks", name="laatste"),
    ]
