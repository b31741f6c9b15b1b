"""Fetch one URL within bounds: time, size and redirects, with a clear message when it fails.

The crawler calls `fetch` for every page. Everything a hostile or broken server can do to us is
capped here: the wall-clock time of a request (a server dripping one byte a second included),
the body size after decompression (a gzip bomb never expands past the cap in memory) and the
redirects (each one is checked by the caller's `allowed` before it is contacted).
"""

from __future__ import annotations

import functools
import ipaddress
import queue
import socket
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from typing import Any, NamedTuple
from urllib.parse import urldefrag, urljoin, urlsplit

import httpcore
import httpx

from datamin import __version__

USER_AGENT = f"datamin/{__version__} (+https://github.com/datamin/datamin; data-minimisation scan)"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
SCHEMES = ("http", "https")


class Limits(NamedTuple):
    timeout: float = 10.0  # seconds for one fetch, connect to last byte, wall clock, redirects included
    max_bytes: int = 5 * 1024 * 1024  # body cap, on the raw bytes and after decompression
    max_redirects: int = 5
    insecure: bool = False  # TLS certificates are verified unless True
    user_agent: str = USER_AGENT


class Response(NamedTuple):
    url: str  # the final URL after redirects, as requested
    status: int
    content_type: str  # media type only, lower-case ("text/html"); "" when the header is missing
    charset: str | None  # from the Content-Type header, lower-case
    body: bytes  # decompressed, at most max_bytes
    truncated: bool  # the body was cut at max_bytes
    redirects: tuple[str, ...]  # the URLs that answered with a redirect, in order (the first is the one asked for)


class FetchError(Exception):
    """A request that produced no usable response; str() is a clear one-line message."""

    def __init__(self, url: str, message: str, *, target: str = "") -> None:
        super().__init__(f"{url}: {message}")
        self.url = url
        self.message = message
        self.target = target  # where a redirect that was not followed leads


def fetch(
    url: str,
    limits: Limits,
    allowed: Callable[[str], bool],
    *,
    deadline: float | None = None,
    client: httpx.Client | None = None,
) -> Response:
    """GET url, following redirects by hand, each only if allowed(target) is True.

    Each Location is resolved against the current URL; a target that is not http(s), not
    allowed, already visited (a loop) or past max_redirects raises FetchError uncontacted.
    limits.timeout bounds the whole fetch, redirects included; `deadline` is a time.monotonic()
    value for the whole crawl, and a request never runs past it either. A 4xx or 5xx is a
    Response, not an error; FetchError means there is no response to report. Pass the crawl's
    `client` to reuse connections; without one, a client is made and closed for this call.
    """
    clock = _Clock(limits.timeout, deadline)
    http = client if client is not None else _client(limits)
    token = _END.set(clock.end)
    try:
        return _follow(url, limits, allowed, clock, http)
    finally:
        _END.reset(token)
        if client is None:
            http.close()


def client(limits: Limits) -> httpx.Client:
    """One reusable client for a crawl: it keeps connections open between pages."""
    return _client(limits)


def _client(limits: Limits) -> httpx.Client:
    return httpx.Client(
        transport=_Transport(verify=not limits.insecure),
        headers={"User-Agent": limits.user_agent, "Accept-Encoding": "gzip, deflate"},
        timeout=limits.timeout,
        follow_redirects=False,
        trust_env=False,
        event_hooks={"response": [_note_location]},
    )


# httpx parses a redirect's Location even when it does not follow it, and fails on one it cannot
# parse ("mailto:x", "data:...", a bad port), losing the response; noted first to name it then.
_LOCATION: ContextVar[str | None] = ContextVar("datamin_fetch_location", default=None)


def _note_location(response: httpx.Response) -> None:
    _LOCATION.set(response.headers.get("Location"))


