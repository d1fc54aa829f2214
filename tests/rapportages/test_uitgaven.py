"""``/rapportages/uitgaven``: the amounts per year against a hand count, the groupings, who sees
whose spending, the queries, bad input and the CSV export."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from softwarebroker.api.exports import CSV
from softwarebroker.bestellingen.constants import LicentieBron, LicentieStatus
from softwarebroker.bestellingen.models import Licentie
from softwarebroker.rapportages import uitgaven
from tests.auth import bearer
from tests.autorisaties.factories import make_applicatie
from tests.bestellingen.factories import BestellingFactory
from tests.catalogus.factories import LeverancierFactory, SoftwarepakketFactory
from tests.conftest import invalid_param, problem
from tests.organisaties.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db

URL = "/bestellingen/api/v1/rapportages/uitgaven"
D = datetime.date


def licenties(organisatie, *specs: dict) -> list[Licentie]:
    """Licences as they stand in the inventory (the states the services leave them in)."""
    defaults = {"organisatie": organisatie, "bron": LicentieBron.EXTERN, "aantal": 1}
    return Licentie.objects.bulk_create([Licentie(**{**defaults, **spec}) for spec in specs])


def bedragen(rijen, *keys) -> dict:
    return {
        tuple(rij[key] for key in keys): (str(rij["besteed"]), str(rij["verplicht"]), str(rij["totaal"]))
        for rij in rijen
    }


def test_amounts_per_year_kind_and_status_as_counted_by_hand():
    """Today 2026-06-15, the period 2025-2028; each licence's share worked out in the comment."""
    a, b = OrganisatieFactory(), OrganisatieFactory()
    l1, l2 = LeverancierFactory(naam="Alfa B.V."), LeverancierFactory(naam="Beta B.V.")
    p1, p2 = SoftwarepakketFactory(naam="Pakket Een"), SoftwarepakketFactory(naam="Pakket Twee")
    een = {"leverancier": l1, "softwarepakket": p1}
    licenties(
        a,
        # Mar 2025 - Feb 2027, 100 a month: 2025 10 months besteed (+ one-time 500), 2026 6 + 6,
        # 2027 2 verplicht.
        {
            **een,
            "status": "actief",
            "ingangsdatum": D(2025, 3, 1),
            "einddatum": D(2027, 3, 1),
            "bedrag_per_jaar_excl_btw": Decimal("1200"),
            "bedrag_eenmalig_excl_btw": Decimal("500"),
            "kostenplaats": "ICT",
        },
        # Cancelled: Jul 15 2024 - Sep 15 2026 (26 months): 2025 12; 2026 6 besteed, Jul + Aug
        # verplicht (100 * 2 / 12 = 16.67).
        {
            "leverancier": l2,
            "softwarepakket": p2,
            "status": "opgezegd",
            "ingangsdatum": D(2024, 7, 15),
            "einddatum": D(2026, 9, 15),
            "bedrag_per_jaar_excl_btw": Decimal("100"),
        },
        # Expired: Jan 2024 - Jun 2025, 20 a month: 2025 6 months; its one-time amount is 2024's.
        {
            **een,
            "status": "verlopen",
            "ingangsdatum": D(2024, 1, 1),
            "einddatum": D(2025, 7, 1),
            "bedrag_per_jaar_excl_btw": Decimal("240"),
            "bedrag_eenmalig_excl_btw": Decimal("1000"),
        },
        # Ended before delivery (no end date): nothing.
        {
            **een,
            "status": "beeindigd",
            "ingangsdatum": D(2025, 1, 1),
            "bedrag_per_jaar_excl_btw": Decimal("999"),
            "bedrag_eenmalig_excl_btw": Decimal("999"),
        },
        # Renews without limit: open-ended, until the end of the period: 10 a month from 2026.
        {
            **een,
            "status": "actief",
            "ingangsdatum": D(2026, 1, 1),
            "einddatum": D(2027, 1, 1),
            "automatisch_verlengen": True,
            "bedrag_per_jaar_excl_btw": Decimal("120"),
        },
        # Renews until its uiterste einddatum Jul 2027: Jul 2025 - Jun 2027, 30 a month; bought
        # outside the catalogue (names only).
        {
            "leverancier_naam": "Extern B.V.",
            "softwarepakket_naam": "Eigen pakket",
            "status": "actief",
            "ingangsdatum": D(2025, 7, 1),
            "einddatum": D(2026, 7, 1),
            "uiterste_einddatum": D(2027, 7, 1),
            "automatisch_verlengen": True,
            "bedrag_per_jaar_excl_btw": Decimal("360"),
            "kostenplaats": "ICT",
        },
    )
    # Another organisation's licence: 2026 5000 + 5000.
    licenties(
        b,
        {
            **een,
            "status": "actief",
            "ingangsdatum": D(2026, 1, 1),
            "einddatum": D(2027, 1, 1),
            "bedrag_per_jaar_excl_btw": Decimal("10000"),
        },
    )
    # Ordered: approved (ingediend) counts verplicht, one contract year from Nov 2026 (50 a month)
    # plus its one-time 50; waiting for approval counts not at all.
    for status in ("ingediend", "ter_goedkeuring"):
        BestellingFactory(besteller=a, status=status)
    ingediend, wachtend = Licentie.objects.filter(organisatie=a, status=LicentieStatus.AANGEVRAAGD)
    assert ingediend.bronregels.get().bestelling.status == "ingediend"  # as the walk left them
    for licentie, bedrag in ((ingediend, "600"), (wachtend, "7777")):
        Licentie.objects.filter(pk=licentie.pk).update(
            ingangsdatum=D(2026, 11, 1),
            bedrag_per_jaar_excl_btw=Decimal(bedrag),
            bedrag_eenmalig_excl_btw=Decimal("50"),
            leverancier=None,
            softwarepakket=None,
        )

    def rapport(organisatie, groeperen, periode=uitgaven.Periode(2025, 2028)):
        return uitgaven.uitgaven(
            organisatie_id=organisatie.pk if organisatie else None,
            periode=periode,
            groeperen=groeperen,
            vandaag=D(2026, 6, 15),
        )

    per_jaar = rapport(a, ("jaar",))
    assert bedragen(per_jaar, "jaar") == {
        (2025,): ("1900.00", "0.00", "1900.00"),  # 1000 + 500 + 100 + 120 + 180
        (2026,): ("890.00", "1006.67", "1896.67"),  # 600+50+60+180 | 600+16.67+60+180+100+50
        (2027,): ("0.00", "1000.00", "1000.00"),  # 200 + 120 + 180 + 500
        (2028,): ("0.00", "120.00", "120.00"),
    }
    assert all(rij["leverancier"] is None and rij["soort"] is None for rij in per_jaar)
    # Everyone (the broker): the other organisation's 2026 too.
    assert bedragen(rapport(None, ("jaar",)), "jaar")[(2026,)] == ("5890.00", "6006.67", "11896.67")
    # The period bounds the months: 2026 alone is 2026's row.
    assert bedragen(rapport(a, ("jaar",), uitgaven.Periode(2026, 2026)), "jaar") == {
        (2026,): ("890.00", "1006.67", "1896.67")
    }

    fijn = rapport(a, uitgaven.DIMENSIES)
    sleutels = ("jaar", "leverancier_naam", "softwarepakket_naam", "kostenplaats", "soort")
    rijen_2026 = {key: value for key, value in bedragen(fijn, *sleutels).items() if key[0] == 2026}
    assert rijen_2026 == {
        (2026, "Alfa B.V.", "Pakket Een", "ICT", "terugkerend"): ("600.00", "600.00", "1200.00"),
        (2026, "Alfa B.V.", "Pakket Een", None, "terugkerend"): ("60.00", "60.00", "120.00"),
        (2026, "Beta B.V.", "Pakket Twee", None, "terugkerend"): ("50.00", "16.67", "66.67"),
        (2026, "Extern B.V.", "Eigen pakket", "ICT", "terugkerend"): ("180.00", "180.00", "360.00"),
        (2026, None, None, None, "eenmalig"): ("0.00", "50.00", "50.00"),
        (2026, None, None, None, "terugkerend"): ("0.00", "100.00", "100.00"),
    }
    rij = next(rij for rij in fijn if rij["leverancier_naam"] == "Alfa B.V.")
    assert (rij["leverancier"], rij["softwarepakket"]) == (l1.uuid, p1.uuid)
    assert next(rij for rij in fijn if rij["leverancier_naam"] == "Extern B.V.")["leverancier"] is None
    # Per kind and cost centre over the period: every cent once.
    assert bedragen(rapport(a, ("kostenplaats", "soort")), "kostenplaats", "soort") == {
        ("ICT", "eenmalig"): ("500.00", "0.00", "500.00"),
        ("ICT", "terugkerend"): ("1960.00", "1160.00", "3120.00"),  # 1000+600+180+180 | 600+200+180+180
        (None, "eenmalig"): ("0.00", "50.00", "50.00"),
        (None, "terugkerend"): ("330.00", "916.67", "1246.67"),  # 100+50+120+60 | 16.67+60+120+120+100+500
    }


