"""The check of every response against the OpenAPI documents (tests/response_validation.py) can fail."""

import json
from types import SimpleNamespace

import pytest

from tests import response_validation
from tests.catalogus.factories import CategorieFactory, LeverancierFactory
from tests.response_formats import is_decimal, is_uri
from tests.response_validation import RECORDER, Mismatch

pytestmark = pytest.mark.django_db

BASE = "/catalogus/api/v1"


def recheck(response):
    """The mismatches of ``response`` (changed after it was received) against the document."""
    return RECORDER.mismatches_of(RECORDER.documents()[BASE], response.wsgi_request, response)


@pytest.fixture
def received(client):
    """A category as the API answers it, with no mismatch."""
    url = f"{BASE}/categorieen/{CategorieFactory().uuid}"
    with RECORDER.caught() as found:
        response = client.get(url)
    assert response.status_code == 200
    assert found == []
    assert recheck(response) == []
    return response


def test_a_wrong_body_is_a_mismatch_with_its_place(received):
    body = received.json()
    received.content = json.dumps({**body, "url": "geen uri", "naam": 12, "omschrijving": None}).encode()

    found = {(mismatch.location, mismatch.keyword) for mismatch in recheck(received)}

    assert found == {("url", "format"), ("naam", "type"), ("omschrijving", "type")}


def test_an_undocumented_status_content_type_or_missing_header_is_a_mismatch(received):
    del received["API-Version"]
    assert {mismatch.kind for mismatch in recheck(received)} == {"header"}

    received["Content-Type"] = "text/html"
    assert "content-type" in {mismatch.kind for mismatch in recheck(received)}

    received.status_code = 418
    assert [mismatch.kind for mismatch in recheck(received)] == ["status"]


def test_every_response_of_the_test_client_is_checked(client):
    leverancier = LeverancierFactory(kvk_nummer="1234", website="geen uri", contact_email="geen e-mail")
    before = RECORDER.validated

    with RECORDER.caught() as found:
        response = client.get(f"{BASE}/leveranciers/{leverancier.uuid}")

    assert response.status_code == 200
    assert RECORDER.validated == before + 1
    assert {mismatch.location for mismatch in found} == {"kvkNummer", "website", "contactgegevens/email"}
    assert all(
        mismatch.test.endswith("test_every_response_of_the_test_client_is_checked") for mismatch in found
    )


def test_requests_outside_the_documents_are_not_checked(client):
    before = RECORDER.validated

    with RECORDER.caught() as found:
        statuses = [
            client.get("/_healthz/livez").status_code,
            client.get("/admin/login/").status_code,
            client.get(f"{BASE}/docs").status_code,
            client.get(f"{BASE}/bestaat-niet").status_code,
            client.put(f"{BASE}/categorieen").status_code,  # a method the document does not declare
            client.put(
                f"{BASE}/aanbiedingen/_zoeken"
            ).status_code,  # not a {uuid} of PUT /aanbiedingen/{uuid}
        ]

    assert statuses[-3:] == [404, 405, 405]
    assert found == []
    assert RECORDER.validated == before


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("http://testserver/catalogus/api/v1/categorieen/1", True),
        ("https://voorbeeldstad.example/a%20b?x=1#y", True),
        ("urn:nl:oin:00000001234567890000", True),
        ("geen uri", False),
        ("/catalogus/api/v1/categorieen", False),  # relative: a URI reference, not a URI
        ("http://", False),
        ("http://voorbeeld.example/ä", False),
        ("", False),
    ],
)
def test_uri_format(value, valid):
    assert is_uri(value) is valid


def test_decimal_format():
    assert is_decimal("12500.00")
    assert not is_decimal("12,50")
    assert not is_decimal("NaN")


@pytest.mark.django_db(False)
def test_a_test_that_receives_a_wrong_response_fails_unless_reported(monkeypatch):
    item = SimpleNamespace(nodeid="tests/test_x.py::test_receives_a_wrong_response")
    wrong = Mismatch(item.nodeid, "GET", f"{BASE}/categorieen", 200, "body", "'count' is a required property")

    def run_test():
        call = response_validation.pytest_runtest_call(item)
        next(call)  # the test runs, and receives the response
        RECORDER.mismatches.append(wrong)
        with pytest.raises(StopIteration):
            call.send(None)

    monkeypatch.setattr(response_validation, "MODE", "strict")
    with RECORDER.caught():
        with pytest.raises(pytest.fail.Exception, match=r"1 response\(s\) do not match the OpenAPI document"):
            run_test()
        assert response_validation.verdict(pytest.ExitCode.OK) == pytest.ExitCode.TESTS_FAILED

    monkeypatch.setattr(response_validation, "MODE", "report")
    with RECORDER.caught():
        run_test()
        assert response_validation.verdict(pytest.ExitCode.OK) == pytest.ExitCode.OK