class _Clock:
    """The time left for one fetch: the per-request timeout or the crawl's deadline, whichever comes first."""

    def __init__(self, timeout: float, deadline: float | None) -> None:
        self.timeout = timeout
        self.end = time.monotonic() + timeout
        self.by_deadline = deadline is not None and deadline < self.end
        if deadline is not None:
            self.end = min(self.end, deadline)

    def left(self) -> float:
        return self.end - time.monotonic()

    def expired(self, answered: bool) -> str:
        """The message for running out of time, before or after the response began."""
        if self.by_deadline:
            return "stopped at the scan's time limit" + ("" if answered else " before any response")
        if answered:
            return f"the response took longer than {self.timeout:g} s; stopped"
        return f"no response within {self.timeout:g} s"


def _follow(url: str, limits: Limits, allowed: Callable[[str], bool], clock: _Clock, http: httpx.Client) -> Response:
    problem = _unfetchable(url)
    if problem:
        raise FetchError(url, problem)
    current = url
    redirects: list[str] = []
    while True:
        if clock.left() <= 0:
            raise FetchError(url, clock.expired(answered=False))
        response = _send(url, current, limits, clock, http)
        try:
            location = response.headers.get("Location")
            if response.status_code not in REDIRECT_STATUSES or not location:
                return _read(url, current, tuple(redirects), response, limits, clock)
        finally:
            response.close()
        redirects.append(current)
        current = _next(url, current, location, redirects, limits, allowed)


def _next(
    url: str, current: str, location: str, redirects: list[str], limits: Limits, allowed: Callable[[str], bool]
) -> str:
    """The URL a redirect leads to, once it passed every check; the target is not contacted otherwise."""
    target = urldefrag(urljoin(current, location.strip())).url
    if _unfetchable(target):
        raise FetchError(url, _unfollowable(target))
    if not allowed(target):
        raise FetchError(url, f"redirected to {target}, outside the site; not followed", target=target)
    if target in redirects:
        loop = " -> ".join([*redirects[redirects.index(target) :], target])
        raise FetchError(url, f"redirect loop: {loop}")
    if len(redirects) > limits.max_redirects:
        raise FetchError(url, f"more than {limits.max_redirects} redirects; stopped at {current}")
    return target


def _unfollowable(target: str) -> str:
    return f"redirected to {target}, which is not a valid http(s) URL; not followed"


