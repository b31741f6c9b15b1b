"""Local HTTP servers for tests: well-behaved pages and hostile behaviours, on 127.0.0.1.

    with serve({"/": page(b"<form>...</form>"), "/slow": drip()}) as site:
        fetch(site.url("/slow"), Limits(timeout=1.0), allowed)
        assert site.requests == ["/slow"]

A route is a `Canned` response or a function given the `Exchange` (the request handler). Every
server records the path (with query) of each request it receives, so a test can assert what was
and was not touched. Leaving `serve` stops the server at once, even with handlers blocked in a
hostile behaviour: they wait on `Exchange.stopping`, and every open connection is closed.
"""

from __future__ import annotations

import functools
import gzip
import shutil
import socket
import ssl
import struct
import subprocess
import threading
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlsplit

HTML = "text/html; charset=utf-8"


def _png() -> bytes:
    """A valid 1x1 transparent PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(5))) + chunk(b"IEND", b"")


PNG = _png()
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


class Canned(NamedTuple):
    status: int
    headers: Mapping[str, str]
    body: bytes


Handler = Callable[["Exchange"], None]
Route = Canned | Handler


class Server(NamedTuple):
    origin: str  # "http://127.0.0.1:PORT"
    port: int
    log: _Log

    def url(self, path: str = "/") -> str:
        return self.origin + path

    @property
    def requests(self) -> list[str]:
        """The path (with query) of every request received so far, in order."""
        return self.log.paths()


class _Log:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paths: list[str] = []

    def add(self, path: str) -> None:
        with self._lock:
            self._paths.append(path)

    def paths(self) -> list[str]:
        with self._lock:
            return list(self._paths)


@contextmanager
def serve(routes: Mapping[str, Route], *, tls: ssl.SSLContext | None = None) -> Iterator[Server]:
    """Run a server for the routes (exact path, query ignored) until the block ends; other paths are 404."""
    httpd = _HTTPServer(dict(routes), tls)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    scheme = "https" if tls else "http"
    port = httpd.server_address[1]
    try:
        yield Server(f"{scheme}://127.0.0.1:{port}", port, httpd.log)
    finally:
        httpd.stop()
        thread.join(timeout=5)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # a handler stuck in a hostile behaviour must not hold up the exit

    def __init__(self, routes: dict[str, Route], tls: ssl.SSLContext | None) -> None:
        super().__init__(("127.0.0.1", 0), Exchange)
        self.routes = routes
        self.tls = tls
        self.log = _Log()
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()

    def get_request(self) -> tuple[socket.socket, Any]:
        connection, address = super().get_request()
        if self.tls:
            # The handshake happens in the handler's thread, so a client that fails it blocks nobody.
            connection = self.tls.wrap_socket(connection, server_side=True, do_handshake_on_connect=False)
        return connection, address

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hanging up on hostile behaviours is the point, not an error

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            with suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()
        self.server_close()


class Exchange(BaseHTTPRequestHandler):
    """One request being answered; route functions write to it."""

    protocol_version = "HTTP/1.1"  # keep-alive and chunked bodies
    server: _HTTPServer

    def do_GET(self) -> None:
        self.server.log.add(self.path)
        route = self.server.routes.get(urlsplit(self.path).path)
        if route is None:
            self.reply(page(b"not found", status=404, content_type="text/plain"))
        elif isinstance(route, Canned):
            self.reply(route)
        else:
            route(self)

    do_HEAD = do_POST = do_GET

    @property
    def stopping(self) -> threading.Event:
        """Set when the server is shutting down: anything that loops or waits must watch it."""
        return self.server.stopping

    def reply(self, canned: Canned) -> None:
        self.send_response(canned.status)
        for name, value in canned.headers.items():
            self.send_header(name, value)
        if not any(name.lower() in ("content-length", "transfer-encoding") for name in canned.headers):
            self.send_header("Content-Length", str(len(canned.body)))
        self.end_headers()
        self.wfile.write(canned.body)

    def start_chunked(self, content_type: str = HTML, headers: Mapping[str, str] | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def chunk(self, data: bytes) -> None:
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:
        pass


# Well-behaved responses.


def page(
    body: bytes | str, *, status: int = 200, content_type: str = HTML, headers: Mapping[str, str] | None = None
) -> Canned:
    data = body.encode() if isinstance(body, str) else body
    return Canned(status, {"Content-Type": content_type, **(headers or {})}, data)


def compressed(body: bytes, encoding: str, *, content_type: str = HTML) -> Canned:
    """A page compressed as "gzip", "deflate" (zlib-wrapped, the standard) or "raw-deflate" (sent as deflate)."""
    if encoding == "gzip":
        data = gzip.compress(body)
    elif encoding == "deflate":
        data = zlib.compress(body)
    elif encoding == "raw-deflate":
        squeezer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        data = squeezer.compress(body) + squeezer.flush()
    else:
        raise ValueError(encoding)
    return page(data, content_type=content_type, headers={"Content-Encoding": encoding.removeprefix("raw-")})


def redirect(location: str, status: int = 302) -> Canned:
    return Canned(status, {"Location": location, "Content-Length": "0"}, b"")


# Hostile behaviours.


def error(status: int = 500) -> Canned:
    return page(f"<h1>error {status}</h1>", status=status)


def silent(exchange: Exchange) -> None:
    """Accept the request and never answer."""
    exchange.stopping.wait()


def hang_up(exchange: Exchange) -> None:
    """Close the connection without a word."""
    exchange.close_connection = True


def once_per_connection(route: Route) -> Handler:
    """Answer the first request on a connection, then hang up on the next: a kept-alive connection
    the server closed while the client thought it idle."""
    answered: set[int] = set()

    def handler(exchange: Exchange) -> None:
        if id(exchange) in answered:
            exchange.close_connection = True
            return
        answered.add(id(exchange))
        if isinstance(route, Canned):
            exchange.reply(route)
        else:
            route(exchange)

    return handler


def drip(every: float = 0.2, *, in_body: bool = False) -> Handler:
    """Send one byte every `every` seconds forever: inside the headers (which never end), or in the body."""

    def handler(exchange: Exchange) -> None:
        if in_body:
            exchange.start_chunked()
        else:
            exchange.wfile.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
        while not exchange.stopping.wait(every):
            if in_body:
                exchange.chunk(b"x")
            else:
                exchange.wfile.write(b"x")

    return handler


def endless(exchange: Exchange) -> None:
    """A chunked body that never ends, as fast as the client reads it."""
    exchange.start_chunked()
    block = b"<p>" + b"x" * 16_000 + b"</p>\n"
    while not exchange.stopping.is_set():
        exchange.chunk(block)


@functools.cache
def _zeros_gzipped(size: int) -> bytes:
    squeezer = zlib.compressobj(9, wbits=16 + zlib.MAX_WBITS)
    block = bytes(1 << 20)
    parts = [squeezer.compress(block) for _ in range(size >> 20)]
    parts.append(squeezer.compress(bytes(size % (1 << 20))))
    return b"".join([*parts, squeezer.flush()])


def gzip_bomb(size: int = 10 * 1024 * 1024) -> Canned:
    """`size` bytes of zeros, gzipped (10 MB is about 10 kB on the wire), with a true Content-Length."""
    return page(_zeros_gzipped(size), headers={"Content-Encoding": "gzip"})


def gzip_bomb_stream(size: int = 1 << 40) -> Handler:
    """Zeros gzipped on the fly and sent chunked, `size` bytes once expanded (a terabyte by default)."""

    def handler(exchange: Exchange) -> None:
        exchange.start_chunked(headers={"Content-Encoding": "gzip"})
        squeezer = zlib.compressobj(9, wbits=16 + zlib.MAX_WBITS)
        block = bytes(1 << 20)
        for _ in range(size >> 20):
            if exchange.stopping.is_set():
                return
            exchange.chunk(squeezer.compress(block))
        exchange.chunk(squeezer.flush())
        exchange.wfile.write(b"0\r\n\r\n")

    return handler


def length_lie(claimed: int, body: bytes = b"<p>short</p>") -> Handler:
    """Announce `claimed` bytes in Content-Length, send `body`, then close the connection."""

    def handler(exchange: Exchange) -> None:
        exchange.send_response(200)
        exchange.send_header("Content-Type", HTML)
        exchange.send_header("Content-Length", str(claimed))
        exchange.end_headers()
        exchange.wfile.write(body)
        exchange.wfile.flush()
        exchange.close_connection = True

    return handler


def wrong_type(content_type: str) -> Canned:
    """Not HTML, whatever the path says: "image/png" or "application/pdf" with a matching body."""
    body = {"image/png": PNG, "application/pdf": PDF}.get(content_type, b"\x00\x01\x02")
    return page(body, content_type=content_type)


def hostile(elsewhere: str = "http://127.0.0.1:9/") -> dict[str, Route]:
    """Every hostile behaviour at once, under readable paths; `elsewhere` is another origin's URL."""
    return {
        "/silent": silent,
        "/hangup": hang_up,
        "/drip": drip(),
        "/drip-body": drip(in_body=True),
        "/endless": endless,
        "/bomb.gz": gzip_bomb(),
        "/bomb-stream": gzip_bomb_stream(),
        "/loop/a": redirect("/loop/b"),
        "/loop/b": redirect("/loop/a"),
        "/self": redirect("/self"),
        "/away": redirect(elsewhere),
        "/error": error(500),
        "/unavailable": error(503),
        "/photo.html": wrong_type("image/png"),
        "/terms.html": wrong_type("application/pdf"),
        "/short": length_lie(claimed=1000),
        "/long": length_lie(claimed=5, body=b"<p>more than five bytes</p>"),
    }


def unused_port() -> int:
    """A port on 127.0.0.1 nobody listens on (bound, then closed): connecting is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def self_signed(directory: Path) -> ssl.SSLContext | None:
    """A server TLS context with a throwaway self-signed certificate for 127.0.0.1; None without openssl."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    key, cert = directory / "key.pem", directory / "cert.pem"
    # EC keys generate instantly; the SAN makes the name match, so only trust can fail.
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context
