"""The example program in docs/examples/ walks the README's order flow through clients generated
from the two OpenAPI documents, against a live server with the demo data."""

import io
import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from development.check_clients import ROOT, ensure_clients
from softwarebroker.bestellingen.models import Bestelling

EXAMPLE = ROOT / "docs" / "examples" / "order_flow.py"


def demo_token(client_id: str, user_id: str) -> str:
    """A token as `make token CLIENT_ID=... USER_ID=...` prints it."""
    out = io.StringIO()
    call_command("generate_jwt", client_id, user_id=user_id, stdout=out)
    return out.getvalue().strip().splitlines()[-1]


@pytest.mark.django_db(transaction=True)
def test_the_order_flow_example_runs_against_a_live_server(live_server):
    clients = ensure_clients()
    call_command("load_demo_data", stdout=io.StringIO())
    before = set(Bestelling.objects.values_list("uuid", flat=True))
    env = {
        **os.environ,
        "PYTHONPATH": str(clients),
        "INKOPER_TOKEN": demo_token("voorbeeldstad-afnemer", "inkoper@voorbeeldstad.nl"),
        "BUDGETHOUDER_TOKEN": demo_token("voorbeeldstad-budgethouder", "budgethouder@voorbeeldstad.nl"),
    }

    result = subprocess.run(
        [sys.executable, str(EXAMPLE), "--base", live_server.url],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    url = result.stdout.strip().splitlines()[-1]
    bestelling = Bestelling.objects.get(uuid=url.rsplit("/", 1)[-1])
    assert bestelling.uuid not in before
    assert url == f"{live_server.url}/bestellingen/api/v1/bestellingen/{bestelling.uuid}"
    assert bestelling.besteller.naam == "Gemeente Voorbeeldstad"
    assert bestelling.status == "ingediend"
    assert list(bestelling.beoordelingen.values_list("besluit", flat=True)) == ["goedgekeurd"]
    assert bestelling.regels.get().aantal == 10
    assert "refused (400" in result.stdout
    assert "not possible (409 status_overgang)" in result.stdout
