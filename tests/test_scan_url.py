"""`datamin scan-url`: a crawl of real HTTP servers on 127.0.0.1 that record every request.

The shop site has forms, a sitemap, a robots.txt that disallows a page, and links that must not
be followed (another origin, mailto:, tel:, javascript:, images). The hostile site answers with
every bad behaviour the fetcher bounds. Each crawl must end by itself, report what it could, and
never touch a disallowed or off-origin URL.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import built_by_script
from servers import Exchange, Route, Server, error, hostile, page, redirect, serve, unused_port

from datamin.check import Options, Result, scan_site
from datamin.cli import main
from datamin.manifest import load_manifest
from datamin.web.crawl import Settings, page_outline, sitemap_locations
from datamin.web.fetch import Limits

FAST = Settings(
    max_pages=50, max_depth=3, max_time=30.0, delay=0.0, limits=Limits(timeout=5.0)
)  # a well-behaved local server; room for a loaded machine

HOME = """<!doctype html><html><head><title>Kopi &amp; Kaya</title></head><body>
<a href="/signup">Sign up</a> <a href="contact">Contact</a> <a href="/checkout#pay">Checkout</a>
<a href="/private/draft">Draft</a> <a href="{other}/elsewhere">Partner</a>
<a href="mailto:hello@kopi.example">Mail</a> <a href="tel:+6561234567">Call</a>
<a href="javascript:void(0)">Menu</a> <a href="/logo.png">Logo</a> <a href="ftp://kopi.example/x">FTP</a>
</body></html>"""
SIGNUP = """<!doctype html><html><head><title>Join</title>
<script async src="https://static.hotjar.com/c/hotjar-3141592.js?sv=6"></script></head><body>
<form method="post" action="/signup">
  <p>We use these details to run your membership. <a href="/privacy">Privacy notice</a></p>
  <label for="nric">NRIC</label> <input id="nric" name="nric">
  <label for="dob">Date of birth</label> <input id="dob" name="dob" type="date">
  <input name="email" type="email" autocomplete="email">
</form></body></html>"""
CONTACT = """<html><body><form action="/contact">
  <p>We reply within a day. <a href="/privacy">Privacy</a></p>
  <input name="full_name" autocomplete="name"> <input name="nric" placeholder="NRIC">
</form></body></html>"""
CHECKOUT = """<html><body><form method="post" action="{other}/pay">
  <p>Payment is handled by our provider. <a href="/privacy">Privacy</a></p>
  <input name="cardnumber" autocomplete="cc-number">
</form></body></html>"""
FAQ = "<html><head><title>FAQ</title></head><body><p>Opening hours</p></body></html>"
PRIVATE = '<html><body><form method="post"><input name="nric"></form></body></html>'


@pytest.fixture
def other() -> Iterator[Server]:
    """Another origin: nothing may ever reach it."""
    with serve({"/elsewhere": page("<p>partner</p>"), "/pay": page("ok")}) as server:
        yield server


@pytest.fixture
def shop(other: Server) -> Iterator[Server]:
    def sitemap(exchange: Exchange) -> None:  # it names the server's own origin, known once it runs
        here = f"http://{exchange.headers['Host']}"
        exchange.reply(
            page(
                f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{here}/faq</loc></url><url><loc>{other.url("/elsewhere")}</loc></url>
</urlset>""",
                content_type="application/xml",
            )
        )

    routes: dict[str, Route] = {
        "/": page(HOME.format(other=other.origin)),
        "/signup": page(SIGNUP),
        "/contact": page(CONTACT),
        # another host, as a payment provider is: the same host on another port is still ours for DM301
        "/checkout": page(CHECKOUT.format(other=other.origin.replace("127.0.0.1", "localhost"))),
        "/faq": page(FAQ),
        "/private/draft": page(PRIVATE),
        "/robots.txt": page("User-agent: *\nDisallow: /private\n", content_type="text/plain"),
        "/sitemap.xml": sitemap,
    }
    with serve(routes) as server:
        yield server


