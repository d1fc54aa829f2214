"""Headers and query parameters the views read themselves: a 400 (or 412), never a 500."""

import json

import pytest

from softwarebroker.api.headers import DECLARED_HEADER_MAX_LENGTH
from softwarebroker.audit.models import AuditTrail
from softwarebroker.bestellingen.models import Bestelling
from tests.bestellingen.api_world import API, bestelling_payload, world  # noqa: F401
from tests.catalogus.api_requests import BASE
from tests.catalogus.factories import AanbiedingFactory
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db


def create_order(world):  # noqa: F811
    response = world["afnemer"].post(f"{API}/bestellingen", bestelling_payload(world))
    assert response.status_code == 201, response.content
    return response["Location"], response["ETag"]


@pytest.mark.parametrize(
    "tag",
    [
        "9" * 5000,
        '"' + "9" * 5000 + '"',
        "W/" + "9" * 99,
    ],
)
def test_if_match_out_of_bounds_is_400_or_412(world, tag):  # noqa: F811
    location, _ = create_order(world)
    response = world["afnemer"].send("PATCH", location, {"kostenplaats": "X"}, **{"If-Match": tag})
    assert response.status_code in (400, 412), response.content
    problem(response)
    assert Bestelling.objects.get().kostenplaats == "ICT-2026"


def test_if_match_with_a_huge_version_or_other_digits_is_412(world):  # noqa: F811
    location, etag = create_order(world)
    uuid = location.rsplit("/", 1)[1]
    for tag in (f'"{uuid}-{"9" * 10}"', f'"{uuid}-{"9" * 11}"', f'"{uuid}-١"'):
        response = world["afnemer"].send("PATCH", location, {"kostenplaats": "X"}, **{"If-Match": tag})
        assert response.status_code == 412, (tag, response.content)
        problem(response)
    response = world["afnemer"].send("PATCH", location, {"kostenplaats": "X"}, **{"If-Match": etag})
    assert response.status_code == 200, response.content


def test_if_match_too_long_or_with_nul_is_400_naming_it(world):  # noqa: F811
    location, etag = create_order(world)
    for tag in ("9" * 5000, etag + "\x00"):
        response = world["afnemer"].send("PATCH", location, {"kostenplaats": "X"}, **{"If-Match": tag})
        assert response.status_code == 400, response.content
        assert invalid_param(problem(response), "If-Match")


@pytest.mark.parametrize("tag", ["9" * 5000, '"a"\x00'])
def test_if_none_match_out_of_bounds_is_400(client, tag):
    aanbieding = AanbiedingFactory()
    response = client.get(f"{BASE}/aanbiedingen/{aanbieding.uuid}", headers={"If-None-Match": tag})
    assert response.status_code == 400, response.content
    assert invalid_param(problem(response), "If-None-Match")


@pytest.mark.parametrize("key", ["abc\x00def", "\x00", "a\nb", "   ", "k" * 256, "sleutel-é"])
def test_idempotency_key_out_of_bounds_is_400(world, key):  # noqa: F811
    response = world["afnemer"].post(
        f"{API}/bestellingen", bestelling_payload(world), **{"Idempotency-Key": key}
    )
    assert response.status_code == 400, response.content
    assert invalid_param(problem(response), "Idempotency-Key")["code"] == "idempotency_key"
    assert not Bestelling.objects.exists()


@pytest.mark.parametrize("aantal", ["²", "٣", "1²", " 5", "+5", "1_0", "0", "101", "9" * 5000, "-1", ""])
def test_federated_search_aantal_is_ascii_digits_in_range(client, aantal):
    response = client.get(f"{BASE}/aanbiedingen/_zoeken", {"zoek": "office", "aantal": aantal})
    assert response.status_code == 400, response.content
    assert invalid_param(problem(response), "aantal")


def test_federated_search_zoek_is_bounded(client):
    response = client.get(f"{BASE}/aanbiedingen/_zoeken", {"zoek": "x" * 201})
    assert response.status_code == 400, response.content
    assert invalid_param(problem(response), "zoek")
    assert client.get(f"{BASE}/aanbiedingen/_zoeken", {"zoek": "x" * 200}).status_code == 200


@pytest.mark.parametrize("value", ["²", "٣", " 2", "1_0", "9" * 5000, "2147483648"])
@pytest.mark.parametrize("name", ["page", "pageSize"])
def test_pagination_parameters_are_ascii_digits(client, name, value):
    response = client.get(f"{BASE}/aanbiedingen", {name: value})
    assert response.status_code == 400, response.content
    assert invalid_param(problem(response), name)


def test_geldig_op_that_is_no_date_is_400(client):
    for value in ("2026-02-30", "٢٠٢٦-٠١-٠١x", "x" * 5000):
        response = client.get(f"{BASE}/aanbiedingen", {"geldigOp": value})
        assert response.status_code == 400, (value, response.content)


