"""Render one page in the headless browser: its HTML after its scripts built the forms.

Two fences keep the browser on the page's own origin. Every request goes through `allowed`
(the crawl's same-origin and robots.txt check) and is aborted when it fails it. And the
browser context's proxy is a closed local port that only the page's own host and port bypass:
a redirect to another host, a preconnect or a frame's speculative connection (which request
routing never sees) ends there instead of reaching a third party. Each page gets a fresh
context, so no cookies, storage or service workers carry over from one page to the next.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from contextlib import suppress
from typing import Any, NamedTuple
from urllib.parse import urlsplit

SETTLE = 2.0  # at most this many seconds, after `load`, for the page's own requests to finish
MAX_CONSOLE_ERRORS = 50
MAX_CONSOLE_ERROR_LENGTH = 500
# Pictures, video and fonts cannot build a form: not asking for them spares the site.
SKIPPED_RESOURCES = frozenset({"image", "media", "font"})
# What the two fences look like when they stop a request: for the page itself, the reason
# to report; for what it loads, console noise of our own making, not the site's errors.
_NET_ERRORS = {
    "ERR_BLOCKED_BY_CLIENT": "the page is not one the crawl fetches (robots.txt or another origin)",
    "ERR_PROXY_CONNECTION_FAILED": "the page redirected to another origin, which is not fetched",
}


class RenderError(Exception):
    """A page the browser could not load; the message is one line."""


class Rendered(NamedTuple):
    url: str  # the final URL, after redirects
    html: str  # the document after its scripts ran, cut at max_bytes
    status: int | None  # of the main document; None when the browser saw no response
    console_errors: tuple[str, ...]  # console errors and uncaught exceptions, in order


def render(
    page_url: str,
    allowed: Callable[[str], bool],
    *,
    timeout: float,
    user_agent: str,
    browser: Any,
    max_bytes: int,
    insecure: bool = False,
) -> Rendered:
    """The page at `page_url` as the browser shows it once loaded. RenderError when it cannot
    be loaded within `timeout` seconds; no step waits longer than what is left of that.

    Only the page's own origin is reachable, whatever `allowed` accepts beyond it."""
    if _origin(page_url) is None:
        raise RenderError(f"not an http:// or https:// URL: {page_url}")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as closed:
        closed.bind(("127.0.0.1", 0))  # bound, never listening: every connection is refused
        job = _Job(page_url, allowed, timeout, user_agent, browser, max_bytes, insecure, closed.getsockname()[1])
        return _render(job)


class _Job(NamedTuple):
    page_url: str
    allowed: Callable[[str], bool]
    timeout: float
    user_agent: str
    browser: Any
    max_bytes: int
    insecure: bool  # TLS errors ignored, as with --insecure for the plain fetch
    closed_port: int  # a port nobody listens on: the proxy that refuses every other origin


def _render(job: _Job) -> Rendered:
    page_url, allowed, timeout, user_agent, browser, max_bytes, insecure, closed_port = job
    from playwright.sync_api import Error, TimeoutError

    deadline = time.monotonic() + timeout

    def left() -> float:
        """Milliseconds until the deadline; playwright takes 0 to mean no limit, so never 0."""
        return max(1.0, (deadline - time.monotonic()) * 1000)

    try:
        context = browser.new_context(
            user_agent=user_agent,
            java_script_enabled=True,
            service_workers="block",  # a service worker's requests would bypass the route below
            accept_downloads=False,
            ignore_https_errors=insecure,
            proxy={"server": f"http://127.0.0.1:{closed_port}", "bypass": _own_origin(page_url)},
        )
    except Error as exc:
        raise RenderError(_one_line(exc, page_url)) from exc
    except Exception as exc:
        if type(exc).__module__ == "greenlet":  # playwright's sync API is bound to one thread
            raise RenderError("the browser must be used from the thread that started it") from exc
        raise
    console_errors: list[str] = []
    try:
        context.set_default_timeout(left())
        context.route("**/*", lambda route: _route(route, allowed))
        if hasattr(context, "route_web_socket"):  # playwright >= 1.48; WebSockets bypass route()
            context.route_web_socket("**/*", lambda websocket: websocket.close())
        page = context.new_page()

        def console(message: Any) -> None:
            if message.type == "error" and not any(code in message.text for code in _NET_ERRORS):
                _keep(console_errors, message.text)

        page.on("console", console)
        page.on("pageerror", lambda error: _keep(console_errors, str(error)))
        try:
            response = page.goto(page_url, wait_until="load", timeout=left())
        except TimeoutError as exc:
            raise RenderError(f"did not load within {timeout:g} s ({page_url})") from exc
        except Error as exc:
            raise RenderError(_one_line(exc, page_url)) from exc
        with suppress(Error):  # a page that keeps polling is read as it is now
            page.wait_for_load_state("networkidle", timeout=min(SETTLE * 1000, left()))
        if _origin(page.url) != _origin(page_url):  # a script sent it elsewhere, and was stopped
            raise RenderError(f"the page navigated away from its origin ({page_url})")
        try:
            # Not page.content(): it takes no timeout, and a script that never yields would hang it.
            html = page.locator(":root").evaluate("root => root.outerHTML", timeout=left())
        except TimeoutError as exc:
            raise RenderError(f"a script kept the page busy for {timeout:g} s ({page_url})") from exc
        except Error as exc:
            raise RenderError(_one_line(exc, page_url)) from exc
        return Rendered(
            url=page.url,
            html=_cut(html, max_bytes),
            status=response.status if response is not None else None,
            console_errors=tuple(console_errors),
        )
    finally:
        with suppress(Error):  # the browser went away: nothing is left to close
            context.close()


def _origin(url: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.scheme, parts.hostname.lower(), port or (443 if parts.scheme == "https" else 80)


def _own_origin(url: str) -> str:
    """The proxy bypass rule for the URL's host and port, and nothing else: `<-loopback>`
    first, or Chromium would let every local port bypass the proxy too."""
    origin = _origin(url)
    assert origin is not None
    _, host, port = origin
    return f"<-loopback>,{f'[{host}]' if ':' in host else host}:{port}"


def _route(route: Any, allowed: Callable[[str], bool]) -> None:
    request = route.request
    if _origin(request.url) is None or not allowed(request.url) or request.resource_type in SKIPPED_RESOURCES:
        route.abort("blockedbyclient")
    else:
        route.continue_()


def _keep(errors: list[str], text: str) -> None:
    if len(errors) < MAX_CONSOLE_ERRORS:
        errors.append(text[:MAX_CONSOLE_ERROR_LENGTH])


def _cut(html: str, max_bytes: int) -> str:
    encoded = html.encode("utf-8")
    if len(encoded) <= max_bytes:
        return html
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def _one_line(exc: BaseException, url: str) -> str:
    """Playwright's messages run to several lines of call log; the first says what happened."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    first = lines[0] if lines else type(exc).__name__
    first = first.split(": ", 1)[-1]  # "Page.goto: net::ERR_... at URL"
    for code, meaning in _NET_ERRORS.items():
        if code in first:
            return f"{meaning} ({url})"
    return first if url in first else f"{first} ({url})"
