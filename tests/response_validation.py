"""Every response the tests receive from the two APIs, validated against the OpenAPI documents.

Django's ``BaseHandler.get_response`` is wrapped for the whole run, so every request the
application answers in this process is seen: the test client and DRF's APIClient (the
conformance suite included), schemathesis (in-process WSGI) and the live server's thread. A
response to a request under ``/catalogus/api/v1`` or ``/bestellingen/api/v1`` is validated by
openapi-core against the operation its document declares for the path and method: the status
code, the Content-Type, the body (with format assertions: uuid, uri, date, date-time, email,
decimal, ...) and the declared headers. Requests the documents do not describe (the admin,
health, the webhook, the documentation pages, an undocumented path or method) are not
validated.

A mismatch fails the test that received the response. ``CHECK_RESPONSES=report`` lists the
mismatches at the end of the run without failing the tests (while the contract is being
changed); ``CHECK_RESPONSES=off`` does not validate. The default is ``strict``.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

import pytest
from django.core.handlers.base import BaseHandler
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.templating.paths.exceptions import PathError
from openapi_schema_validator import OAS30Validator, oas30_format_checker
from werkzeug.datastructures import Headers, ImmutableMultiDict

from tests.response_formats import FORMATS, MEDIA_TYPES

MODES = ("strict", "report", "off")
MODE = os.environ.get("CHECK_RESPONSES", "strict")
if MODE not in MODES:
    raise pytest.UsageError(f"CHECK_RESPONSES={MODE!r}: use one of {', '.join(MODES)}")

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# A JSON Schema message starts with the value; a long one (a whole body) is left out.
LONG_VALUE = re.compile(r"^.{40,}?(?= is not | is valid | for not | does not )", re.DOTALL)


@dataclass(frozen=True)
class Mismatch:
    test: str
    method: str
    path: str
    status: int
    kind: str  # what does not match: status, content-type, header, body
    detail: str
    keyword: str = ""  # the JSON Schema keyword a body fails (type, format, oneOf, required, ...)
    location: str = ""  # where in the body

    def __str__(self):
        where = f" at {self.location}" if self.location else ""
        return f"{self.method} {self.path} -> {self.status}: {self.kind}{where}: {self.detail}"


class _Request:
    """The parts of a Django request openapi-core needs to find the operation."""

    host_url = "http://testserver"  # the documents' servers are relative: the host does not matter

    def __init__(self, request):
        self.path = request.path
        self.method = request.method.lower()
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(), header=Headers(), cookie=ImmutableMultiDict(), path={}
        )
        self.content_type = ""
        self.body = b""


class _Response:
    def __init__(self, response):
        self.status_code = response.status_code
        self.data = response.content
        self.headers = Headers(list(response.headers.items()))
        self.content_type = response.get("Content-Type", "")


class _SchemaValidators:
    """openapi-core's schema validators, built once per schema of the document.

    openapi-core builds a jsonschema validator (and resolves the schema's ``$ref``s afresh) for
    every body and header it validates, twice per body; a validator holds no state between
    calls, so one per schema (and options) validates the same."""

    def __init__(self, factory):
        self.factory = factory
        self.built = {}

    def create(self, spec, schema, **options):
        key = (schema.parts, tuple((name, id(value)) for name, value in sorted(options.items())))
        validator = self.built.get(key)
        if validator is None:
            validator = self.built[key] = self.factory.create(spec, schema, **options)
        return validator


@dataclass(frozen=True)
class Document:
    """One API's OpenAPI document, as data and as openapi-core reads it."""

    data: dict
    openapi: OpenAPI
    # The path parameters' validators, by path pattern and method.
    path_parameters: dict = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, data: dict, *, check: bool = True) -> Document:
        """``check``: validate the document itself (openapi-spec-validator) first."""
        options = {} if check else {"spec_validator_cls": None}
        config = Config(
            extra_format_validators=FORMATS, extra_media_type_deserializers=MEDIA_TYPES, **options
        )
        document = cls(data, OpenAPI.from_dict(data, config=config))
        validator = document.openapi.response_validator
        validator.schema_validators_factory = _SchemaValidators(validator.schema_validators_factory)
        return document

    def find(self, request):
        """The operation the request is for: openapi-core's path, operation, server and variables."""
        return self.openapi.response_validator._find_path(request)

    def path_parameters_fit(self, found, method: str) -> bool:
        """Whether the path's variables are valid values of the operation's path parameters.

        openapi-core matches ``PUT /aanbiedingen/_zoeken`` with ``PUT /aanbiedingen/{uuid}``; a
        request whose ``{uuid}`` is no UUID is not a request for that operation.
        """
        pattern = found.path_result.pattern
        validators = self.path_parameters.get((pattern, method))
        if validators is None:
            validators = self.path_parameters[(pattern, method)] = self._path_parameters(pattern, method)
        variables = found.path_result.variables or {}
        return all(validator.is_valid(variables.get(name)) for name, validator in validators)

    def _path_parameters(self, pattern: str, method: str) -> list[tuple[str, OAS30Validator]]:
        path_item = self.data["paths"][pattern]
        operation = path_item.get(method, {})
        validators = []
        for parameter in [*path_item.get("parameters", []), *operation.get("parameters", [])]:
            if "$ref" in parameter:
                parameter = self.data["components"]["parameters"][parameter["$ref"].rsplit("/", 1)[-1]]
            if parameter["in"] == "path":
                schema = OAS30Validator(parameter["schema"], format_checker=oas30_format_checker)
                validators.append((parameter["name"], schema))
        return validators


