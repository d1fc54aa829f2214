"""Declarations for tests, made through the services."""

from __future__ import annotations

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from softwarebroker.autorisaties.context import Acting
from softwarebroker.catalogus.verklaringen import services
from tests.bestellingen.helpers import acting

BROKER = Acting.system("test")
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)


def pdf(content: bytes = MINIMAL_PDF, name: str = "verklaring.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def leverancier_acting(leverancier):
    return acting("leverancier", leverancier=leverancier, user_id="compliance@leverancier.nl")


def goedgekeurde_verklaring(onderwerp, type="verwerkersovereenkomst", *, geldig_tot=None, **fields):
    """A declaration of ``onderwerp`` submitted with a URL as evidence and approved by the broker."""
    eigenaar = services.eigenaar_van(onderwerp)
    verklaring = services.create_verklaring(
        acting=leverancier_acting(eigenaar),
        onderwerp=onderwerp,
        type=type,
        geldig_vanaf=fields.pop("geldig_vanaf", datetime.date(2025, 1, 1)),
        geldig_tot=geldig_tot,
        bewijs_url=fields.pop("bewijs_url", "https://leverancier.example/verklaringen/1.pdf"),
        **fields,
    )
    services.submit_verklaring(acting=leverancier_acting(eigenaar), verklaring=verklaring)
    return services.review_verklaring(acting=BROKER, verklaring=verklaring, besluit="goedgekeurd")
