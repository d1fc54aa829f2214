"""Spectral with Haal Centraal's own ruleset on the OpenAPI documents.

python -m development.check_haal_centraal RULESET GUIDE.md DOCUMENT.yaml...

No errors, and exactly the warnings the table under "Haal Centraal's Spectral rules" in the API
guide lists, per rule and document, each with the reason it remains. A new warning, or one that
went away, fails the check until the table says so.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

HEADING = "### Haal Centraal's Spectral rules"
SEVERITIES = {0: "error", 1: "warning", 2: "info", 3: "hint"}
ROW = re.compile(r"^\|\s*`(?P<rule>[^`]+)`\s*\|(?P<rest>.*)\|\s*$")


def lint(ruleset: str, document: str) -> list[dict]:
    """Spectral's findings on ``document`` (its JSON output)."""
    result = subprocess.run(
        [
            "npx",
            "--no-install",
            "spectral",
            "lint",
            "--quiet",
            "--format",
            "json",
            "--ruleset",
            ruleset,
            document,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if "Error running Spectral" in result.stdout + result.stderr:
        # A crashed run reports nothing: never read that as "no warnings".
        raise SystemExit(f"spectral crashed on {document}:\n{result.stdout}{result.stderr}")
    try:
        return json.loads(result.stdout or "[]")
    except json.JSONDecodeError as error:
        raise SystemExit(
            f"spectral on {document} did not answer JSON:\n{result.stdout}{result.stderr}"
        ) from error


def listed(guide: str) -> tuple[list[str], dict[tuple[str, str], int]]:
    """The documents (columns) and the warnings per (rule, document) the guide's table lists."""
    lines = guide.splitlines()
    try:
        start = lines.index(HEADING)
    except ValueError:
        raise SystemExit(f"no section {HEADING!r} in the API guide") from None
    columns: list[str] = []
    counts: dict[tuple[str, str], int] = {}
    for line in lines[start + 1 :]:
        if line.startswith("#"):
            break
        if not columns and line.startswith("| rule |"):
            columns = [cell.strip() for cell in line.strip("|").split("|")][1:-1]
            continue
        match = ROW.match(line)
        if match and columns:
            cells = [cell.strip() for cell in match["rest"].split("|")]
            for document, cell in zip(columns, cells, strict=False):
                counts[(match["rule"], document)] = int(cell or 0)
    return columns, counts


def compare(found: Counter, expected: dict[tuple[str, str], int]) -> list[str]:
    """The differences between the warnings found and those listed, as messages."""
    problems = []
    for key in sorted(set(found) | set(expected)):
        rule, document = key
        have, want = found.get(key, 0), expected.get(key, 0)
        if have != want:
            problems.append(f"{rule} on {document}: {have} warning(s), the API guide lists {want}")
    return problems


# Haal Centraal's rule looks for query parameters anywhere (``$..parameters``) and crashes Spectral
# on the first ``null`` literal of a document (``enum: [null]`` of a nullable reference, a null
# example). The same rule, applied where parameters are: the operations and the shared ones.
QUERY_PARAMETER_RULE = {
    "description": "Query parameter names MUST be written in camelCase",
    "message": "{{value}} is niet camelCase: {{error}}",
    "severity": "warn",
    "given": [
        '$.paths[*].parameters[?(@.in == "query")]',
        '$.paths[*][*].parameters[?(@.in == "query")]',
        '$.components.parameters[?(@.in == "query")]',
    ],
    "then": {"field": "name", "function": "casing", "functionOptions": {"type": "camel"}},
}


def with_fixed_rules(ruleset: str) -> str:
    """A ruleset extending ``ruleset`` with the query parameter rule that does not crash."""
    local = Path(".cache/haal-centraal-local.json")
    local.parent.mkdir(parents=True, exist_ok=True)
    local.write_text(
        json.dumps(
            {
                "extends": [str(Path(ruleset).resolve())],
                "rules": {"query-parameter-names-camel-case": QUERY_PARAMETER_RULE},
            }
        )
    )
    return str(local)


def main(ruleset: str, guide_path: str, *documents: str) -> int:
    ruleset = with_fixed_rules(ruleset)
    columns, expected = listed(Path(guide_path).read_text())
    found: Counter = Counter()
    errors = []
    for document in documents:
        name = Path(document).stem
        if name not in columns:
            print(f"{guide_path}: the table under {HEADING!r} has no column {name!r}")
            return 1
        for result in lint(ruleset, document):
            severity = SEVERITIES.get(result.get("severity"), "?")
            if severity == "error":
                location = "/".join(str(part) for part in result.get("path", []))
                errors.append(f"{document}: {result['code']}: {result['message']} ({location})")
            elif severity == "warning":
                found[(result["code"], name)] += 1
    for error in errors:
        print(error)
    problems = compare(found, expected)
    for problem in problems:
        print(problem)
    if errors or problems:
        print(
            f"Haal Centraal's Spectral rules: update the code or the table under {HEADING!r} in {guide_path}"
        )
        return 1
    total = sum(found.values())
    print(f"Haal Centraal's Spectral rules: 0 errors, {total} warnings, each listed in {guide_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