def _documents() -> dict[bool, dict[str, Document]]:
    """The documents as the APIs serve them at /openapi.json (generated from the code), by base path,
    each also as it describes a partial answer (key True).

    As the ``fields`` parameter describes the answer it asks for, a partial representation: the
    response components' properties are then not required."""
    from drf_spectacular.renderers import OpenApiJsonRenderer

    from softwarebroker.api.definitions import APIS
    from softwarebroker.api.openapi import generate_schema

    documents: dict[bool, dict[str, Document]] = {False: {}, True: {}}
    for api in APIS:
        rendered = OpenApiJsonRenderer().render(generate_schema(api))
        documents[False][api.base_path] = Document.of(json.loads(rendered))
        data = json.loads(rendered)
        for name, schema in data["components"]["schemas"].items():
            if not name.endswith("Request"):
                schema.pop("required", None)
        # The document checked above, less its response components' required lists.
        documents[True][api.base_path] = Document.of(data, check=False)
    return documents


def _asks_for_fields(request) -> bool:
    """Whether the request names ``fields`` (read from the raw query: ``request.GET`` may refuse
    to parse a hostile one)."""
    return any(pair.partition("=")[0] == "fields" for pair in request.META.get("QUERY_STRING", "").split("&"))


class Recorder:
    """Validates responses and keeps the mismatches of the run."""

    def __init__(self):
        self.mismatches: list[Mismatch] = []
        self.validated = 0
        self.seconds = 0.0  # spent validating, the documents' loading included
        self.current_test = "(outside a test)"
        self._documents: dict[bool, dict[str, Document]] | None = None
        self._lock = threading.Lock()

    def documents(self, *, partial: bool = False) -> dict[str, Document]:
        """Built once, on the first response (after Django is set up)."""
        with self._lock:
            if self._documents is None:
                self._documents = _documents()
            return self._documents[partial]

    def check(self, request, response) -> None:
        started = time.perf_counter()
        try:
            self._check(request, response)
        finally:
            self.seconds += time.perf_counter() - started

    def _check(self, request, response) -> None:
        path = request.path
        document = next(
            (
                document
                for base, document in self.documents(partial=_asks_for_fields(request)).items()
                if path == base or path.startswith(base + "/")
            ),
            None,
        )
        if document is None or response.streaming:
            return
        found = self.mismatches_of(document, request, response)
        if found is None:
            return
        self.validated += 1
        self.mismatches.extend(found)

    def mismatches_of(self, document: Document, request, response) -> list[Mismatch] | None:
        """The ways ``response`` differs from the document; None for a request it does not describe."""
        test, method, status = self.current_test, request.method, response.status_code
        try:
            validator = document.openapi.response_validator
            try:
                found = document.find(_Request(request))
            except PathError:
                return None  # not an operation of the document
            if not document.path_parameters_fit(found, method.lower()):
                return None  # not an operation of the document
            # What validator.iter_errors does after finding the operation, without finding it again.
            checked = _Response(response)
            errors = list(
                validator._iter_errors(
                    checked.status_code, checked.data, checked.headers, checked.content_type, found.operation
                )
            )
        except Exception as error:  # noqa: BLE001 - the validator itself failed: that is a finding too
            return [Mismatch(test, method, request.path, status, "validator", repr(error))]
        return [
            mismatch
            for error in errors
            for mismatch in self._describe(test, method, request.path, status, error)
        ]

    @staticmethod
    def _describe(test, method, path, status, error):
        name = type(error).__name__
        cause = error.__cause__
        schema_errors = getattr(cause, "schema_errors", None)
        if schema_errors:
            for schema_error in schema_errors:
                location = "/".join(str(part) for part in schema_error.absolute_path) or "(root)"
                yield Mismatch(
                    test,
                    method,
                    path,
                    status,
                    "body",
                    LONG_VALUE.sub("<value>", schema_error.message)[:300],
                    keyword=str(schema_error.validator),
                    location=location,
                )
            return
        kind = {
            "ResponseNotFound": "status",
            "MediaTypeNotFound": "content-type",
            "MissingRequiredHeader": "header",
            "InvalidHeader": "header",
            "DataValidationError": "content-type" if "mimetype" in str(error) else "body",
        }.get(name, name)
        yield Mismatch(test, method, path, status, kind, str(error)[:300])

    @contextmanager
    def caught(self):
        """The mismatches found inside the block, taken out of the run's (for tests of this check)."""
        start = len(self.mismatches)
        found: list[Mismatch] = []
        try:
            yield found
        finally:
            found.extend(self.mismatches[start:])
            del self.mismatches[start:]

    def of_test(self, nodeid: str) -> list[Mismatch]:
        return [mismatch for mismatch in self.mismatches if mismatch.test == nodeid]


