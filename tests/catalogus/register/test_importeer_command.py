"""``manage.py importeer_referentiecomponenten <path-or-URL>``: the register filled from GEMMA's
export, idempotent, audited; a bad file or an unreachable URL stores nothing."""

from io import StringIO
from pathlib import Path

import pytest
import requests
from django.core.management import CommandError, call_command

from softwarebroker.audit.models import AuditTrail
from softwarebroker.catalogus.models import Referentiecomponent

pytestmark = pytest.mark.django_db

EXPORT = Path(__file__).with_name("gemma_referentiecomponenten.csv")
URL = "https://www.gemmaonline.nl/export/referentiecomponenten.csv"


def run(bron: str) -> str:
    out = StringIO()
    call_command("importeer_referentiecomponenten", bron, stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_a_file_is_imported_once_and_a_second_run_changes_nothing():
    assert run(str(EXPORT)) == "6 aangemaakt, 0 gewijzigd, 0 ongewijzigd."
    assert run(str(EXPORT)) == "0 aangemaakt, 0 gewijzigd, 6 ongewijzigd."

    zaak = Referentiecomponent.objects.get(gemma_id="id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf")
    assert (zaak.naam, zaak.status, zaak.uri) == (
        "Zaakregistratiecomponent",
        "in_gebruik",
        "https://www.gemmaonline.nl/wiki/GEMMA/id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf",
    )
    entries = AuditTrail.objects.filter(resource="referentiecomponent")
    assert entries.count() == 6
    assert set(entries.values_list("actie", flat=True)) == {"create"}


def test_what_gemma_changed_is_changed(tmp_path):
    run(str(EXPORT))
    changed = tmp_path / "export.csv"
    changed.write_bytes(EXPORT.read_bytes().replace(b"Teruggetrokken", b"In gebruik"))

    assert run(str(changed)) == "0 aangemaakt, 1 gewijzigd, 5 ongewijzigd."
    assert Referentiecomponent.objects.get(naam="Archiefbeheercomponent").status == "in_gebruik"


def test_a_url_is_fetched_with_a_timeout(requests_mock):
    requests_mock.get(URL, content=EXPORT.read_bytes())

    assert run(URL) == "6 aangemaakt, 0 gewijzigd, 0 ongewijzigd."
    assert requests_mock.last_request.timeout is not None


def test_a_bad_file_is_rejected_whole_with_every_error(tmp_path):
    bad = tmp_path / "export.csv"
    bad.write_text(
        "Naam;ID;Status\nZaakregistratiecomponent;id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf;In gebruik\n"
        "Kapot;id-1;In gebruik\nOnbekend;id-f2dfbd0b-9d36-405c-bdbe-827f3296de29;Misschien\n",
        encoding="utf-8",
    )
    err = StringIO()

    with pytest.raises(CommandError, match="2 fout"):
        call_command("importeer_referentiecomponenten", str(bad), stdout=StringIO(), stderr=err)

    assert err.getvalue().splitlines() == [
        "regel 3, kolom ID: 'id-1' is geen GEMMA-id (id-<uuid>).",
        "regel 4, kolom Status: onbekende status 'Misschien' "
        "(In gebruik, In ontwikkeling of Teruggetrokken).",
    ]
    assert not Referentiecomponent.objects.exists()


@pytest.mark.parametrize(
    ("antwoord", "melding"),
    [({"status_code": 503}, "503"), ({"exc": requests.ConnectTimeout}, "niet op te halen")],
)
def test_an_unreachable_url_stores_nothing(requests_mock, antwoord, melding):
    requests_mock.get(URL, **antwoord)
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("importeer_referentiecomponenten", URL, stdout=StringIO(), stderr=err)

    assert melding in err.getvalue()
    assert not Referentiecomponent.objects.exists()


def test_a_missing_file(tmp_path):
    err = StringIO()
    with pytest.raises(CommandError):
        call_command(
            "importeer_referentiecomponenten", str(tmp_path / "weg.csv"), stdout=StringIO(), stderr=err
        )
    assert "niet te lezen" in err.getvalue()


def test_a_uri_the_register_has_for_another_id_is_refused(tmp_path):
    run(str(EXPORT))
    other = tmp_path / "export.csv"
    other.write_text(
        "Naam;ID;Status;URI\n"
        "Zaakregistratiecomponent 2;id-11111111-2222-3333-4444-555555555555;In gebruik;"
        "https://www.gemmaonline.nl/wiki/GEMMA/id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf\n",
        encoding="utf-8",
    )
    err = StringIO()

    with pytest.raises(CommandError, match="1 fout"):
        call_command("importeer_referentiecomponenten", str(other), stdout=StringIO(), stderr=err)

    assert err.getvalue().splitlines() == [
        "bestand: https://www.gemmaonline.nl/wiki/GEMMA/id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf hoort in het "
        "register al bij id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf, "
        "niet bij id-11111111-2222-3333-4444-555555555555."
    ]
    assert Referentiecomponent.objects.count() == 6
