"""How each form collects: by GET or plain HTTP (DM300), to an undeclared recipient (DM301),
with no notice at the point of collection (DM304), with consent ticked in advance (DM305)."""

from __future__ import annotations

from datamin.findings import finding, readable_container
from datamin.manifest import Manifest
from datamin.parse.markup.notice import marketing_words
from datamin.records import Field, Finding, Form
from datamin.words import fold, split_words

# Fields a browser shows: a model's column or a form class in code has no method, action or
# notice of its own (its template has, and is read as a template).
_PAGES = frozenset({"html", "url"})


def form_findings(fields: list[Field], page_notice: bool, manifest: Manifest) -> list[Finding]:
    """The findings of one file's forms. `fields` are all its fields, personal or not."""
    findings: list[Finding] = []
    groups: dict[Form | None, list[Field]] = {}
    for field in fields:
        if field.control.source in _PAGES:
            groups.setdefault(field.control.form, []).append(field)
    for form, members in groups.items():
        personal = [f for f in members if f.category is not None]
        if form is not None and personal:
            findings.extend(_insecure(form, personal))
            findings.extend(_third_party(form, personal, manifest))
        notice = form.notice if form is not None else page_notice
        if personal and not notice:
            first = personal[0]
            categories = ", ".join(dict.fromkeys(f.category or "" for f in personal))
            where = readable_container(form.ident) if form is not None else "the fields of this page"
            findings.append(
                finding(
                    "DM304",
                    first.path,
                    first.control.line,
                    first.control.column,
                    f"{where} collects personal data ({categories}) with no privacy notice or purpose text at "
                    "the point of collection",
                    first.category,
                    first.control.display_name,
                    first.control.container or None,
                )
            )
        findings.extend(_pre_ticked(members))
    return findings


def _insecure(form: Form, personal: list[Field]) -> list[Finding]:
    """DM300: high-sensitivity fields sent by GET (also the default, no method) or over HTTP."""
    action = (form.action or "").strip()
    if action.lower().startswith("http://"):
        how = f"is posted over plain HTTP to {action}"
    elif form.method == "get" or (form.method is None and not form.ident.startswith("form(")):
        how = (
            "is submitted by GET"
            + ("" if form.method else " (the form has no method)")
            + ", which puts it in URLs and logs"
        )
    else:
        return []
    return [
        finding(
            "DM300",
            f.path,
            f.control.line,
            f.control.column,
            f'field "{f.control.display_name}" ({f.category}) in {readable_container(form.ident)} {how}',
            f.category,
            f.control.display_name,
            form.ident,
        )
        for f in personal
        if f.sensitivity == "high"
    ]


def _third_party(form: Form, personal: list[Field], manifest: Manifest) -> list[Finding]:
    """DM301: personal fields posted to a domain that is neither ours nor a declared recipient."""
    action = (form.action or "").strip()
    if not action.lower().startswith(("http://", "https://", "//")):
        return []
    from urllib.parse import urlsplit  # only for forms that post to a full address

    host = (urlsplit(action if not action.startswith("//") else "https:" + action).hostname or "").lower()
    if (
        not host
        or _within(host, manifest.organisation.domains)
        or _within(host, [r.domain for r in manifest.recipients])
    ):
        return []
    return [
        finding(
            "DM301",
            f.path,
            f.control.line,
            f.control.column,
            f'field "{f.control.display_name}" ({f.category}) in {readable_container(form.ident)} is posted to '
            f"{host}, which is neither the organisation's own domain nor a declared recipient",
            f.category,
            f.control.display_name,
            form.ident,
        )
        for f in personal
    ]


def _within(host: str, domains: list[str] | tuple[str, ...]) -> bool:
    return any(host == d or host.endswith("." + d) for d in (d.lower().strip(".") for d in domains) if d)


def _pre_ticked(fields: list[Field]) -> list[Finding]:
    """DM305: a marketing-consent checkbox ticked before the person does anything."""
    found = []
    words = marketing_words()
    for field in fields:
        control = field.control
        if control.type != "checkbox" or not control.checked:
            continue
        text = " ".join([control.name, control.ident, *(t for _, t in control.labels)])
        spaced = " " + " ".join(split_words(text)) + " "
        folded = fold(text)
        if any((" " + w + " ") in spaced if w.isascii() else w in folded for w in words):
            found.append(
                finding(
                    "DM305",
                    field.path,
                    control.line,
                    control.column,
                    f'marketing consent "{control.display_name}" is ticked in advance: consent must be given by '
                    "ticking it",
                    field.category,
                    control.display_name,
                    control.container or None,
                )
            )
    return found
