"""One person, one id: the token's user_id is normalised where the token is read, so case
and surrounding spaces do not make the requester someone else for the four-eyes rule."""

from decimal import Decimal

import pytest

from softwarebroker.autorisaties.context import Acting, normalise_user_id
from softwarebroker.core.errors import Invalid
from softwarebroker.organisaties.models import Mandaat
from softwarebroker.organisaties.services import create_mandaat, set_mandaat
from tests.organisaties.factories import OrganisatieFactory

from .helpers import aanbieding_with_prijzen
from .test_api import API, Party, bestelling_payload, transition

pytestmark = pytest.mark.django_db

SYSTEM = Acting.system("test")


@pytest.fixture
def world():
    organisatie = OrganisatieFactory(naam="Gemeente Voorbeeldstad")
    # Written with other case and spaces than either token has: found all the same.
    set_mandaat(
        acting=SYSTEM,
        organisatie=organisatie,
        gebruikers_id=" BudgetHouder@X.nl",
        maximum_bedrag=Decimal("50000.00"),
    )
    set_mandaat(
        acting=SYSTEM,
        organisatie=organisatie,
        gebruikers_id="Collega@X.nl ",
        maximum_bedrag=Decimal("50000.00"),
    )
    return {
        "organisatie": organisatie,
        "aanbieding": aanbieding_with_prijzen(),
        # The same person, once as requester (odd case and spaces), once as approver.
        "aanvrager": Party("afnemer", "afnemer", organisatie=organisatie, user_id=" BUDGETHOUDER@x.nl "),
        "budgethouder": Party(
            "budgethouder", "budgethouder", organisatie=organisatie, user_id="budgethouder@x.nl"
        ),
        "collega": Party("collega", "budgethouder", organisatie=organisatie, user_id="COLLEGA@x.nl"),
    }


def submitted(world):
    created = world["aanvrager"].post(f"{API}/bestellingen", bestelling_payload(world))
    assert created.status_code == 201, created.content
    url = created["Location"]
    assert transition(world["aanvrager"], url, "ter_goedkeuring").status_code == 201
    return url


def test_the_requester_cannot_approve_under_another_spelling_of_the_same_id(world):
    url = submitted(world)

    response = world["budgethouder"].post(f"{url}/beoordelingen", {"besluit": "goedgekeurd"})

    assert response.status_code == 403, response.content
    assert response.json()["code"] == "vier_ogen"
    assert world["aanvrager"].get(url).json()["status"] == "ter_goedkeuring"


def test_another_person_approves_with_the_mandate_found_whatever_the_spelling(world):
    url = submitted(world)

    response = world["collega"].post(f"{url}/beoordelingen", {"besluit": "goedgekeurd"})

    assert response.status_code == 201, response.content
    assert response.json()["beoordelaar"] == "collega@x.nl"


def test_mandates_are_stored_normalised_and_unique_per_person(world):
    assert sorted(Mandaat.objects.values_list("gebruikers_id", flat=True)) == [
        "budgethouder@x.nl",
        "collega@x.nl",
    ]
    with pytest.raises(Invalid) as refused:
        create_mandaat(
            acting=SYSTEM,
            organisatie=world["organisatie"],
            gebruikers_id="BUDGETHOUDER@X.NL",
            maximum_bedrag=Decimal("1.00"),
        )
    assert [problem.code for problem in refused.value.problems] == ["unique"]


def test_normalise_user_id():
    assert normalise_user_id("  Piet@Gemeente.NL\t") == "piet@gemeente.nl"
    assert normalise_user_id("") == ""