def scan(url: str, settings: Settings = FAST, manifest: Path | None = None, **kwargs: object) -> Result:
    loaded = load_manifest(str(manifest)) if manifest else None
    return scan_site(url, loaded, settings, Options(jobs=1), **kwargs)  # type: ignore[arg-type]


def test_a_shop_is_crawled_within_its_origin_and_robots_txt(shop: Server, other: Server) -> None:
    result = scan(shop.url("/"))
    assert set(shop.requests) == {
        "/robots.txt", "/sitemap.xml", "/", "/signup", "/contact", "/checkout", "/faq", "/privacy",
    }  # fmt: skip
    assert other.requests == []  # the partner link, the sitemap's foreign URL, the form posting there
    assert "/private/draft" not in shop.requests and "/logo.png" not in shop.requests
    assert {(p.url.removeprefix(shop.origin), p.status, p.depth) for p in result.pages} == {
        ("/", 200, 0), ("/faq", 200, 1), ("/signup", 200, 1), ("/contact", 200, 1), ("/checkout", 200, 1),
        ("/privacy", 404, 2),  # linked from the forms; not there
    }  # fmt: skip
    assert result.scanned == 5
    fields = {(f.path.removeprefix(shop.origin), f.control.name, f.category) for f in result.fields}
    assert fields == {
        ("/signup", "nric", "national_id"), ("/signup", "dob", "date_of_birth"), ("/signup", "email", "email"),
        ("/contact", "full_name", "name"), ("/contact", "nric", "national_id"),
        ("/checkout", "cardnumber", "financial_card"),
    }  # fmt: skip
    assert all(f.control.source == "url" for f in result.fields)
    assert [url.removeprefix(shop.origin) for url in result.skipped] == ["/private/draft"]  # said, not silent
    assert any("1 pages not fetched because robots.txt disallows them" in note for note in result.notes)


def test_what_the_forms_and_scripts_of_the_pages_show(shop: Server, other: Server) -> None:
    result = scan(shop.url("/"))
    found = {(f.path.removeprefix(shop.origin), f.code, f.category) for f in result.findings}
    assert found == {
        ("/signup", "DM303", "national_id"),  # Hotjar beside an NRIC and a birth date
        ("/signup", "DM300", "national_id"), ("/signup", "DM300", "date_of_birth"),  # an http:// page
        ("/contact", "DM300", "national_id"),  # GET, and http://
        ("/checkout", "DM300", "financial_card"), ("/checkout", "DM301", "financial_card"),
    }  # fmt: skip
    signup = next(p for p in result.pages if p.url.endswith("/signup"))
    assert signup.trackers == ("Hotjar",) and signup.forms == 1 and signup.title == "Join"


def test_with_a_manifest_the_fields_are_matched_against_it(shop: Server, tmp_path: Path) -> None:
    manifest = tmp_path / "datamin.yml"
    manifest.write_text(
        "version: 1\norganisation: {name: Kopi, country: SG}\npurposes:\n"
        "  - {id: members, description: Membership, use: essential.service, lawful_basis: contract, retention: P1Y}\n"
        "data:\n  - {category: email, purposes: [members]}\n",
        encoding="utf-8",
    )
    result = scan(shop.url("/"), manifest=manifest)
    undeclared = {(f.path.removeprefix(shop.origin), f.category) for f in result.findings if f.code == "DM100"}
    assert ("/signup", "national_id") in undeclared and ("/signup", "email") not in undeclared
    assert not [f for f in result.findings if f.code == "DM200"]  # a crawl sees part of a site


def test_limits_on_pages_and_depth(shop: Server) -> None:
    one = scan(shop.url("/"), FAST._replace(max_pages=1))
    assert [p.url for p in one.pages] == [shop.url("/")]
    assert any("--max-pages 1" in note for note in one.notes)
    start_only = scan(shop.url("/"), FAST._replace(max_depth=0))
    assert [p.url for p in start_only.pages] == [shop.url("/")]
    assert "/sitemap.xml" not in shop.requests[-2:]


