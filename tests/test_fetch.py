"""fetch: one URL within time, size and redirect bounds, against local well-behaved and hostile servers."""

from __future__ import annotations

import gzip
import socket
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from servers import (
    PNG,
    Exchange,
    compressed,
    drip,
    endless,
    error,
    gzip_bomb,
    gzip_bomb_stream,
    hang_up,
    hostile,
    length_lie,
    once_per_connection,
    page,
    redirect,
    self_signed,
    serve,
    silent,
    unused_port,
    wrong_type,
)

from datamin import __version__
from datamin.web.fetch import FetchError, Limits, Response, _Inflater, client, fetch

FAST = Limits(timeout=1.0, max_bytes=1024 * 1024)
HTML = b"<!doctype html><form><input name=email></form>"


def anywhere(url: str) -> bool:
    return True


def same_origin(origin: str) -> Callable[[str], bool]:
    def allowed(url: str) -> bool:
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" == origin

    return allowed


@contextmanager
def hang_guard(seconds: float = 5.0) -> Iterator[None]:
    """Not a benchmark: only proves the call came back instead of hanging."""
    started = time.monotonic()
    yield
    assert time.monotonic() - started < seconds


def failure(url: str, limits: Limits = FAST, allowed: Callable[[str], bool] = anywhere, **options: float) -> str:
    with hang_guard(), pytest.raises(FetchError) as caught:
        fetch(url, limits, allowed, **options)  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)
    assert caught.value.url == url
    return caught.value.message


# A normal page.


def echo_headers(exchange: Exchange) -> None:
    exchange.reply(page("\n".join(f"{name}: {value}" for name, value in exchange.headers.items())))


def test_a_normal_page() -> None:
    with serve({"/": page(HTML)}) as site:
        response = fetch(site.url("/"), FAST, anywhere)
        assert response == Response(site.url("/"), 200, "text/html", "utf-8", HTML, False, ())
        assert site.requests == ["/"]


def test_the_request_names_datamin_and_asks_for_gzip_or_deflate_only() -> None:
    with serve({"/headers": echo_headers}) as site:
        sent = fetch(site.url("/headers"), FAST, anywhere).body.decode()
    assert f"User-Agent: datamin/{__version__} (+https://github.com/datamin/datamin" in sent
    assert "Accept-Encoding: gzip, deflate\n" in sent + "\n"


def test_a_shared_client_serves_several_fetches() -> None:
    with serve({"/a": page("a"), "/b": page("b"), "/headers": echo_headers}) as site, client(FAST) as http:
        bodies = [fetch(site.url(path), FAST, anywhere, client=http).body for path in ("/a", "/b", "/a")]
        assert bodies == [b"a", b"b", b"a"]
        assert "User-Agent: datamin/" in fetch(site.url("/headers"), FAST, anywhere, client=http).body.decode()
        assert not http.is_closed  # fetch leaves a client it was given open


@pytest.mark.parametrize(
    ("header", "content_type", "charset"),
    [
        ("text/html; charset=utf-8", "text/html", "utf-8"),
        ('Text/HTML;Charset="ISO-8859-1"', "text/html", "iso-8859-1"),
        ("application/xhtml+xml ; boundary=x; charset='windows-1252'", "application/xhtml+xml", "windows-1252"),
        ("text/html; charset=", "text/html", None),
        ("text/plain", "text/plain", None),
    ],
)
def test_the_content_type_and_charset_come_from_the_header(header: str, content_type: str, charset: str | None) -> None:
    with serve({"/": page(HTML, content_type=header)}) as site:
        response = fetch(site.url("/"), FAST, anywhere)
    assert (response.content_type, response.charset) == (content_type, charset)


def no_content_type(exchange: Exchange) -> None:
    exchange.send_response(200)
    exchange.send_header("Content-Length", "2")
    exchange.end_headers()
    exchange.wfile.write(b"ok")


def test_a_missing_content_type_is_empty() -> None:
    with serve({"/": no_content_type}) as site:
        response = fetch(site.url("/"), FAST, anywhere)
    assert (response.content_type, response.charset, response.body) == ("", None, b"ok")


# Compressed bodies.


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "raw-deflate"])
def test_compressed_bodies_are_decompressed(encoding: str) -> None:
    body = HTML * 500
    with serve({"/": compressed(body, encoding)}) as site:
        response = fetch(site.url("/"), FAST, anywhere)
    assert (response.body, response.truncated) == (body, False)


