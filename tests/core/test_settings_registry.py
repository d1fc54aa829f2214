import pytest

from softwarebroker.conf.environment import REGISTRY, Variable, env
from softwarebroker.core.management.commands.generate_configuration_docs import TARGET, render


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
