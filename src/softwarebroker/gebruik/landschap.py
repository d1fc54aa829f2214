"""An organisation's application landscape: its uses as rows, in the Softwarecatalogus' shape
(``Voorziening`` and ``VoorzieningGebruik`` of its published Voorzieningen API) or as CSV.

Mapping to the Softwarecatalogus (every optional field without a value is left out):

- a package is a ``Voorziening``: ``id`` = the package's UUID, ``naam``, ``beschrijving``,
  ``referentieComponenten`` = the UUID part of the GEMMA ids of the components the package
  implements (a URI not in the register is left out), ``voorzieningstype`` ``Toepassing``;
- a use is a ``VoorzieningGebruik``: ``id`` = the use's UUID, ``organisatieId``,
  ``voorzieningId``, ``versieId`` (the version's UUID), ``startDatum`` (when it went
  ``in_productie``, from the history), ``eindDatum`` (when it was ``uitgefaseerd``),
  ``status`` (``Gepland``, ``Actief`` or ``Beëindigd``), ``opmerkingen`` (the toelichting),
  ``bedrijfsKritisch`` and ``privacyGevoelig`` (verwerkt persoonsgegevens).
"""

from __future__ import annotations

import csv
import io

from django.db.models import Prefetch

from softwarebroker.catalogus.models import Referentiecomponent

from . import selectors
from .constants import GebruikStatus
from .models import GebruikStatuswijziging

VOORZIENINGSTYPE = "Toepassing"

# Our status -> the Softwarecatalogus' (Gepland, Actief, Beëindigd).
STATUS = {
    GebruikStatus.VERWERVING: "Gepland",
    GebruikStatus.GEPLAND: "Gepland",
    GebruikStatus.IN_PRODUCTIE: "Actief",
    GebruikStatus.UIT_TE_FASEREN: "Actief",
    GebruikStatus.UITGEFASEERD: "Beëindigd",
}
IN_GEBRUIK = (GebruikStatus.IN_PRODUCTIE, GebruikStatus.UIT_TE_FASEREN, GebruikStatus.UITGEFASEERD)

# The CSV: one row per use, ';'-separated (what spreadsheets in a Dutch locale expect), UTF-8
# with a byte order mark (so they read the accents right).
CSV_SEPARATOR = ";"
CSV_KOPPEN = (
    "Pakket",
    "Versie",
    "Fabrikant",
    "Referentiecomponenten",
    "Status",
    "Sinds",
    "Bedrijfskritisch",
    "Verwerkt persoonsgegevens",
    "Contractnummer licentie",
    "Toelichting",
)
# A cell starting with one of these is a formula to a spreadsheet: it gets a leading quote.
FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def gebruiken_van(acting, organisatie):
    """The organisation's uses the acting client may see, with what the rows show (a constant
    number of queries)."""
    datums = GebruikStatuswijziging.objects.filter(
        naar_status__in=(GebruikStatus.IN_PRODUCTIE, GebruikStatus.UITGEFASEERD)
    ).order_by("geregistreerd_op", "id")
    return (
        selectors.gebruiken(acting)
        .filter(organisatie=organisatie)
        .select_related("organisatie", "softwarepakket__fabrikant", "softwarepakketversie", "licentie")
        .prefetch_related(Prefetch("statuswijzigingen", queryset=datums, to_attr="_datums"))
        .order_by("softwarepakket__naam", "softwarepakketversie__versie", "id")
    )


def _register(gebruiken) -> dict[str, Referentiecomponent]:
    uris = {uri for gebruik in gebruiken for uri in gebruik.referentiecomponenten}
    uris |= {uri for gebruik in gebruiken for uri in gebruik.softwarepakket.referentiecomponenten}
    return {component.uri: component for component in Referentiecomponent.objects.filter(uri__in=uris)}


def _datum(gebruik, status):
    """The date the use (last) reached ``status``, per its history; None when it never did."""
    datums = [wijziging.datum for wijziging in gebruik._datums if wijziging.naar_status == status]
    return datums[-1] if datums else None


def _gemma_uuid(gemma_id: str) -> str:
    return gemma_id.removeprefix("id-")


def voorziening(softwarepakket, register) -> dict:
    data = {"id": str(softwarepakket.uuid), "naam": softwarepakket.naam}
    beschrijving = softwarepakket.omschrijving or softwarepakket.korte_omschrijving
    if beschrijving:
        data["beschrijving"] = beschrijving
    data["referentieComponenten"] = [
        _gemma_uuid(register[uri].gemma_id) for uri in softwarepakket.referentiecomponenten if uri in register
    ]
    data["voorzieningstype"] = VOORZIENINGSTYPE
    return data


def voorziening_gebruik(gebruik) -> dict:
    data = {
        "id": str(gebruik.uuid),
        "organisatieId": str(gebruik.organisatie.uuid),
        "voorzieningId": str(gebruik.softwarepakket.uuid),
    }
    if gebruik.softwarepakketversie is not None:
        data["versieId"] = str(gebruik.softwarepakketversie.uuid)
    if gebruik.status in IN_GEBRUIK and (start := _datum(gebruik, GebruikStatus.IN_PRODUCTIE)):
        data["startDatum"] = start.isoformat()
    if gebruik.status == GebruikStatus.UITGEFASEERD and (eind := _datum(gebruik, GebruikStatus.UITGEFASEERD)):
        data["eindDatum"] = eind.isoformat()
    data["status"] = STATUS[gebruik.status]
    if gebruik.toelichting:
        data["opmerkingen"] = gebruik.toelichting
    data["bedrijfsKritisch"] = gebruik.bedrijfskritisch
    data["privacyGevoelig"] = gebruik.verwerkt_persoonsgegevens
    return data


def applicatielandschap(gebruiken) -> dict:
    """``{"voorzieningen": [...], "gebruik": [...]}``: each package once, each use once."""
    gebruiken = list(gebruiken)
    register = _register(gebruiken)
    pakketten = {gebruik.softwarepakket.pk: gebruik.softwarepakket for gebruik in gebruiken}
    return {
        "voorzieningen": [voorziening(pakket, register) for pakket in pakketten.values()],
        "gebruik": [voorziening_gebruik(gebruik) for gebruik in gebruiken],
    }


def veilig(cel: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{cel}" if cel.startswith(FORMULE_TEKENS) else cel


def _ja_nee(waarde: bool) -> str:
    return "ja" if waarde else "nee"


def csv_regels(gebruiken) -> list[list[str]]:
    gebruiken = list(gebruiken)
    register = _register(gebruiken)
    regels = []
    for gebruik in gebruiken:
        pakket = gebruik.softwarepakket
        componenten = [
            register[uri].naam if uri in register else uri for uri in gebruik.referentiecomponenten
        ]
        regels.append(
            [
                pakket.naam,
                gebruik.softwarepakketversie.versie if gebruik.softwarepakketversie else "",
                pakket.fabrikant.naam if pakket.fabrikant else "",
                ", ".join(componenten),
                gebruik.get_status_display(),
                gebruik.statusdatum.isoformat(),
                _ja_nee(gebruik.bedrijfskritisch),
                _ja_nee(gebruik.verwerkt_persoonsgegevens),
                gebruik.licentie.contractnummer if gebruik.licentie else "",
                gebruik.toelichting,
            ]
        )
    return regels


def csv_tekst(gebruiken) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_SEPARATOR, lineterminator="\r\n")
    writer.writerow(CSV_KOPPEN)
    writer.writerows([veilig(cel) for cel in regel] for regel in csv_regels(gebruiken))
    return "\ufeff" + buffer.getvalue()
