"""Declarations through the Catalogus API: from concept to approved, the document, who sees what."""

import datetime

import pytest
from django.test import Client

from softwarebroker.audit.models import AuditTrail
from softwarebroker.catalogus.models import Verklaring
from softwarebroker.catalogus.verklaringen import services
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

from .support import BROKER, MINIMAL_PDF, leverancier_acting, pdf

pytestmark = pytest.mark.django_db

BASE = "/catalogus/api/v1"
SCRIPT_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n"


def _client(*roles, **tenant) -> Client:
    applicatie = make_applicatie(*roles, **tenant)
    return Client(headers=bearer(applicatie.client_id, user_id=f"{roles[0]}@test.nl"))


@pytest.fixture
def leverancier():
    return LeverancierFactory(naam="Zaakwerk B.V.")


@pytest.fixture
def aanbieding(leverancier):
    return AanbiedingFactory(leverancier=leverancier)


@pytest.fixture
def supplier(leverancier):
    return _client("leverancier", leverancier=leverancier)


@pytest.fixture
def other_supplier():
    return _client("leverancier", leverancier=LeverancierFactory(naam="Ander B.V."))


@pytest.fixture
def afnemer():
    return _client("afnemer", organisatie=OrganisatieFactory())


def _url(collection, obj) -> str:
    return f"http://testserver{BASE}/{collection}/{obj.uuid}"


def _create(client, onderwerp_url, **fields):
    body = {"onderwerp": onderwerp_url, "type": "dpia", "geldigVanaf": "2026-01-01", **fields}
    return client.post(f"{BASE}/verklaringen", body, content_type="application/json")


def _change_status(client, url, naar, toelichting=None):
    body = {"naarStatus": naar, **({"toelichting": toelichting} if toelichting is not None else {})}
    return client.post(f"{url}/statuswijzigingen", body, content_type="application/json")


def _put_pdf(client, url, content):
    return client.put(f"{url}/document", content, content_type="application/pdf")


def _concept(aanbieding, **fields):
    return services.create_verklaring(
        acting=leverancier_acting(aanbieding.leverancier),
        onderwerp=aanbieding,
        type=fields.pop("type", "dpia"),
        geldig_vanaf=datetime.date(2026, 1, 1),
        **fields,
    )


def _with_document(aanbieding, vertrouwelijkheid="openbaar"):
    verklaring = _concept(aanbieding, vertrouwelijkheid=vertrouwelijkheid)
    return services.upload_document(
        acting=leverancier_acting(aanbieding.leverancier), verklaring=verklaring, upload=pdf()
    )


