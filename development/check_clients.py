"""Generate Python clients from both OpenAPI documents and type-check the example programs with them.

python -m development.check_clients

1. openapi-python-client generates `catalogus_client` and `bestellingen_client` from api-spec/
   into .cache/clients/ (settings: development/openapi-python-client.yaml). Any warning fails
   the check: the generator warns about a part of the contract it cannot express, and the
   client it writes then silently lacks that part.
2. The example programs in docs/examples/ may not use `cast`, `Any` or `type: ignore`: they
   show what the generated types give a client, without escape hatches.
3. `mypy --strict` type-checks the example programs against the generated clients.
"""

from __future__ import annotations

import ast
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APIS = ("catalogus", "bestellingen")
CLIENTS = ROOT / ".cache" / "clients"
CONFIG = ROOT / "development" / "openapi-python-client.yaml"
EXAMPLES = ROOT / "docs" / "examples"
FORBIDDEN_NAMES = {"cast", "Any"}
TYPE_IGNORE = re.compile(r"type:\s*ignore")
STAMP = ".generated-from"


def package_name(api: str) -> str:
    return f"{api}_client"


def _tool(name: str) -> str:
    """A console script of the virtualenv this Python runs in."""
    return str(Path(sys.executable).parent / name)


def _fingerprint(document: Path, config: Path) -> str:
    digest = hashlib.sha256(document.read_bytes())
    digest.update(config.read_bytes())
    return digest.hexdigest()


def generate(document: Path, output: Path, config: Path = CONFIG) -> list[str]:
    """Generate the client package ``output`` from ``document``; the generator's complaints.

    openapi-python-client prints only ``Generating <path>`` when it understood everything;
    every other line it prints is a warning or an error.
    """
    shutil.rmtree(output, ignore_errors=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [
            _tool("openapi-python-client"),
            "generate",
            "--path",
            str(document),
            "--config",
            str(config),
            "--meta",
            "none",
            "--output-path",
            str(output),
            "--fail-on-warning",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1", "TERM": "dumb"},
    )
    lines = (result.stdout + result.stderr).splitlines()
    complaints = [line for line in lines if line.strip() and not line.startswith("Generating ")]
    if result.returncode != 0 and not complaints:
        complaints = [f"openapi-python-client exited with status {result.returncode}"]
    if not complaints:
        (output / STAMP).write_text(_fingerprint(document, config))
    return complaints


def ensure_clients(clients: Path = CLIENTS) -> Path:
    """The generated client packages, generated again when missing or older than the documents."""
    for api in APIS:
        document = ROOT / "api-spec" / f"{api}.yaml"
        output = clients / package_name(api)
        stamp = output / STAMP
        if stamp.exists() and stamp.read_text() == _fingerprint(document, CONFIG):
            continue
        complaints = generate(document, output)
        if complaints:
            raise RuntimeError(f"openapi-python-client on {document}:\n" + "\n".join(complaints))
    return clients


def forbidden_constructs(path: Path) -> list[str]:
    """``cast``, ``Any`` (as a name or attribute, however imported) and ``type: ignore`` comments."""
    source = path.read_text()
    found = []
    for node in ast.walk(ast.parse(source, filename=str(path))):
        names = []
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
        elif isinstance(node, ast.ImportFrom | ast.Import):
            names.extend(alias.name.rsplit(".", 1)[-1] for alias in node.names)
        found.extend(
            f"{path}:{node.lineno}: {name}"
            for name in names
            if name in FORBIDDEN_NAMES and hasattr(node, "lineno")
        )
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT and TYPE_IGNORE.search(token.string):
            found.append(f"{path}:{token.start[0]}: type: ignore")
    return sorted(set(found))


def type_check(paths: list[Path], clients: Path = CLIENTS) -> int:
    """mypy --strict on ``paths`` with the generated clients importable; its exit status."""
    result = subprocess.run(
        [
            _tool("mypy"),
            "--strict",
            "--cache-dir",
            str(ROOT / ".cache" / "mypy"),
            *(str(path) for path in paths),
        ],
        env={**os.environ, "MYPYPATH": str(clients)},
        check=False,
    )
    return result.returncode


def main() -> int:
    failed = False
    for api in APIS:
        document = ROOT / "api-spec" / f"{api}.yaml"
        complaints = generate(document, CLIENTS / package_name(api))
        if complaints:
            print("\n".join(complaints))
            print(f"openapi-python-client warned about api-spec/{api}.yaml (see above)")
            failed = True
        else:
            print(f"api-spec/{api}.yaml: {package_name(api)} generated without warnings")
    if failed:
        return 1

    examples = sorted(EXAMPLES.glob("*.py"))
    if not examples:
        print(f"no example programs in {EXAMPLES.relative_to(ROOT)}")
        return 1
    forbidden = [line for path in examples for line in forbidden_constructs(path)]
    if forbidden:
        print("\n".join(forbidden))
        print("the examples may not use cast, Any or type: ignore")
        return 1
    if type_check(examples) != 0:
        print("mypy --strict: the examples do not type-check against the generated clients")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