def test_several_gzip_members_are_one_body() -> None:
    with serve(
        {"/": page(gzip.compress(b"<p>one</p>") + gzip.compress(b"<p>two</p>"), headers={"Content-Encoding": "gzip"})}
    ) as site:
        assert fetch(site.url("/"), FAST, anywhere).body == b"<p>one</p><p>two</p>"


@pytest.mark.parametrize("wbits", [16 + zlib.MAX_WBITS, zlib.MAX_WBITS, -zlib.MAX_WBITS])
def test_decompression_copes_with_one_byte_at_a_time(wbits: int) -> None:
    squeezer = zlib.compressobj(wbits=wbits)
    data = squeezer.compress(HTML * 50) + squeezer.flush()
    inflater = _Inflater(gzip=wbits > zlib.MAX_WBITS)
    assert b"".join(inflater.inflate(data[i : i + 1], 1 << 20) for i in range(len(data))) == HTML * 50


def test_an_unknown_content_encoding_is_an_error() -> None:
    with serve({"/": page(b"\x0b\x01\x80", headers={"Content-Encoding": "br"})}) as site:
        assert "Content-Encoding 'br'" in failure(site.url("/"))


def test_a_corrupt_gzip_body_is_an_error() -> None:
    with serve({"/": page(b"\x1f\x8b\x08\x00 not gzip at all", headers={"Content-Encoding": "gzip"})}) as site:
        assert "corrupt" in failure(site.url("/"))


# Size caps.


def test_a_gzip_bomb_stops_at_the_cap() -> None:
    with serve({"/bomb.gz": gzip_bomb()}) as site, hang_guard():
        response = fetch(site.url("/bomb.gz"), FAST, anywhere)
    assert (len(response.body), response.truncated) == (FAST.max_bytes, True)
    assert not response.body.strip(b"\x00")


def test_a_streamed_terabyte_gzip_bomb_never_expands_in_memory() -> None:
    with serve({"/bomb": gzip_bomb_stream()}) as site, hang_guard():
        tracemalloc.start()
        try:
            response = fetch(site.url("/bomb"), FAST, anywhere)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert (len(response.body), response.truncated) == (FAST.max_bytes, True)
    assert peak < 8 * FAST.max_bytes


def test_an_endless_body_stops_at_the_cap() -> None:
    with serve({"/endless": endless}) as site, hang_guard():
        response = fetch(site.url("/endless"), FAST, anywhere)
    assert (len(response.body), response.truncated) == (FAST.max_bytes, True)


def test_a_content_length_above_the_cap_is_cut() -> None:
    body = b"<p>" + b"x" * 200_000 + b"</p>"
    with serve({"/": page(body)}) as site:
        response = fetch(site.url("/"), FAST._replace(max_bytes=1000), anywhere)
    assert (response.body, response.truncated) == (body[:1000], True)


def test_a_body_exactly_at_the_cap_is_whole() -> None:
    with serve({"/": page(b"x" * 1000), "/gz": compressed(b"x" * 1000, "gzip")}) as site:
        for path in ("/", "/gz"):
            response = fetch(site.url(path), FAST._replace(max_bytes=1000), anywhere)
            assert (len(response.body), response.truncated) == (1000, False)


def test_a_compressed_body_is_capped_on_the_wire_too() -> None:
    noise = bytes(range(256)) * 40  # incompressible enough: bigger gzipped than the cap
    with serve({"/": compressed(noise, "gzip")}) as site:
        response = fetch(site.url("/"), FAST._replace(max_bytes=2000), anywhere)
    assert response.truncated
    assert len(response.body) <= 2000


# Time limits.


def test_a_server_that_never_answers_is_cut_off() -> None:
    with serve({"/silent": silent}) as site:
        assert failure(site.url("/silent")) == "no response within 1 s"


def test_headers_dripping_a_byte_at_a_time_are_cut_off() -> None:
    with serve({"/drip": drip()}) as site:
        assert failure(site.url("/drip")) == "no response within 1 s"


def test_a_body_dripping_a_byte_at_a_time_is_cut_off() -> None:
    with serve({"/drip": drip(in_body=True)}) as site:
        assert failure(site.url("/drip")) == "the response took longer than 1 s; stopped"


