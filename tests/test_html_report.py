"""The HTML report: one self-contained, escaped page that reads on a phone."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser_support import launched

from datamin.check import Result
from datamin.records import Control, Field, Finding, Form, Page, ScanError
from datamin.report import Report, reporters

SITE = "https://shop.example.sg"
HOSTILE = "<script>alert(1)</script>"
PHONE = {"width": 390, "height": 844}


def scanned_site() -> Result:
    checkout = Form(12, "form#checkout", f"{SITE}/pay", "post", notice=False)
    signup = Form(40, f'form[name="{HOSTILE}"]', "http://shop.example.sg/join", "post", notice=True)

    def field(url: str, line: int, name: str, category: str, sensitivity: str, form: Form | None) -> Field:
        control = Control(url, line, 5, "url", "input", name=name, form=form, labels=(("label", name),))
        return Field(control, category, sensitivity, 0.93, (f"name {name}", f"label {name}"))

    fields = [
        field(f"{SITE}/checkout", 14, "nric", "national_id", "high", checkout),
        field(f"{SITE}/checkout", 15, "email", "email", "low", checkout),
        field(f"{SITE}/join", 41, HOSTILE, "date_of_birth", "high", signup),
        field(f"{SITE}/join", 60, "phone", "phone", "low", None),
    ]
    findings = [
        Finding("DM100", "error", f"{SITE}/checkout", 14, 5, "national_id collected but not declared", "national_id"),
        Finding("DM303", "warning", f"{SITE}/checkout", 3, 1, f"tracker on a page that asks for {HOSTILE}"),
        Finding("DM300", "error", f"{SITE}/join", 40, 1, "the form posts over plain HTTP", None, HOSTILE),
        Finding("DM301", "warning", "datamin.yml", 7, 3, "recipient not declared"),
    ]
    pages = (
        Page(f"{SITE}/", 200, 0, title="Durian Shop", forms=0),
        Page(f"{SITE}/checkout", 200, 1, title="Checkout", forms=1, trackers=("Meta Pixel", "Hotjar"), rendered=True),
        Page(f"{SITE}/join", 200, 1, title=HOSTILE, forms=2, trackers=("Meta Pixel",)),
        Page(f"{SITE}/gone", 404, 1, error="HTTP 404"),
    )
    errors = [
        ScanError(f"{SITE}/gone", None, "HTTP 404"),
        ScanError(f"{SITE}/join", 77, f"unclosed tag near {HOSTILE}"),
    ]
    notes = ("robots.txt asks for 2 s between requests; waiting 2 s",)
    return Result(fields, findings, errors, scanned=3, notes=notes, pages=pages)


def render_report(result: Result, command: str = "scan-url", manifest: str | None = "datamin.yml") -> str:
    out = io.StringIO()
    reporters()["html"](Report(result, command, manifest), out)
    return out.getvalue()


class Markup(HTMLParser):
    """What a browser would parse out of the report: its elements and their attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(document: str) -> Markup:
    markup = Markup()
    markup.feed(document)
    markup.close()
    return markup


def test_one_self_contained_document() -> None:
    document = render_report(scanned_site())
    markup = parsed(document)
    assert document.startswith("<!DOCTYPE html>")
    assert document.count("<html") == 1 and document.rstrip().endswith("</html>")
    tags = [tag for tag, _ in markup.tags]
    assert "script" not in tags
    assert "link" not in tags  # no stylesheet, no icon, no font
    assert "img" not in tags and "iframe" not in tags
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in markup.tags
    assert "@import" not in document and "@font-face" not in document and "url(" not in document
    for _, attrs in markup.tags:
        assert "src" not in attrs
        href = attrs.get("href") or ""
        if href.startswith(("http://", "https://")):
            assert href.startswith(SITE) or href.startswith("http://shop.example.sg"), href
        else:
            assert href == "" or href.startswith("#"), href
    links = {attrs["href"] for tag, attrs in markup.tags if tag == "a" and (attrs.get("href") or "").startswith("http")}
    assert links == {f"{SITE}/", f"{SITE}/checkout", f"{SITE}/join", f"{SITE}/gone"}


