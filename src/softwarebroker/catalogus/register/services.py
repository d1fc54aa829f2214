"""The only writer of the GEMMA register: an import of GEMMA's published export, matched on
the GEMMA id, so running it again changes only what GEMMA changed (idempotent). Entries that
are no longer in the export are kept (packages may name them); GEMMA marks withdrawn ones."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from softwarebroker.audit.services import record_audit, snapshot

from ..models import Referentiecomponent


@dataclass(frozen=True)
class Rij:
    gemma_id: str
    naam: str
    beschrijving: str
    status: str
    uri: str


@dataclass
class Resultaat:
    aangemaakt: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0


@transaction.atomic
def importeer_referentiecomponenten(*, acting, rijen: list[Rij]) -> Resultaat:
    resultaat = Resultaat()
    bestaand = {
        component.gemma_id: component
        for component in Referentiecomponent.objects.select_for_update().filter(
            gemma_id__in=[rij.gemma_id for rij in rijen]
        )
    }
    for rij in rijen:
        component = bestaand.get(rij.gemma_id)
        values = {"naam": rij.naam, "beschrijving": rij.beschrijving, "status": rij.status, "uri": rij.uri}
        if component is None:
            component = Referentiecomponent.objects.create(gemma_id=rij.gemma_id, **values)
            record_audit(acting=acting, actie="create", instance=component, before=None)
            resultaat.aangemaakt += 1
            continue
        if all(getattr(component, name) == value for name, value in values.items()):
            resultaat.ongewijzigd += 1
            continue
        before = snapshot(component)
        for name, value in values.items():
            setattr(component, name, value)
        component.save()
        record_audit(acting=acting, actie="update", instance=component, before=before)
        resultaat.gewijzigd += 1
    return resultaat