def test_a_fetch_never_runs_past_the_crawl_deadline() -> None:
    with serve({"/silent": silent}) as site:
        started = time.monotonic()
        message = failure(site.url("/silent"), Limits(timeout=30.0), deadline=started + 0.3)
    assert message == "stopped at the scan's time limit before any response"
    assert time.monotonic() - started < 5


def test_a_deadline_already_past_contacts_nobody() -> None:
    with serve({"/": page(HTML)}) as site:
        assert "time limit" in failure(site.url("/"), deadline=time.monotonic() - 1)
        assert site.requests == []


# Redirects.


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirects_within_the_site_are_followed(status: int) -> None:
    routes = {
        "/old": redirect("/dir/new", status),
        "/dir/new": redirect("../final?x=1#top", status),
        "/final": page(HTML),
    }
    with serve(routes) as site:
        response = fetch(site.url("/old"), FAST, same_origin(site.origin))
        assert (response.url, response.body) == (site.url("/final?x=1"), HTML)
        assert response.redirects == (site.url("/old"), site.url("/dir/new"))
        assert site.requests == ["/old", "/dir/new", "/final?x=1"]


def test_a_redirect_outside_the_site_is_not_followed() -> None:
    with serve({"/": page(HTML)}) as other, serve({"/away": redirect(other.url("/"))}) as site:
        message = failure(site.url("/away"), allowed=same_origin(site.origin))
        assert message == f"redirected to {other.url('/')}, outside the site; not followed"
        assert other.requests == []


def test_allowed_sees_every_target_and_decides() -> None:
    seen: list[str] = []

    def allowed(url: str) -> bool:
        seen.append(url)
        return not url.endswith("/private")

    with serve({"/a": redirect("/b"), "/b": redirect("/private"), "/private": page(HTML)}) as site:
        assert "outside the site" in failure(site.url("/a"), allowed=allowed)
        assert seen == [site.url("/b"), site.url("/private")]
        assert site.requests == ["/a", "/b"]


@pytest.mark.parametrize("start", ["/loop/a", "/self"])
def test_a_redirect_loop_is_an_error(start: str) -> None:
    with serve(hostile()) as site:
        assert failure(site.url(start)).startswith("redirect loop: ")
        assert len(site.requests) <= 2


def test_too_many_redirects_is_an_error() -> None:
    routes = {f"/r{i}": redirect(f"/r{i + 1}") for i in range(10)} | {"/r10": page(HTML)}
    limits = FAST._replace(max_redirects=3)
    with serve(routes) as site:
        assert failure(site.url("/r0"), limits).startswith("more than 3 redirects")
        assert site.requests == ["/r0", "/r1", "/r2", "/r3"]
        assert fetch(site.url("/r7"), limits, anywhere).redirects == tuple(site.url(f"/r{i}") for i in (7, 8, 9))


@pytest.mark.parametrize(
    "location", ["mailto:dpo@example.com", "ftp://127.0.0.1/x", "data:text/html,hi", "http://127.0.0.1:port/"]
)
def test_a_redirect_to_anything_but_a_valid_http_url_is_not_followed(location: str) -> None:
    with serve({"/away": redirect(location)}) as site:
        assert failure(site.url("/away")) == f"redirected to {location}, which is not a valid http(s) URL; not followed"


# Responses that are not what a page should be: returned for the crawler to report.


@pytest.mark.parametrize("status", [500, 503, 404, 410])
def test_error_statuses_are_responses(status: int) -> None:
    with serve({"/broken": error(status)}) as site:
        response = fetch(site.url("/broken"), FAST, anywhere)
    assert (response.status, response.content_type) == (status, "text/html")


@pytest.mark.parametrize(("path", "content_type"), [("/photo.html", "image/png"), ("/terms.html", "application/pdf")])
def test_a_wrong_content_type_is_reported_as_served(path: str, content_type: str) -> None:
    with serve({path: wrong_type(content_type)}) as site:
        response = fetch(site.url(path), FAST, anywhere)
    assert (response.status, response.content_type) == (200, content_type)
    assert response.body.startswith(PNG[:8] if content_type == "image/png" else b"%PDF")


def test_a_body_shorter_than_its_content_length_is_an_error() -> None:
    with serve({"/short": length_lie(claimed=1000, body=b"<p>short</p>")}) as site:
        assert failure(site.url("/short")) == "the server closed the connection after 12 bytes of the 1000 it announced"


