"""Declarations through the services: from concept to approved, the document, inheritance."""

import datetime
import random

import pytest

from softwarebroker.catalogus.verklaringen import geldig, services
from softwarebroker.core import errors
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory, SoftwarepakketFactory

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


def test_the_database_chooses_as_the_python_rule_does():
    """``geldige_verklaringen(kern=True)`` lets PostgreSQL choose (lists, the order gate); the
    model path and a detail choose in Python (``geldig.kies``): both the same, over offers
    sharing packages and suppliers, declarations of every level, several of a type, some not
    valid that day or not approved."""
    rng = random.Random(20261201)
    pakketten = [SoftwarepakketFactory() for _ in range(3)]
    leveranciers = [LeverancierFactory() for _ in range(2)]
    aanbiedingen = [
        AanbiedingFactory(softwarepakket=rng.choice(pakketten), leverancier=rng.choice(leveranciers))
        for _ in range(8)
    ]
    soorten = ["verwerkersovereenkomst", "dpia", "iso27001", "pentest"]
    for _ in range(40):
        onderwerp = rng.choice([*aanbiedingen, *pakketten, *leveranciers])
        vanaf = datetime.date(2025, 1, 1) + datetime.timedelta(days=rng.randrange(0, 500))
        tot = rng.choice([None, vanaf + datetime.timedelta(days=rng.randrange(0, 400))])
        goedgekeurde_verklaring(onderwerp, rng.choice(soorten), geldig_vanaf=vanaf, geldig_tot=tot)
    concept = services.create_verklaring(
        acting=leverancier_acting(aanbiedingen[0].leverancier),
        onderwerp=aanbiedingen[0],
        type="sla",
        geldig_vanaf=datetime.date(2025, 1, 1),
    )

    for dag in (datetime.date(2025, 3, 1), datetime.date(2025, 9, 1), datetime.date(2026, 4, 1)):
        in_python = geldig.geldige_verklaringen(aanbiedingen, dag)
        in_database = geldig.geldige_verklaringen(aanbiedingen, dag, kern=True)
        python_pks = {pk: {t: v.pk for t, v in gedekt.items()} for pk, gedekt in in_python.items()}
        database_pks = {pk: {t: v.pk for t, v in gedekt.items()} for pk, gedekt in in_database.items()}
        assert database_pks == python_pks
        assert all(concept.pk not in gedekt.values() for gedekt in database_pks.values())
    # The choice is not trivial in this data: some offer is covered by more than one level.
    assert any(
        len({(v.aanbieding_id is None, v.softwarepakket_id is None) for v in gedekt.values()}) > 1
        for gedekt in geldig.geldige_verklaringen(aanbiedingen, datetime.date(2025, 9, 1)).values()
    )