def test_text_from_the_site_is_escaped() -> None:
    document = render_report(scanned_site())
    assert HOSTILE not in document
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in document
    text = "".join(parsed(document).text)
    assert text.count(HOSTILE) >= 5  # title, field, form, finding message and field, error: shown as text


def test_hostile_urls_are_not_links() -> None:
    result = scanned_site()
    result = result._replace(pages=(Page('javascript:alert(1)//"><b>x</b>', None, 0, error="no response"),))
    document = render_report(result)
    assert "javascript:" not in " ".join(str(attrs) for _, attrs in parsed(document).tags)
    assert '"><b>x</b>' not in document


def cell_texts(document: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", document)]


def card(document: str, label: str) -> int:
    found = re.search(rf'<div class="card"><b>(\d+)</b>{re.escape(label)}</div>', document)
    assert found, label
    return int(found.group(1))


def test_the_summary_counts() -> None:
    document = render_report(scanned_site())
    summary = document.split('<section id="summary">')[1].split("</section>")[0]
    assert card(summary, "pages scanned") == 3
    assert card(summary, "pages with errors") == 1
    assert card(summary, "personal-data fields") == 4
    assert card(summary, "findings") == 4
    assert card(summary, "trackers") == 2
    cells = cell_texts(summary)
    assert cells[cells.index("high") + 1] == "2"  # fields by sensitivity
    assert cells[cells.index("low") + 1] == "2"
    assert cells[cells.index("error") + 1] == "2"  # findings by severity
    assert cells[cells.index("warning") + 1] == "2"
    assert cells[cells.index("Meta Pixel") + 1] == "2"  # trackers, by pages
    assert cells[cells.index("Hotjar") + 1] == "1"
    assert cells[cells.index("national_id") + 1] == "1"  # collected but not declared (DM100)
    worst = re.findall(r"<li>(.*?)</li>", summary.split("The worst findings")[1])
    assert [re.sub(r"<[^>]+>", "", item).split()[:2] for item in worst] == [
        ["error", "DM100"], ["error", "DM300"], ["warning", "DM301"], ["warning", "DM303"],
    ]  # fmt: skip
    assert "4 findings in 3 pages: 2 errors, 2 warnings." in document
    from datamin import __version__

    assert re.search(rf"Generated \d{{4}}-\d\d-\d\d \d\d:\d\d UTC by datamin {re.escape(__version__)}", document)


def test_findings_come_once_by_severity_with_why_and_how_to_fix() -> None:
    document = render_report(scanned_site())
    section = document.split('<section id="findings">')[1].split("</section>")[0]
    rules = re.findall(r'<article class="rule" id="(DM\d+)">', section)
    assert rules == ["DM100", "DM300", "DM301", "DM303"]  # errors first
    assert section.count("<b>Why it matters.</b>") == 4 and section.count("<b>How to fix.</b>") == 4
    assert (
        document.index('<section id="findings">')
        < document.index('<section id="map">')
        < document.index("<h2>Pages</h2>")
    )


def test_the_data_map_draws_each_category_where_it_is_collected() -> None:
    document = render_report(scanned_site())
    section = document.split('<section id="map">')[1].split("</section>")[0]
    assert '<svg class="map" role="img"' in section and "<script" not in section
    dots = re.findall(r"<circle [^>]*><title>([^<]+)</title></circle>", section)
    assert sorted(dots) == [
        "date_of_birth in pages: 1", "email in pages: 1", "national_id in pages: 1", "phone in pages: 1",
    ]  # fmt: skip


def test_a_table_is_not_asked_for_a_privacy_notice() -> None:
    table = Form(3, "customers", None, None, store="schema.sql")
    control = Control("schema.sql", 4, 3, "sql", "column", name="nric", form=table)
    result = Result([Field(control, "national_id", "high", 0.9, ("column: nric",))], [], [], scanned=1)
    document = render_report(result, "inventory", None)
    assert '<code class="wrap">customers</code>' in document and "privacy notice" not in document


def test_each_page_shows_its_forms_fields_and_findings() -> None:
    document = render_report(scanned_site())
    sections = re.findall(r'<article id="s\d+">(.*?)</article>', document, re.S)
    checkout = next(s for s in sections if f"{SITE}/checkout</span></a></h3>" in s)
    assert "form#checkout" in checkout and "method POST" in checkout
    assert {"nric", "national_id", "email", "DM100", "DM303"} <= set(cell_texts(checkout))
    assert "<dd>Meta Pixel, Hotjar</dd>" in checkout
    assert "after running its scripts" in checkout
    join = next(s for s in sections if f"{SITE}/join</span></a></h3>" in s)
    assert "Fields outside a form" in join and "DM300" in join
    gone = next(s for s in sections if f"{SITE}/gone</span></a></h3>" in s)
    assert "HTTP 404" in gone and "No personal-data fields and no findings" in gone
    manifest = next(s for s in sections if "datamin.yml" in s)  # a finding no page accounts for
    assert "DM301" in manifest
    assert '<section id="errors">' in document and "unclosed tag near" in document


def test_check_groups_by_file_and_inventory_has_no_findings() -> None:
    control = Control("/repo/templates/signup.html", 3, 9, "html", "input", name="dob")
    fields = [Field(control, "date_of_birth", "high", 0.9, ("name dob",))]
    findings = [Finding("DM100", "error", "/repo/templates/signup.html", 3, 9, "date_of_birth is not declared")]
    result = Result(fields, findings, [], scanned=1)
    checked = render_report(result, "check")
    assert "<h2>Files</h2>" in checked and "signup.html" in checked and "DM100" in checked
    assert "1 finding in 1 file: 1 error." in checked
    listed = render_report(result, "inventory", None)
    assert "DM100" not in listed and "Findings by" not in listed and "</b>findings<" not in listed
    assert "1 personal-data field in 1 file." in listed
    empty = render_report(Result([], [], [], scanned=2), "check")
    assert "No findings in 2 files: every personal-data field is declared in datamin.yml." in empty


# -- in a real browser ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    yield from launched()


def long_names() -> Result:
    """A report whose names are as long as real ones get: 60 characters without a space."""
    result = scanned_site()
    long = "customer_emergency_contact_secondary_mobile_number_verified_x"
    assert len(long) >= 60
    fields = [f._replace(control=f.control._replace(name=long)) for f in result.fields]
    findings = [f._replace(field=long, container=f"form#{long}") for f in result.findings]
    return result._replace(fields=fields, findings=findings)


@pytest.mark.parametrize("width", [320, 390, 768, 1280, 1440])
def test_it_never_overflows_and_codes_never_wrap(chromium: Any, tmp_path: Path, width: int) -> None:
    report_file = tmp_path / "report.html"
    report_file.write_text(render_report(long_names()), encoding="utf-8")
    context = chromium.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.goto(report_file.as_uri(), wait_until="load", timeout=15_000)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        wrapped = page.evaluate(
            "[...document.querySelectorAll('code.nowrap')].filter(e => e.getClientRects().length > 1).length"
        )
        shot = tmp_path / f"{width}.png"
        page.screenshot(path=str(shot), full_page=True, timeout=15_000)
    finally:
        context.close()
    assert overflow <= 0, f"{overflow} px of sideways scrolling at {width} px"
    assert wrapped == 0
    assert shot.stat().st_size > 0


def test_it_prints_on_a4(chromium: Any, tmp_path: Path) -> None:
    report_file = tmp_path / "report.html"
    report_file.write_text(render_report(long_names()), encoding="utf-8")
    context = chromium.new_context()
    try:
        page = context.new_page()
        page.goto(report_file.as_uri(), wait_until="load", timeout=15_000)
        page.emulate_media(media="print")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        context.close()
    assert pdf.startswith(b"%PDF") and overflow <= 0


def test_it_opens_cleanly_on_a_phone(chromium: Any, tmp_path: Path) -> None:
    report_file = tmp_path / "report.html"
    report_file.write_text(render_report(scanned_site()), encoding="utf-8")
    context = chromium.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(report_file.as_uri(), wait_until="load", timeout=15_000)
        # Narrow enough to stack: the page never scrolls sideways.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        shot = tmp_path / "phone.png"
        page.screenshot(path=str(shot), full_page=True, timeout=15_000)
    finally:
        context.close()
    assert [m for m in messages if m.startswith(("error", "pageerror"))] == []
    assert requests == [report_file.as_uri()]
    assert overflow <= 0
    assert shot.stat().st_size > 0
