import pytest

from tests.auth import bearer
from tests.fuzzing.support import CHECKS, FUZZ, document

bestellingen = document("/bestellingen/api/v1/openapi.json")


@pytest.mark.schemathesis
@pytest.mark.django_db
@bestellingen.parametrize()
@FUZZ
def test_bestellingen_api(case, broker):
    case.call_and_validate(checks=CHECKS, headers=bearer(broker.client_id))
