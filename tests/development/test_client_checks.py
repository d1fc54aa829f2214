"""The checks `make check-clients` and `make haal-centraal-lint` run can fail."""

import textwrap
from collections import Counter
from pathlib import Path

import yaml

from development import check_clients, check_haal_centraal

ROOT = Path(__file__).resolve().parents[2]


def tiny_document(media_type: str) -> dict:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Klein", "version": "1.0.0"},
        "paths": {
            "/dingen": {
                "get": {
                    "operationId": "dingen_list",
                    "responses": {
                        "200": {
                            "description": "De dingen.",
                            "content": {media_type: {"schema": {"type": "object", "properties": {}}}},
                        }
                    },
                }
            }
        },
    }


def test_a_generator_warning_fails_the_generation(tmp_path):
    document = tmp_path / "klein.yaml"

    document.write_text(yaml.safe_dump(tiny_document("application/json")))
    assert check_clients.generate(document, tmp_path / "klein_client") == []
    assert (tmp_path / "klein_client" / "api" / "default" / "dingen_list.py").exists()

    document.write_text(yaml.safe_dump(tiny_document("application/xml")))
    complaints = check_clients.generate(document, tmp_path / "klein_client")
    assert any("Unsupported content_type application/xml" in line for line in complaints)


def test_the_examples_may_not_use_cast_any_or_type_ignore(tmp_path):
    example = tmp_path / "voorbeeld.py"
    example.write_text(
        textwrap.dedent(
            '''
            """Any offer will do: cast your vote."""
            import typing
            from typing import Any, cast as vorm

            def f(x: object) -> int:
                y: typing.Any = x
                return vorm(int, y)  # type: ignore[no-any-return]
            '''
        )
    )

    found = check_clients.forbidden_constructs(example)

    assert found == [
        f"{example}:4: Any",
        f"{example}:4: cast",
        f"{example}:7: Any",
        f"{example}:8: type: ignore",
    ]
    assert check_clients.forbidden_constructs(ROOT / "docs" / "examples" / "order_flow.py") == []


GUIDE = """# API guide

### Haal Centraal's Spectral rules

| rule | catalogus | bestellingen | why it remains |
| --- | ---: | ---: | --- |
| `too-much-information` | 3 | 1 | Because. |
| `operation-tag-defined` | 2 | 0 | Because. |

## Next
| `not-in-the-table` | 9 | 9 | Below the next heading. |
"""


def test_the_haal_centraal_warnings_must_match_the_table():
    columns, listed = check_haal_centraal.listed(GUIDE)

    assert columns == ["catalogus", "bestellingen"]
    assert listed == {
        ("too-much-information", "catalogus"): 3,
        ("too-much-information", "bestellingen"): 1,
        ("operation-tag-defined", "catalogus"): 2,
        ("operation-tag-defined", "bestellingen"): 0,
    }
    found = Counter({("too-much-information", "catalogus"): 3, ("too-much-information", "bestellingen"): 1})
    found[("operation-tag-defined", "catalogus")] = 2
    assert check_haal_centraal.compare(found, listed) == []

    found[("operation-tag-defined", "catalogus")] = 0
    found[("schema-names-pascal-case", "bestellingen")] = 1
    assert check_haal_centraal.compare(found, listed) == [
        "operation-tag-defined on catalogus: 0 warning(s), the API guide lists 2",
        "schema-names-pascal-case on bestellingen: 1 warning(s), the API guide lists 0",
    ]