def test_a_hostile_site_ends_within_its_bounds(other: Server) -> None:
    routes = hostile(elsewhere=other.url("/elsewhere"))
    links = "".join(f'<a href="{path}">x</a>' for path in routes)
    with serve({**routes, "/": page(f"<html><body>{links}</body></html>")}) as site:
        started = time.monotonic()
        result = scan(site.url("/"), FAST._replace(limits=Limits(timeout=1.0, max_bytes=256 * 1024)))
        assert time.monotonic() - started < 60  # a hang guard, not a benchmark
    assert other.requests == []
    by_path = {p.url.removeprefix(site.origin): p for p in result.pages}
    assert by_path["/"].status == 200 and result.scanned >= 1
    for path in ("/silent", "/drip", "/endless", "/loop/a", "/self", "/away", "/error", "/photo.html"):
        assert by_path[path].error, path  # every bad page says what went wrong
    assert "outside the site" in by_path["/away"].error
    assert by_path["/error"].error == "HTTP 500"
    assert "not an HTML page" in by_path["/photo.html"].error
    assert {e.path for e in result.errors} >= {site.url(p) for p in ("/silent", "/drip", "/error")}


def test_a_robots_txt_that_fails_disallows_the_site() -> None:
    with serve({"/robots.txt": error(503), "/": page("<form><input name=nric></form>")}) as site:
        result = scan(site.url("/"))
    assert site.requests == ["/robots.txt"]
    assert result.scanned == 0 and "robots.txt answered HTTP 503, which disallows the site" in result.pages[0].error
    assert any("503" in note for note in result.notes)


def test_a_site_that_refuses_connections_cannot_be_reached_and_robots_txt_is_not_blamed() -> None:
    result = scan(f"http://127.0.0.1:{unused_port()}/")
    assert result.scanned == 0
    assert result.pages[0].error.startswith("the site cannot be reached (")
    assert "robots" not in result.pages[0].error


def test_without_a_scheme_https_then_http_and_the_notes_say_which_answered() -> None:
    with serve({"/": page('<form method="post"><input name="nric"></form>')}) as site:
        result = scan(site.origin.removeprefix("http://") + "/")
    assert result.scanned == 1 and result.pages[0].url == site.url("/")
    assert any(note.startswith("no scheme given; https://127.0.0.1:") for note in result.notes)
    assert any(note == f"{site.origin} answered: crawling it" for note in result.notes)


def test_ctrl_c_keeps_what_was_found(shop: Server) -> None:
    seen: list[str] = []

    def interrupt(page: object) -> None:
        seen.append(getattr(page, "url", ""))
        if len(seen) == 2:
            raise KeyboardInterrupt

    result = scan(shop.url("/"), on_page=interrupt)
    assert len(result.pages) == 2
    assert any("interrupted after 2 pages" in e.message for e in result.errors)


def test_several_requests_at_once_stay_within_the_rules(shop: Server, other: Server) -> None:
    result = scan(shop.url("/"), FAST._replace(concurrency=3))
    assert result.scanned == 5 and other.requests == [] and "/private/draft" not in shop.requests


