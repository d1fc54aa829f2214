"""Parsing GEMMA's CSV export of reference components: the tolerance a real export needs, and
every problem of a bad file reported at once (line and column), nothing stored.

``gemma_referentiecomponenten.csv`` has the export's format (BOM, ``;``, CRLF, a multi-line
quoted description, both "GEMMA status" and "SWC status"). The ids of Zaakregistratiecomponent,
Generiek zaakafhandelcomponent, Zaaktypecataloguscomponent and Bezwaar- en beroepcomponent are
GEMMA's; the others are placeholders of the same shape.
"""

from pathlib import Path

import pytest

from softwarebroker.catalogus.register.gemma_csv import RegisterOngeldig, parse_referentiecomponenten

EXPORT = Path(__file__).with_name("gemma_referentiecomponenten.csv")


def fouten(data) -> list[str]:
    with pytest.raises(RegisterOngeldig) as raised:
        parse_referentiecomponenten(data)
    return [str(fout) for fout in raised.value.fouten]


def test_the_export_is_read():
    rijen = parse_referentiecomponenten(EXPORT.read_bytes())

    assert [(rij.naam, rij.status) for rij in rijen] == [
        ("Zaakregistratiecomponent", "in_gebruik"),
        ("Generiek zaakafhandelcomponent", "in_gebruik"),
        ("Zaaktypecataloguscomponent", "in_gebruik"),
        ("Bezwaar- en beroepcomponent", "in_ontwikkeling"),
        ("Documentregistratiecomponent", "in_gebruik"),
        ("Archiefbeheercomponent", "teruggetrokken"),
    ]
    zaakregistratie, zaakafhandel, zaaktypecatalogus, bezwaar = rijen[:4]
    assert zaakregistratie.gemma_id == "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"
    assert zaakregistratie.beschrijving == (
        "Component voor de registratie van zaken en de bijbehorende gegevens.\r\nBiedt de Zaken API (ZGW)."
    )
    assert (
        zaakregistratie.uri == "https://www.gemmaonline.nl/wiki/GEMMA/id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf"
    )
    # No URL in the file: GEMMA Online's page of the id.
    assert zaakafhandel.uri == "https://www.gemmaonline.nl/wiki/GEMMA/id-f2dfbd0b-9d36-405c-bdbe-827f3296de29"
    # GEMMA writes some ids without the uuid's dashes; kept as written.
    assert zaaktypecatalogus.gemma_id == "id-3ef9cdd9631c4d3e88c3f756423d6314"
    assert bezwaar.beschrijving.endswith('"specifiek" zaakafhandelcomponent.')


def test_comma_delimiter_other_header_names_no_bom_and_no_description():
    text = (
        "identificatie,NAAM,status\n"
        "ID-A97B6545-D5A7-485D-9B13-3CE22DB5B9CF,Zaakregistratiecomponent,in gebruik\n"
        '"id-f2dfbd0b-9d36-405c-bdbe-827f3296de29","Generiek zaakafhandelcomponent, voor alle zaken",'
        "IN ONTWIKKELING\n"
    )

    rijen = parse_referentiecomponenten(text.encode())

    assert [(rij.gemma_id, rij.naam, rij.status, rij.beschrijving) for rij in rijen] == [
        ("id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf", "Zaakregistratiecomponent", "in_gebruik", ""),
        (
            "id-f2dfbd0b-9d36-405c-bdbe-827f3296de29",
            "Generiek zaakafhandelcomponent, voor alle zaken",
            "in_ontwikkeling",
            "",
        ),
    ]


@pytest.mark.parametrize(
    ("kop", "veld"),
    [("Object ID;Name;Status", "naam"), ("GEMMA id;Naam;SWC status", "status"), ("ID;Naam;Status", "id")],
)
def test_header_variants(kop, veld):
    rijen = parse_referentiecomponenten(f"{kop}\nid-a97b6545-d5a7-485d-9b13-3ce22db5b9cf;Zaak;In gebruik\n")

    assert [(rij.gemma_id, rij.naam, rij.status) for rij in rijen] == [
        ("id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf", "Zaak", "in_gebruik")
    ]


def test_comment_lines_before_the_header_are_skipped_and_counted():
    text = "# demo\n# plaatsvervangers\nNaam;ID;Status\nZaak;id-kapot;In gebruik\n"

    assert fouten(text) == ["regel 4, kolom ID: 'id-kapot' is geen GEMMA-id (id-<uuid>)."]


def test_every_bad_row_and_column_is_listed_with_its_line():
    text = (
        "Referentiecomponent;Object ID;GEMMA status;URL\n"
        "Zaakregistratiecomponent;id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf;In gebruik;\n"
        ";id-12345;Vervallen;ftp://gemma.example/x\n"
        '"Over twee\nregels";;In gebruik;\n'
        "Dubbel;id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf;In gebruik;\n"
        "Te veel;id-f2dfbd0b-9d36-405c-bdbe-827f3296de29;In gebruik;;extra\n"
        f"{'x' * 201};id-3ef9cdd9-631c-4d3e-88c3-f756423d6314;In gebruik;\n"
    )

    assert fouten(text) == [
        "regel 3, kolom Object ID: 'id-12345' is geen GEMMA-id (id-<uuid>).",
        "regel 3, kolom Referentiecomponent: leeg.",
        "regel 3, kolom GEMMA status: onbekende status 'Vervallen' "
        "(In gebruik, In ontwikkeling of Teruggetrokken).",
        "regel 3, kolom URL: 'ftp://gemma.example/x' is geen http(s)-URL.",
        "regel 4, kolom Object ID: leeg.",
        "regel 6, kolom Object ID: id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf staat al op regel 2.",
        "regel 6, kolom URL: https://www.gemmaonline.nl/wiki/GEMMA/id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf "
        "staat al op regel 2.",
        "regel 7: 5 velden, de kopregel heeft er 4.",
        "regel 8, kolom Referentiecomponent: langer dan 200 tekens.",
    ]


def test_missing_and_repeated_columns():
    assert fouten("Naam;Omschrijving\nZaak;x\n") == [
        "regel 1: kolom ontbreekt: 'Object ID' of 'ID' of 'GEMMA id' of 'Identificatie'.",
        "regel 1: kolom ontbreekt: 'GEMMA status' of 'Status' of 'SWC status'.",
    ]
    assert fouten("Naam;ID;Status;naam\nZaak;id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf;In gebruik;Zaak\n") == [
        "regel 1, kolom Naam: komt 2 keer voor."
    ]


def test_a_too_long_description():
    rij = f"Zaak;id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf;In gebruik;{'x' * 20_001}"
    text = f"Naam;ID;Status;Beschrijving\n{rij}\n"

    assert fouten(text) == ["regel 2, kolom Beschrijving: langer dan 20000 tekens."]


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        (b"", "bestand: het bestand is leeg."),
        (b"\xef\xbb\xbf \r\n", "bestand: het bestand is leeg."),
        (b"# alleen commentaar\n", "bestand: het bestand is leeg."),
        (b"Naam;ID;Status\r\n\r\n", "bestand: het bestand heeft geen referentiecomponenten."),
        (
            "Naam;ID;Status\nZaakcomponent\u00eb;id-x;In gebruik\n".encode("latin-1"),
            "bestand: het bestand is geen UTF-8-tekst (byte 28).",
        ),
    ],
)
def test_unreadable_files(data, melding):
    assert fouten(data) == [melding]
