"""The demo's GEMMA register: loaded through the import before the packages, which name their
components by the register's URIs; the generated catalogue does the same."""

from io import StringIO

import pytest
from django.core.management import call_command

from softwarebroker.catalogus.models import Referentiecomponent, Softwarepakket
from softwarebroker.demo.catalogus import REGISTER, load_catalogus_demo
from softwarebroker.demo.catalogus_data.softwarepakketten import SOFTWAREPAKKETTEN

pytestmark = pytest.mark.django_db

GEMMA_IDS = {
    "Zaakregistratiecomponent": "id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf",
    "Generiek zaakafhandelcomponent": "id-f2dfbd0b-9d36-405c-bdbe-827f3296de29",
    "Zaaktypecataloguscomponent": "id-3ef9cdd9-631c-4d3e-88c3-f756423d6314",
    "Bezwaar- en beroepcomponent": "id-ec221e15-9b3c-411b-b2f0-c4527d59f25f",
}


def test_the_register_holds_every_component_the_demo_packages_implement():
    load_catalogus_demo()

    register = dict(Referentiecomponent.objects.values_list("naam", "uri"))
    named = {naam for item in SOFTWAREPAKKETTEN for naam in item.get("referentiecomponenten", [])}
    assert named <= set(register)
    for naam, gemma_id in GEMMA_IDS.items():
        assert Referentiecomponent.objects.get(naam=naam).gemma_id == gemma_id
    for item in SOFTWAREPAKKETTEN:
        pakket = Softwarepakket.objects.get(naam=item["naam"])
        assert pakket.referentiecomponenten == [
            register[naam] for naam in item.get("referentiecomponenten", [])
        ]


def test_the_register_file_is_the_command_s_format_and_loads_idempotently():
    out = StringIO()
    call_command("importeer_referentiecomponenten", str(REGISTER), stdout=out)
    call_command("importeer_referentiecomponenten", str(REGISTER), stdout=out)

    assert out.getvalue().splitlines() == [
        "17 aangemaakt, 0 gewijzigd, 0 ongewijzigd.",
        "0 aangemaakt, 0 gewijzigd, 17 ongewijzigd.",
    ]
    assert load_catalogus_demo() > 0  # the packages; the register was there already


def test_the_generated_catalogue_names_register_uris():
    call_command("generate_catalogue", "--aanbiedingen", "20", "--softwarepakketten", "10", stdout=StringIO())

    uris = set(Referentiecomponent.objects.values_list("uri", flat=True))
    named = {uri for pakket in Softwarepakket.objects.all() for uri in pakket.referentiecomponenten}
    assert named
    assert named <= uris


def test_demo_data_of_an_earlier_version_is_brought_to_the_register(settings):
    # A local database filled before the register existed: its packages named components by
    # URIs the register does not hold, and loading the demo again (make run) must not fail.
    settings.DEMO_DATA_ALLOWED = True
    load_catalogus_demo()
    oud = "https://www.gemmaonline.nl/index.php/GEMMA/Referentiecomponent/Zaakregistratiecomponent"
    Softwarepakket.objects.update(referentiecomponenten=[oud])  # as an earlier version stored them

    call_command("load_demo_data", stdout=StringIO())

    register = set(Referentiecomponent.objects.values_list("uri", flat=True))
    stored = {uri for pakket in Softwarepakket.objects.all() for uri in pakket.referentiecomponenten}
    assert oud not in stored
    assert stored <= register