def test_a_body_longer_than_its_content_length_is_read_as_announced() -> None:
    with (
        serve({"/long": length_lie(claimed=5, body=b"<p>more</p>"), "/next": page(HTML)}) as site,
        client(FAST) as http,
    ):
        assert fetch(site.url("/long"), FAST, anywhere, client=http).body == b"<p>mo"
        # The surplus bytes do not leak into the next page on the same client.
        assert fetch(site.url("/next"), FAST, anywhere, client=http).body == HTML


# Failures before any response.


def test_an_unknown_host_is_a_clear_error() -> None:
    assert failure("http://example.invalid/") == "could not resolve host example.invalid"


def test_a_refused_connection_is_a_clear_error() -> None:
    port = unused_port()
    assert failure(f"http://127.0.0.1:{port}/") == f"connection refused by 127.0.0.1:{port}"


@pytest.mark.parametrize(
    "url", ["ftp://example.com/", "javascript:alert(1)", "file:///etc/passwd", "mailto:a@b.c", "http:///path"]
)
def test_only_http_and_https_urls_are_fetched(url: str) -> None:
    assert failure(url)


def test_a_fetch_error_reads_as_one_line() -> None:
    error = FetchError("http://example.invalid/", "could not resolve host example.invalid")
    assert str(error) == "http://example.invalid/: could not resolve host example.invalid"


@pytest.fixture(scope="module")
def tls_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    context = self_signed(tmp_path_factory.mktemp("tls"))
    if context is None:
        pytest.skip("openssl is not installed")
    with serve({"/": page(HTML)}, tls=context) as site:
        yield site.url("/")


def test_an_untrusted_certificate_is_a_clear_error(tls_site: str) -> None:
    assert failure(tls_site) == "TLS certificate not trusted: self-signed certificate; use --insecure to scan anyway"


def test_insecure_scans_an_untrusted_certificate(tls_site: str) -> None:
    response = fetch(tls_site, FAST._replace(insecure=True), anywhere)
    assert (response.status, response.body) == (200, HTML)


def test_the_client_verifies_tls_unless_insecure(tls_site: str) -> None:
    with client(FAST) as http, pytest.raises(httpx.ConnectError):
        http.get(tls_site)
    with client(FAST._replace(insecure=True)) as http:
        assert http.get(tls_site).status_code == 200


def test_every_hostile_route_ends_in_time(tmp_path: Path) -> None:
    """The whole kit in one server: each path gives a response or a FetchError, none hangs."""
    with serve({"/": page(HTML)}) as other, serve(hostile(other.url("/"))) as site:
        for path in hostile():
            with hang_guard(), suppress(FetchError):
                fetch(site.url(path), FAST, same_origin(site.origin))
        assert other.requests == []


# The server kit itself.


def test_the_kit_records_paths_with_their_query() -> None:
    with serve({"/a": page(HTML)}) as site:
        fetch(site.url("/a?x=1&y=2"), FAST, anywhere)
        fetch(site.url("/missing"), FAST, anywhere)
        assert site.requests == ["/a?x=1&y=2", "/missing"]


def test_the_kit_gzip_bomb_is_ten_megabytes_of_zeros() -> None:
    body = gzip_bomb().body
    assert len(body) < 100_000
    assert len(gzip.decompress(body)) == 10 * 1024 * 1024


def test_the_kit_stops_at_once_with_handlers_blocked() -> None:
    connections = []
    with hang_guard(), serve(hostile()) as site:
        for path in ("/silent", "/drip", "/drip-body", "/endless", "/bomb-stream"):
            connection = socket.create_connection(("127.0.0.1", site.port))
            connection.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
            connections.append(connection)
        while len(site.requests) < len(connections):
            time.sleep(0.01)
    for connection in connections:
        connection.close()


def test_a_server_hanging_up_is_a_clear_error() -> None:
    with serve({"/hangup": hang_up}) as site:
        assert (
            failure(site.url("/hangup"))
            == f"the server at 127.0.0.1:{site.port} closed the connection without a response"
        )
        assert site.requests == ["/hangup"]  # a fresh connection is not retried


def test_a_kept_alive_connection_closed_by_the_server_is_retried_once() -> None:
    with serve({"/page": once_per_connection(page(HTML))}) as site, client(FAST) as http:
        assert fetch(site.url("/page"), FAST, anywhere, client=http).body == HTML
        assert fetch(site.url("/page"), FAST, anywhere, client=http).body == HTML
        assert site.requests == ["/page", "/page", "/page"]
