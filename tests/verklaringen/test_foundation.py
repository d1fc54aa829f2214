"""Declarations through the services: from concept to approved, the document, inheritance."""

import datetime

import pytest

from softwarebroker.catalogus.verklaringen import geldig, services
from softwarebroker.core import errors
from tests.catalogus.factories import AanbiedingFactory

from .support import BROKER, goedgekeurde_verklaring, leverancier_acting, pdf

pytestmark = pytest.mark.django_db


def test_the_most_specific_valid_approved_declaration_covers_an_offer():
    aanbieding = AanbiedingFactory(vereiste_documenten=["verwerkersovereenkomst", "dpia", "iso27001"])
    van_leverancier = goedgekeurde_verklaring(aanbieding.leverancier, "verwerkersovereenkomst")
    van_aanbieding = goedgekeurde_verklaring(aanbieding, "verwerkersovereenkomst")
    goedgekeurde_verklaring(aanbieding.leverancier, "iso27001", geldig_tot=datetime.date(2025, 6, 1))

    gedekt = geldig.geldige_verklaringen([aanbieding], datetime.date(2026, 1, 1))[aanbieding.pk]

    assert gedekt["verwerkersovereenkomst"] == van_aanbieding != van_leverancier
    assert geldig.ontbrekend(aanbieding, gedekt) == ["dpia", "iso27001"]


def test_a_document_is_a_pdf_without_scripts_and_the_supplier_cannot_approve():
    aanbieding = AanbiedingFactory()
    leverancier = leverancier_acting(aanbieding.leverancier)
    verklaring = services.create_verklaring(
        acting=leverancier, onderwerp=aanbieding, type="dpia", geldig_vanaf=datetime.date(2026, 1, 1)
    )
    with pytest.raises(errors.Invalid) as refused:
        services.upload_document(acting=leverancier, verklaring=verklaring, upload=pdf(b"GIF89a..."))
    assert [p.code for p in refused.value.problems] == ["geen_pdf"]
    with pytest.raises(errors.Invalid) as refused:
        services.upload_document(
            acting=leverancier,
            verklaring=verklaring,
            upload=pdf(b"%PDF-1.7\n<< /OpenAction << /S /J#61vaScript >> >>"),
        )
    assert [p.code for p in refused.value.problems] == ["actieve_inhoud"]

    services.upload_document(acting=leverancier, verklaring=verklaring, upload=pdf())
    services.submit_verklaring(acting=leverancier, verklaring=verklaring)
    with pytest.raises(errors.NotAllowed):
        services.review_verklaring(acting=leverancier, verklaring=verklaring, besluit="goedgekeurd")
    verklaring = services.review_verklaring(acting=BROKER, verklaring=verklaring, besluit="goedgekeurd")

    assert verklaring.status == "goedgekeurd" and verklaring.document.read().startswith(b"%PDF-")
