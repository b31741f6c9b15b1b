"""The fields against the manifest's declarations, and the declarations against the policy.

Matching never depends on line numbers: a declaration covers a field by category, and where
it has `where` entries, by the field's path and name.
"""

from __future__ import annotations

import os
import re
from functools import cache

from datamin.categories import Lexicon
from datamin.findings import finding, readable_container
from datamin.manifest import Declaration, Manifest, Where
from datamin.policy import forbidden
from datamin.records import Control, Field, Finding
from datamin.words import split_words


class Coverage:
    """Which declarations cover which fields, and which `where` entries matched anything.

    Built once per check: the declarations are indexed by category, and the `where` entries
    by path glob, each glob tried only on paths that start with its literal part, so that a
    manifest of thousands of entries matches an inventory of thousands of fields in well under
    a second.
    """

    def __init__(self, manifest: Manifest, fields: list[Field]) -> None:
        self.manifest = manifest
        base = os.path.dirname(os.path.abspath(manifest.path))
        self.unrestricted: dict[str, list[Declaration]] = {}
        self.declared = {category for d in manifest.declarations for category in d.categories}
        by_glob: dict[tuple[str, str], list[tuple[Declaration, Where]]] = {}
        for declaration in manifest.declarations:
            for category in declaration.categories:
                if not declaration.where:
                    self.unrestricted.setdefault(category, []).append(declaration)
                for where in declaration.where:
                    by_glob.setdefault((category, where.path_glob), []).append((declaration, where))
        globs = sorted({glob for _, glob in by_glob})
        prefixes: dict[str, list[str]] = {}
        for glob in globs:
            prefixes.setdefault(_literal_prefix(glob), []).append(glob)
        self.covering: list[list[Declaration]] = []
        self.matched: set[int] = set()  # id() of the where entries that matched a field
        self.seen_categories: set[str] = set()
        relative_paths: dict[str, str] = {}
        path_globs: dict[str, list[str]] = {}
        for field in fields:
            category = field.category or ""
            self.seen_categories.add(category)
            relative = relative_paths.get(field.path)
            if relative is None:
                relative = relative_paths[field.path] = as_in_manifest(field, base)
            matching = path_globs.get(relative)
            if matching is None:
                matching = [
                    glob
                    for prefix, candidates in prefixes.items()
                    if relative.startswith(prefix)
                    for glob in candidates
                    if path_glob(glob).fullmatch(relative)
                ]
                path_globs[relative] = matching
            covering = list(self.unrestricted.get(category, ()))
            names = _field_names(field)
            for glob in matching:
                for declaration, where in by_glob.get((category, glob), ()):
                    if where.field_glob is None or any(path_glob(where.field_glob).fullmatch(n) for n in names):
                        self.matched.add(id(where))
                        if declaration not in covering:
                            covering.append(declaration)
            self.covering.append(covering)


def as_in_manifest(field: Field, base: str) -> str:
    """A field's path as a `where` entry names it: a file relative to the manifest's folder; a
    live database's URL or a page's as it is."""
    if field.control.source in ("db", "url"):
        return field.path
    return os.path.relpath(os.path.abspath(field.path), base).replace(os.sep, "/")


def field_findings(fields: list[Field], coverage: Coverage) -> list[Finding]:
    """DM100 for what no declaration covers; DM103 for full national ids without a legal duty."""
    manifest = coverage.manifest
    findings = []
    for field, covering in zip(fields, coverage.covering, strict=True):
        if field.category is None:
            continue
        control = field.control
        subject = _subject(control)
        if not covering:
            declared = field.category in coverage.declared
            reason = "is not covered by the `where` entries of its declaration" if declared else "is not declared"
            findings.append(
                finding(
                    "DM100",
                    control.path,
                    control.line,
                    control.column,
                    f"{subject} {reason} in {manifest.name}",
                    field.category,
                    control.display_name,
                    control.container or None,
                )
            )
            continue
        if field.category == "national_id" and not _partial(control):
            purposes = [p for d in covering for p in d.purposes]
            if not any(
                manifest.purposes[p].lawful_basis == "legal_obligation" for p in purposes if p in manifest.purposes
            ):
                named = ", ".join(dict.fromkeys(purposes)) or "none"
                findings.append(
                    finding(
                        "DM103",
                        control.path,
                        control.line,
                        control.column,
                        f"{subject} collects a full national identity number, but none "
                        f"of its purposes ({named}) has lawful_basis: legal_obligation. The PDPC's NRIC guidelines "
                        "allow a full NRIC only where the law requires it: collect a partial NRIC (the last three "
                        "digits and the letter, e.g. 567D) or none",
                        field.category,
                        control.display_name,
                        control.container or None,
                    )
                )
    return findings


