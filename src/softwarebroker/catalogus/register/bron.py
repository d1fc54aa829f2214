"""Reading GEMMA's export from a file or a URL, and importing it: the one code path of the
management command, the setup-configuration step and the demo."""

from __future__ import annotations

from pathlib import Path

import requests

from ..models import Referentiecomponent
from .gemma_csv import Fout, RegisterOngeldig, parse_referentiecomponenten
from .services import Resultaat, Rij, importeer_referentiecomponenten

TIMEOUT = 30  # seconds, for connecting and for each read
MAX_BYTES = 20 * 1024 * 1024  # GEMMA's export is well under 1 MB


def is_url(bron: str) -> bool:
    return bron.lower().startswith(("http://", "https://"))


def lees(bron: str | Path) -> bytes:
    """The bytes of the export at ``bron`` (a path or an http(s) URL); :class:`RegisterOngeldig`
    when it cannot be read."""
    if isinstance(bron, str) and is_url(bron):
        return _download(bron)
    try:
        return Path(bron).read_bytes()
    except OSError as error:
        raise RegisterOngeldig([Fout(0, "", f"{bron} is niet te lezen ({error.strerror}).")]) from None


def _download(url: str) -> bytes:
    try:
        with requests.get(url, timeout=TIMEOUT, stream=True) as response:
            response.raise_for_status()
            data = b""
            for chunk in response.iter_content(chunk_size=64 * 1024):
                data += chunk
                if len(data) > MAX_BYTES:
                    raise RegisterOngeldig([Fout(0, "", f"{url} is groter dan {MAX_BYTES} bytes.")])
            return data
    except requests.RequestException as error:
        raise RegisterOngeldig([Fout(0, "", f"{url} is niet op te halen ({error}).")]) from None


def importeer(*, acting, bron: str | Path) -> Resultaat:
    """Read, parse (every problem at once, nothing stored) and import the export at ``bron``."""
    rijen = parse_referentiecomponenten(lees(bron))
    _check_uris(rijen)
    return importeer_referentiecomponenten(acting=acting, rijen=rijen)


def _check_uris(rijen: list[Rij]) -> None:
    """A URI the register already has for another GEMMA id cannot be given to this one."""
    bezet = dict(
        Referentiecomponent.objects.filter(uri__in=[rij.uri for rij in rijen]).values_list("uri", "gemma_id")
    )
    fouten = [
        Fout(0, "", f"{rij.uri} hoort in het register al bij {bezet[rij.uri]}, niet bij {rij.gemma_id}.")
        for rij in rijen
        if bezet.get(rij.uri, rij.gemma_id) != rij.gemma_id
    ]
    if fouten:
        raise RegisterOngeldig(fouten)
