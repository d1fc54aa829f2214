"""Search quality: typos in the names of the demo catalogue's packages find the package.

100 generated typos (``softwarebroker.demo.typfouten``: adjacent letters swapped, a letter left
out or one added; every other one in a compound word such as "Zaaksysteem") of the names of the
28 packages of the demo catalogue. Each mistyped name is searched for on the softwarepakketten
list, as a user looking for a package would: its package must be among the first 10 results
(recall@10; at least 95 of 100 is required). The mistyped compound words are also searched for
alone ("zaaksytseem"): a package with that word in its name must be among the first 10.

Before typos were corrected against the vocabulary of names, the same set found 94 of 100
(trigram similarity ran only when full text found nothing: "Kanaal Telefone" found the
packages that mention the telephone, not "Kanaal Telefonie"), and 57 of the 67 compound words
alone ("Documnetbeheer" and "Zaaksysetem" found nothing: too far for trigram similarity).
"""

import io
from collections import Counter

import pytest
from django.core.management import call_command

from softwarebroker.catalogus.models import Softwarepakket
from softwarebroker.demo import typfouten
from tests.catalogus.api_requests import BASE

pytestmark = pytest.mark.django_db


def test_typos_in_package_names_find_the_package(client):
    call_command("load_demo_data", stdout=io.StringIO())
    names = list(Softwarepakket.objects.values_list("naam", flat=True))
    typo_set = typfouten.typos(names, count=100, seed=1)

    def search(terms):
        response = client.get(f"{BASE}/softwarepakketten", {"zoek": terms, "pageSize": 10})
        assert response.status_code == 200, response.content[:300]
        return [item["naam"] for item in response.json()["results"]]

    missed = typfouten.missed(lambda typo: search(typo.zoek), typo_set, at=10)
    compounds = [typo for typo in typo_set if typo.samenstelling]
    compound_alone_missed = [
        typo.getypt
        for typo in compounds
        if not any(typo.woord.lower() in naam.lower() for naam in search(typo.getypt))
    ]

    assert len(names) == 28
    assert Counter(typo.soort for typo in typo_set) == {"verwisseld": 34, "weggelaten": 33, "toegevoegd": 33}
    assert len(compounds) == 67
    assert [(typo.zoek, typo.naam) for typo in missed] == []
    assert 100 - len(missed) == 100  # recall@10 in percent
    assert compound_alone_missed == []
