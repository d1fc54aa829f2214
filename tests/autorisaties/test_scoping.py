import pytest

from softwarebroker.audit.models import AuditTrail
from softwarebroker.autorisaties.context import Acting
from softwarebroker.autorisaties.scoping import owns, scope_queryset
from tests.audit.factories import AuditTrailFactory
from tests.autorisaties.factories import make_applicatie
from tests.catalogus.factories import LeverancierFactory
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db


def acting(*roles, **party):
    return Acting.for_applicatie(make_applicatie(*roles, **party))


def entries(viewer):
    # (without the entries of the objects the factories made)
    scoped = scope_queryset(
        AuditTrail.objects.exclude(bron="factory"),
        viewer,
        organisatie_field="organisatie",
        leverancier_field="leverancier",
    )
    return set(scoped.values_list("resource", flat=True))


def test_each_party_sees_only_its_own_rows_and_the_broker_all():
    gemeente, other_gemeente = OrganisatieFactory(), OrganisatieFactory()
    leverancier, competitor = LeverancierFactory(), LeverancierFactory()
    for name, tenant in [
        ("gemeente", {"organisatie": gemeente}),
        ("andere", {"organisatie": other_gemeente}),
        ("leverancier", {"leverancier": leverancier}),
        ("concurrent", {"leverancier": competitor}),
        ("gedeeld", {}),
    ]:
        AuditTrailFactory(hoofd_object_uuid=gemeente.uuid, resource=name, **tenant)

    assert entries(acting("afnemer", organisatie=gemeente)) == {"gemeente"}
    assert entries(acting("leverancier", leverancier=leverancier)) == {"leverancier"}
    assert entries(acting("broker")) == {"gemeente", "andere", "leverancier", "concurrent", "gedeeld"}
    assert entries(acting("lezer")) == set()  # acts for nobody: no tenant data
    assert entries(None) == set()


def test_owns():
    gemeente, other_gemeente = OrganisatieFactory(), OrganisatieFactory()
    leverancier = LeverancierFactory()
    afnemer = acting("afnemer", organisatie=gemeente)

    assert owns(afnemer, organisatie=gemeente)
    assert not owns(afnemer, organisatie=other_gemeente)
    assert not owns(afnemer)  # shared data belongs to no tenant
    assert owns(acting("leverancier", leverancier=leverancier), leverancier=leverancier)
    assert owns(acting("broker"), organisatie=other_gemeente)
    assert not owns(None, organisatie=gemeente)
