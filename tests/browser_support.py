"""Shared by the browser tests: a tiny local HTTP server that records what it was asked for,
and a headless Chromium that skips the test, with the reason, when there is none."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple

import pytest


class Reply(NamedTuple):
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


class Server(NamedTuple):
    url: str  # http://127.0.0.1:PORT, no trailing slash
    requests: list[str]  # request paths, in the order they came
    connections: list[tuple[str, int]]  # every TCP connection accepted, even one that sent nothing


@contextmanager
def serve(routes: dict[str, Reply]) -> Iterator[Server]:
    """Serve `routes` (path -> reply; anything else is a 404) on 127.0.0.1 in a thread."""
    requests: list[str] = []
    connections: list[tuple[str, int]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            reply = routes.get(self.path.split("?")[0], Reply(b"not found", "text/plain", 404))
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers:
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)

        do_POST = do_GET

        def log_message(self, format: str, *args: Any) -> None:  # keep pytest's output clean
            pass

    class Recording(ThreadingHTTPServer):
        daemon_threads = True

        def verify_request(self, request: Any, client_address: Any) -> bool:
            connections.append(client_address)
            return True

    server = Recording(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}", requests, connections)
    finally:
        server.shutdown()
        server.server_close()


def launched() -> Iterator[Any]:
    """A headless Chromium for a fixture to yield, or a skip saying why there is none."""
    from datamin.web.browser import BrowserUnavailable, browser

    try:
        with browser() as chromium:
            yield chromium
    except BrowserUnavailable as exc:  # raised only on launch: a test's own errors never reach here
        pytest.skip(str(exc))


def built_by_script(
    title: str, label: str, name: str, notice: str = "", *, head: str = "", body: str = "", then: str = ""
) -> str:
    """A page whose form a script builds with DOM calls: no markup of it in the page's source.
    `head` and `body`: more of the page; `then`: more script after the form is on the page."""
    before = f'const notice = document.createElement("p"); notice.textContent = "{notice}"; form.append(notice);'
    return f"""<!doctype html><html><head><title>{title}</title>{head}</head><body><div id="app"></div>{body}
<script>
  const form = document.createElement("form");
  form.method = "post";
  {before if notice else ""}
  const label = document.createElement("label");
  label.htmlFor = "{name}";
  label.textContent = "{label}";
  const input = document.createElement("input");
  input.id = "{name}";
  input.name = "{name}";
  form.append(label, input);
  document.getElementById("app").append(form);
  {then}
</script></body></html>"""
