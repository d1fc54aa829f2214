"""Parsing of GEMMA's published CSV export of reference components ("Overzicht alle
referentiecomponenten" on GEMMA Online), tolerant the way a real export needs: UTF-8 with or
without BOM, ``;`` or ``,`` as delimiter, header names in any case and in their known variants.

A file with errors is rejected as a whole: :class:`RegisterOngeldig` lists every bad row and
column (with the line number in the file), so nothing of a half-understood export is stored.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from ..constants import ReferentiecomponentStatus
from ..models import Referentiecomponent
from .services import Rij

URI_TEMPLATE = "https://www.gemmaonline.nl/wiki/GEMMA/{gemma_id}"

# GEMMA's ids are "id-" and a uuid, written with or without its dashes (both occur in GEMMA).
GEMMA_ID = re.compile(
    r"^id-(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})$", re.IGNORECASE
)

# The columns, each with the header names GEMMA writes for it (matched case-insensitively,
# with runs of white space as one space; a hyphen instead of the space is accepted too).
KOPNAMEN: dict[str, tuple[str, ...]] = {
    "gemma_id": ("Object ID", "ID", "GEMMA id", "Identificatie"),
    "naam": ("Referentiecomponent", "Naam", "Name"),
    "beschrijving": ("Beschrijving", "Documentatie"),
    "status": ("GEMMA status", "Status", "SWC status"),
    "uri": ("URI", "URL"),
}
VERPLICHT = ("gemma_id", "naam", "status")

STATUSSEN = {
    "in gebruik": ReferentiecomponentStatus.IN_GEBRUIK,
    "in ontwikkeling": ReferentiecomponentStatus.IN_ONTWIKKELING,
    "teruggetrokken": ReferentiecomponentStatus.TERUGGETROKKEN,
}

NAAM_MAX = Referentiecomponent._meta.get_field("naam").max_length
BESCHRIJVING_MAX = Referentiecomponent._meta.get_field("beschrijving").max_length
URI_MAX = Referentiecomponent._meta.get_field("uri").max_length


@dataclass(frozen=True)
class Fout:
    regel: int  # line in the file (counting from 1); 0 for the file as a whole
    kolom: str  # the column's header as in the file, or "" for the row or file
    melding: str

    def __str__(self) -> str:
        plek = f"regel {self.regel}" if self.regel else "bestand"
        return f"{plek}{f', kolom {self.kolom}' if self.kolom else ''}: {self.melding}"


class RegisterOngeldig(Exception):
    """The export cannot be read; ``fouten`` holds every problem found."""

    def __init__(self, fouten: list[Fout]):
        self.fouten = fouten
        super().__init__("; ".join(str(fout) for fout in fouten))


def _tekst(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RegisterOngeldig(
            [Fout(0, "", f"het bestand is geen UTF-8-tekst (byte {error.start}).")]
        ) from None


def _delimiter(kop: str) -> str:
    try:
        return csv.Sniffer().sniff(kop, delimiters=";,").delimiter
    except csv.Error:
        return ";" if kop.count(";") >= kop.count(",") else ","


def _kolommen(kop: list[str], regel: int) -> tuple[dict[str, int], list[Fout]]:
    """The index of each known column, and the problems of the header. Where an export has more
    than one variant (e.g. "GEMMA status" and "SWC status"), the first of :data:`KOPNAMEN` wins."""
    normaal = [" ".join(naam.strip().lower().split()) for naam in kop]
    posities: dict[str, int] = {}
    fouten = []
    for veld, namen in KOPNAMEN.items():
        for naam in namen:
            varianten = {naam.lower(), naam.lower().replace(" ", "-")}
            gevonden = [index for index, kopnaam in enumerate(normaal) if kopnaam in varianten]
            if len(gevonden) > 1:
                fouten.append(Fout(regel, kop[gevonden[0]].strip(), f"komt {len(gevonden)} keer voor."))
            if gevonden:
                posities[veld] = gevonden[0]
                break
        else:
            if veld in VERPLICHT:
                fouten.append(
                    Fout(regel, "", f"kolom ontbreekt: {' of '.join(repr(naam) for naam in namen)}.")
                )
    return posities, fouten


def _status(waarde: str) -> str | None:
    tekst = " ".join(waarde.strip().lower().replace("_", " ").split())
    return STATUSSEN.get(tekst)


def _uri(waarde: str) -> bool:
    return bool(re.match(r"^https?://[^\s/]+\S*$", waarde)) and len(waarde) <= URI_MAX


def parse_referentiecomponenten(data: bytes | str) -> list[Rij]:
    """The rows of a GEMMA export, or :class:`RegisterOngeldig` with every problem."""
    tekst = _tekst(data)
    if not tekst.strip():
        raise RegisterOngeldig([Fout(0, "", "het bestand is leeg.")])
    # Lines starting with "#" before the header are comments (the demo's file explains itself).
    regels = tekst.splitlines(keepends=True)
    commentaar = next(
        (index for index, tekstregel in enumerate(regels) if not tekstregel.startswith("#")), len(regels)
    )
    tekst = "".join(regels[commentaar:])
    if not tekst.strip():
        raise RegisterOngeldig([Fout(0, "", "het bestand is leeg.")])
    reader = csv.reader(io.StringIO(tekst, newline=""), delimiter=_delimiter(regels[commentaar]))
    try:
        kop = next(reader)
    except csv.Error as error:
        raise RegisterOngeldig([Fout(commentaar + 1, "", f"onleesbare kopregel ({error}).")]) from None
    posities, fouten = _kolommen(kop, commentaar + 1)
    if fouten:
        raise RegisterOngeldig(fouten)

    rijen: list[Rij] = []
    eerder_id: dict[str, int] = {}
    eerder_uri: dict[str, int] = {}
    regel = commentaar + reader.line_num + 1
    while True:
        try:
            velden = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            fouten.append(Fout(regel, "", f"onleesbare regel ({error})."))
            break
        start, regel = regel, commentaar + reader.line_num + 1
        if not any(veld.strip() for veld in velden):
            continue  # an empty line (often the last one)
        if len(velden) > len(kop):
            fouten.append(Fout(start, "", f"{len(velden)} velden, de kopregel heeft er {len(kop)}."))
            continue
        rij, rijfouten = _rij(start, kop, posities, velden)
        fouten += rijfouten
        if rij is None:
            continue
        for eerder, sleutel, kolom in ((eerder_id, rij.gemma_id, "gemma_id"), (eerder_uri, rij.uri, "uri")):
            if sleutel in eerder:
                naam = kop[posities[kolom]].strip() if kolom in posities else "URI"
                fouten.append(Fout(start, naam, f"{sleutel} staat al op regel {eerder[sleutel]}."))
            eerder.setdefault(sleutel, start)
        rijen.append(rij)
    if fouten:
        raise RegisterOngeldig(fouten)
    if not rijen:
        raise RegisterOngeldig([Fout(0, "", "het bestand heeft geen referentiecomponenten.")])
    return rijen


def _rij(regel: int, kop: list[str], posities: dict[str, int], velden: list[str]):
    """One row as a :class:`Rij` (``None`` if it has problems) and its problems."""

    def waarde(veld: str) -> str:
        index = posities.get(veld)
        return velden[index].strip() if index is not None and index < len(velden) else ""

    def kolom(veld: str) -> str:
        return kop[posities[veld]].strip()

    fouten = []
    gemma_id = waarde("gemma_id").lower()
    if not gemma_id:
        fouten.append(Fout(regel, kolom("gemma_id"), "leeg."))
    elif not GEMMA_ID.match(gemma_id):
        fouten.append(Fout(regel, kolom("gemma_id"), f"{gemma_id!r} is geen GEMMA-id (id-<uuid>)."))
    naam = " ".join(waarde("naam").split())
    if not naam:
        fouten.append(Fout(regel, kolom("naam"), "leeg."))
    elif len(naam) > NAAM_MAX:
        fouten.append(Fout(regel, kolom("naam"), f"langer dan {NAAM_MAX} tekens."))
    beschrijving = waarde("beschrijving")
    if len(beschrijving) > BESCHRIJVING_MAX:
        fouten.append(Fout(regel, kolom("beschrijving"), f"langer dan {BESCHRIJVING_MAX} tekens."))
    status = _status(waarde("status"))
    if status is None:
        fouten.append(
            Fout(
                regel,
                kolom("status"),
                f"onbekende status {waarde('status')!r} (In gebruik, In ontwikkeling of Teruggetrokken).",
            )
        )
    uri = waarde("uri") or (URI_TEMPLATE.format(gemma_id=gemma_id) if gemma_id else "")
    if waarde("uri") and not _uri(uri):
        fouten.append(Fout(regel, kolom("uri"), f"{uri!r} is geen http(s)-URL."))
    if fouten:
        return None, fouten
    return Rij(gemma_id=gemma_id, naam=naam, beschrijving=beschrijving, status=str(status), uri=uri), []
