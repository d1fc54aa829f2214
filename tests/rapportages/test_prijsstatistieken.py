"""``GET /rapportages/prijsstatistieken``: quartiles as Decimal computes them, the suppression
rule, also against differencing, the parameters and who may ask."""

import csv
import datetime
import io
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.test import Client
from django.utils import timezone

from softwarebroker.api.exports import CSV
from softwarebroker.catalogus.models import Softwarepakket
from softwarebroker.rapportages import anonimiteit
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.catalogus.factories import AanbiedingFactory, LeverancierFactory, SoftwarepakketFactory
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

from .factories import laatste_kwartaal, waarnemingen

pytestmark = pytest.mark.django_db

URL = "/bestellingen/api/v1/rapportages/prijsstatistieken"
CATALOGUS = "http://testserver/catalogus/api/v1"
Q1, Q2, Q3 = datetime.date(2025, 1, 1), datetime.date(2025, 4, 1), datetime.date(2025, 7, 1)
CENT = Decimal("0.01")
FIGUREN = ("steekproefGrootte", "minimum", "p25", "mediaan", "p75", "maximum")


def kwartiel(prijzen, fractie: str) -> Decimal:
    """Linear interpolation between the nearest ranks, as percentile_cont."""
    rij = sorted(Decimal(prijs) for prijs in prijzen)
    positie = (len(rij) - 1) * Decimal(fractie)
    onder = int(positie)
    waarde = (
        rij[onder]
        if onder + 1 == len(rij)
        else rij[onder] + (rij[onder + 1] - rij[onder]) * (positie - onder)
    )
    return waarde.quantize(CENT, rounding=ROUND_HALF_UP)


def figuren(prijzen, organisaties: int) -> dict:
    cent = [Decimal(prijs) for prijs in prijzen]
    return {
        "steekproefGrootte": organisaties,
        "minimum": str(min(cent).quantize(CENT, rounding=ROUND_HALF_UP)),
        "p25": str(kwartiel(prijzen, "0.25")),
        "mediaan": str(kwartiel(prijzen, "0.5")),
        "p75": str(kwartiel(prijzen, "0.75")),
        "maximum": str(max(cent).quantize(CENT, rounding=ROUND_HALF_UP)),
    }


ONDERDRUKT = dict.fromkeys(FIGUREN)


@pytest.fixture
def markt():
    """Package Zaakvlot: offer A bought by 6 organisations in 2025-Q1 and 5 of them in Q2 (every
    cell >= 5); offer B by 3 others in Q1 (a small cell). Package Archiefkast: 5 in Q1."""
    organisaties = OrganisatieFactory.create_batch(9)
    leverancier = LeverancierFactory()
    pakket = SoftwarepakketFactory(naam="Zaakvlot")
    a = AanbiedingFactory(softwarepakket=pakket, leverancier=leverancier, naam="A")
    b = AanbiedingFactory(
        softwarepakket=pakket,
        leverancier=leverancier,
        naam="B",
        licentiemodel="per_inwoner",
        eenheid="inwoner",
    )
    archief = AanbiedingFactory(
        softwarepakket=SoftwarepakketFactory(naam="Archiefkast"), leverancier=leverancier
    )
    # Half cents round up (10.005 -> 10.01; banker's rounding would give 10.00).
    prijzen_a = [
        "10.0050000000",
        "12.5000000000",
        "7.2500000000",
        "30.0000000000",
        "11.1111111111",
        "9.9900000000",
    ]
    prijzen_a2 = ["10.0000000000", "13.3333333333", "8.0000000000", "21.0000000000", "9.1250000000"]
    waarnemingen(a, organisaties[:6], Q1, prijzen_a)
    waarnemingen(a, organisaties[:5], Q2, prijzen_a2)
    waarnemingen(b, organisaties[6:], Q1, ["1.00", "2.00", "3.00"], aantal=120)
    waarnemingen(archief, organisaties[:5], Q1, ["5.00", "6.00", "7.00", "8.00", "9.00"])
    return {"pakket": pakket, "a": a, "b": b, "archief": archief, "prijzen_a": prijzen_a + prijzen_a2}