def _client(*roles, **party) -> Client:
    applicatie = make_applicatie(*roles, **party)
    return Client(headers=bearer(applicatie.client_id, user_id="piet@test"))


def test_who_sees_whose_spending_the_queries_bad_input_and_csv():
    """Closed years (2020-2021), so the answer does not depend on today."""
    a, b = OrganisatieFactory(), OrganisatieFactory()
    leverancier, pakket = LeverancierFactory(naam="Alfa B.V."), SoftwarepakketFactory(naam="Pakket Een")
    spec = {
        "leverancier": leverancier,
        "softwarepakket": pakket,
        "status": "verlopen",
        "ingangsdatum": D(2020, 4, 1),
        "einddatum": D(2021, 4, 1),
        "bedrag_per_jaar_excl_btw": Decimal("1200"),
        "bedrag_eenmalig_excl_btw": Decimal("300"),
    }
    licenties(a, spec)
    licenties(b, {**spec, "bedrag_per_jaar_excl_btw": Decimal("99999")})
    afnemer = _client("afnemer", organisatie=a)
    query = "?vanafJaar=2020&totEnMetJaar=2021&groeperen=soort,jaar,leverancier"

    with CaptureQueriesContext(connection) as few:
        response = afnemer.get(URL + query)
    body = response.json()
    assert response.status_code == 200, body
    base = "http://testserver/catalogus/api/v1"
    assert body["organisatie"] == f"http://testserver/bestellingen/api/v1/organisaties/{a.uuid}"
    assert (body["vanafJaar"], body["totEnMetJaar"], body["groeperen"]) == (
        2020,
        2021,
        ["jaar", "leverancier", "soort"],
    )
    assert body["resultaten"] == [
        {
            "jaar": 2020,
            "leverancier": f"{base}/leveranciers/{leverancier.uuid}",
            "leverancierNaam": "Alfa B.V.",
            "softwarepakket": None,
            "softwarepakketNaam": None,
            "kostenplaats": None,
            "soort": "eenmalig",
            "besteed": "300.00",
            "verplicht": "0.00",
            "totaal": "300.00",
        },
        {
            "jaar": 2020,
            "leverancier": f"{base}/leveranciers/{leverancier.uuid}",
            "leverancierNaam": "Alfa B.V.",
            "softwarepakket": None,
            "softwarepakketNaam": None,
            "kostenplaats": None,
            "soort": "terugkerend",
            "besteed": "900.00",
            "verplicht": "0.00",
            "totaal": "900.00",
        },
        {
            "jaar": 2021,
            "leverancier": f"{base}/leveranciers/{leverancier.uuid}",
            "leverancierNaam": "Alfa B.V.",
            "softwarepakket": None,
            "softwarepakketNaam": None,
            "kostenplaats": None,
            "soort": "terugkerend",
            "besteed": "300.00",
            "verplicht": "0.00",
            "totaal": "300.00",
        },
    ]
    # Ten times the licences: the same queries.
    licenties(a, *[{**spec, "kostenplaats": f"K{n}"} for n in range(30)])
    with CaptureQueriesContext(connection) as many:
        assert afnemer.get(URL + query).status_code == 200
    assert len(many) == len(few), [entry["sql"] for entry in many.captured_queries]

    own, other = (f"http://testserver/bestellingen/api/v1/organisaties/{o.uuid}" for o in (a, b))
    period = "?vanafJaar=2021&totEnMetJaar=2021"
    # An organisation's own URL is its default; another's answers as an unknown one.
    budgethouder = _client("budgethouder", organisatie=a)
    assert (
        budgethouder.get(f"{URL}{period}&organisatie={own}").json()["resultaten"][0]["besteed"] == "9300.00"
    )
    refused = problem(afnemer.get(f"{URL}{period}&organisatie={other}"))
    assert refused["status"] == 400 and invalid_param(refused, "organisatie")["code"] == "does_not_exist"
    assert b.naam not in str(refused)
    # The broker: one organisation, or all.
    broker = _client("broker")
    assert broker.get(f"{URL}{period}&organisatie={other}").json()["resultaten"][0]["besteed"] == "24999.75"
    assert broker.get(URL + period).json()["resultaten"][0]["besteed"] == "34299.75"
    assert broker.get(URL + period).json()["organisatie"] is None
    # Suppliers and readers: no scope.
    for roles, party in ((("leverancier",), {"leverancier": leverancier}), (("lezer",), {"organisatie": a})):
        assert problem(_client(*roles, **party).get(URL))["status"] == 403

    # Every invalid parameter at once.
    body = problem(
        afnemer.get(f"{URL}?vanafJaar=2020&totEnMetJaar=2025&groeperen=jaar,wie&organisatie={other}")
    )
    assert body["status"] == 400
    assert {param["name"] for param in body["invalidParams"]} == {"totEnMetJaar", "groeperen", "organisatie"}
    assert invalid_param(body, "totEnMetJaar")["code"] == "periode_te_lang"
    body = problem(afnemer.get(f"{URL}?vanafJaar=twee&totEnMetJaar=2019&organisatie=geen-url"))
    assert {param["name"] for param in body["invalidParams"]} == {"vanafJaar", "organisatie"}
    body = problem(afnemer.get(f"{URL}?vanafJaar=2022&totEnMetJaar=2021&groeperen="))
    assert {param["name"] for param in body["invalidParams"]} == {"totEnMetJaar", "groeperen"}
    # One year given: the 5 years from or up to it.
    assert afnemer.get(f"{URL}?totEnMetJaar=2021").json()["vanafJaar"] == 2017
    assert afnemer.get(f"{URL}?vanafJaar=2020").json()["totEnMetJaar"] == 2024

    export = afnemer.get(
        URL + "?vanafJaar=2020&totEnMetJaar=2020&groeperen=jaar,soort", headers={"Accept": CSV}
    )
    assert export.status_code == 200
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert lines == [
        "Jaar;Leverancier;Leverancier (naam);Softwarepakket;Softwarepakket (naam);Kostenplaats;Soort;"
        "Besteed;Verplicht;Totaal",
        "2020;;;;;;eenmalig;9300,00;0,00;9300,00",  # 300 + 30 x 300
        "2020;;;;;;terugkerend;27900,00;0,00;27900,00",  # 900 + 30 x 900
    ]
