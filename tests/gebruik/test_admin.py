"""Uses, alerts, the GEMMA register and vulnerabilities in the admin: lists and read-only details
(a use with its history and alerts); nothing is added, changed or deleted there (the services
are the only writers)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from softwarebroker.catalogus.models import Kwetsbaarheid, Referentiecomponent
from softwarebroker.gebruik import services
from softwarebroker.gebruik.models import Attentie, Gebruik
from tests.catalogus.factories import SoftwarepakketFactory, SoftwarepakketversieFactory
from tests.gebruik.support import BROKER, ZAAKREGISTRATIE, gebruik, kwetsbaarheid, register
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

GEBRUIKEN = "/admin/gebruik/gebruik/"
ATTENTIES = "/admin/gebruik/attentie/"
COMPONENTEN = "/admin/catalogus/referentiecomponent/"
KWETSBAARHEDEN = "/admin/catalogus/kwetsbaarheid/"


@pytest.fixture
def gemeld():
    """A use in production of a version with a published vulnerability (so an open alert)."""
    register()
    pakket = SoftwarepakketFactory(naam="Zaaksysteem Admin")
    versie = SoftwarepakketversieFactory(softwarepakket=pakket, versie="3.1.0")
    organisatie = OrganisatieFactory(naam="Gemeente Adminstad")
    gebruikt = gebruik(
        organisatie,
        pakket,
        softwarepakketversie=versie,
        referentiecomponenten=[ZAAKREGISTRATIE.uri],
        status="gepland",
        statusdatum=datetime.date(2026, 1, 5),
    )
    services.wijzig_status(
        acting=BROKER, gebruik=gebruikt, naar_status="in_productie", datum=datetime.date(2026, 2, 9)
    )
    lek = kwetsbaarheid(versie, cve_id="CVE-2026-424242", titel="Lek in de koppeling")
    return Gebruik.objects.get(pk=gebruikt.pk), lek


@pytest.mark.parametrize(
    ("url", "text"),
    [
        (GEBRUIKEN, "Gemeente Adminstad"),
        (ATTENTIES, "Zaaksysteem Admin"),
        (COMPONENTEN, "Zaakregistratiecomponent"),
        (KWETSBAARHEDEN, "CVE-2026-424242"),
    ],
)
def test_lists_render_and_search(admin_client, gemeld, url, text):
    listed = admin_client.get(url)
    searched = admin_client.get(url, {"q": text.split()[-1]})

    assert listed.status_code == 200 and text in listed.content.decode()
    assert searched.status_code == 200 and searched.context["cl"].result_count == 1
    assert admin_client.get(url, {"q": "onbekend-xyz"}).context["cl"].result_count == 0


def test_a_use_shows_its_history_and_alerts_read_only(admin_client, gemeld):
    gebruikt, _lek = gemeld

    response = admin_client.get(f"{GEBRUIKEN}{gebruikt.pk}/change/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "historie (statuswijzigingen)" in content.lower()
    assert "2026-01-05" in content or "5 januari 2026" in content  # registered as gepland
    assert "9 februari 2026" in content or "2026-02-09" in content  # into production
    assert "CVE-2026-424242" in content  # the alert's vulnerability
    assert f"/admin/audit/audittrail/?hoofd_object_uuid={gebruikt.uuid}" in content
    assert 'name="_save"' not in content and 'name="toelichting"' not in content


@pytest.mark.parametrize(
    ("url", "model"),
    [
        (GEBRUIKEN, Gebruik),
        (ATTENTIES, Attentie),
        (COMPONENTEN, Referentiecomponent),
        (KWETSBAARHEDEN, Kwetsbaarheid),
    ],
)
def test_nothing_is_added_changed_or_deleted(admin_client, gemeld, url, model):
    obj = model.objects.first()
    before = model.objects.count()

    assert admin_client.get(f"{url}add/").status_code == 403
    assert admin_client.post(f"{url}{obj.pk}/change/", {"toelichting": "Anders"}).status_code == 403
    assert admin_client.post(f"{url}{obj.pk}/delete/", {"post": "yes"}).status_code == 403
    deleting = admin_client.post(url, {"action": "delete_selected", "_selected_action": [obj.pk]})
    assert deleting.status_code == 200 and 'name="action"' not in deleting.content.decode()
    assert model.objects.count() == before
    # Histories have no screens of their own.
    assert admin_client.get("/admin/gebruik/gebruikstatuswijziging/").status_code == 404


def test_use_list_queries_do_not_grow(admin_client, gemeld):
    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert admin_client.get(GEBRUIKEN).status_code == 200
        return len(context.captured_queries)

    few = queries()
    for _ in range(6):
        pakket = SoftwarepakketFactory()
        gebruik(
            OrganisatieFactory(),
            pakket,
            softwarepakketversie=SoftwarepakketversieFactory(softwarepakket=pakket),
        )

    assert queries() == few
