"""The API documentation pages in a real browser: Redoc and Swagger UI render each API's
document from assets served by this component, with no console error, no failed request and
no request to anywhere else."""

import re

import pytest
from playwright.sync_api import expect

from softwarebroker.api.definitions import APIS

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def first_operation(document) -> dict:
    return next(iter(next(iter(document["paths"].values())).values()))


@pytest.mark.parametrize("api", APIS, ids=lambda api: api.slug)
def test_redoc_renders_the_document(page, watch, documents, api):
    operation = first_operation(documents[api.slug])

    response = page.goto(f"{api.base_path}/docs")

    assert response.status == 200
    expect(page.locator("h1").first).to_contain_text(api.title)
    # Each operation's heading: its anchor, then its summary.
    heading = page.get_by_role("heading", name=re.compile(rf"{re.escape(operation['summary'])}$"))
    expect(heading.first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert watch.problems == []
    assert f"{watch.origin}{api.base_path}/openapi.yaml" in watch.requests


@pytest.mark.parametrize("api", APIS, ids=lambda api: api.slug)
def test_swagger_ui_renders_the_document(page, watch, documents, api):
    operation = first_operation(documents[api.slug])

    response = page.goto(f"{api.base_path}/docs/swagger-ui")

    assert response.status == 200
    expect(page.locator(".info .title").first).to_contain_text(api.title)
    expect(page.get_by_text(operation["summary"], exact=True).first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert watch.problems == []
    assert f"{watch.origin}{api.base_path}/openapi.yaml" in watch.requests


def test_the_watch_sees_errors_failed_and_outside_requests(page, watch):
    """What the tests above assert is absent is seen when it happens."""
    page.goto("/_healthz/livez")  # a page of the live server, for the relative addresses
    page.set_content(
        '<link rel="stylesheet" href="/static/bestaat-niet.css">'
        '<img src="https://cdn.example.org/logo.svg">'
        "<script>console.error('kapot')</script>"
    )
    page.wait_for_load_state("networkidle")

    problems = "\n".join(watch.problems)
    assert f"404 for GET {watch.origin}/static/bestaat-niet.css" in problems
    assert "request outside" in problems and "https://cdn.example.org/logo.svg" in problems
    assert "request failed: GET https://cdn.example.org/logo.svg" in problems  # aborted, never sent
    assert "console error: kapot" in problems
