import pytest

from tests.auth import bearer
from tests.fuzzing.support import CHECKS, FUZZ, document

catalogus = document("/catalogus/api/v1/openapi.json")


@pytest.mark.schemathesis
@pytest.mark.django_db
@catalogus.parametrize()
@FUZZ
def test_catalogus_api(case, broker):
    case.call_and_validate(checks=CHECKS, headers=bearer(broker.client_id))