RECORDER = Recorder()
_original_get_response = BaseHandler.get_response


def _get_response(self, request):
    response = _original_get_response(self, request)
    RECORDER.check(request, response)
    return response


def pytest_configure(config):
    if MODE != "off":
        BaseHandler.get_response = _get_response


def pytest_unconfigure(config):
    BaseHandler.get_response = _original_get_response


def verdict(exitstatus):
    """The run's exit status: failed when a mismatch was left (received outside a test's call)."""
    if MODE == "strict" and RECORDER.mismatches and exitstatus == pytest.ExitCode.OK:
        return pytest.ExitCode.TESTS_FAILED
    return exitstatus


def pytest_sessionfinish(session, exitstatus):
    workeroutput = getattr(session.config, "workeroutput", None)
    if workeroutput is not None:  # a pytest-xdist worker: hand the run's results to the controller
        workeroutput["response_validation"] = {
            "validated": RECORDER.validated,
            "seconds": RECORDER.seconds,
            "mismatches": [asdict(mismatch) for mismatch in RECORDER.mismatches],
        }
    session.exitstatus = verdict(exitstatus)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """pytest-xdist's controller: add a worker's results to the run's (a crashed worker has none)."""
    results = getattr(node, "workeroutput", {}).get("response_validation")
    if results:
        RECORDER.validated += results["validated"]
        RECORDER.seconds += results["seconds"]
        RECORDER.mismatches.extend(Mismatch(**mismatch) for mismatch in results["mismatches"])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    RECORDER.current_test = item.nodeid
    try:
        return (yield)
    finally:
        RECORDER.current_test = "(outside a test)"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    found = RECORDER.of_test(item.nodeid)
    if found and MODE == "strict":
        lines = "\n".join(f"  {mismatch}" for mismatch in found[:20])
        more = f"\n  ... and {len(found) - 20} more" if len(found) > 20 else ""
        pytest.fail(
            f"{len(found)} response(s) do not match the OpenAPI document:\n{lines}{more}\n"
            "(CHECK_RESPONSES=report lists them without failing)",
            pytrace=False,
        )
    return result


def kind_of(mismatch: Mismatch) -> str:
    """What is wrong and where, the same for every operation and response it happens in."""
    location = re.sub(r"(^|/)\d+(?=/|$)", r"\1*", mismatch.location)
    detail = UUID.sub("{uuid}", mismatch.detail)
    where = f" at {location}" if location else ""
    return f"{mismatch.status} {mismatch.kind}{where}: {detail}"[:200]


def pytest_terminal_summary(terminalreporter):
    if MODE == "off":
        return
    mismatches = RECORDER.mismatches
    checked = (
        f"responses checked against the OpenAPI documents: {RECORDER.validated} ({RECORDER.seconds:.1f} s)"
    )
    terminalreporter.write_sep("-", f"{checked}, mismatches: {len(mismatches)}")
    if not mismatches:
        return
    kinds: dict[str, list[Mismatch]] = {}
    for mismatch in mismatches:
        kinds.setdefault(kind_of(mismatch), []).append(mismatch)
    terminalreporter.write_line("count  operations  tests  kind (status, what, where)")
    for kind, group in sorted(kinds.items(), key=lambda item: -len(item[1])):
        operations = {(mismatch.method, UUID.sub("{uuid}", mismatch.path)) for mismatch in group}
        tests = {mismatch.test for mismatch in group}
        terminalreporter.write_line(f"{len(group):5d}  {len(operations):10d}  {len(tests):5d}  {kind}")
        example = sorted(operations)[0]
        terminalreporter.write_line(f"{'':26}e.g. {example[0]} {example[1]}")
    tests = len({mismatch.test for mismatch in mismatches})
    terminalreporter.write_line(f"in {tests} test(s); CHECK_RESPONSES={MODE}")
