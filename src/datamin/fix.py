"""`check --fix`: the two mechanical fixes, made in the template as written.

- DM305: a marketing-consent checkbox ticked in advance loses its `checked` attribute;
- DM300: a form that sends high-sensitivity fields by GET (or has no method, which is GET) is
  made to POST: `method="get"` becomes `method="post"`, or `method="post"` is added.

Only the characters of that attribute change: the rest of the file stays byte for byte as it
was, template syntax included. A `checked` or a method that template code writes is left alone,
and so are files datamin reads through a conversion (HAML, Slim, Pug). Every fixed text is read
again, as the check read it, and kept only if the finding is gone. No other finding is fixed:
the rest need a person's decision.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from typing import NamedTuple

from datamin.records import Finding

FIXABLE = ("DM300", "DM305")
_CONVERTED = (".haml", ".slim", ".pug", ".jade")
_CHECKED = re.compile(
    r"""\s+checked(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^{}]*\}|[^\s>]+))?(?=[\s/>])""",
    re.I,
)
_METHOD = re.compile(r"""(\smethod\s*=\s*)(["']?)get\2(?=[\s/>])""", re.I)
_HAS_METHOD = re.compile(r"\smethod\s*=", re.I)
_FORM_OPENING = re.compile(r"<form\b", re.I)
_TEMPLATE = re.compile(r"\{\{|\{%|<%|<\?|@\w|\{!!|\$\{")


class Fix(NamedTuple):
    path: str
    before: str
    after: str
    fixed: tuple[Finding, ...]  # the findings the new text no longer has
    left: tuple[tuple[Finding, str], ...]  # findings that could not be fixed, and why


def plan(findings: Iterable[Finding]) -> list[Fix]:
    """The fixes of every file with a DM305 or a GET DM300, each proved by a second reading."""
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        if finding.code == "DM305" or (finding.code == "DM300" and "submitted by GET" in finding.message):
            by_path.setdefault(finding.path, []).append(finding)
    return [_fix_file(path, found) for path, found in sorted(by_path.items())]


def _fix_file(path: str, findings: list[Finding]) -> Fix:
    if path.lower().endswith(_CONVERTED):
        return Fix(path, "", "", (), tuple((f, "read through a conversion; fix it by hand") for f in findings))
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        return Fix(path, "", "", (), tuple((f, f"cannot be read as UTF-8 ({exc})") for f in findings))
    offsets = _line_starts(text)
    edits: dict[int, tuple[int, str]] = {}  # start -> (end, replacement): one edit per attribute
    left: list[tuple[Finding, str]] = []
    attempted: list[Finding] = []
    for finding in findings:
        at = offsets[finding.line - 1] + finding.column - 1 if finding.line <= len(offsets) else -1
        edit = _checked_edit(text, at) if finding.code == "DM305" else _method_edit(text, at)
        if isinstance(edit, str):
            left.append((finding, edit))
        else:
            edits.setdefault(edit[0], (edit[1], edit[2]))
            attempted.append(finding)
    after = text
    for start in sorted(edits, reverse=True):
        end, replacement = edits[start]
        after = after[:start] + replacement + after[end:]
    remaining = _findings_of(path, after) if attempted else set()
    fixed = tuple(f for f in attempted if (f.code, f.field, f.container) not in remaining)
    left.extend((f, "still reported after the edit; fix it by hand") for f in attempted if f not in fixed)
    if not fixed:
        after = text
    return Fix(path, text, after, fixed, tuple(left))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\n|\r", text))
    return starts


def _start_tag(text: str, start: int) -> str | None:
    """The start tag that opens at `start`, to its `>` (quotes respected), or None."""
    quote = ""
    for i in range(start, min(len(text), start + 20_000)):
        ch = text[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == ">":
            return text[start : i + 1]
    return None


def _checked_edit(text: str, at: int) -> tuple[int, int, str] | str:
    if at < 0 or not text.startswith("<", at):
        return "the field's tag is not where the finding points; fix it by hand"
    tag = _start_tag(text, at)
    if tag is None:
        return "the field's tag does not end; fix it by hand"
    match = _CHECKED.search(tag)
    if match is None:
        return "`checked` is written by template code; fix it by hand"
    if _TEMPLATE.search(match.group()):
        return "`checked` holds template code; fix it by hand"
    return at + match.start(), at + match.end(), ""


def _method_edit(text: str, at: int) -> tuple[int, int, str] | str:
    """The `<form` before the field (the last one opened there and not closed)."""
    if at < 0:
        return "the field is not where the finding points; fix it by hand"
    start = -1
    for opening in _FORM_OPENING.finditer(text, 0, at):
        start = opening.start()
    if start < 0 or text.lower().find("</form", start, at) >= 0:
        return "its form is written by a helper or elsewhere; fix it by hand"
    tag = _start_tag(text, start)
    if tag is None:
        return "the form's tag does not end; fix it by hand"
    method = _METHOD.search(tag)
    if method is not None:
        value_start = start + method.end(1) + len(method.group(2))
        return value_start, value_start + 3, "post"
    if _HAS_METHOD.search(tag):
        return "the form's method is written by template code; fix it by hand"
    insert = start + len("<form")
    return insert, insert, ' method="post"'


def _findings_of(path: str, text: str) -> set[tuple[str, str | None, str | None]]:
    """The DM300 and DM305 findings of `text` read as the file at `path` (a second reading)."""
    from datamin.check import Options, _classified
    from datamin.findings.forms import form_findings
    from datamin.manifest import empty_manifest
    from datamin.parse import PARSERS, kind_of

    kind = kind_of(os.path.basename(path)) or "html"
    parsed = PARSERS[kind](path, text, notices=True)
    fields = _classified(parsed.controls, Options())
    found = form_findings(fields, parsed.notice, empty_manifest())
    return {(f.code, f.field, f.container) for f in found if f.code in FIXABLE}


def diff(fix: Fix) -> str:
    """A unified diff of the fix, for `--fix --dry-run`."""
    return "".join(
        difflib.unified_diff(
            fix.before.splitlines(keepends=True),
            fix.after.splitlines(keepends=True),
            fromfile=f"a/{fix.path}",
            tofile=f"b/{fix.path}",
        )
    )


def write(fix: Fix) -> None:
    """The fixed text over the file, atomically, its permissions kept."""
    import tempfile

    folder = os.path.dirname(os.path.abspath(fix.path))
    mode = os.stat(fix.path).st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(fix.path)}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(fix.after)
        os.chmod(temporary, mode)
        os.replace(temporary, fix.path)
    except BaseException:
        os.unlink(temporary)
        raise