def declaration_findings(manifest: Manifest, lexicon: Lexicon, display: str) -> list[Finding]:
    """DM101 for sensitive data without a justification or retention; DM102 for forbidden uses."""
    findings = []
    for declaration in manifest.declarations:
        for category in sorted(declaration.categories):
            if lexicon.categories[category].sensitivity == "high":
                missing = []
                if not declaration.justification:
                    missing.append("has no justification")
                if not declaration.purposes:
                    missing.append("names no purpose")
                missing.extend(
                    f"its purpose {p!r} has no retention"
                    for p in declaration.purposes
                    if p in manifest.purposes and not manifest.purposes[p].retention
                )
                if missing:
                    findings.append(
                        finding(
                            "DM101",
                            display,
                            declaration.line,
                            1,
                            f"{category} is high-sensitivity data but its declaration " + "; ".join(missing),
                            category,
                        )
                    )
            for name in declaration.purposes:
                purpose = manifest.purposes.get(name)
                if purpose is None or not purpose.use:
                    continue
                why = forbidden(category, purpose.use, manifest, lexicon)
                if why:
                    findings.append(
                        finding(
                            "DM102",
                            display,
                            declaration.line,
                            1,
                            f"{category} is declared for purpose {name!r}, whose use {purpose.use} is forbidden: {why}",
                            category,
                        )
                    )
    return findings


def stale_findings(coverage: Coverage, display: str) -> list[Finding]:
    """DM200: declarations and `where` entries that match nothing in a full scan."""
    findings = []
    for declaration in coverage.manifest.declarations:
        if not declaration.categories & coverage.seen_categories:
            findings.append(
                finding(
                    "DM200",
                    display,
                    declaration.line,
                    1,
                    f"the declaration of {declaration.category} matches no field in the scanned code",
                    declaration.category,
                )
            )
            continue
        findings.extend(
            finding(
                "DM200",
                display,
                where.line,
                1,
                f"the where entry {where.raw!r} of {declaration.category} matches no field",
                declaration.category,
            )
            for where in declaration.where
            if id(where) not in coverage.matched
        )
    return findings


def _subject(control: Control) -> str:
    """`field "dob" in form #checkout`, `column "customers.dob"`."""
    if control.is_column:
        return f'column "{control.container}.{control.name}"'
    container = f" in {readable_container(control.container)}" if control.container else ""
    return f'field "{control.display_name}"{container}'


def _field_names(field: Field) -> tuple[str, ...]:
    """What a `#field` glob is matched against: the name (else id, else binding); for a column
    `table.column`, with and without the table's schema (`public.customers.email`)."""
    control = field.control
    if control.is_column:
        table = control.container
        return (f"{table}.{control.name}", f"{table.rsplit('.', 1)[-1]}.{control.name}")
    return (control.name or control.ident or (control.bindings[0] if control.bindings else ""),)


def _literal_prefix(glob: str) -> str:
    cut = min((i for i in (glob.find("*"), glob.find("?")) if i >= 0), default=len(glob))
    return glob[:cut]


@cache
def path_glob(pattern: str) -> re.Pattern[str]:
    """`*` stays within one path segment, `**` crosses them, `?` is one character."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out))


_PARTIAL_WORDS = ("last 4", "last four", "last 3", "last three", "partial", "last4", "last3", "masked", "4 digit")


def _partial(control: Control) -> bool:
    """A partial number (the last digits and the letter) is not a full national id."""
    if control.maxlength is not None and control.maxlength <= 4:
        return True
    text = " ".join(split_words(" ".join([control.name, control.ident, *(t for _, t in control.labels)])))
    if any(word in text for word in _PARTIAL_WORDS):
        return True
    pattern = control.pattern.replace("\\", "")
    return bool(re.fullmatch(r"\^?d\{[1-4]\}(\[A-Z\]|\[A-Za-z\])?\$?", pattern))
