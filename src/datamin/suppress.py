"""Inline suppressions: `datamin: ignore[DM100] reason` in a comment of any kind (`<!-- -->`,
`{# #}`, `{{!-- --}}`, `<%# %>`, `{* *}`, `@* *@`, `{/* */}`, `-- ` in SQL). One applies to the
next field after it (in SQL, also to every column of the statement it precedes); it names codes,
code prefixes or categories; it must give a reason, or it is not applied and is reported."""

from __future__ import annotations

import re
from typing import NamedTuple

from datamin.records import Control, ScanError

PATTERN = re.compile(r"datamin:\s*ignore\[([^\]]*)\]([^\n]*)", re.I)
# Where a comment closes: the reason stops there.
_CLOSERS = re.compile(r"\s*(?:-->|--\}\}|#\}|%>|\*\}|\*@|\*/\s*\}|\*/|\}\}|\?>)")
MISSING_REASON = "`datamin: ignore[...]` needs a reason after the codes; not applied"


class Directive(NamedTuple):
    line: int
    column: int  # where the directive ends on its line (1-based): the next field comes after
    codes: tuple[str, ...]
    reason: str


def parse(line: str) -> tuple[tuple[str, ...], str, int] | None:
    """(codes, reason, end offset) of a directive on one line, or None."""
    match = PATTERN.search(line)
    if match is None:
        return None
    codes = tuple(c.strip() for c in match.group(1).split(",") if c.strip())
    codes = tuple(c.upper() if c[:2].upper() == "DM" else c for c in codes)
    rest = match.group(2)
    closer = _CLOSERS.search(rest)
    reason = (rest[: closer.start()] if closer else rest).strip(" \t-:")
    return codes, reason, match.start(2) + closer.end() if closer else match.end()


def directives(path: str, text: str) -> tuple[list[Directive], list[ScanError]]:
    found: list[Directive] = []
    errors: list[ScanError] = []
    if "datamin:" not in text:
        return found, errors
    for number, line in enumerate(text.splitlines(), 1):
        parsed = parse(line)
        if parsed is None:
            continue
        codes, reason, end = parsed
        if not codes or not reason:
            errors.append(ScanError(path, number, MISSING_REASON))
        else:
            found.append(Directive(number, end + 1, codes, reason))
    return found, errors


def apply(controls: list[Control], found: list[Directive]) -> list[Control]:
    """Each directive's codes on the first control after it."""
    if not found:
        return controls
    order = sorted(range(len(controls)), key=lambda i: (controls[i].line, controls[i].column))
    updated = list(controls)
    for directive in found:
        for i in order:
            control = updated[i]
            if (control.line, control.column) > (directive.line, directive.column):
                updated[i] = control._replace(suppress=control.suppress + directive.codes)
                break
    return updated
