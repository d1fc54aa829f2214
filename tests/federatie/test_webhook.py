"""The consumer webhook: a peer's Notificaties API marks copies of the peer's offers stale."""

import json
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from softwarebroker.federatie.models import PeerAanbieding, PeerCatalogus
from tests.conftest import invalid_param, problem

pytestmark = pytest.mark.django_db
WEBHOOK = "/notificaties/webhook"


def make_peer(naam: str, root: str, authorization: str) -> PeerCatalogus:
    service = Service.objects.create(
        label=naam, slug=naam.lower(), api_type=APITypes.orc, api_root=root, auth_type=AuthTypes.no_auth
    )
    return PeerCatalogus.objects.create(naam=naam, service=service, notificaties_authorization=authorization)


def copy_of(url: str, service) -> PeerAanbieding:
    return PeerAanbieding.objects.create(
        url=url, service=service, gegevens={"naam": "x"}, etag='"v1"', opgehaald_op=timezone.now()
    )


@pytest.fixture
def peers():
    noord = make_peer("Noord", "https://noord.example.nl/catalogus/api/v1/", "Bearer noord-geheim")
    zuid = make_peer("Zuid", "https://zuid.example.nl/catalogus/api/v1/", "Bearer zuid-geheim")
    return noord, zuid


def message(url: str, **overrides) -> dict:
    body = {
        "kanaal": "aanbiedingen",
        "hoofdObject": url,
        "resource": "aanbieding",
        "resourceUrl": url,
        "actie": "update",
        "aanmaakdatum": "2026-11-26T10:00:00Z",
        "kenmerken": {"leverancier": "x", "status": "gepubliceerd"},
    }
    body.update(overrides)
    return body


def post(body, authorization=None, content_type="application/json"):
    headers = {"Authorization": authorization} if authorization else {}
    data = body if isinstance(body, bytes) else json.dumps(body)
    return Client().post(WEBHOOK, data, content_type=content_type, headers=headers)


def test_a_notification_marks_the_peers_copy_stale(peers):
    noord, _ = peers
    url = f"{noord.service.api_root}aanbiedingen/{uuid.uuid4()}"
    copy = copy_of(url, noord.service)
    other = copy_of(f"{noord.service.api_root}aanbiedingen/{uuid.uuid4()}", noord.service)

    response = post(message(url), "Bearer noord-geheim")

    assert response.status_code == 204
    assert response.content == b""
    copy.refresh_from_db(), other.refresh_from_db()
    assert (copy.verouderd, other.verouderd) == (True, False)


def test_a_price_notification_marks_its_offer_stale(peers):
    noord, _ = peers
    url = f"{noord.service.api_root}aanbiedingen/{uuid.uuid4()}"
    copy = copy_of(url, noord.service)

    body = message(url, resource="prijs", resourceUrl=f"{noord.service.api_root}prijzen/{uuid.uuid4()}")
    assert post(body, "Bearer noord-geheim").status_code == 204

    copy.refresh_from_db()
    assert copy.verouderd is True


def test_a_peer_cannot_mark_another_peers_offers(peers):
    noord, _ = peers
    url = f"{noord.service.api_root}aanbiedingen/{uuid.uuid4()}"
    copy = copy_of(url, noord.service)

    assert post(message(url), "Bearer zuid-geheim").status_code == 204

    copy.refresh_from_db()
    assert copy.verouderd is False


def test_other_kanalen_are_accepted_and_change_nothing(peers):
    noord, _ = peers
    url = f"{noord.service.api_root}aanbiedingen/{uuid.uuid4()}"
    copy = copy_of(url, noord.service)

    assert post(message(url, kanaal="bestellingen"), "Bearer noord-geheim").status_code == 204
    copy.refresh_from_db()
    assert copy.verouderd is False


def test_without_authorization_401(peers):
    response = post(message("https://noord.example.nl/x"))

    assert response.status_code == 401
    assert problem(response)["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("value", ["Bearer fout", "bearer noord-geheim", "Bearer noord-geheim "])
def test_a_wrong_authorization_403(peers, value):
    response = post(message("https://noord.example.nl/x"), value)

    assert response.status_code == 403
    problem(response)


def test_an_inactive_peer_is_refused(peers):
    noord, _ = peers
    noord.actief = False
    noord.save()

    assert post(message("https://noord.example.nl/x"), "Bearer noord-geheim").status_code == 403


def test_an_invalid_message_lists_every_invalid_field(peers):
    body = message("geen-url", aanmaakdatum="gisteren")
    del body["kanaal"]

    response = post(body, "Bearer noord-geheim")

    assert response.status_code == 400
    body = problem(response)
    assert {
        name: invalid_param(body, name)["code"]
        for name in ("kanaal", "hoofdObject", "resourceUrl", "aanmaakdatum")
    } == {
        "kanaal": "required",
        "hoofdObject": "invalid",
        "resourceUrl": "invalid",
        "aanmaakdatum": "invalid",
    }


def test_malformed_json_400(peers):
    response = post(b'{"kanaal": ', "Bearer noord-geheim")

    assert response.status_code == 400
    assert problem(response)["code"] == "parse_error"


def test_the_configured_value_is_encrypted_at_rest(peers):
    with connection.cursor() as cursor:
        cursor.execute("SELECT notificaties_authorization FROM federatie_peercatalogus WHERE naam = 'Noord'")
        (stored,) = cursor.fetchone()
    assert "noord-geheim" not in stored and stored


def test_the_admin_sets_the_value_without_ever_showing_it(peers, admin_client):
    noord, _ = peers
    page = f"/admin/federatie/peercatalogus/{noord.pk}/change/"
    assert "noord-geheim" not in admin_client.get(page).content.decode()

    form = {"naam": "Noord", "service": noord.service.pk, "actief": "on"}
    assert admin_client.post(page, {**form, "new_authorization": ""}).status_code == 302
    noord.refresh_from_db()
    assert noord.notificaties_authorization == "Bearer noord-geheim"  # empty keeps it

    admin_client.post(page, {**form, "new_authorization": "Bearer nieuw"})
    noord.refresh_from_db()
    assert noord.notificaties_authorization == "Bearer nieuw"

    admin_client.post(page, {**form, "remove_authorization": "on"})
    noord.refresh_from_db()
    assert noord.notificaties_authorization is None
    assert post(message("https://noord.example.nl/x"), "Bearer nieuw").status_code == 403