def test_the_command_line(shop: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.json"
    code = main(["scan-url", shop.url("/"), "--delay", "0", "--format", "json", "-o", str(out)])
    assert code == 1  # DM300 is an error
    report = json.loads(out.read_text(encoding="utf-8"))
    assert {f["source"] for f in report["fields"]} == {"url"}
    assert {(f["code"], f["path"]) for f in report["findings"]} >= {("DM303", shop.url("/signup"))}
    assert main(["scan-url", shop.url("/"), "--delay", "0", "--format", "json", "-o", str(out)]) == 2  # no --force
    html = tmp_path / "report.html"
    assert main(["scan-url", shop.url("/"), "--delay", "0", "--format", "html", "-o", str(html)]) == 1
    assert "Hotjar" in html.read_text(encoding="utf-8")


def test_the_command_line_says_when_nothing_could_be_read(capsys: pytest.CaptureFixture[str]) -> None:
    port = unused_port()
    assert main(["scan-url", f"http://127.0.0.1:{port}/", "--delay", "0", "--timeout", "1"]) == 2
    assert "connection refused" in capsys.readouterr().out
    assert main(["scan-url", "ftp://example.org/"]) == 2
    assert "not an http:// or https:// URL" in capsys.readouterr().err


def test_links_and_sitemaps_are_read_without_fetching_anything() -> None:
    html = '<base href="/shop/"><a href="cart">c</a><a href="#top">t</a><iframe src="/embed/form"></iframe>'
    assert page_outline(html, "https://kopi.example/").links == [
        "https://kopi.example/shop/cart",
        "https://kopi.example/embed/form",
    ]
    entity = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>'
    assert sitemap_locations(entity) == ([], [])
    index = b"<sitemapindex><sitemap><loc>https://kopi.example/a.xml</loc></sitemap></sitemapindex>"
    assert sitemap_locations(index) == (["https://kopi.example/a.xml"], [])


BUILT_BY_SCRIPT = built_by_script("Lucky draw", "NRIC number", "ic_number", notice="Privacy notice")


@pytest.fixture
def chromium() -> Iterator[Any]:
    from browser_support import launched

    yield from launched()  # skips when no Chromium or playwright is installed


def test_a_form_built_by_javascript_is_found_only_when_rendered(chromium: Any) -> None:
    routes: dict[str, Route] = {"/": page(BUILT_BY_SCRIPT)}
    with serve(routes) as site:
        served = scan(site.url("/"))
        assert served.fields == [] and served.scanned == 1
        rendered = scan(site.url("/"), FAST._replace(render=True, limits=Limits(timeout=15.0)), browser=chromium)
    assert [(f.control.name, f.category) for f in rendered.fields] == [("ic_number", "national_id")]
    assert rendered.pages[0].rendered and rendered.pages[0].title == "Lucky draw"
    assert {f.code for f in rendered.findings} == {"DM300"}  # on an http:// page


RACE_BY_SCRIPT = built_by_script("Member sign-up", "Race", "q3")


def test_a_race_field_a_script_builds_is_reported_by_scan_url_render() -> None:
    """Singapore's forms ask for "Race" with no other word: a field labelled so is race_ethnicity,
    also when only a script writes it. The command as a user runs it, in a process of its own."""
    import subprocess
    import sys

    from datamin.web.browser import chromium_path

    if chromium_path() is None:
        pytest.skip("--render needs Chromium or Google Chrome, and none was found")
    pytest.importorskip("playwright")
    with serve({"/": page(RACE_BY_SCRIPT)}) as site:
        run = subprocess.run(
            [sys.executable, "-m", "datamin", "scan-url", site.url("/"), "--render", "--delay", "0",
             "--timeout", "15", "--format", "json"],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert run.returncode == 1, run.stderr
    document = json.loads(run.stdout)
    assert [(f["name"], f["category"]) for f in document["fields"]] == [("q3", "race_ethnicity")]


def test_sarif_of_a_live_scan_points_at_the_pages(shop: Server, tmp_path: Path) -> None:
    schema_path = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip("the SARIF schema is not here (../shared/schemas)")
    import jsonschema

    out = tmp_path / "scan.sarif"
    assert main(["scan-url", shop.url("/"), "--delay", "0", "--format", "sarif", "-o", str(out)]) == 1
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, json.loads(schema_path.read_text(encoding="utf-8")))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in document["runs"][0]["results"]}
    assert uris == {shop.url(p) for p in ("/signup", "/contact", "/checkout")}


