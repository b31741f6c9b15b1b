"""Hold the classified fields against the manifest and say what does not match.

Matching never depends on line numbers: a declaration covers a field by category, and where
it has `where` entries, by the field's path and name.
"""

from __future__ import annotations

import os
import re
from functools import cache

from datamin.codes import load_codes
from datamin.manifest import Declaration, Manifest, Where
from datamin.records import Field, Finding


def match(fields: list[Field], manifest: Manifest) -> list[Finding]:
    findings = []
    severity = load_codes()["DM100"].severity
    for field in fields:
        if field.category is None:
            continue
        declarations = manifest.declarations_for(field.category)
        if any(_covers(d, field, manifest) for d in declarations):
            continue
        control = field.control
        container = f" in {_readable_container(control.container)}" if control.container else ""
        reason = "is not declared" if not declarations else "is not covered by the `where` entries of its declaration"
        findings.append(
            Finding(
                code="DM100",
                severity=severity,
                path=field.path,
                line=control.line,
                column=control.column,
                message=f'field "{control.display_name}"{container} {reason} in {manifest.name}',
                category=field.category,
                field=control.display_name,
                container=control.container or None,
            )
        )
    return findings


def _covers(declaration: Declaration, field: Field, manifest: Manifest) -> bool:
    if not declaration.where:
        return True
    return any(where_covers(w, field, os.path.dirname(manifest.path)) for w in declaration.where)


def where_covers(where: Where, field: Field, base: str) -> bool:
    """`templates/checkout/*.liquid#dob`: a path glob relative to the manifest, then a field glob."""
    relative = os.path.relpath(os.path.abspath(field.path), os.path.abspath(base)).replace(os.sep, "/")
    if not _glob(where.path_glob).fullmatch(relative):
        return False
    if where.field_glob is None:
        return True
    control = field.control
    name = control.name or control.ident or (control.bindings[0] if control.bindings else "")
    if control.source == "sql":
        name = f"{control.container}.{control.name}"
    return _glob(where.field_glob).fullmatch(name) is not None


@cache
def _glob(pattern: str) -> re.Pattern[str]:
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


def _readable_container(container: str) -> str:
    return container.replace("form#", "form #", 1) if container.startswith("form#") else container
