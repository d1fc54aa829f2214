"""A real browser for the pages people use: Playwright driving the system's Chromium (Debian's
package `chromium`, installed by `make test`; CHROMIUM=/path/to/chromium points at another).

Playwright's own browser builds are not used. One browser per test module, a fresh context
(cookies, storage) per test. Every page is watched: console errors, uncaught exceptions, failed
requests, responses of 400 and up and requests that leave the live server are problems, and the
tests assert there are none. Requests that would leave the live server are aborted.
"""

from __future__ import annotations

import os
import shutil
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect, sync_playwright

# Headless and quiet: no GPU, no sandbox (CI runs as root), and none of Chromium's own
# connections (updates, sync, field trials), which a closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Not a request over the network: content inside the page itself.
LOCAL_SCHEMES = ("data", "blob", "about")


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium")
    if not path or not os.access(path, os.X_OK):
        pytest.fail(
            "The browser tests need Chromium: install the Debian package 'chromium' "
            "(`make test` does, through `make browser`) or set CHROMIUM=/path/to/chromium.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    expect.set_options(timeout=15_000)  # rendering a whole API document takes a few seconds
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's synchronous API keeps an event loop marked as running in this thread
        # while the tests (and the live server's thread) use the ORM synchronously: Django's
        # guard against the ORM inside an event loop would refuse every query.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watch:
    """What went wrong on the pages of one browser context, in the order it happened."""

    def __init__(self, origin: str):
        self.origin = origin
        self.problems: list[str] = []
        self.requests: list[str] = []

    def is_local(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in LOCAL_SCHEMES or f"{parts.scheme}://{parts.netloc}" == self.origin

    def attach(self, context) -> None:
        context.route(lambda url: not self.is_local(url), lambda route: route.abort("blockedbyclient"))
        context.on("page", self.attach_page)

    def attach_page(self, page) -> None:
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.problems.append(f"uncaught exception: {error}"))
        page.on("request", self.on_request)
        page.on("requestfailed", self.on_request_failed)
        page.on("response", self.on_response)

    def on_console(self, message) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} ({message.location.get('url')})")

    def on_request(self, request) -> None:
        self.requests.append(request.url)
        if not self.is_local(request.url):
            self.problems.append(f"request outside {self.origin}: {request.method} {request.url}")

    def on_request_failed(self, request) -> None:
        self.problems.append(f"request failed: {request.method} {request.url} ({request.failure})")

    def on_response(self, response) -> None:
        if response.status >= 400:
            self.problems.append(f"{response.status} for {response.request.method} {response.url}")


@pytest.fixture
def watch(live_server):
    return Watch(live_server.url)


@pytest.fixture
def page(browser, watch):
    context = browser.new_context(base_url=watch.origin, locale="nl-NL")
    context.set_default_timeout(15_000)
    watch.attach(context)
    page = context.new_page()
    yield page
    context.close()
