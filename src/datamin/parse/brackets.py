"""Where a bracket closes, in code read as text (template attribute lists, annotations)."""

from __future__ import annotations

from collections.abc import Iterator

_PAIRS = {"{": "}", "(": ")", "[": "]"}


def closing(text: str, at: int, quotes: str = "\"'", comments: bool = False) -> int:
    """The index of the bracket that closes the one at `at` (strings in any of `quotes` and
    their escapes passed over; with `comments`, `//` and `/* */` comments too, which may hold
    an apostrophe), or the last index when nothing closes it."""
    opening = text[at]
    close = _PAIRS[opening]
    depth, quote, i = 0, "", at
    while i < len(text):
        char = text[i]
        if quote:
            if char == "\\":
                i += 1
            elif char == quote:
                quote = ""
        elif comments and char == "/" and text.startswith("//", i):
            newline = text.find("\n", i)
            i = newline if newline >= 0 else len(text) - 1
        elif comments and char == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = end + 1 if end >= 0 else len(text) - 1
        elif char in quotes:
            quote = char
        elif char == opening:
            depth += 1
        elif char == close:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text) - 1


def outside_quotes(text: str, quotes: str = "\"'") -> Iterator[tuple[int, str, int]]:
    """Each character of `text` that is not in a quoted string, with the depth of the brackets
    it sits in (a closing bracket at the depth it returns to)."""
    depth, quote = 0, ""
    for i, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
            continue
        if char in quotes:
            quote = char
            continue
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        yield i, char, depth