@pytest.mark.parametrize("name", sorted(DECLARED_HEADER_MAX_LENGTH))
@pytest.mark.parametrize("label", ["NUL", "bell", "one character too many", "no UTF-8"])
def test_declared_headers_are_refused_when_invalid_and_nothing_is_written(client, name, label):
    value = {
        "NUL": "Nieuwe\x00 deelnemer",
        "bell": "Nieuwe deelnemer\x07",
        "one character too many": "x" * (DECLARED_HEADER_MAX_LENGTH[name] + 1),
        "no UTF-8": b"co\xf6rdinatie".decode("iso-8859-1"),
    }[label]
    organisatie = OrganisatieFactory(naam="Gemeente Oud")
    response = client.patch(
        f"{API}/organisaties/{organisatie.uuid}",
        json.dumps({"naam": "Gemeente Hernoemd"}),
        content_type="application/json",
        headers={name: value},
    )

    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert invalid_param(problem(response), name)
    organisatie.refresh_from_db()
    assert organisatie.naam == "Gemeente Oud"
    assert not AuditTrail.objects.filter(hoofd_object_uuid=organisatie.uuid, actie="partial_update").exists()
    read = client.get(f"{API}/organisaties", headers={name: value})
    assert read.status_code == 400 and invalid_param(problem(read), name)


def test_a_utf8_toelichting_is_recorded_as_the_text_the_client_sent(client):
    organisatie = OrganisatieFactory()
    toelichting = "Coördinatie met de regio, zie besluit € 12.500"
    # On the wire a header is bytes: the client sends the text as UTF-8, the server gets them as
    # ISO-8859-1 characters (what a WSGI server hands over).
    on_the_wire = toelichting.encode("utf-8").decode("iso-8859-1")
    response = client.patch(
        f"{API}/organisaties/{organisatie.uuid}",
        json.dumps({"naam": "Gemeente Hernoemd"}),
        content_type="application/json",
        headers={"X-Audit-Toelichting": on_the_wire, "X-NLX-Logrecord-Id": "abc-123"},
    )

    assert response.status_code == 200, response.content
    entry = AuditTrail.objects.filter(hoofd_object_uuid=organisatie.uuid, actie="partial_update").get()
    assert entry.toelichting == toelichting
    assert entry.nlx_logrecord_id == "abc-123"
    assert len(DECLARED_HEADER_MAX_LENGTH) == 9  # the eight optional headers and the toelichting


def test_token_claims_with_nul_are_kept_clean_in_the_audit_trail(broker):
    from django.test import Client

    from tests.auth import bearer

    client = Client(headers=bearer(broker.client_id, user_id="a\x00b", user_representation="c\x00d"))
    organisatie = OrganisatieFactory()
    response = client.patch(
        f"{API}/organisaties/{organisatie.uuid}",
        json.dumps({"naam": "Gemeente Hernoemd"}),
        content_type="application/json",
    )
    assert response.status_code in (200, 400, 401), response.content
    if response.status_code == 200:
        entry = AuditTrail.objects.filter(hoofd_object_uuid=organisatie.uuid, actie="partial_update").get()
        assert (entry.gebruikers_id, entry.gebruikers_weergave) == ("ab", "cd")


@pytest.mark.parametrize("raw", ["%FF%FE", "%C3", "a%80b"])
def test_a_query_value_that_is_no_utf8_is_400_naming_it(client, raw):
    # Django would quietly read such bytes as U+FFFD and search for that.
    response = client.get(f"{BASE}/aanbiedingen?naam={raw}&pageSize=2")
    assert response.status_code == 400, response.content
    assert invalid_param(problem(response), "naam")["code"] == "encoding"


@pytest.mark.parametrize("name", ["sorteer", "fields", "expand", "status", "naam"])
def test_a_megabyte_in_a_query_parameter_is_refused_without_echoing_it(client, name):
    response = client.get(f"{BASE}/aanbiedingen", {name: "x" * 1_000_000})
    assert response.status_code == 400
    assert invalid_param(problem(response), name)["code"] == "max_length"
    assert len(response.content) < 10_000


def test_a_megabyte_parameter_name_is_unknown_without_echoing_it(client):
    response = client.get(f"{BASE}/aanbiedingen", {"x" * 1_000_000: "1"})
    assert response.status_code == 400
    assert problem(response)["invalidParams"][0]["code"] == "unknownParam"
    assert len(response.content) < 10_000


def test_search_terms_are_as_long_as_those_of_the_federated_search(client):
    assert client.get(f"{BASE}/aanbiedingen", {"zoek": "x" * 200}).status_code == 200
    response = client.get(f"{BASE}/softwarepakketten", {"zoek": "x" * 201})
    assert invalid_param(problem(response), "zoek")["code"] == "max_length"


@pytest.mark.parametrize("value", ["ja", "waar", "2"])
def test_a_boolean_filter_that_is_no_boolean_is_400_not_ignored(client, value):
    response = client.get(f"{BASE}/softwarepakketten", {"openSource": value})
    assert response.status_code == 400, response.content
    assert "true of false" in invalid_param(problem(response), "openSource")["reason"]
