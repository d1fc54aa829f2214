"""Check the Helm chart offline: lint, values schema, rendering and Kubernetes schemas.

python -m development.check_chart helm/softwarebroker

The chart is checked with its default values and with every ``ci/*-values.yaml`` file in it
(Helm's convention for test values). For each of those it

1. lints the chart as ``helm lint --strict`` does, so warnings fail too;
2. validates the values, merged with the defaults, against ``values.schema.json`` with
   jsonschema, independently of Helm's own validator;
3. renders the templates as ``helm template`` does;
4. validates every rendered object against the Kubernetes OpenAPI schemas in strict mode
   (unknown fields fail), for each version in KUBERNETES_VERSIONS.

It also checks that the chart's README.md documents every value of values.yaml, and no value
that does not exist, and that values.schema.json allows exactly the application's non-secret
environment variables as settings.

Helm runs in-process through its Go SDK, so no helm binary, cluster or network is needed.
Exits 1 when anything fails.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import helm_python as helm
import jsonschema
import kubernetes_validate
import yaml
from kubernetes_validate.utils import VersionNotSupportedError

# The oldest version the chart supports and the newest the schemas cover: an API removed or
# a field added in between shows up in one of the two.
KUBERNETES_VERSIONS = ("1.31", "1.37")
RELEASE_NAME = "softwarebroker"
NAMESPACE = "softwarebroker"
# Helm's lint severities: 1 is informational ("icon is recommended"), 2 a warning, 3 an error.
LINT_WARNING = 2


# Values passed on as a whole (to the application or to Kubernetes), which README.md may
# document in one row: the settings are the variables of docs/configuration.md.
DOCUMENTED_AS_A_WHOLE = {"settings", "podSecurityContext", "securityContext"}
README_KEY = re.compile(r"`([A-Za-z][\w.]*)`")


@dataclass
class Result:
    """What one values file produced: its problems and the number of objects validated."""

    name: str
    problems: list[str] = field(default_factory=list)
    manifests: int = 0


def value_files(chart_dir: Path) -> list[Path | None]:
    """The chart's defaults (None) followed by each ci/*-values.yaml file, in name order."""
    return [None, *sorted((chart_dir / "ci").glob("*-values.yaml"))]


def load_values(path: Path | None) -> dict[str, Any] | None:
    # Helm's own YAML parser, so values mean here what they mean at install time.
    return None if path is None else helm.values_from_yaml(path.read_text())


def lint(chart_dir: Path, values: dict[str, Any] | None) -> list[str]:
    problems: set[str] = set()
    for version in KUBERNETES_VERSIONS:
        report = helm.lint(chart_dir, values, strict=True, kube_version=f"v{version}.0")
        messages = [message for message in report["messages"] if message["severity"] >= LINT_WARNING]
        problems.update(f"lint: {message['path']}: {message['error'].strip()}" for message in messages)
        # Errors that did not come with a message of their own.
        reported = {message["error"] for message in report["messages"]}
        problems.update(f"lint: {error.strip()}" for error in report["errors"] if error not in reported)
    return sorted(problems)


def check_values_schema(chart: helm.Chart, values: dict[str, Any] | None) -> list[str]:
    schema = chart.schema
    if schema is None:
        return ["values.schema.json is missing"]
    validator_class = jsonschema.validators.validator_for(schema)
    try:
        validator_class.check_schema(schema)
    except jsonschema.SchemaError as error:
        return [f"values.schema.json is not a valid schema: {error.message}"]
    merged = chart.merge_values(values)
    return [
        f"values schema: {'/'.join(str(part) for part in error.absolute_path) or '(root)'}: {error.message}"
        for error in validator_class(schema).iter_errors(merged)
    ]


def render(chart: helm.Chart, values: dict[str, Any] | None) -> dict[str, str]:
    return chart.render(values, name=RELEASE_NAME, namespace=NAMESPACE)


