"""publiceer_applicatielandschap: the landscape POSTed to the Softwarecatalogus (another
organisation's API, so requests-mock on the Service's client), every body valid against the
Softwarecatalogus' own schemas; a failing answer fails the command naming its status."""

import io

import pytest
import requests_mock
from django.core.management import CommandError, call_command
from zgw_consumers.constants import APITypes, AuthTypes
from zgw_consumers.models import Service

from tests.catalogus.factories import SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.gebruik import voorzieningen_schema
from tests.gebruik.support import ZAAKAFHANDEL, ZAAKREGISTRATIE, gebruik, register
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

ROOT = "https://softwarecatalogus.test/apps/openregister/api/"
VOORZIENINGEN = f"{ROOT}objects/voorzieningen/voorziening"
GEBRUIK = f"{ROOT}objects/voorzieningen/voorzieninggebruik"


@pytest.fixture
def softwarecatalogus(settings):
    Service.objects.create(
        label="Softwarecatalogus",
        slug="softwarecatalogus",
        api_type=APITypes.orc,
        api_root=ROOT,
        auth_type=AuthTypes.api_key,
        header_key="Authorization",
        header_value="Token geheim-token",
    )
    settings.SOFTWARECATALOGUS_SERVICE = "softwarecatalogus"


@pytest.fixture
def gemeente():
    register()
    organisatie = OrganisatieFactory(oin="00000001234567890123")
    zaken = SoftwarepakketFactory(referentiecomponenten=[ZAAKREGISTRATIE.uri, ZAAKAFHANDEL.uri])
    versie = SoftwarepakketversieFactory(softwarepakket=zaken)
    gebruik(organisatie, zaken, softwarepakketversie=versie, toelichting="Voor burgerzaken")
    gebruik(organisatie, SoftwarepakketFactory(), status="gepland")
    gebruik(OrganisatieFactory(), zaken)  # another organisation's: not sent
    return organisatie


def publiceer(oin="00000001234567890123") -> str:
    out = io.StringIO()
    call_command("publiceer_applicatielandschap", "--organisatie", oin, stdout=out)
    return out.getvalue()


def test_voorzieningen_first_then_each_use_all_valid_against_the_softwarecatalogus(
    softwarecatalogus, gemeente
):
    with requests_mock.Mocker() as remote:
        remote.post(VOORZIENINGEN, status_code=201, json={})
        remote.post(GEBRUIK, status_code=201, json={})
        output = publiceer()

    calls = [(call.url, call.json()) for call in remote.request_history]
    assert [url for url, _ in calls] == [VOORZIENINGEN, VOORZIENINGEN, GEBRUIK, GEBRUIK]
    for url, body in calls:
        schema = "Voorziening" if url == VOORZIENINGEN else "VoorzieningGebruik"
        assert voorzieningen_schema.errors(schema, body) == []
    assert {body["organisatieId"] for url, body in calls if url == GEBRUIK} == {str(gemeente.uuid)}
    assert {body["status"] for url, body in calls if url == GEBRUIK} == {"Actief", "Gepland"}
    assert all(call.headers["Authorization"] == "Token geheim-token" for call in remote.request_history)
    assert "2 voorziening(en) en 2 gebruik" in output


def test_the_paths_are_settings(softwarecatalogus, gemeente, settings):
    settings.SOFTWARECATALOGUS_VOORZIENINGEN_PAD = "objects/sc/voorziening"
    settings.SOFTWARECATALOGUS_GEBRUIK_PAD = "objects/sc/gebruik"
    with requests_mock.Mocker() as remote:
        remote.post(f"{ROOT}objects/sc/voorziening", status_code=201, json={})
        remote.post(f"{ROOT}objects/sc/gebruik", status_code=201, json={})
        publiceer()

    assert remote.call_count == 4


def test_an_error_answer_fails_the_command_naming_the_status(softwarecatalogus, gemeente):
    with requests_mock.Mocker() as remote:
        remote.post(VOORZIENINGEN, status_code=201, json={})
        remote.post(GEBRUIK, status_code=422, json={"message": "ongeldig"})
        with pytest.raises(
            CommandError, match="antwoordde 422 op POST objects/voorzieningen/voorzieninggebruik"
        ):
            publiceer()

    assert [call.url for call in remote.request_history] == [VOORZIENINGEN, VOORZIENINGEN, GEBRUIK]


def test_no_service_configured_is_a_clear_error(gemeente, settings):
    settings.SOFTWARECATALOGUS_SERVICE = ""
    with requests_mock.Mocker() as remote, pytest.raises(CommandError, match="SOFTWARECATALOGUS_SERVICE"):
        publiceer()
    assert remote.call_count == 0


def test_an_unknown_service_or_organisation_is_an_error(gemeente, settings):
    settings.SOFTWARECATALOGUS_SERVICE = "bestaat-niet"
    with pytest.raises(CommandError, match="geen Service met slug 'bestaat-niet'"):
        publiceer()
    with pytest.raises(CommandError, match="geen organisatie met OIN 99999999999999999999"):
        publiceer("99999999999999999999")
