"""Session fixtures: the real app on a throw-away database and a real Chromium.

Browser tests take the ``page`` fixture and carry ``@pytest.mark.browser``. A failing
browser test leaves a screenshot and the console log under ``test-artifacts/``.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests import harness

ARTIFACTS = harness.REPO / "test-artifacts"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]")


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """The dashboard on the seed data, in its own database file; yields the base URL."""
    workdir = tmp_path_factory.mktemp("app")
    app = harness.start_app(workdir / "geo.db", workdir=workdir)
    yield app
    harness.stop_app(app)


@pytest.fixture(scope="session")
def playwright_instance():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = harness.launch_chromium(playwright_instance)
    yield browser
    browser.close()


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


class PageRecorder:
    """What the page did: console messages and every URL it requested."""

    def __init__(self, page):
        self.console: list[str] = []
        self.requests: list[str] = []
        self.page_errors: list[str] = []
        page.on("console", lambda msg: self.console.append(f"[{msg.type}] {msg.text}"))
        page.on("pageerror", lambda err: self.page_errors.append(str(err)))
        page.on("request", lambda req: self.requests.append(req.url))

    def outside_requests(self) -> list[str]:
        """Requests to anything but this machine (data: and blob: URLs are local)."""
        pattern = re.compile(r"^(https?|wss?)://([^/:]+|\[[^\]]+\])")
        outside = []
        for url in self.requests:
            match = pattern.match(url)
            if match and match.group(2) not in LOCAL_HOSTS:
                outside.append(url)
        return outside


@pytest.fixture
def page(request, browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.recorder = PageRecorder(page)
    yield page
    failed = getattr(request.node, "report_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        stem = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        try:
            page.screenshot(path=str(ARTIFACTS / f"{stem}.png"), full_page=True)
        except Exception as exc:  # the page may be gone; the log still matters
            page.recorder.console.append(f"[harness] screenshot failed: {exc}")
        log = page.recorder.console + [f"[pageerror] {e}" for e in page.recorder.page_errors]
        (ARTIFACTS / f"{stem}.console.log").write_text("\n".join(log))
    context.close()
