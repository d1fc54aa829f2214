"""Loads the demo catalogue of ``catalogus_data``.

Every object is matched on its natural key, so loading twice creates nothing the second
time. Existing rows are never overwritten (an administrator may have changed them); only
the empty details (roles, website, contact) of a supplier that already exists, e.g. the one
``load_demo_data`` creates, are filled in.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from softwarebroker.autorisaties.context import Acting
from softwarebroker.catalogus import search
from softwarebroker.catalogus import services as catalogus
from softwarebroker.catalogus.models import (
    Aanbieding,
    Categorie,
    Leverancier,
    Prijs,
    Raamovereenkomst,
    Referentiecomponent,
    Softwarepakket,
    Softwarepakketversie,
)
from softwarebroker.catalogus.register import bron as register
from softwarebroker.demo import data
from softwarebroker.demo.catalogus_data import (
    aanbiedingen,
    bestelparameters,
    categorieen,
    leveranciers,
    raamovereenkomsten,
    softwarepakketten,
)
from softwarebroker.demo.verklaringen import load_verklaringen_demo
from softwarebroker.organisaties import services as organisaties
from softwarebroker.organisaties.models import Organisatie

# Demo data is made like any other change: through the services, audited with source "demo".
DEMO = Acting.system("demo")
CREATE = {
    Categorie: catalogus.create_categorie,
    Organisatie: organisaties.create_organisatie,
    Leverancier: catalogus.create_leverancier,
    Softwarepakket: catalogus.create_softwarepakket,
    Softwarepakketversie: catalogus.create_softwarepakketversie,
    Raamovereenkomst: catalogus.create_raamovereenkomst,
    Aanbieding: catalogus.create_aanbieding,
    Prijs: catalogus.create_prijs,
}


def get_or_create(model, defaults: dict, **lookup):
    """The object with ``lookup``, or a new one made by its service (``(object, created)``)."""
    instance = model.objects.filter(**lookup).first()
    if instance is not None:
        return instance, False
    return CREATE[model](acting=DEMO, **lookup, **defaults), True


# The GEMMA reference components the demo packages implement, in GEMMA's export format.
REGISTER = Path(__file__).parent / "catalogus_data" / "gemma_referentiecomponenten.csv"


def load_register() -> int:
    """The demo's register, loaded as an operator loads GEMMA's export (the import command's
    code path, idempotent); returns the number of components created."""
    return register.importeer(acting=DEMO, bron=REGISTER).aangemaakt


def referentiecomponent_uris() -> dict[str, str]:
    """The URI of each reference component in the register, by name."""
    return dict(Referentiecomponent.objects.values_list("naam", "uri"))


def referentiecomponent_uri(naam: str) -> str:
    """The URI under which the register knows the component ``naam`` (a package names it so)."""
    uri = referentiecomponent_uris().get(naam)
    if uri is None:
        raise LookupError(f"{naam} staat niet in het register van referentiecomponenten.")
    return uri


def staffels(pairs) -> list[dict]:
    """``[(100, "9.50")]`` -> the stored (API) shape ``[{"vanafAantal": 100, "bedragExclBtw": "9.50"}]``."""
    return [{"vanafAantal": aantal, "bedragExclBtw": bedrag} for aantal, bedrag in pairs]


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def load_catalogus_demo() -> int:
    """Load the demo catalogue; returns the number of objects created (0 when already loaded)."""
    with transaction.atomic():
        loader = _Loader()
        loader.load()
        # The evidence every required type of every published offer needs (the order gate).
        loader.created += load_verklaringen_demo()
        if loader.created:
            # Search columns are maintained in SQL; new rows have none yet.
            search.refresh_softwarepakketten()
            search.refresh_aanbiedingen()
    return loader.created


class _Loader:
    def __init__(self):
        self.created = 0
        self.categorieen: dict[str, Categorie] = {}
        self.organisaties: dict[str, Organisatie] = {}
        self.leveranciers: dict[str, Leverancier] = {}
        self.pakketten: dict[str, Softwarepakket] = {}
        self.raamovereenkomsten: dict[str, Raamovereenkomst] = {}

    def _get_or_create(self, model, defaults, **lookup):
        instance, new = get_or_create(model, defaults, **lookup)
        self.created += new
        return instance, new

    def load(self) -> None:
        # The register first: packages name their components by the register's URIs.
        self.created += load_register()
        self._categorieen()
        self._organisaties()
        self._leveranciers()
        self._pakketten()
        self._raamovereenkomst()
        self._aanbiedingen()

    def _categorieen(self) -> None:
        # The base tree of demo/data.py first (same keys as load_demo_data), then the extra leaves.
        for naam, parent, omschrijving in [*data.CATEGORIEEN, *categorieen.EXTRA_CATEGORIEEN]:
            self.categorieen[naam], _ = self._get_or_create(
                Categorie,
                {"omschrijving": omschrijving},
                naam=naam,
                bovenliggende_categorie=self.categorieen.get(parent),
            )

    def _organisaties(self) -> None:
        for oin, naam, type_, gemeentecode, inwonertal in data.ORGANISATIES:
            self.organisaties[oin], _ = self._get_or_create(
                Organisatie,
                {"naam": naam, "type": type_, "gemeentecode": gemeentecode, "inwonertal": inwonertal},
                oin=oin,
            )

    def _leveranciers(self) -> None:
        for kvk, naam, rollen, domain, contact, telefoonnummer in leveranciers.LEVERANCIERS:
            details = {
                "rollen": rollen,
                "website": f"https://www.{domain}",
                "contact_naam": contact,
                "contact_email": f"verkoop@{domain}",
                "contact_telefoonnummer": telefoonnummer,
            }
            leverancier, new = self._get_or_create(
                Leverancier, {"naam": naam, "status": "actief", **details}, kvk_nummer=kvk
            )
            empty = [field for field in details if not getattr(leverancier, field)]
            if not new and empty:
                leverancier = catalogus.update_leverancier(
                    acting=DEMO, leverancier=leverancier, **{field: details[field] for field in empty}
                )
            self.leveranciers[kvk] = leverancier

    def _pakketten(self) -> None:
        for item in softwarepakketten.SOFTWAREPAKKETTEN:
            fields = {
                key: value
                for key, value in item.items()
                if key not in {"naam", "fabrikant", "categorieen", "referentiecomponenten", "versies"}
            }
            fields["fabrikant"] = self.leveranciers[item["fabrikant"]] if item["fabrikant"] else None
            fields["referentiecomponenten"] = [
                referentiecomponent_uri(naam) for naam in item.get("referentiecomponenten", [])
            ]
            fields["categorieen"] = [self.categorieen[naam] for naam in item["categorieen"]]
            pakket, _ = self._get_or_create(Softwarepakket, fields, naam=item["naam"])
            if pakket.referentiecomponenten != fields["referentiecomponenten"]:
                # Demo data loaded by an earlier version named components before the register
                # existed: they become the register's URIs (the uses below copy them).
                catalogus.update_softwarepakket(
                    acting=DEMO,
                    softwarepakket=pakket,
                    partial=True,
                    referentiecomponenten=fields["referentiecomponenten"],
                )
            for versie, releasedatum, einde_ondersteuning, status in item["versies"]:
                self._get_or_create(
                    Softwarepakketversie,
                    {
                        "releasedatum": _date(releasedatum),
                        "einde_ondersteuning": _date(einde_ondersteuning),
                        "status": status,
                    },
                    softwarepakket=pakket,
                    versie=versie,
                )
            self.pakketten[item["naam"]] = pakket

    def _raamovereenkomst(self) -> None:
        item = raamovereenkomsten.RAAMOVEREENKOMST
        raamovereenkomst, _ = self._get_or_create(
            Raamovereenkomst,
            {
                "naam": item["naam"],
                "contractant": item["contractant"],
                "ingangsdatum": _date(item["ingangsdatum"]),
                "einddatum": _date(item["einddatum"]),
                "maximale_waarde": Decimal(item["maximale_waarde"]),
                "status": item["status"],
                "leveranciers": [self.leveranciers[kvk] for kvk in item["leveranciers"]],
                "deelnemers": list(self.organisaties.values()),
            },
            kenmerk=item["kenmerk"],
        )
        self.raamovereenkomsten[item["kenmerk"]] = raamovereenkomst

    def _aanbiedingen(self) -> None:
        schemas = bestelparameters.BESTELPARAMETERS_SCHEMAS
        for item in aanbiedingen.AANBIEDINGEN:
            schema = item["bestelparameters_schema"]
            aanbieding, _ = self._get_or_create(
                Aanbieding,
                {
                    "softwarepakket": self.pakketten[item["softwarepakket"]],
                    "omschrijving": item["omschrijving"],
                    "leveringsvorm": item["leveringsvorm"],
                    "hostinglocatie": item["hostinglocatie"],
                    "licentiemodel": item["licentiemodel"],
                    "eenheid": item["eenheid"],
                    "minimale_afname": item["minimale_afname"],
                    "looptijd_maanden": item["looptijd_maanden"],
                    "verlenging": item["verlenging"],
                    "opzegtermijn_dagen": item["opzegtermijn_dagen"],
                    "verlengingstermijn_maanden": item["verlengingstermijn_maanden"],
                    "max_verlengingen": item["max_verlengingen"],
                    "indexering": item["indexering"],
                    "indexering_percentage": _decimal(item["indexering_percentage"]),
                    "indexering_plafond": _decimal(item["indexering_plafond"]),
                    "vereiste_documenten": item["vereiste_documenten"],
                    "bestelparameters_schema": schemas[schema] if schema else {},
                    "raamovereenkomst": self.raamovereenkomsten.get(item["raamovereenkomst"]),
                    "geldig_vanaf": _date(item["geldig_vanaf"]),
                    "geldig_tot": _date(item["geldig_tot"]),
                    "status": item["status"],
                },
                leverancier=self.leveranciers[item["leverancier"]],
                naam=item["naam"],
            )
            for prijs in item["prijzen"]:
                self._get_or_create(
                    Prijs,
                    {
                        "periode": prijs["periode"],
                        "grondslag": prijs["grondslag"],
                        "bedrag_excl_btw": Decimal(prijs["bedrag"]),
                        "btw_percentage": Decimal(prijs.get("btw", "21")),
                        "staffels": staffels(prijs.get("staffels", [])),
                        "geldig_tot": _date(prijs.get("tot")),
                    },
                    aanbieding=aanbieding,
                    prijstype=prijs["type"],
                    doelgroep=prijs.get("doelgroep", "iedereen"),
                    geldig_vanaf=_date(prijs.get("vanaf", item["geldig_vanaf"])),
                )
