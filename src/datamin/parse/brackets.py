"""Where a bracket closes, in code read as text (template attribute lists, annotations)."""

from __future__ import annotations

_PAIRS = {"{": "}", "(": ")", "[": "]"}


def closing(text: str, at: int) -> int:
    """The index of the bracket that closes the one at `at` (strings and their escapes passed
    over), or the last index when nothing closes it."""
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
        elif char in "\"'":
            quote = char
        elif char == opening:
            depth += 1
        elif char == close:
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text) - 1