def _rijen(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_quartiles_and_the_suppression_that_survives_differencing(client, markt):
    pakket = f"{CATALOGUS}/softwarepakketten/{markt['pakket'].uuid}"
    periode = {"vanafKwartaal": "2025-Q1", "totEnMetKwartaal": "2025-Q2"}
    per_aanbieding = _rijen(client, softwarepakket=pakket, groeperen="aanbieding", **periode)
    assert per_aanbieding["softwarepakket"] == pakket
    assert per_aanbieding["periode"] == {
        "vanafKwartaal": "2025-Q1",
        "totEnMetKwartaal": "2025-Q2",
        "vanaf": "2025-01-01",
        "tot": "2025-07-01",
    }
    assert per_aanbieding["groepering"] == ["aanbieding"]
    a, b = per_aanbieding["resultaten"]
    assert a == {
        "softwarepakket": pakket,
        "softwarepakketNaam": "Zaakvlot",
        "aanbieding": f"{CATALOGUS}/aanbiedingen/{markt['a'].uuid}",
        "licentiemodel": None,
        "eenheid": None,
        "volumeband": None,
        "onvoldoendeGegevens": False,
        **figuren(markt["prijzen_a"], 6),
    }
    assert a["minimum"] == "7.25" and a["maximum"] == "30.00"
    # Offer B: 3 organisations, no figures at all.
    assert b["aanbieding"].endswith(str(markt["b"].uuid))
    assert b["onvoldoendeGegevens"] is True and {key: b[key] for key in FIGUREN} == ONDERDRUKT

    # Ungrouped, the package has 9 organisations, but it contains B's cell of 3: were A's and
    # the package's figures both shown, B's prices would follow from the difference.
    [geheel] = _rijen(client, softwarepakket=pakket, **periode)["resultaten"]
    assert geheel["onvoldoendeGegevens"] is True and {key: geheel[key] for key in FIGUREN} == ONDERDRUKT

    # Over time: one organisation buys A in Q3. Q1-Q2 shows A; Q1-Q3 (differing by that one
    # organisation's cell only) is suppressed, so its price cannot be derived from the two.
    waarnemingen(markt["a"], [OrganisatieFactory()], Q3, ["99.00"])
    filters = {"softwarepakket": pakket, "aanbieding": a["aanbieding"]}
    [voor] = _rijen(client, **filters, **periode)["resultaten"]
    [erna] = _rijen(client, **filters, vanafKwartaal="2025-Q1", totEnMetKwartaal="2025-Q3")["resultaten"]
    assert voor["onvoldoendeGegevens"] is False and voor["maximum"] == "30.00"
    assert erna["onvoldoendeGegevens"] is True and erna["maximum"] is None

    # The filters and the other groupings select whole cells: A's figures again, with its model,
    # unit and band (aantal 5).
    [gefilterd] = _rijen(
        client,
        **filters,
        **periode,
        volumeband="1-9",
        licentiemodel="per_gebruiker",
        eenheid="gebruiker",
        groeperen="volumeband,licentiemodel,eenheid",
    )["resultaten"]
    assert (gefilterd["licentiemodel"], gefilterd["eenheid"], gefilterd["volumeband"]) == (
        "per_gebruiker",
        "gebruiker",
        "1-9",
    )
    assert {key: gefilterd[key] for key in FIGUREN} == figuren(markt["prijzen_a"], 6)
    assert _rijen(client, **filters, **periode, volumeband="50-249")["resultaten"] == []

    # Without a package: one group per package, by name; the rule as anonimiteit states it.
    alle = _rijen(client, vanafKwartaal="2025-Q1", totEnMetKwartaal="2025-Q1")
    assert alle["softwarepakket"] is None
    archief, zaakvlot = alle["resultaten"]
    assert (archief["softwarepakketNaam"], zaakvlot["softwarepakketNaam"]) == ("Archiefkast", "Zaakvlot")
    assert {key: archief[key] for key in FIGUREN} == figuren(["5", "6", "7", "8", "9"], 5)
    assert zaakvlot["onvoldoendeGegevens"] is True
    assert anonimiteit.toonbaar([5, 0], 5) and not anonimiteit.toonbaar([6, 3], 9)

    # The export: the same rows, decimal comma.
    response = client.get(
        URL, {"softwarepakket": pakket, "groeperen": "aanbieding", **periode}, headers={"Accept": CSV}
    )
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8")
    header, *rows = csv.reader(io.StringIO(body.lstrip("\ufeff"), newline=""), delimiter=";")
    assert header[:3] == ["Softwarepakket", "Softwarepakket (naam)", "Aanbieding"] and len(rows) == 2
    assert rows[0][header.index("Minimum")] == "7,25"
    assert (
        rows[1][header.index("Onvoldoende gegevens")] in ("ja", "Ja")
        and rows[1][header.index("Minimum")] == ""
    )


def test_bad_parameters_are_all_named_and_suppliers_and_readers_may_not_ask(client, markt):
    body = problem(
        client.get(
            URL,
            {
                "vanafKwartaal": "2019-Q1",  # 26 quarters up to 2025-Q2
                "totEnMetKwartaal": "2025-Q2",
                "groeperen": "aanbieding,kleur",
                "volumeband": "50-10",
                "softwarepakket": "https://elders.example/softwarepakketten/1",
            },
        )
    )
    assert body["status"] == 400
    assert {param["name"] for param in body["invalidParams"]} == {
        "vanafKwartaal",
        "groeperen",
        "volumeband",
        "softwarepakket",
    }
    assert invalid_param(body, "vanafKwartaal")["code"] == "periode_te_lang"

    body = problem(
        client.get(URL, {"totEnMetKwartaal": "2999-Q1", "vanafKwartaal": "2025-Q5", "volumeband": "abc"})
    )
    assert {param["name"]: param["code"] for param in body["invalidParams"]} == {
        "totEnMetKwartaal": "kwartaal_niet_afgelopen",
        "vanafKwartaal": "invalid",
        "volumeband": "invalid_choice",
    }
    body = problem(client.get(URL, {"vanafKwartaal": "2025-Q2", "totEnMetKwartaal": "2025-Q1"}))
    assert invalid_param(body, "totEnMetKwartaal")["code"] == "periode_omgekeerd"
    # Year 0 would put the default start before year 1 (a 500 before); an over-long unit.
    body = problem(client.get(URL, {"totEnMetKwartaal": "0000-Q1", "eenheid": "x" * 51}))
    assert {param["name"]: param["code"] for param in body["invalidParams"]} == {
        "totEnMetKwartaal": "min_value",
        "eenheid": "max_length",
    }

    organisatie = OrganisatieFactory()
    for rol, status in (("leverancier", 403), ("lezer", 403), ("afnemer", 200), ("budgethouder", 200)):
        tenant = (
            {"leverancier": LeverancierFactory()} if rol == "leverancier" else {"organisatie": organisatie}
        )
        applicatie = make_applicatie(rol, **tenant)
        response = Client(headers=bearer(applicatie.client_id, user_id=f"{rol}@test")).get(URL)
        assert response.status_code == status, (rol, response.content[:200])
        if status == 403:
            assert problem(response)["code"] == "autorisatie"
        else:
            # The default period: the last four closed quarters.
            today = timezone.localdate()
            lopend = today.year * 4 + (today.month - 1) // 3
            assert (
                response.json()["periode"]["totEnMetKwartaal"]
                == f"{(lopend - 1) // 4}-Q{(lopend - 1) % 4 + 1}"
            )
            assert (
                response.json()["periode"]["vanafKwartaal"] == f"{(lopend - 4) // 4}-Q{(lopend - 4) % 4 + 1}"
            )


def test_without_a_package_only_the_packages_the_client_may_see_are_listed(client):
    zichtbaar, concept = AanbiedingFactory(), AanbiedingFactory()
    kwartaal = laatste_kwartaal()
    waarnemingen(zichtbaar, [OrganisatieFactory()], kwartaal, ["10.00"])
    waarnemingen(concept, [OrganisatieFactory()], kwartaal, ["10.00"])
    # A package its supplier took back to concept (as the catalogue's data may hold it).
    Softwarepakket.objects.filter(pk=concept.softwarepakket_id).update(status="concept")
    afnemer = make_applicatie("afnemer", organisatie=OrganisatieFactory())

    als_afnemer = Client(headers=bearer(afnemer.client_id)).get(URL).json()["resultaten"]
    als_broker = client.get(URL).json()["resultaten"]

    def pakketten(rijen):
        return {rij["softwarepakket"].rsplit("/", 1)[1] for rij in rijen}

    eigen, verborgen = str(zichtbaar.softwarepakket.uuid), str(concept.softwarepakket.uuid)
    assert pakketten(als_afnemer) == {eigen}
    assert pakketten(als_broker) == {eigen, verborgen}
