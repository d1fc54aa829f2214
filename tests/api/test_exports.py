"""What an export holds: typed cells, neutralised formulas, the filters and tenant scoping of the
JSON list, the XLSX row cap, and what an export refuses. (That every list exports, with the rows
of its ``count``, is tests/conformance/test_exports.py.)"""

from __future__ import annotations

import datetime
import decimal
import zoneinfo

import pytest
from django.test import Client

from softwarebroker.api.exports import CSV, XLSX
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.bestellingen.factories import BestellingFactory
from tests.catalogus.factories import LeverancierFactory
from tests.conformance.exports import csv_rows, xlsx_rows
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

BESTELLINGEN = "/bestellingen/api/v1/bestellingen"
LEVERANCIERS = "/catalogus/api/v1/leveranciers"


def export(client, url, media_type=CSV):
    response = client.get(url, headers={"Accept": media_type})
    assert response.status_code == 200
    return csv_rows(response) if media_type == CSV else xlsx_rows(response)


def column(rows, header) -> list:
    index = list(rows[0]).index(header)
    return [row[index] for row in rows[1:]]


def test_text_that_a_spreadsheet_would_run_is_neutralised_in_both_formats(client):
    names = ['=HYPERLINK("http://x")', "+31 6 12345678", "-korting", "@SUM(A1)", "Gewoon B.V."]
    for naam in names:
        LeverancierFactory(naam=naam)
    url = f"{LEVERANCIERS}?sorteer=naam"

    shown = set(column(export(client, url), "Naam"))
    in_sheet = set(column(export(client, url, XLSX), "Naam"))

    expected = {'\'=HYPERLINK("http://x")', "'+31 6 12345678", "'-korting", "'@SUM(A1)", "Gewoon B.V."}
    assert expected <= shown
    assert expected <= in_sheet


def test_amounts_dates_and_moments_are_typed(client):
    bestelling = BestellingFactory(aantal=3, kostenplaats="=1+1")
    bestelling.refresh_from_db()

    rows = export(client, BESTELLINGEN)
    sheet = export(client, BESTELLINGEN, XLSX)

    per_jaar = bestelling.totaal_per_jaar_excl_btw
    assert per_jaar > 0
    csv_header = rows[0]
    [csv_row] = rows[1:]
    record = dict(zip(csv_header, csv_row, strict=True))
    # CSV: a decimal comma, the cost centre as text that runs nothing, the moment in ISO 8601.
    assert record["Totaal per jaar excl btw"] == format(per_jaar, "f").replace(".", ",")
    assert record["Kostenplaats"] == "'=1+1"
    assert datetime.datetime.fromisoformat(record["Ingediend op"]) == bestelling.ingediend_op.replace(
        microsecond=0
    )
    [sheet_row] = sheet[1:]
    cells = dict(zip(sheet[0], sheet_row, strict=True))
    # XLSX: the amount a number, the moment a date in Amsterdam time.
    assert decimal.Decimal(str(cells["Totaal per jaar excl btw"])) == per_jaar
    local = bestelling.ingediend_op.astimezone(zoneinfo.ZoneInfo("Europe/Amsterdam")).replace(tzinfo=None)
    assert isinstance(cells["Ingediend op"], datetime.datetime)
    assert abs(cells["Ingediend op"] - local) < datetime.timedelta(seconds=1)
    assert cells["Kostenplaats"] == "'=1+1"


def test_an_export_has_the_filters_and_the_tenant_of_the_json_list(db):
    eigen, ander = OrganisatieFactory(), OrganisatieFactory()
    een = BestellingFactory(besteller=eigen, kostenplaats="KP-1")
    BestellingFactory(besteller=eigen, kostenplaats="KP-2")
    BestellingFactory(besteller=ander, kostenplaats="KP-3")
    afnemer = make_applicatie("afnemer", organisatie=eigen)
    client = Client(headers=bearer(afnemer.client_id))

    mine = export(client, BESTELLINGEN)
    filtered = export(client, f"{BESTELLINGEN}?nummer={een.nummer}")

    assert sorted(column(mine, "Kostenplaats")) == ["KP-1", "KP-2"]
    assert column(filtered, "Kostenplaats") == ["KP-1"]
    assert client.get(f"{BESTELLINGEN}?nummer={een.nummer}").json()["count"] == 1


def test_fields_choose_the_columns(client):
    LeverancierFactory(naam="Alpha B.V.")

    rows = export(client, f"{LEVERANCIERS}?fields=naam")

    assert rows[0] == ["Url", "Naam"]


def test_xlsx_above_the_row_cap_is_refused_before_anything_is_written(client, settings):
    settings.EXPORT_XLSX_MAX_RIJEN = 2
    for _ in range(3):
        LeverancierFactory()

    too_many = client.get(LEVERANCIERS, headers={"Accept": XLSX})
    as_csv = export(client, LEVERANCIERS)

    body = problem(too_many)
    assert too_many.status_code == 400
    assert body["code"] == "export_te_groot"
    assert invalid_param(body, "Accept")["code"] == "export_te_groot"
    assert len(as_csv) == 1 + 3  # CSV has no cap


def test_expand_is_refused_in_an_export(client):
    response = client.get(f"{BESTELLINGEN}?expand=leverancier", headers={"Accept": CSV})

    assert response.status_code == 400
    assert invalid_param(problem(response), "expand")