def test_the_progress_bar_counts_pages_out_of_the_limit(capsys: pytest.CaptureFixture[str]) -> None:
    from datamin.cli import _Progress
    from datamin.records import Page

    progress = _Progress(4)
    progress(Page("https://kopi.example/", 200, 0))
    progress(Page("https://kopi.example/signup", 200, 1))
    progress.done()
    assert "[" + "#" * 12 + "-" * 12 + "] 2/4 https://kopi.example/signup" in capsys.readouterr().err


def test_an_untrusted_certificate_needs_insecure_also_to_render(chromium: Any, tmp_path: Path) -> None:
    from servers import self_signed

    tls = self_signed(tmp_path)
    if tls is None:
        pytest.skip("openssl is not installed")
    settings = FAST._replace(render=True, limits=Limits(timeout=15.0))
    with serve({"/": page(BUILT_BY_SCRIPT)}, tls=tls) as site:
        refused = scan(site.url("/"), settings, browser=chromium)
        allowed = scan(site.url("/"), settings._replace(limits=Limits(timeout=15.0, insecure=True)), browser=chromium)
    assert refused.scanned == 0 and "TLS certificate not trusted" in refused.pages[0].error
    assert [(f.control.name, f.category) for f in allowed.fields] == [("ic_number", "national_id")]
    assert allowed.pages[0].rendered and not {f.code for f in allowed.findings} & {"DM300"}  # https: no DM300


def test_a_start_page_that_moves_within_the_site_moves_the_crawl(shop: Server, other: Server) -> None:
    """`http://shop.example` answering with `https://shop.example/`: the same host, another origin."""
    with serve({"/": redirect(shop.url("/"))}) as old:
        moved = scan(old.url("/"))
    assert old.requests == ["/robots.txt", "/"]
    assert moved.scanned == 5 and all(p.url.startswith(shop.origin) for p in moved.pages)
    assert any(f"crawling {shop.origin}" in note for note in moved.notes)
    elsewhere = other.origin.replace("127.0.0.1", "localhost")  # another host: reported, not followed
    with serve({"/": redirect(elsewhere + "/")}) as site:
        stayed = scan(site.url("/"))
    assert other.requests == [] and "outside the site" in stayed.pages[0].error


def test_a_page_served_reads_as_the_same_file_read_from_disk() -> None:
    """The live scan and `inventory` share the parser and classifier: the same fields, lines and
    categories for the plain HTML fixtures, served as pages of a site."""
    from datamin.check import inventory

    root = Path(__file__).resolve().parents[1] / "fixtures"
    files = [root / "forms/html/hr/job-application.html", root / "forms/html/survey/community-wellbeing-2024.html"]
    routes: dict[str, Route] = {f"/{f.stem}": page(f.read_bytes()) for f in files}
    links = "".join(f'<a href="/{f.stem}">{f.stem}</a>' for f in files)
    routes["/"] = page(f"<html><body>{links}</body></html>")
    with serve(routes) as site:
        live = scan(site.url("/"))
    for file in files:
        on_disk = {
            (f.control.line, f.control.display_name, f.category) for f in inventory([str(file)], Options(jobs=1)).fields
        }
        served = {
            (f.control.line, f.control.display_name, f.category) for f in live.fields if f.path.endswith(file.stem)
        }
        assert on_disk and served == on_disk, file.name


def test_the_reports_list_what_robots_txt_kept_out(shop: Server, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from datamin.cli import cli

    common = ["--delay", "0", "--max-pages", "10", "--timeout", "5"]
    result = CliRunner().invoke(cli, ["scan-url", shop.url("/"), "--format", "json", *common])
    document = json.loads(result.stdout)
    assert document["skipped"] == [{"url": shop.url("/private/draft"), "reason": "disallowed by robots.txt"}]
    result = CliRunner().invoke(
        cli, ["scan-url", shop.url("/"), "--format", "html", "-o", str(tmp_path / "r.html"), *common]
    )
    assert "Not fetched: robots.txt disallows 1 page" in (tmp_path / "r.html").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["scan-url", shop.url("/"), "--format", "github", *common])
    assert result.exit_code == 1 and "::error file=" in result.stdout
