"""The checks `make test` runs on the Dockerfile, the chart and publiccode.yml can fail."""

import json
import shutil
from pathlib import Path

import yaml

from development import check_chart, check_dockerfile, check_publiccode

ROOT = Path(__file__).resolve().parents[2]


def test_dockerfile_passes():
    assert check_dockerfile.main([str(ROOT / "Dockerfile")]) == 0


def test_chart_passes_and_an_invalid_manifest_fails(tmp_path):
    assert check_chart.main([str(ROOT / "helm" / "softwarebroker")]) == 0

    chart = tmp_path / "softwarebroker"
    shutil.copytree(ROOT / "helm" / "softwarebroker", chart)
    service = chart / "templates" / "service.yaml"
    service.write_text(service.read_text().replace("  ports:", "  portz:"))
    assert check_chart.main([str(chart)]) == 1


def test_chart_settings_must_be_variables_of_the_application(tmp_path, capsys):
    chart = tmp_path / "softwarebroker"
    shutil.copytree(ROOT / "helm" / "softwarebroker", chart)
    (chart / "ci" / "invented-values.yaml").write_text(
        "settings:\n  ALLOWED_HOSTS: x.example\n  VERZONNEN_INSTELLING: ja\n"
    )
    values = chart / "values.yaml"
    values.write_text(values.read_text().replace('  FEDERATIE_TIMEOUT: "2"\n', ""))

    assert check_chart.main([str(chart)]) == 1
    out = capsys.readouterr().out
    assert "settings.VERZONNEN_INSTELLING: not a variable the application reads" in out
    assert "FEDERATIE_TIMEOUT is missing from the defaults" in out


def test_publiccode_check_reports_missing_keys(tmp_path, capsys):
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps({"type": "object", "required": ["name", "url"]}))
    document = tmp_path / "publiccode.yml"
    document.write_text(yaml.safe_dump({"name": "x"}))

    assert check_publiccode.main(str(schema), str(document)) == 1
    assert "'url' is a required property" in capsys.readouterr().out

    document.write_text((ROOT / "publiccode.yml").read_text())
    assert check_publiccode.main(str(schema), str(document)) == 0


def test_the_docs_site_builds_and_a_broken_link_fails(tmp_path):
    import subprocess
    import sys

    # Not --quiet: it hides the warnings, and strict mode only counts warnings it sees.
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    assert subprocess.run([*mkdocs, "-d", str(tmp_path / "site")], cwd=ROOT, check=False).returncode == 0

    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    index = tmp_path / "docs" / "index.md"
    index.write_text(index.read_text() + "\nSee [nothing](bestaat-niet.md).\n")
    broken = subprocess.run([*mkdocs, "-d", str(tmp_path / "broken-site")], cwd=tmp_path, check=False)
    assert broken.returncode != 0