def test_a_supplier_creates_and_submits_the_broker_approves(supplier, client, aanbieding):
    created = _create(
        supplier,
        _url("aanbiedingen", aanbieding),
        geldigTot="2028-01-01",
        bewijsUrl="https://zaakwerk.example/dpia-2026.pdf",
        vertrouwelijkheid="overheid",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert created["Location"] == body["url"]
    assert (body["status"], body["onderwerp"], body["document"]) == (
        "concept",
        _url("aanbiedingen", aanbieding),
        None,
    )

    submitted = _change_status(supplier, body["url"], "ter_beoordeling")
    assert submitted.status_code == 200, submitted.content
    assert submitted.json()["status"] == "ter_beoordeling"

    approved = _change_status(client, body["url"], "goedgekeurd", "Volledig.")
    assert approved.status_code == 200, approved.content
    result = approved.json()
    assert (result["status"], result["beoordelingToelichting"]) == ("goedgekeurd", "Volledig.")
    assert result["beoordeeldOp"] is not None
    assert Verklaring.objects.get().status == "goedgekeurd"


def test_a_supplier_never_approves_its_own(supplier, aanbieding):
    verklaring = _concept(aanbieding, bewijs_url="https://zaakwerk.example/dpia.pdf")
    services.submit_verklaring(acting=leverancier_acting(aanbieding.leverancier), verklaring=verklaring)

    response = _change_status(supplier, _url("verklaringen", verklaring), "goedgekeurd")

    assert response.status_code == 403
    assert problem(response)["code"] == "beoordelaar"
    assert Verklaring.objects.get().status == "ter_beoordeling"


def test_a_rejection_needs_a_reason_and_a_concept_cannot_be_reviewed(client, aanbieding):
    verklaring = _concept(aanbieding, bewijs_url="https://zaakwerk.example/dpia.pdf")
    url = _url("verklaringen", verklaring)

    assert _change_status(client, url, "goedgekeurd").status_code == 409
    services.submit_verklaring(acting=leverancier_acting(aanbieding.leverancier), verklaring=verklaring)
    refused = _change_status(client, url, "afgewezen")
    assert invalid_param(problem(refused), "toelichting")["code"] == "required"
    assert _change_status(client, url, "afgewezen", "Verouderd model.").json()["status"] == "afgewezen"


def test_an_approved_declaration_does_not_change(supplier, aanbieding):
    verklaring = _concept(aanbieding, bewijs_url="https://zaakwerk.example/dpia.pdf")
    services.submit_verklaring(acting=leverancier_acting(aanbieding.leverancier), verklaring=verklaring)
    services.review_verklaring(acting=BROKER, verklaring=verklaring, besluit="goedgekeurd", toelichting="")

    response = supplier.patch(
        _url("verklaringen", verklaring), {"omschrijving": "Anders"}, content_type="application/json"
    )

    assert response.status_code == 409
    assert problem(response)["code"] == "status"
    assert Verklaring.objects.get().omschrijving == ""


def test_a_concept_changes_and_its_subject_does_not(supplier, aanbieding):
    url = _url("verklaringen", _concept(aanbieding))

    changed = supplier.patch(url, {"geldigTot": "2027-06-30"}, content_type="application/json")
    moved = supplier.patch(
        url, {"onderwerp": _url("leveranciers", aanbieding.leverancier)}, content_type="application/json"
    )

    assert changed.status_code == 200 and changed.json()["geldigTot"] == "2027-06-30"
    assert invalid_param(problem(moved), "onderwerp")["code"] == "niet_wijzigbaar"


def test_geldig_tot_before_geldig_vanaf_is_refused(supplier, aanbieding):
    response = _create(supplier, _url("aanbiedingen", aanbieding), geldigTot="2025-12-31")

    assert response.status_code == 400
    assert invalid_param(problem(response), "geldigTot")["code"] == "voor_geldig_vanaf"
    assert not Verklaring.objects.exists()


def test_someone_elses_offer_is_refused_and_a_hidden_one_is_unknown(supplier, aanbieding):
    published = AanbiedingFactory()
    concept = AanbiedingFactory(status="concept")

    foreign = _create(supplier, _url("aanbiedingen", published), geldigTot="2020-01-01")
    hidden = _create(supplier, _url("aanbiedingen", concept))

    body = problem(foreign)
    assert foreign.status_code == 400
    assert invalid_param(body, "onderwerp")["code"] == "niet_eigen"
    assert invalid_param(body, "geldigTot")["code"] == "voor_geldig_vanaf"  # every problem at once
    assert hidden.status_code == 400
    assert invalid_param(problem(hidden), "onderwerp")["code"] == "does_not_exist"
    assert str(concept.uuid) in invalid_param(problem(hidden), "onderwerp")["reason"]
    assert not Verklaring.objects.exists()


def test_only_a_pdf_without_scripts_within_the_limit_is_stored(supplier, aanbieding, settings, private_media):
    url = _url("verklaringen", _concept(aanbieding))
    settings.VERKLARING_DOCUMENT_MAX_BYTES = 1000

    not_a_pdf = _put_pdf(supplier, url, b"GIF89a\x01\x00\x01\x00")
    with_script = _put_pdf(supplier, url, SCRIPT_PDF)
    over_limit = _put_pdf(supplier, url, MINIMAL_PDF + b"%" * 1000)
    far_over_limit = _put_pdf(supplier, url, MINIMAL_PDF + b"%" * (1000 + 64 * 1024))
    empty = supplier.put(f"{url}/document", b"", content_type="application/pdf")

    assert invalid_param(problem(not_a_pdf), "document")["code"] == "geen_pdf"
    assert invalid_param(problem(with_script), "document")["code"] == "actieve_inhoud"
    assert invalid_param(problem(over_limit), "document")["code"] == "max_size"
    assert far_over_limit.status_code == 413
    problem(far_over_limit)
    assert empty.status_code == 400
    problem(empty)
    assert not [path for path in private_media.rglob("*") if path.is_file()]
    verklaring = Verklaring.objects.get()
    assert (verklaring.document.name, verklaring.versie) == ("", 1)


def test_a_document_is_uploaded_and_streamed_and_every_read_audited(supplier, afnemer, aanbieding):
    url = _url("verklaringen", _concept(aanbieding))

    uploaded = _put_pdf(supplier, url, MINIMAL_PDF)
    assert uploaded.status_code == 200, uploaded.content
    body = uploaded.json()
    assert body["document"] == f"{url}/document"
    assert (body["documentGrootte"], len(body["documentSha256"])) == (len(MINIMAL_PDF), 64)

    response = supplier.get(f"{url}/document")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    reads = AuditTrail.objects.filter(actie="document_gelezen", hoofd_object_uuid=body["url"].rsplit("/")[-1])
    assert reads.count() == 1
    assert reads.get().gebruikers_id == "leverancier@test.nl"


def test_a_document_as_multipart_form_data(supplier, aanbieding):
    url = _url("verklaringen", _concept(aanbieding))

    response = supplier.put(
        f"{url}/document",
        _multipart({"document": ("dpia-2026.pdf", MINIMAL_PDF)}),
        content_type="multipart/form-data; boundary=GRENS",
    )

    assert response.status_code == 200, response.content
    assert response.json()["documentNaam"] == "dpia-2026.pdf"
    assert Verklaring.objects.get().document.read() == MINIMAL_PDF


def _multipart(files) -> bytes:
    parts = []
    for name, (filename, content) in files.items():
        parts.append(
            b"--GRENS\r\n"
            + f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'.encode()
            + b"Content-Type: application/pdf\r\n\r\n"
            + content
            + b"\r\n"
        )
    return b"".join(parts) + b"--GRENS--\r\n"


def test_an_overheid_document_is_for_government_roles_and_its_owner(supplier, other_supplier, afnemer):
    aanbieding = AanbiedingFactory()
    verklaring = _with_document(aanbieding, vertrouwelijkheid="overheid")
    services.submit_verklaring(acting=leverancier_acting(aanbieding.leverancier), verklaring=verklaring)
    services.review_verklaring(acting=BROKER, verklaring=verklaring, besluit="goedgekeurd")
    url = _url("verklaringen", verklaring)
    owner = _client("leverancier", leverancier=aanbieding.leverancier)
    lezer = _client("lezer", organisatie=OrganisatieFactory())

    assert other_supplier.get(url).status_code == 200  # the declaration is public once approved
    assert other_supplier.get(f"{url}/document").status_code == 404
    assert lezer.get(f"{url}/document").status_code == 404
    assert afnemer.get(f"{url}/document").status_code == 200
    assert owner.get(f"{url}/document").status_code == 200
    assert AuditTrail.objects.filter(actie="document_gelezen").count() == 2


def test_concepts_are_only_their_owners_and_the_brokers(
    supplier, other_supplier, afnemer, client, aanbieding
):
    concept = _concept(aanbieding)
    approved = _concept(aanbieding, type="pentest", bewijs_url="https://zaakwerk.example/pentest.pdf")
    services.submit_verklaring(acting=leverancier_acting(aanbieding.leverancier), verklaring=approved)
    services.review_verklaring(acting=BROKER, verklaring=approved, besluit="goedgekeurd")
    on_hidden_offer = _concept(AanbiedingFactory(status="concept"), bewijs_url="https://x.example/a.pdf")
    services.submit_verklaring(
        acting=leverancier_acting(on_hidden_offer.eigenaar), verklaring=on_hidden_offer
    )
    services.review_verklaring(acting=BROKER, verklaring=on_hidden_offer, besluit="goedgekeurd")

    def listed(who, query=""):
        return {
            item["url"].rsplit("/", 1)[-1]
            for item in who.get(f"{BASE}/verklaringen{query}").json()["results"]
        }

    ids = {v: str(v.uuid) for v in (concept, approved, on_hidden_offer)}
    assert listed(supplier) == {ids[concept], ids[approved]}
    assert listed(other_supplier) == listed(afnemer) == {ids[approved]}
    assert listed(client) == set(ids.values())
    assert listed(client, "?status=concept") == {ids[concept]}
    assert listed(client, f"?onderwerp={_url('aanbiedingen', aanbieding)}&type=pentest") == {ids[approved]}
    assert listed(client, f"?eigenaar={_url('leveranciers', aanbieding.leverancier)}") == {
        ids[concept],
        ids[approved],
    }
    assert other_supplier.get(_url("verklaringen", concept)).status_code == 404
    assert afnemer.get(_url("verklaringen", on_hidden_offer)).status_code == 404
