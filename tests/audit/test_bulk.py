"""Entries written many at once are the entries written one at a time."""

import pytest
from django.db import transaction
from django.forms.models import model_to_dict

from softwarebroker.audit.models import AuditTrail
from softwarebroker.audit.services import audit_entry, record_audit, record_audits, snapshot
from softwarebroker.autorisaties.context import Acting
from tests.bestellingen.factories import LicentieFactory

ACTING = Acting.system("worker")
VARYING = ("id", "uuid", "aanmaakdatum")


def compared(entry: AuditTrail) -> dict:
    return {name: value for name, value in model_to_dict(entry).items() if name not in VARYING}


@pytest.mark.django_db
def test_record_audits_writes_what_record_audit_writes():
    licentie = LicentieFactory()
    before = snapshot(licentie)

    with transaction.atomic():
        one = record_audit(
            acting=ACTING,
            actie="update",
            instance=licentie,
            before=before,
            organisatie_id=licentie.organisatie_id,
        )
        [many] = record_audits(
            [
                audit_entry(
                    acting=ACTING,
                    actie="update",
                    instance=licentie,
                    before=before,
                    organisatie_id=licentie.organisatie_id,
                )
            ]
        )

    assert compared(AuditTrail.objects.get(pk=many.pk)) == compared(AuditTrail.objects.get(pk=one.pk))


def test_record_audits_needs_the_transaction_of_the_change():
    with pytest.raises(RuntimeError):
        record_audits([])
