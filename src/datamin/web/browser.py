"""A headless Chromium for `scan-url --render`: the system's own browser, driven by playwright.

Both are optional (`datamin[render]`): playwright is imported only when a browser is asked for,
and its own browser download is never used, so the binary is looked for where package
managers put it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

ENVIRONMENT = "DATAMIN_CHROMIUM"
NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MACOS_APPS = (
    "Chromium.app/Contents/MacOS/Chromium",
    "Google Chrome.app/Contents/MacOS/Google Chrome",
)
ARGS = (
    # Chromium's sandbox cannot start as root in a container, and a container's /dev/shm is
    # often too small for a renderer: the usual causes of a browser that dies on launch.
    "--no-sandbox",
    "--disable-dev-shm-usage",
    # WebRTC's UDP goes around both request routing and proxies: render() relies on a proxy
    # to keep the page on its own origin, so UDP that a proxy cannot carry is turned off.
    "--webrtc-ip-handling-policy=disable_non_proxied_udp",
)
LAUNCH_TIMEOUT = 30.0  # seconds for the browser to start

NO_PLAYWRIGHT = "--render needs playwright, which is not installed: pip install 'datamin[render]'"
NO_CHROMIUM = (
    "--render needs Chromium or Google Chrome, and none was found. Install it "
    "(Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) "
    f"or set {ENVIRONMENT}=/path/to/chrome"
)


class BrowserUnavailable(Exception):
    """No headless browser can be started here; the message says what to install or set."""


def chromium_path() -> str | None:
    """$DATAMIN_CHROMIUM as given, else the first Chromium or Chrome on PATH, else a macOS app."""
    configured = os.environ.get(ENVIRONMENT, "").strip()
    if configured:
        return configured
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return found
    for folder in ("/Applications", os.path.expanduser("~/Applications")):
        for app in MACOS_APPS:
            candidate = os.path.join(folder, app)
            if os.access(candidate, os.X_OK):
                return candidate
    return None


@contextmanager
def browser() -> Iterator[Any]:
    """A launched headless playwright Browser (sync API), closed on exit. It must be used from
    the thread that entered this context: playwright's sync API is bound to that thread."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as exc:
        raise BrowserUnavailable(NO_PLAYWRIGHT) from exc
    path = chromium_path()
    if path is None:
        raise BrowserUnavailable(NO_CHROMIUM)
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise BrowserUnavailable(f"{ENVIRONMENT}={path} is not an executable file; point it at Chromium or Chrome")
    try:
        playwright = sync_playwright().start()
    except Error as exc:  # e.g. called from inside a running asyncio loop
        raise BrowserUnavailable(f"playwright could not start: {_first_line(exc)}") from exc
    try:
        try:
            launched = playwright.chromium.launch(
                executable_path=path, headless=True, args=list(ARGS), timeout=LAUNCH_TIMEOUT * 1000
            )
        except Error as exc:
            raise BrowserUnavailable(f"Chromium at {path} could not be started: {_first_line(exc)}") from exc
        try:
            yield launched
        finally:
            launched.close()
    finally:
        playwright.stop()


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