def _unfetchable(url: str) -> str:
    """Why a URL cannot be fetched, or "" when it can."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in SCHEMES:
        return f"not an http(s) URL: {url}"
    if not parts.hostname:
        return f"no host in the URL: {url}"
    return ""


def _send(url: str, current: str, limits: Limits, clock: _Clock, http: httpx.Client) -> httpx.Response:
    """Send the request and return once the headers are in; the body is still to be read."""
    try:
        return _send_once(url, current, limits, clock, http, retry=True)
    except _Stale:
        # A kept-alive connection the server had closed meanwhile (it may do so at any time):
        # once more, which opens a new one, as browsers do.
        return _send_once(url, current, limits, clock, http, retry=False)


class _Stale(Exception):
    """A reused connection was closed before any response."""


def _send_once(
    url: str, current: str, limits: Limits, clock: _Clock, http: httpx.Client, retry: bool
) -> httpx.Response:
    events: list[str] = []

    def trace(event: str, info: dict[str, Any]) -> None:
        events.append(event)

    try:
        request = http.build_request(
            "GET",
            current,
            headers={"User-Agent": limits.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(max(clock.left(), 0.001)),
            extensions={"trace": trace},
        )
    except httpx.InvalidURL as exc:
        raise FetchError(url, f"not a valid URL: {current} ({exc})") from exc
    _LOCATION.set(None)
    try:
        return http.send(request, stream=True)
    except (httpx.InvalidURL, httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
        location = _LOCATION.get()
        if location is not None:
            raise FetchError(url, _unfollowable(urljoin(current, location.strip()))) from exc
        if retry and not isinstance(exc, httpx.InvalidURL) and "connection.connect_tcp.started" not in events:
            raise _Stale from exc
        raise FetchError(url, _failure(exc, current)) from exc
    except httpx.TimeoutException as exc:
        if isinstance(exc, httpx.ConnectTimeout) and not clock.by_deadline:
            raise FetchError(url, f"could not connect to {_address(current)} within {clock.timeout:g} s") from exc
        raise FetchError(url, clock.expired(answered=False)) from exc
    except httpx.HTTPError as exc:
        raise FetchError(url, _failure(exc, current)) from exc


def _read(
    url: str, current: str, redirects: tuple[str, ...], response: httpx.Response, limits: Limits, clock: _Clock
) -> Response:
    """Read the body up to max_bytes, decompressing as it arrives."""
    layers = _layers(url, response.headers.get("Content-Encoding", ""))
    parts: list[bytes] = []
    size = received = 0
    truncated = False
    try:
        for chunk in response.iter_raw():
            if clock.left() <= 0:
                raise FetchError(url, clock.expired(answered=True))
            received += len(chunk)
            if received > limits.max_bytes:
                chunk = chunk[: len(chunk) - (received - limits.max_bytes)]
                truncated = True
            data = chunk
            for layer in layers:
                # One byte over the room left tells "exactly full" from "cut".
                limit = limits.max_bytes - size + 1
                data = layer.inflate(data, limit)
                truncated = truncated or len(data) >= limit
            data = data[: limits.max_bytes - size]
            parts.append(data)
            size += len(data)
            if truncated:
                break
    except httpx.TimeoutException as exc:
        raise FetchError(url, clock.expired(answered=True)) from exc
    except httpx.RemoteProtocolError as exc:
        announced = response.headers.get("Content-Length", "")
        of = f" of the {announced} it announced" if announced.isdigit() else ""
        raise FetchError(url, f"the server closed the connection after {received} bytes{of}") from exc
    except httpx.HTTPError as exc:
        raise FetchError(url, _failure(exc, current)) from exc
    except zlib.error as exc:
        raise FetchError(url, f"the compressed body is corrupt ({exc})") from exc
    content_type, charset = _content_type(response.headers.get("Content-Type", ""))
    return Response(current, response.status_code, content_type, charset, b"".join(parts), truncated, redirects)


def _content_type(header: str) -> tuple[str, str | None]:
    """The media type and charset of a Content-Type header, both lower-case."""
    media, _, parameters = header.partition(";")
    charset = None
    for parameter in parameters.split(";"):
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'").strip().lower() or None
    return media.strip().lower(), charset


def _layers(url: str, header: str) -> list[_Inflater]:
    """One decompressor per Content-Encoding, in the order they must be undone."""
    layers = []
    for name in reversed([name.strip().lower() for name in header.split(",") if name.strip()]):
        if name in ("gzip", "x-gzip"):
            layers.append(_Inflater(gzip=True))
        elif name == "deflate":
            layers.append(_Inflater(gzip=False))
        elif name != "identity":
            raise FetchError(url, f"the body uses Content-Encoding {name!r}, which datamin cannot decode")
    return layers


class _Inflater:
    """Undo one gzip or deflate layer, never producing more than `limit` bytes a call.

    Once a call's output reaches its limit the rest of that input is dropped: the caller stops.
    """

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._zlib: Any = None  # zlib's decompress object (its type is private)
        self._members = 0
        self._pending = b""  # the first bytes of a stream, until there are two to look at
        self._done = False

    def inflate(self, data: bytes, limit: int) -> bytes:
        out = b""
        data = self._pending + data
        self._pending = b""
        while data and len(out) < limit and not self._done:
            if self._zlib is None:
                if len(data) < 2:
                    self._pending = data
                    break
                wbits = self._wbits(data[:2])
                if wbits is None:
                    self._done = True  # bytes after the end of the stream are ignored, as browsers do
                    break
                self._zlib = zlib.decompressobj(wbits)
                self._members += 1
            out += self._zlib.decompress(data, limit - len(out))
            if not self._zlib.eof:
                break
            data = self._zlib.unused_data  # a gzip body may hold several members, one after another
            self._zlib = None
        return out

    def _wbits(self, head: bytes) -> int | None:
        if self._gzip:
            return 16 + zlib.MAX_WBITS if self._members == 0 or head == b"\x1f\x8b" else None
        if self._members:
            return None
        # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
        wrapped = head[0] & 0x0F == 8 and int.from_bytes(head, "big") % 31 == 0
        return zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS


def _failure(exc: Exception, current: str) -> str:
    """A one-line explanation of a failed request, from the cause at the bottom of it."""
    causes = list(_causes(exc))
    for cause in causes:
        if isinstance(cause, (_Unresolved, socket.gaierror)):
            return f"could not resolve host {urlsplit(current).hostname}"
        if isinstance(cause, ConnectionRefusedError):
            return f"connection refused by {_address(current)}"
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS certificate not trusted: {cause.verify_message}; use --insecure to scan anyway"
        if isinstance(cause, ssl.SSLError):
            return f"TLS handshake with {_address(current)} failed: {cause.reason or cause}"
    if isinstance(exc, httpx.RemoteProtocolError) and str(exc).startswith("Server disconnected"):
        return f"the server at {_address(current)} closed the connection without a response"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server at {_address(current)} broke the HTTP protocol ({exc})"
    if isinstance(exc, httpx.ConnectError):
        return f"could not connect to {_address(current)} ({causes[-1]})"
    return f"the request failed ({exc or type(exc).__name__})"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        yield cause
        cause = cause.__cause__ or cause.__context__


def _address(url: str) -> str:
    """host:port of a URL, with the scheme's default port."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    host = parts.hostname or ""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


