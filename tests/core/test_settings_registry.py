import os
import subprocess
import sys
from pathlib import Path

import pytest

import softwarebroker
from softwarebroker.conf.environment import REGISTRY, Variable, env
from softwarebroker.core.management.commands.generate_configuration_docs import TARGET, render

SRC = Path(softwarebroker.__file__).resolve().parent.parent


def test_configuration_docs_are_current():
    assert TARGET.read_text() == render()


def test_every_variable_is_documented_in_the_page():
    page = render()
    for name, variable in REGISTRY.items():
        assert f"`{name}`" in page
        assert variable.help


@pytest.mark.parametrize(
    ("type_", "raw", "expected"),
    [
        ("int", "42", 42),
        ("bool", "ja", True),
        ("bool", "0", False),
        ("list", "a, b,,c", ["a", "b", "c"]),
        ("str", "x", "x"),
    ],
)
def test_parsing(type_, raw, expected):
    assert Variable("X", type_, None, "help", "groep").parse(raw) == expected


def test_invalid_boolean_is_refused():
    with pytest.raises(ValueError, match="boolean"):
        Variable("X", "bool", False, "help", "groep").parse("misschien")


def test_env_reads_the_environment(monkeypatch):
    monkeypatch.setenv("API_PAGE_SIZE", "7")
    assert env("API_PAGE_SIZE") == 7
    monkeypatch.delenv("API_PAGE_SIZE")
    assert env("API_PAGE_SIZE") == 20


def test_secret_defaults_are_not_printed():
    assert "dev-only" not in render()


def settings_value(settings_module: str, expression: str) -> str:
    """Evaluate ``expression`` against a settings module in a fresh interpreter (as `make run`
    and the container load them), so this test process's settings stay as they are."""
    environment = {
        **os.environ,
        "PYTHONPATH": str(SRC),
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": "postgresql://unused@localhost/unused",
    }
    environment.pop("DATABASE_CONN_MAX_AGE", None)
    script = f"from django.conf import settings; print({expression})"
    result = subprocess.run(
        [sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_the_development_server_closes_database_connections_after_each_request():
    # runserver has a thread per connection; connections kept open after their thread ended
    # piled up until PostgreSQL refused new clients. Elsewhere the registered default holds.
    conn_max_age = "settings.DATABASES['default']['CONN_MAX_AGE']"

    assert settings_value("softwarebroker.conf.dev", conn_max_age) == "0"
    assert REGISTRY["DATABASE_CONN_MAX_AGE"].default == 60
    assert settings_value("softwarebroker.conf.base", conn_max_age) == "60"