def parse_manifests(rendered: dict[str, str]) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    """Every Kubernetes object in the rendered templates, with the template it came from."""
    objects: list[tuple[str, dict[str, Any]]] = []
    problems: list[str] = []
    for source, text in sorted(rendered.items()):
        if not source.endswith((".yaml", ".yml")):
            continue  # NOTES.txt is shown to the user, not applied
        try:
            documents = [document for document in yaml.safe_load_all(text) if document is not None]
        except yaml.YAMLError as error:
            problems.append(f"{source}: not valid YAML: {error}")
            continue
        for document in documents:
            if isinstance(document, dict) and "apiVersion" in document and "kind" in document:
                objects.append((source, document))
            else:
                problems.append(f"{source}: a document without apiVersion and kind")
    return objects, problems


def describe(document: dict[str, Any]) -> str:
    name = (document.get("metadata") or {}).get("name", "?")
    return f"{document['kind']}/{name}"


def validate_object(source: str, document: dict[str, Any], version: str) -> str | None:
    """Strict validation: unknown fields fail, and so does a kind the schemas do not know."""
    where = f"{source}: {describe(document)} (Kubernetes {version})"
    try:
        kubernetes_validate.validate(document, version, strict=True)
    except kubernetes_validate.ValidationError as error:
        path = ".".join(str(part) for part in error.path) or "(root)"
        return f"{where}: {path}: {error.message}"
    except (kubernetes_validate.SchemaNotFoundError, kubernetes_validate.InvalidSchemaError) as error:
        return f"{where}: {error.message}"
    except VersionNotSupportedError as error:
        return f"{where}: {error.message}"
    return None