# The wall-clock end of the fetch running in this thread. httpx's own timeouts apply to each
# socket operation, so a server sending one byte at a time would never trip them; every
# operation below is also bounded by this end.
_END: ContextVar[float | None] = ContextVar("datamin_fetch_end", default=None)


def _bounded(timeout: float | None, expired: type[Exception]) -> float | None:
    """A socket timeout that does not go past the end of the current fetch."""
    end = _END.get()
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise expired("out of time")
    return left if timeout is None else min(timeout, left)


class _Transport(httpx.HTTPTransport):
    """httpx's transport over a network backend that keeps to the fetch's end."""

    def __init__(self, verify: bool) -> None:
        # httpx takes no network backend, so the pool it builds (unverified: it is never used, and
        # loading the CA bundle is slow) is replaced by one on ours.
        super().__init__(verify=False, trust_env=False)
        self._pool = httpcore.ConnectionPool(ssl_context=_ssl_context(verify), network_backend=_Backend())


@functools.cache
def _ssl_context(verify: bool) -> ssl.SSLContext:
    """One context per setting: loading the CA bundle takes a tenth of a second."""
    return httpx.create_ssl_context(verify=verify, trust_env=False)


class _Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        failure: Exception = httpcore.ConnectError(f"no address for {host}")
        for address in _resolve(host, port, _bounded(timeout, httpcore.ConnectTimeout)):
            try:
                stream = self._backend.connect_tcp(
                    address, port, _bounded(timeout, httpcore.ConnectTimeout), local_address, socket_options
                )
            except httpcore.ConnectError as exc:
                failure = exc
            else:
                return _Stream(stream)
        raise failure

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("datamin fetches over TCP only")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def _resolve(host: str, port: int, timeout: float | None) -> list[str]:
    """The host's addresses, looked up in a daemon thread: getaddrinfo itself has no timeout."""
    try:
        return [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        pass
    answers: queue.Queue[list[str] | OSError] = queue.Queue(maxsize=1)

    def lookup() -> None:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            answers.put(list(dict.fromkeys(str(info[4][0]) for info in infos)))
        except OSError as exc:
            answers.put(exc)

    threading.Thread(target=lookup, name=f"resolve {host}", daemon=True).start()
    try:
        answer = answers.get(timeout=timeout)
    except queue.Empty:
        raise httpcore.ConnectTimeout(f"could not resolve {host} in time") from None
    if isinstance(answer, OSError):
        raise _Unresolved(str(answer)) from answer
    return answer


class _Unresolved(httpcore.ConnectError):
    """The host name has no address; its own type, as httpcore drops the cause on the way up."""


class _Stream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        bounded = _bounded(timeout, httpcore.ConnectTimeout)
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, bounded))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)
