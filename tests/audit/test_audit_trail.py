import json

import pytest
from django.db import ProgrammingError, connection, transaction
from django.test import Client

from softwarebroker.audit.models import AuditTrail
from tests.audit.factories import AuditTrailFactory
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

ORGANISATIES = "/bestellingen/api/v1/organisaties"


def trail(client, organisatie):
    return client.get(f"{ORGANISATIES}/{organisatie.uuid}/audittrail")


def test_create_update_delete_are_recorded_with_headers(client):
    created = client.post(
        ORGANISATIES,
        json.dumps({"oin": "00000001001589623123", "naam": "Gemeente Nieuw", "type": "gemeente"}),
        content_type="application/json",
        headers={
            "X-Audit-Toelichting": "Nieuwe deelnemer",
            "X-NLX-Logrecord-Id": "abc123",
            "Fsc-Transaction-Id": "0190b7e2-7f5e-7c3a-9d2a-4c1b2a3d4e5f",
            "traceparent": "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        },
    ).json()
    uuid = created["url"].rsplit("/", 1)[1]
    client.patch(
        f"{ORGANISATIES}/{uuid}", json.dumps({"naam": "Gemeente Hernoemd"}), content_type="application/json"
    )

    entries = client.get(f"{ORGANISATIES}/{uuid}/audittrail").json()["results"]

    first, second = entries
    assert first["actie"] == "create"
    assert first["resultaat"] == 201
    assert first["toelichting"] == "Nieuwe deelnemer"
    assert first["applicatieId"] == "test-broker"
    assert first["gebruikersId"] == "beheerder@broker.nl"
    assert first["nlxLogrecordId"] == "abc123"
    assert first["fscTransactionId"] == "0190b7e2-7f5e-7c3a-9d2a-4c1b2a3d4e5f"
    assert first["traceparent"].startswith("00-4bf92f")
    assert first["hoofdObject"] == created["url"]
    assert first["wijzigingen"] == {"oud": None, "nieuw": created}
    assert second["actie"] == "partial_update"
    assert second["wijzigingen"]["oud"]["naam"] == "Gemeente Nieuw"
    assert second["wijzigingen"]["nieuw"]["naam"] == "Gemeente Hernoemd"
    assert client.get(second["url"]).json() == second


def test_a_deleted_object_keeps_its_trail(client):
    organisatie = OrganisatieFactory()
    assert client.delete(f"{ORGANISATIES}/{organisatie.uuid}").status_code == 204

    entry = AuditTrail.objects.exclude(bron="factory").get(hoofd_object_uuid=organisatie.uuid)
    assert entry.actie == "destroy"
    assert entry.nieuw is None
    assert entry.oud["naam"] == organisatie.naam
    assert entry.organisatie_id is not None  # still scoped to the (former) tenant


def test_failed_writes_leave_no_entry(client):
    response = client.post(ORGANISATIES, json.dumps({"oin": "1"}), content_type="application/json")

    assert response.status_code == 400
    assert not AuditTrail.objects.exists()


def test_entries_cannot_be_changed_or_deleted():
    entry = AuditTrailFactory(hoofd_object_uuid=OrganisatieFactory().uuid)

    for statement in ("UPDATE audit_audittrail SET actie = 'x'", "DELETE FROM audit_audittrail"):
        with (
            pytest.raises(ProgrammingError, match="cannot be changed or deleted"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(statement)
    entry.refresh_from_db()
    assert entry.actie == "update"


def test_trail_of_another_tenant_is_404():
    own, other = OrganisatieFactory(), OrganisatieFactory()
    AuditTrailFactory(hoofd_object_uuid=own.uuid, organisatie=own)
    other_entry = AuditTrailFactory(hoofd_object_uuid=other.uuid, organisatie=other)
    afnemer = make_applicatie("afnemer", organisatie=own)
    client = Client(headers=bearer(afnemer.client_id))

    assert trail(client, own).status_code == 200
    assert trail(client, other).status_code == 404
    assert client.get(f"{ORGANISATIES}/{other.uuid}/audittrail/{other_entry.uuid}").status_code == 404


def test_entries_of_another_tenant_under_a_visible_object_stay_hidden():
    own, other = OrganisatieFactory(), OrganisatieFactory()
    mine = AuditTrailFactory(hoofd_object_uuid=own.uuid, organisatie=own)
    AuditTrailFactory(hoofd_object_uuid=own.uuid, organisatie=other)
    afnemer = make_applicatie("afnemer", organisatie=own)

    results = trail(Client(headers=bearer(afnemer.client_id)), own).json()["results"]

    # (the factories' own entries, bron "factory", record how the objects were made)
    assert [item["uuid"] for item in results if item["bron"] != "factory"] == [str(mine.uuid)]


def test_admin_changes_are_audited(admin_client):
    organisatie = OrganisatieFactory(naam="Oude naam")
    url = f"/admin/organisaties/organisatie/{organisatie.pk}/change/"
    data = {
        "oin": organisatie.oin,
        "naam": "Nieuwe naam",
        "type": "gemeente",
        "gemeentecode": organisatie.gemeentecode,
        "inwonertal": 1000,
        "mandaten-TOTAL_FORMS": "0",
        "mandaten-INITIAL_FORMS": "0",
    }

    response = admin_client.post(url, data)

    assert response.status_code == 302, response.content[:500]
    entry = AuditTrail.objects.exclude(bron="factory").get(hoofd_object_uuid=organisatie.uuid)
    assert entry.bron == "admin"
    assert entry.gebruikers_id == "admin"
    assert entry.oud["naam"] == "Oude naam"
    assert entry.nieuw["naam"] == "Nieuwe naam"
