"""One self-contained HTML page: the counts, then each page of a live scan (or each file) with
its forms, fields and findings, then what could not be read.

Nothing is loaded from anywhere: the CSS is inline and there is no script, so the report reads
the same from a CI artifact, an e-mail attachment or a phone, and its own Content-Security-
Policy forbids scripts outright. Every piece of text that came from a scanned site or file
(titles, URLs, field names, labels, messages) is escaped; only http(s) URLs become links.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from html import escape
from typing import NamedTuple, TextIO

from datamin import __version__
from datamin.codes import SEVERITIES, load_codes
from datamin.fingerprint import portable
from datamin.records import Field, Finding, Form, Page
from datamin.report import Report

SENSITIVITIES = ("high", "medium", "low")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

# Colour is a second cue only: every badge also says its level in words.
CSS = """
:root{color-scheme:light dark;--fg:#1f2328;--bg:#fff;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;
--red:#a40e26;--red-bg:#ffebe9;--amber:#7d4e00;--amber-bg:#fff8c5;--blue:#0550ae;--blue-bg:#ddf4ff;
--grey:#424a53;--grey-bg:#eaeef2}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--bg:#0d1117;--muted:#9198a1;--line:#3d444d;
--card:#151b23;--red:#ffa198;--red-bg:#490202;--amber:#f2cc60;--amber-bg:#4b2900;--blue:#a5d6ff;
--blue-bg:#0c2d6b;--grey:#d1d9e0;--grey-bg:#2f3742}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;color:var(--fg);background:var(--bg);
font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h3{font-size:1.1rem;margin:0 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .25rem}
h4 .muted{font-weight:400}
a{color:var(--blue)}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.wrap,td,dd,h3{overflow-wrap:anywhere}
.muted{color:var(--muted)}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem;margin:1rem 0}
.card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem}
.card b{display:block;font-size:1.6rem;line-height:1.2}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr));gap:0 1.5rem}
.badge{display:inline-block;padding:0 .45rem;border:1px solid currentColor;border-radius:1rem;
font-size:.8rem;font-weight:600;white-space:nowrap}
.error,.high{color:var(--red);background:var(--red-bg)}
.warning,.medium{color:var(--amber);background:var(--amber-bg)}
.note,.low{color:var(--blue);background:var(--blue-bg)}
.other{color:var(--grey);background:var(--grey-bg)}
article{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .75rem;margin:.5rem 0}
dt{color:var(--muted)}
dd{margin:0}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:.25rem 0 .75rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line)}
th{font-size:.85rem;color:var(--muted)}
.n{text-align:right;font-variant-numeric:tabular-nums}
details{margin:1rem 0}
summary{cursor:pointer}
.nowrap{white-space:nowrap}
.wide{grid-column:1/-1}
ol{padding-left:1.5rem}
pre.fix{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:.5rem .75rem;
white-space:pre-wrap;overflow-wrap:anywhere;font-size:.85rem}
svg.map{max-width:100%;height:auto;color:var(--fg)}
svg.map .axis{font-size:11px;fill:currentColor}
svg.map .count{font-size:10px;fill:var(--muted)}
svg.map .dot.high{fill:var(--red)}
svg.map .dot.medium{fill:var(--amber)}
svg.map .dot.low{fill:var(--blue)}
svg.map .dot{fill:var(--grey)}
.rule{border-left-width:4px}
@media print{
@page{size:A4;margin:15mm}
body{font-size:10.5pt;background:#fff;color:#000}
main{max-width:none;padding:0}
.scroll{overflow:visible}
article,.card,tr{break-inside:avoid}
h2,h3{break-after:avoid}
a{color:inherit;text-decoration:none}
}
@media (max-width:40rem){
main{padding:.75rem}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.stack tr{display:block;padding:.4rem 0;border-bottom:1px solid var(--line)}
table.stack td{display:flex;gap:.5rem;padding:.1rem 0;border:0;text-align:left}
table.stack td::before{content:attr(data-label);flex:0 0 6.5rem;color:var(--muted);font-size:.85rem}
article{padding:.5rem .75rem}
}
"""


class Section(NamedTuple):
    """A page of a live scan, or a file, and what was found on it."""

    anchor: str
    where: str  # the page URL or the file path, as shown
    page: Page | None
    fields: list[Field]
    findings: list[Finding]


def report(report: Report, out: TextIO) -> None:
    for chunk in _document(report):
        out.write(chunk)


def _document(report: Report) -> Iterator[str]:
    result = report.result
    site = report.command == "scan-url" or bool(result.pages)
    sections = _sections(report, site)
    start = result.pages[0].url if result.pages else ""
    title = f"datamin {report.command}" + (f": {start}" if start else "")
    yield (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
    )
    yield f'<header>\n<h1>datamin {_e(report.command)}</h1>\n<p class="muted wrap">'
    yield (_link(start) if start else "") + f"{' · ' if start else ''}{_e(_sentence(report, site))}</p>\n"
    yield f'<p class="muted">{_e(_generated())}</p>\n</header>\n'
    yield from _summary(report, site, sections)
    if report.command != "inventory":
        yield from _findings_by_severity(report.result.findings, site)
    yield from _data_map(report.result.fields)
    yield f"<h2>{'Pages' if site else 'Tables' if report.command == 'scan-db' else 'Files'}</h2>\n"
    if not sections:
        yield '<p class="muted">Nothing to show.</p>\n'
    for section in sections:
        yield from _section(section, report.command != "inventory")
    yield from _errors(report)
    if result.skipped:
        yield f"<h2>Not fetched: robots.txt disallows {_plural(len(result.skipped), 'page')}</h2>\n<ul>\n"
        yield "".join(f'<li class="wrap">{_link(url)}</li>\n' for url in result.skipped)
        yield "</ul>\n"
    if result.notes:
        yield "<details>\n<summary>Notes</summary>\n<ul>\n"
        yield "".join(f'<li class="wrap">{_e(note)}</li>\n' for note in result.notes)
        yield "</ul>\n</details>\n"
    yield f'<footer><p class="muted">datamin {_e(__version__)}</p></footer>\n</main>\n</body>\n</html>\n'


# -- the summary -------------------------------------------------------------------------------


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _sentence(report: Report, site: bool) -> str:
    """The one line the text and Markdown reports end with, in their words."""
    result = report.result
    scanned = _plural(result.scanned, "page" if site else "file")
    if report.command == "inventory":
        return f"{_plural(len(result.fields), 'personal-data field')} in {scanned}."
    findings = result.findings
    if not findings:
        declared = f": every personal-data field is declared in {report.manifest}" if report.manifest else ""
        return f"No findings in {scanned}{declared}."
    severities = Counter(f.severity for f in findings)
    counts = ", ".join(_plural(severities[s], s) for s in _ordered(severities, SEVERITIES))
    return f"{_plural(len(findings), 'finding')} in {scanned}: {counts}."


def _summary(report: Report, site: bool, sections: list[Section]) -> Iterator[str]:
    result = report.result
    with_errors = sum(1 for page in result.pages if page.error)
    trackers = Counter(name for page in result.pages for name in dict.fromkeys(page.trackers))
    cards = [(result.scanned, "pages scanned" if site else "files scanned")]
    if site:
        cards.append((with_errors, "pages with errors"))
    else:
        cards.append((len(result.errors), "could not be read"))
    cards.append((len(result.fields), "personal-data fields"))
    if report.command != "inventory":
        cards.append((len(result.findings), "findings"))
    if site:
        cards.append((len(trackers), "trackers"))
    yield '<section id="summary">\n<h2>Summary</h2>\n<div class="cards">\n'
    yield "".join(f'<div class="card"><b>{n}</b>{_e(label)}</div>\n' for n, label in cards)
    yield '</div>\n<div class="grid">\n'
    yield from _by_sensitivity(result.fields)
    if report.command != "inventory":
        yield from _by_severity(result.findings)
        yield from _undeclared(result.findings)
        yield from _worst(result.findings, site)
    if site:
        yield "<div>\n<h3>Trackers seen</h3>\n"
        if trackers:
            rows = [[_e(name), f"{n}"] for name, n in trackers.most_common()]
            yield _table(["tracker", "pages"], rows, numeric={1})
        else:
            yield '<p class="muted">None.</p>\n'
        yield "</div>\n"
    yield "</div>\n"
    if result.baselined or result.stale:
        yield (
            f"<p>{_plural(result.baselined, 'finding')} left out by the baseline; "
            f"{result.stale} baseline entr{'y' if result.stale == 1 else 'ies'} no longer found.</p>\n"
        )
    yield from _contents(sections, site, report.command != "inventory")
    yield "</section>\n"


def _ordered(counter: Counter[str], order: tuple[str, ...]) -> list[str]:
    """The keys in their natural order (high before low), then any others alphabetically."""
    return [key for key in order if counter[key]] + sorted(key for key in counter if key not in order)


def _by_sensitivity(fields: list[Field]) -> Iterator[str]:
    yield "<div>\n<h3>Personal-data fields by sensitivity</h3>\n"
    if not fields:
        yield '<p class="muted">None found.</p>\n</div>\n'
        return
    sensitivities = Counter(f.sensitivity or "" for f in fields)
    rows = []
    for sensitivity in _ordered(sensitivities, SENSITIVITIES):
        categories = Counter(f.category or "" for f in fields if (f.sensitivity or "") == sensitivity)
        listed = ", ".join(f"{_e(category)} {n}" for category, n in sorted(categories.items()))
        rows.append([_badge(sensitivity or "unknown"), f"{sensitivities[sensitivity]}", listed])
    yield _table(["sensitivity", "fields", "categories"], rows, numeric={1})
    yield "</div>\n"


def _by_severity(findings: list[Finding]) -> Iterator[str]:
    yield "<div>\n<h3>Findings by severity</h3>\n"
    if not findings:
        yield '<p class="muted">No findings.</p>\n</div>\n'
        return
    severities = Counter(f.severity for f in findings)
    rows = [[_badge(s), f"{severities[s]}"] for s in _ordered(severities, SEVERITIES)]
    yield _table(["severity", "findings"], rows, numeric={1})
    yield "</div>\n"


def _undeclared(findings: list[Finding]) -> Iterator[str]:
    """What is collected with no declaration (DM100), by category."""
    categories = Counter(f.category or "" for f in findings if f.code == "DM100")
    yield "<div>\n<h3>Collected but not declared</h3>\n"
    if not categories:
        yield '<p class="muted">Nothing: every category found is declared.</p>\n</div>\n'
        return
    rows = [[f'<code class="nowrap">{_e(c)}</code>', f"{n}"] for c, n in categories.most_common()]
    yield _table(["category", "fields"], rows, numeric={1})
    yield "</div>\n"


_RANK = {severity: rank for rank, severity in enumerate(SEVERITIES)}  # error first


def _by_rank(findings: Iterable[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_RANK.get(f.severity, 9), f.code, portable(f.path), f.line))


def _worst(findings: list[Finding], site: bool, most: int = 5) -> Iterator[str]:
    """The first findings a reader should see: the most severe, a few."""
    if not findings:
        return
    yield '<div class="wide">\n<h3>The worst findings</h3>\n<ol>\n'
    for finding in _by_rank(findings)[:most]:
        where = finding.path if site else portable(finding.path)
        yield (
            f'<li>{_badge(finding.severity)} <code class="nowrap">{_e(finding.code)}</code> '
            f'<span class="wrap">{_e(finding.message)}</span> '
            f'<span class="muted wrap">({_e(where)}:{finding.line})</span></li>\n'
        )
    yield "</ol>\n</div>\n"


def _findings_by_severity(findings: list[Finding], site: bool) -> Iterator[str]:
    """Every finding once, the most severe first, under its rule: why it matters and how to
    fix it (the words `datamin explain` prints), then where."""
    yield '<section id="findings">\n<h2>Findings</h2>\n'
    if not findings:
        yield '<p class="muted">No findings.</p>\n</section>\n'
        return
    codes = load_codes()
    by_code: dict[str, list[Finding]] = {}
    for finding in _by_rank(findings):
        by_code.setdefault(finding.code, []).append(finding)
    for code, members in by_code.items():
        rule = codes.get(code)
        title = f" {_e(rule.title)}" if rule else ""
        yield (
            f'<article class="rule" id="{_e(code)}">\n<h3>{_badge(members[0].severity)} '
            f'<code class="nowrap">{_e(code)}</code>{title} <span class="muted">({len(members)})</span></h3>\n'
        )
        if rule:
            yield f"<p><b>Why it matters.</b> {_e(rule.why)}</p>\n"
            yield f'<p><b>How to fix.</b></p>\n<pre class="fix">{_e(rule.instead)}</pre>\n'
        rows = [[_link(f.path if site else portable(f.path)), f"{f.line}", _e(f.message)] for f in members]
        yield _table(["where", "line", "message"], rows, numeric={1}, stack=True)
        yield "</article>\n"
    yield "</section>\n"


# Where data is collected: the kinds of place a field's source stands for.
_PLACES = {"html": "forms", "url": "pages", "sql": "tables", "orm": "tables", "db": "tables",
           "form-class": "code", "api": "API"}  # fmt: skip
_PLACE_ORDER = ("forms", "pages", "tables", "code", "API")


def _data_map(fields: list[Field]) -> Iterator[str]:
    """Which categories are collected where, drawn as an SVG grid of dots (a dot's area says how
    many fields), with a table of the same numbers for screen readers and for copying."""
    yield '<section id="map">\n<h2>Data map</h2>\n'
    counts = Counter((f.category or "", _PLACES.get(f.control.source, "other")) for f in fields)
    if not counts:
        yield '<p class="muted">No personal data found.</p>\n</section>\n'
        return
    places = [p for p in (*_PLACE_ORDER, "other") if any(place == p for _, place in counts)]
    sensitivity = {f.category or "": f.sensitivity or "" for f in fields}
    order = {level: rank for rank, level in enumerate(SENSITIVITIES)}
    totals = Counter(f.category or "" for f in fields)
    categories = sorted(totals, key=lambda c: (order.get(sensitivity[c], 9), -totals[c], c))
    label_width, column, row, top = 150, 64, 24, 28
    width, height = label_width + column * len(places), top + row * len(categories) + 4
    most = max(counts.values())
    parts = [
        f'<svg class="map" role="img" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>Personal-data categories by where they are collected</title>'
    ]
    for i, place in enumerate(places):
        x = label_width + column * i + column / 2
        parts.append(f'<text x="{x:.0f}" y="16" text-anchor="middle" class="axis">{_e(place)}</text>')
    for j, category in enumerate(categories):
        y = top + row * j + row / 2
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 4:.0f}" text-anchor="end" class="axis">{_e(category[:22])}</text>'
        )
        for i, place in enumerate(places):
            n = counts.get((category, place), 0)
            if not n:
                continue
            x = label_width + column * i + column / 2
            radius = 3 + 7 * (n / most) ** 0.5
            parts.append(
                f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{radius:.1f}" class="dot {_e(sensitivity[category])}">'
                f"<title>{_e(category)} in {_e(place)}: {n}</title></circle>"
            )
            parts.append(f'<text x="{x + radius + 3:.0f}" y="{y + 4:.0f}" class="count">{n}</text>')
    parts.append("</svg>")
    yield f'<div class="scroll">{"".join(parts)}</div>\n'
    rows = [
        [f'<code class="nowrap">{_e(c)}</code>', *(f"{counts.get((c, p), 0) or ''}" for p in places)]
        for c in categories
    ]
    yield "<details>\n<summary>The same as a table</summary>\n"
    yield _table(["category", *places], rows, numeric=set(range(1, len(places) + 1)))
    yield "</details>\n</section>\n"


def _generated() -> str:
    from datetime import UTC, datetime

    return f"Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC by datamin {__version__}"


def _contents(sections: list[Section], site: bool, checked: bool) -> Iterator[str]:
    """Every page or file in one table, each a link to its section: the map of the report."""
    if not sections:
        return
    rows = []
    for section in sections:
        cells = [f'<a href="#{section.anchor}">{_e(section.where)}</a>']
        if site:
            page = section.page
            cells.append(_status(page) if page else "")
        cells.append(f"{len(section.fields)}")
        if checked:
            cells.append(f"{len(section.findings)}")
        rows.append(cells)
    head = ["page" if site else "file", *(["status"] if site else []), "fields", *(["findings"] if checked else [])]
    numeric = {i for i, name in enumerate(head) if name in ("fields", "findings")}
    yield f"<h3>{'Pages' if site else 'Files'} at a glance</h3>\n"
    yield _table(head, rows, numeric=numeric, stack=True)


# -- pages and files ---------------------------------------------------------------------------


def _sections(report: Report, site: bool) -> list[Section]:
    """A section per page, in the order they were fetched, then one per file or other place
    (a manifest's own findings) that no page accounts for."""
    result = report.result
    fields: dict[str, list[Field]] = {}
    for field in result.fields:
        fields.setdefault(field.path, []).append(field)
    findings: dict[str, list[Finding]] = {}
    if report.command != "inventory":
        for finding in result.findings:
            findings.setdefault(finding.path, []).append(finding)
    sections: list[Section] = []
    for page in result.pages:
        anchor = f"s{len(sections) + 1}"
        sections.append(Section(anchor, page.url, page, fields.pop(page.url, []), findings.pop(page.url, [])))
    for path in sorted(set(fields) | set(findings), key=portable):
        anchor = f"s{len(sections) + 1}"
        where = path if site else portable(path)
        sections.append(Section(anchor, where, None, fields.get(path, []), findings.get(path, [])))
    return sections


def _section(section: Section, checked: bool) -> Iterator[str]:
    yield f'<article id="{section.anchor}">\n<h3>{_link(section.where)}</h3>\n'
    page = section.page
    if page is not None:
        yield from _page_facts(page)
    if section.fields:
        yield from _forms(section.fields)
    if checked and section.findings:
        yield "<h4>Findings</h4>\n"
        yield from _findings(section.findings)
    if not section.fields and not (checked and section.findings):
        yield '<p class="muted">No personal-data fields' + (" and no findings" if checked else "") + ".</p>\n"
    yield "</article>\n"


def _page_facts(page: Page) -> Iterator[str]:
    facts = [("status", _status(page)), ("title", _e(page.title) if page.title else '<span class="muted">none</span>')]
    depth = f"{page.depth} link{'' if page.depth == 1 else 's'} from the start page" if page.depth else "the start page"
    facts.append(("depth", depth))
    facts.append(("forms", str(page.forms)))
    facts.append(("read", "after running its scripts" if page.rendered else "as served"))
    trackers = ", ".join(_e(name) for name in page.trackers)
    facts.append(("trackers", trackers or '<span class="muted">none</span>'))
    if page.error:
        facts.append(("error", f"{_badge('error')} {_e(page.error)}"))
    yield "<dl>\n" + "".join(f"<dt>{label}</dt><dd>{value}</dd>\n" for label, value in facts) + "</dl>\n"


def _status(page: Page) -> str:
    if page.status is None:
        return _badge("error", "no response")
    if page.status >= 400:
        return _badge("error", f"HTTP {page.status}")
    return f"HTTP {page.status}"


def _forms(fields: list[Field]) -> Iterator[str]:
    """The fields under the form each belongs to, forms in the order they appear."""
    forms: dict[Form | None, list[Field]] = {}
    for field in sorted(fields, key=lambda f: (f.line, f.control.column)):
        forms.setdefault(field.control.form, []).append(field)
    for form, members in forms.items():
        yield _form_heading(form)
        rows = [
            [
                f'<span class="mono">{_e(f.control.display_name)}</span>',
                f"<code>{_e(f.category or '')}</code>",
                _badge(f.sensitivity or "unknown"),
                f"{f.confidence:.2f}",
                f"{f.line}",
                _e("; ".join(f.evidence)),
            ]
            for f in members
        ]
        head = ["field", "category", "sensitivity", "confidence", "line", "evidence"]
        yield _table(head, rows, numeric={3, 4}, stack=True)


def _form_heading(form: Form | None) -> str:
    if form is None:
        return "<h4>Fields outside a form</h4>\n"
    details = [f"line {form.line}"]
    if form.method:
        details.append(f"method {_e(form.method.upper())}")
    if form.action:
        details.append(f'action <span class="wrap">{_e(form.action)}</span>')
    if not form.store:  # a form people fill in, not a table or a model
        details.append("privacy notice beside it" if form.notice else "no privacy notice seen")
    return f'<h4><code class="wrap">{_e(form.ident)}</code> <span class="muted">{" · ".join(details)}</span></h4>\n'


def _findings(findings: list[Finding]) -> Iterator[str]:
    rows = []
    for finding in sorted(findings, key=lambda f: (f.line, f.column, f.code)):
        about = [f"<code>{_e(finding.category)}</code>"] if finding.category else []
        if finding.field:
            about.append(f'<span class="mono">{_e(finding.field)}</span>')
        message = _e(finding.message) + (f'<br><span class="muted">{" · ".join(about)}</span>' if about else "")
        rows.append(
            [_badge(finding.severity), f'<code class="nowrap">{_e(finding.code)}</code>', f"{finding.line}", message]
        )
    yield _table(["severity", "code", "line", "message"], rows, numeric={2}, stack=True)


def _errors(report: Report) -> Iterator[str]:
    errors = report.result.errors
    if not errors:
        return
    yield '<section id="errors">\n<h2>Could not be read</h2>\n'
    rows = []
    for error in errors:
        where = error.path if report.result.pages else portable(error.path)
        rows.append([_link(where), f"{error.line or ''}", _e(error.message)])
    yield _table(["where", "line", "message"], rows, numeric={1}, stack=True)
    yield "</section>\n"


# -- markup ------------------------------------------------------------------------------------


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _link(where: str) -> str:
    """A page URL as a plain link, anything else (a path, a javascript: URL) as text."""
    text = f'<span class="wrap">{_e(where)}</span>'
    if not where.lower().startswith(("http://", "https://")):
        return text
    return f'<a href="{_e(where)}" rel="nofollow noopener noreferrer">{text}</a>'


def _badge(level: str, text: str | None = None) -> str:
    known = level in SEVERITIES or level in SENSITIVITIES
    return f'<span class="badge {level if known else "other"}">{_e(text or level)}</span>'


def _table(head: list[str], rows: Iterable[list[str]], *, numeric: set[int] | None = None, stack: bool = False) -> str:
    """Cells are markup already. On a narrow screen a `stack` table shows each row as a card,
    each value under its column's name."""
    numeric = numeric or set()
    kinds = [' class="n"' if i in numeric else "" for i in range(len(head))]
    header = "".join(f"<th{kind}>{_e(name)}</th>" for kind, name in zip(kinds, head, strict=True))
    body = []
    for row in rows:
        cells = (
            f'<td{kind} data-label="{_e(name)}">{cell}</td>' for kind, name, cell in zip(kinds, head, row, strict=True)
        )
        body.append("<tr>" + "".join(cells) + "</tr>\n")
    kind = ' class="stack"' if stack else ""
    rows_markup = "".join(body)
    table = f"<table{kind}>\n<thead><tr>{header}</tr></thead>\n<tbody>\n{rows_markup}</tbody>\n</table>"
    return f'<div class="scroll">{table}</div>\n'
