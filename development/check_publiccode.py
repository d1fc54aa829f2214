"""Validate the project's publiccode.yml against the publiccode.yml JSON Schema.

python -m development.check_publiccode SCHEMA.json publiccode.yml
"""

from __future__ import annotations

import json
import sys

import jsonschema
import yaml


def main(schema_path: str, document_path: str) -> int:
    with open(schema_path) as schema_file:
        schema = json.load(schema_file)
    with open(document_path) as document_file:
        document = yaml.safe_load(document_file)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    for error in errors:
        location = "/".join(str(part) for part in error.absolute_path) or "(root)"
        print(f"{document_path}: {location}: {error.message}")
    if errors:
        return 1
    print(f"{document_path} is valid against {schema_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
