"""API clients (Applicatie) with a secret, for tests."""

from softwarebroker.autorisaties.models import Applicatie, ApplicatieSecret
from tests.auth import SECRET


def make_applicatie(*roles, client_id=None, organisatie=None, leverancier=None, secret=SECRET):
    client_id = client_id or f"test-{'-'.join(roles) or 'geen'}-{Applicatie.objects.count()}"
    applicatie = Applicatie.objects.create(
        client_id=client_id,
        label=f"Test {client_id}",
        rollen=list(roles),
        organisatie=organisatie,
        leverancier=leverancier,
    )
    ApplicatieSecret.objects.create(applicatie=applicatie, secret=secret)
    return applicatie