def duplicates(objects: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Two objects of one kind and name would collide at install time."""
    counts = Counter(describe(document) for _, document in objects)
    return [f"{key} is rendered {count} times" for key, count in sorted(counts.items()) if count > 1]


def check_rendered(rendered: dict[str, str]) -> tuple[int, list[str]]:
    """The number of objects rendered, and every problem found in them."""
    objects, problems = parse_manifests(rendered)
    problems += duplicates(objects)
    for source, document in objects:
        for version in KUBERNETES_VERSIONS:
            problem = validate_object(source, document, version)
            if problem:
                problems.append(problem)
    return len(objects), problems


def check_settings(values: dict[str, Any], *, complete: bool) -> list[str]:
    """``settings`` are the application's environment variables: none may be invented, none
    secret (those belong in the Secret), and the defaults list every one (so an operator finds
    each of them in values.yaml)."""
    from softwarebroker.conf import variables  # noqa: F401 - registers the variables
    from softwarebroker.conf.environment import REGISTRY

    settings = set(values.get("settings") or {})
    problems = [
        f"settings.{name}: not a variable the application reads" for name in sorted(settings - set(REGISTRY))
    ]
    problems += [
        f"settings.{name}: a secret, set it in secrets"
        for name in sorted(settings)
        if name in REGISTRY and REGISTRY[name].secret
    ]
    if complete:
        missing = sorted(
            name for name, variable in REGISTRY.items() if not variable.secret and name not in settings
        )
        problems += [f"settings: {name} is missing from the defaults" for name in missing]
    return problems


def value_keys(values: dict[str, Any], prefix: str = "") -> list[str]:
    """Every key of the values, as dotted paths, parents before their children."""
    keys = []
    for key, value in values.items():
        path = f"{prefix}{key}"
        keys.append(path)
        if isinstance(value, dict):
            keys += value_keys(value, f"{path}.")
    return keys


def leaf_keys(values: dict[str, Any], prefix: str = "") -> list[str]:
    """The keys that hold a value of their own: not a non-empty mapping."""
    leaves = []
    for key, value in values.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and value:
            leaves += leaf_keys(value, f"{path}.")
        else:
            leaves.append(path)
    return leaves


def readme_keys(readme: str) -> set[str]:
    """The keys in the first column of the README's tables."""
    keys = set()
    for line in readme.splitlines():
        cells = line.strip().split("|")
        if len(cells) > 2 and line.strip().startswith("|"):
            keys.update(README_KEY.findall(cells[1]))
    return keys


def _documented_by(leaf: str) -> list[str]:
    """The README keys that document a leaf: the leaf itself, or a value passed as a whole."""
    parts = leaf.split(".")
    ancestors = [".".join(parts[:end]) for end in range(1, len(parts))]
    return [leaf] + [key for key in ancestors if key in DOCUMENTED_AS_A_WHOLE or key.endswith(".resources")]


def check_readme(chart_dir: Path) -> Result:
    result = Result("README.md")
    values = load_values(chart_dir / "values.yaml") or {}
    readme_path = chart_dir / "README.md"
    documented = readme_keys(readme_path.read_text()) if readme_path.is_file() else set()
    result.problems += [
        f"the value {leaf} is not documented (no table row starts with `{leaf}`)"
        for leaf in leaf_keys(values)
        if not any(key in documented for key in _documented_by(leaf))
    ]
    existing = set(value_keys(values))
    result.problems += [
        f"documents {key}, which values.yaml does not have" for key in sorted(documented - existing)
    ]
    return result


def check_schema_settings(schema: dict[str, Any]) -> list[str]:
    """The schema names the settings an install may set, so `helm install` refuses a misspelt
    one; that list must be exactly the application's non-secret variables."""
    from softwarebroker.conf import variables  # noqa: F401 - registers the variables
    from softwarebroker.conf.environment import REGISTRY

    allowed = set(schema["properties"]["settings"].get("propertyNames", {}).get("enum", []))
    expected = {name for name, variable in REGISTRY.items() if not variable.secret}
    return [
        f"values.schema.json: settings may not be {name}, which the application does not read"
        for name in sorted(allowed - expected)
    ] + [
        f"values.schema.json: settings must allow {name}, a variable of the application"
        for name in sorted(expected - allowed)
    ]


def check_value_file(chart_dir: Path, chart: helm.Chart, path: Path | None) -> Result:
    result = Result("values.yaml" if path is None else str(path.relative_to(chart_dir)))
    try:
        values = load_values(path)
    except helm.HelmError as error:
        result.problems.append(f"not a values file: {error}")
        return result
    result.problems += lint(chart_dir, values)
    result.problems += check_values_schema(chart, values)
    result.problems += check_settings(chart.merge_values(values), complete=path is None)
    try:
        rendered = render(chart, values)
    except helm.HelmError as error:
        result.problems.append(f"render: {error}")
        return result
    result.manifests, problems = check_rendered(rendered)
    result.problems += problems
    return result


def report(result: Result) -> None:
    for problem in result.problems:
        print(f"  ERROR {result.name}: {problem}")
    versions = ", ".join(KUBERNETES_VERSIONS)
    status = "ok" if not result.problems else f"{len(result.problems)} problem(s)"
    print(f"{result.name}: {result.manifests} manifests validated against Kubernetes {versions}: {status}")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    chart_dir = Path(argv[0])
    started = time.monotonic()
    try:
        chart = helm.Chart.load(chart_dir)
    except helm.HelmError as error:
        print(f"ERROR {chart_dir}: {error}")
        return 1
    with chart:
        print(f"Chart {chart.name} {chart.version} (Helm SDK {helm.helm_sdk_version()})")
        results = [check_value_file(chart_dir, chart, path) for path in value_files(chart_dir)]
        chart_schema = chart.schema or {"properties": {"settings": {}}}
    for result in results:
        report(result)
    documentation = check_readme(chart_dir)
    documentation.problems += check_schema_settings(chart_schema)
    for problem in documentation.problems:
        print(f"  ERROR {documentation.name}: {problem}")
    print(
        "README.md documents every value and values.schema.json names every setting: "
        f"{'yes' if not documentation.problems else 'no'}"
    )
    failed = [result.name for result in [*results, documentation] if result.problems]
    elapsed = time.monotonic() - started
    if failed:
        print(f"Chart check failed for {', '.join(failed)} ({elapsed:.1f}s)")
        return 1
    total = sum(result.manifests for result in results)
    print(f"Chart check passed: {len(results)} value files, {total} manifests ({elapsed:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
