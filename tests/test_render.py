"""Rendering a page in headless Chromium: scripts run, and nothing leaves the page's origin."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import Reply, Server, built_by_script, launched, serve

from datamin.web import browser as browser_module
from datamin.web.browser import BrowserUnavailable, browser, chromium_path
from datamin.web.render import RenderError, render


def built_page(other: str) -> str:
    """A form a script builds, and a page that tries to reach another origin every way it can."""
    return built_by_script(
        "Apply",
        "NRIC",
        "nric",
        head=f'<link rel="preconnect" href="{other}"><script src="{other}/tracker.js"></script>',
        body=f'<iframe src="{other}/frame"></iframe>',
        then=f"fetch('{other}/collect').catch(() => {{}});\n  throw new Error('boom from the page');",
    )


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    yield from launched()


@pytest.fixture
def other() -> Iterator[Server]:
    """Another origin (another port), which a rendered page must never reach."""
    with serve({"/tracker.js": Reply(b"window.tracked = true;", "text/javascript")}) as server:
        yield server


def same_origin(server: Server) -> Any:
    return lambda url: url.startswith(server.url + "/")


def test_scripts_run_and_nothing_leaves_the_origin(chromium: Any, other: Server) -> None:
    page = built_page(other.url).encode()
    with serve({"/apply": Reply(page)}) as site:
        rendered = render(
            site.url + "/apply",
            same_origin(site),
            timeout=15,
            user_agent="datamin-test",
            browser=chromium,
            max_bytes=1_000_000,
        )
        served = urllib.request.urlopen(site.url + "/apply", timeout=5).read().decode()
    assert 'name="nric"' in rendered.html
    assert "<label" in rendered.html and "NRIC" in rendered.html
    assert 'name="nric"' not in served
    assert rendered.url == site.url + "/apply"
    assert rendered.status == 200
    assert any("boom from the page" in error for error in rendered.console_errors)
    assert not any("ERR_BLOCKED_BY_CLIENT" in error for error in rendered.console_errors)
    time.sleep(0.3)  # a stray request would have arrived by now
    assert other.requests == []
    assert other.connections == []  # not even a preconnect


def test_disallowed_requests_on_the_origin_are_not_made(chromium: Any) -> None:
    page = b'<script src="/private/app.js"></script><script src="/public.js"></script><p>hi</p>'
    routes = {
        "/": Reply(page),
        "/public.js": Reply(b"document.documentElement.dataset.ran = 'yes';", "text/javascript"),
        "/private/app.js": Reply(b"", "text/javascript"),
    }
    with serve(routes) as site:
        rendered = render(
            site.url + "/",
            lambda url: "/private/" not in url,
            timeout=15,
            user_agent="datamin-test",
            browser=chromium,
            max_bytes=1_000_000,
        )
    assert 'data-ran="yes"' in rendered.html
    assert "/private/app.js" not in site.requests
    assert "/public.js" in site.requests


def test_a_redirect_to_another_origin_is_not_followed(chromium: Any, other: Server) -> None:
    routes = {"/moved": Reply(b"", status=302, headers=(("Location", other.url + "/landing"),))}
    with serve(routes) as site, pytest.raises(RenderError, match="another origin"):
        render(
            site.url + "/moved",
            same_origin(site),
            timeout=15,
            user_agent="datamin-test",
            browser=chromium,
            max_bytes=1_000_000,
        )
    assert other.requests == []


def test_a_script_that_never_yields_cannot_hang_the_crawl(chromium: Any) -> None:
    routes = {"/busy": Reply(b"<p>x</p><script>setTimeout(() => { while (true) {} }, 50);</script>")}
    started = time.monotonic()
    with serve(routes) as site, pytest.raises(RenderError):
        render(
            site.url + "/busy",
            same_origin(site),
            timeout=3,
            user_agent="datamin-test",
            browser=chromium,
            max_bytes=1_000_000,
        )
    assert time.monotonic() - started < 10


def test_the_html_is_cut_at_max_bytes(chromium: Any) -> None:
    routes = {"/big": Reply(b"<body><script>document.body.append('\xc3\xa9'.repeat(5000));</script>")}
    with serve(routes) as site:
        rendered = render(
            site.url + "/big",
            same_origin(site),
            timeout=15,
            user_agent="datamin-test",
            browser=chromium,
            max_bytes=1001,
        )
    assert len(rendered.html.encode("utf-8")) <= 1001


# -- finding and starting the browser, without one ------------------------------------------


def test_chromium_path_prefers_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATAMIN_CHROMIUM", "/opt/chrome/chrome")
    assert chromium_path() == "/opt/chrome/chrome"


def test_chromium_path_looks_on_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    binary = tmp_path / "google-chrome"
    binary.write_text("#!/bin/sh\n")
    binary.chmod(0o755)
    monkeypatch.delenv("DATAMIN_CHROMIUM", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert chromium_path() == str(binary)


def test_no_playwright_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # makes the import fail
    with pytest.raises(BrowserUnavailable, match=r"pip install 'datamin\[render\]'"), browser():
        pass


def test_no_chromium_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    monkeypatch.setattr(browser_module, "chromium_path", lambda: None)
    with pytest.raises(BrowserUnavailable, match="apt-get install chromium") as raised, browser():
        pass
    assert "brew install --cask chromium" in str(raised.value)
    assert "DATAMIN_CHROMIUM" in str(raised.value)


def test_a_wrong_datamin_chromium_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    monkeypatch.setenv("DATAMIN_CHROMIUM", str(tmp_path / "nothing"))
    with pytest.raises(BrowserUnavailable, match="DATAMIN_CHROMIUM"), browser():
        pass


def test_datamin_does_not_import_playwright_until_a_browser_is_asked_for() -> None:
    code = "import sys, datamin.web.browser, datamin.web.render; print('playwright' in sys.modules)"
    imported = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert imported.stdout.strip() == "False"
