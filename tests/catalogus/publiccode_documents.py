"""The publiccode.yml documents the tests read (in publiccode/), the official schema they are
checked against, and the suppliers they name."""

import functools
import json
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema

from softwarebroker.catalogus.models import Softwarepakket
from tests.catalogus.factories import LeverancierFactory

FIXTURES = Path(__file__).parent / "publiccode"
DOCUMENTS = sorted(path.name for path in FIXTURES.glob("*.yml"))
REPO = Path(__file__).resolve().parents[2]
# The official schema as kept beside the project; a clone on its own downloads it once.
SHARED_SCHEMA = REPO.parent / "shared" / "standards" / "publiccode" / "publiccode_schema.json"
CACHED_SCHEMA = REPO / ".cache" / "publiccode-schema.json"
SCHEMA_URL = "https://json.schemastore.org/publiccode.json"


@functools.cache
def official_schema() -> dict:
    if SHARED_SCHEMA.exists():
        return json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))
    if not CACHED_SCHEMA.exists():
        CACHED_SCHEMA.parent.mkdir(exist_ok=True)
        with urllib.request.urlopen(SCHEMA_URL, timeout=30) as response:
            CACHED_SCHEMA.write_bytes(response.read())
    return json.loads(CACHED_SCHEMA.read_text(encoding="utf-8"))


def _is_uri(value) -> bool:
    # jsonschema only checks "uri" with optional packages installed; this is enough for our URLs.
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


def schema_errors(document: dict) -> list[str]:
    """Problems of the document against the official schema, formats included."""
    schema = official_schema()
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(_is_uri)
    validator = jsonschema.validators.validator_for(schema)(schema, format_checker=checker)
    # Through JSON, as a publiccode parser sees YAML dates: as text.
    document = json.loads(json.dumps(document, default=str))
    return [
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
        for error in validator.iter_errors(document)
    ]


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def delete(pakket: Softwarepakket) -> None:
    pakket.versies.all().delete()
    pakket.delete()


def owners() -> None:
    """The suppliers the fixtures name as copyright or repository owner."""
    for naam in ("Stichting Zaakvlot", "Formulierenfabriek B.V.", "Samenwerkingsverband Archiefkast"):
        LeverancierFactory(naam=naam)
