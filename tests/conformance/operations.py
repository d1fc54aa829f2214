"""Every operation of both OpenAPI documents, as data for parametrised tests."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from softwarebroker.api.definitions import APIS, APIDefinition
from softwarebroker.api.openapi import generate_schema

METHODS = ("get", "post", "put", "patch", "delete")


@dataclass(frozen=True)
class Operation:
    api: APIDefinition
    path: str  # as in the document, e.g. /categorieen/{uuid}
    method: str
    operation: dict

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.api.base_path}{self.path}"

    @property
    def is_detail(self) -> bool:
        return self.path.endswith("}")

    @property
    def collection(self) -> str:
        """The collection path: the path without the object's own identifier."""
        return self.path.rsplit("/", 1)[0] if self.is_detail else self.path

    @property
    def parent_collection(self) -> str | None:
        return self.collection.rsplit("/", 1)[0].rsplit("/", 1)[0] if "{" in self.collection else None

    @property
    def has_path_parameters(self) -> bool:
        return "{" in self.path

    @property
    def has_body(self) -> bool:
        return "requestBody" in self.operation

    @property
    def request_media_type(self) -> str:
        return next(iter(self.operation.get("requestBody", {}).get("content", {"application/json": None})))

    @property
    def is_list(self) -> bool:
        return self.operation["operationId"].endswith("_list")

    def url(self, *identifiers) -> str:
        """The URL with the placeholders filled in order; random UUIDs for missing ones."""
        values = iter(identifiers)
        path = re.sub(r"\{[^}]+\}", lambda _: str(next(values, None) or uuid.uuid4()), self.path)
        return f"{self.api.base_path}{path}"

    def component(self, schema: dict) -> dict:
        """``schema``, or the component it refers to (``{"$ref": "#/components/schemas/..."}``)."""
        if "$ref" not in schema:
            return schema
        return generate_schema(self.api)["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]

    @property
    def documented_statuses(self) -> set[str]:
        return set(self.operation["responses"])


def all_operations() -> list[Operation]:
    operations = []
    for api in APIS:
        document = generate_schema(api)
        for path, item in document["paths"].items():
            for method in METHODS:
                if method in item:
                    operations.append(Operation(api, path, method, item[method]))
    return operations


def all_paths() -> list[tuple[APIDefinition, str, set[str]]]:
    result = []
    for api in APIS:
        for path, item in generate_schema(api)["paths"].items():
            result.append((api, path, {method for method in METHODS if method in item}))
    return result


OPERATIONS = all_operations()
PATHS = all_paths()
