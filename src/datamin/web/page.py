"""One page of a live scan: its fields and what its forms and scripts show.

A page goes through the same parser and classifier as a template file, with `source: "url"`
and the page URL as its path. A form's action is resolved against the page, as a browser
resolves it (no action: the page itself), so that a form on an `http://` page is seen to post
over plain HTTP.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from datamin.manifest import Manifest, empty_manifest
from datamin.records import Control, Field, Finding, Form, ScanError


class PageRead(NamedTuple):
    fields: list[Field]  # personal-data fields
    findings: list[Finding]
    errors: list[ScanError]
    forms: int  # forms with fields
    trackers: tuple[str, ...]  # names of the advertising and session-replay scripts on the page


def read_page(url: str, html: str, manifest: Manifest, min_confidence: float) -> PageRead:
    from datamin.categories import load
    from datamin.classify import classify_all
    from datamin.findings.forms import form_findings
    from datamin.findings.trackers import tracker_findings
    from datamin.findings.values import value_findings
    from datamin.parse.markup.html import parse
    from datamin.web.trackers import sightings

    parsed = parse(url, html, notices=True)
    resolved: dict[Form, Form] = {}
    controls = [_on_page(c, url, resolved) for c in parsed.controls]
    fields = [
        f if f.category is None or f.confidence >= min_confidence else f._replace(category=None)
        for f in classify_all(controls, load(), parsed.place)
    ]
    seen = sightings(html)
    findings = [
        *form_findings(fields, parsed.notice, manifest),
        *value_findings(url, html),
        *tracker_findings(url, seen, [f for f in fields if f.category is not None]),
    ]
    personal = [f for f in fields if f.category is not None]
    names = tuple(dict.fromkeys(s.tracker.name for s in seen))
    return PageRead(personal, findings, parsed.errors, len(resolved), names)


def _on_page(control: Control, url: str, resolved: dict[Form, Form]) -> Control:
    form = control.form
    if form is not None:
        if form not in resolved:
            resolved[form] = form._replace(action=urljoin(url, (form.action or "").strip()))
        form = resolved[form]
    return control._replace(source="url", form=form)


def site_manifest(manifest: Manifest | None, url: str) -> Manifest:
    """The manifest a page is checked against: the site scanned is the organisation's own
    domain (its forms posting to itself are no third party). With no manifest, an empty one:
    what the forms show is still reported, what is declared cannot be."""
    host = (urlsplit(url).hostname or "").lower()
    if manifest is None:
        manifest = empty_manifest()
    domains = manifest.organisation.domains
    if host and host not in domains:
        manifest = manifest._replace(organisation=manifest.organisation._replace(domains=(*domains, host)))
    return manifest
