"""Read a document around the lines its parser stops at.

A spec whose one example has a stray comma, or SDL with one field missing its type, is still a
document of fields worth reading: the parser's error names a line; that line is blanked (every
other line and column stays where it was) and the text read again, a bounded number of times.
The first error is still reported, with the lines left out. Past the tries, the document is
read up to its first bad line (a block mis-indented to the end).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")
_NOT_LINE_END = re.compile(r"[^\r]")


class Recovered(NamedTuple, Generic[T]):
    result: T | None  # None when the text could not be read even around its bad lines
    error: Exception | None  # the first error met
    skipped: tuple[int, ...]  # the 1-based lines left out


def around_bad_lines(
    text: str,
    read: Callable[[str], T],
    bad_line: Callable[[Exception, list[str]], int | None],
    errors: tuple[type[Exception], ...],
    limit: int,
) -> Recovered[T]:
    """`read(text)`, and on an error one of `errors`, `bad_line(error, lines)` (0-based, or None
    when nothing can be blamed) is blanked and the text read again, at most `limit` times."""
    lines: list[str] | None = None
    first: Exception | None = None
    skipped: list[int] = []
    original = text
    for _ in range(limit + 1):
        try:
            return Recovered(read(text), first, tuple(skipped))
        except errors as exc:
            first = first or exc
            lines = lines if lines is not None else text.split("\n")
            line = bad_line(exc, lines)
            if line is None or not 0 <= line < len(lines) or not lines[line].strip():
                break  # nothing left to blame: a blank line, or the end of the text
            lines[line] = _NOT_LINE_END.sub(" ", lines[line])
            skipped.append(line + 1)
            text = "\n".join(lines)
    if skipped:
        whole = original.split("\n")
        cut = skipped[0] - 1
        head = whole[:cut] + [_NOT_LINE_END.sub(" ", rest) for rest in whole[cut:]]
        end = len(whole) - next((i for i, rest in enumerate(reversed(whole)) if rest.strip()), 0)
        try:
            return Recovered(read("\n".join(head)), first, tuple(range(cut + 1, max(end, cut + 1) + 1)))
        except errors:
            pass
    return Recovered(None, first, tuple(skipped))
