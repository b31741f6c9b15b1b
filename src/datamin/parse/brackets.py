"""Where a bracket closes, in code read as text (template attribute lists, annotations)."""

from __future__ import annotations

from collections.abc import Iterator

_PAIRS = {"{": "}", "(": ")", "[": "]"}


def closing(
    text: str, at: int, quotes: str = "\"'", comments: bool = False, jsx: bool = False, *, _read: _Jsx | None = None
) -> int:
    """The index of the bracket that closes the one at `at` (strings in any of `quotes` and
    their escapes passed over; with `comments`, `//` and `/* */` comments too, which may hold
    an apostrophe; with `jsx`, the JSX elements of the expression, whose text may too: `(<Label>
    Father's Name</Label>)`), or the last index when nothing closes it."""
    opening = text[at]
    close = _PAIRS[opening]
    depth, quote, i = 0, "", at
    read = _read
    while i < len(text):
        char = text[i]
        if jsx and not quote and char == "<" and _starts_jsx(text, i):
            read = read or _Jsx()  # made when the first element is met: most expressions hold none
            end = read.element_end(text, i)
            if end > 0:
                i = end + 1
                continue
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


_BEFORE_JSX = frozenset("(,[{?:&|=>")
_DEEPEST = 40  # JSX in expressions in JSX...: deeper than real code nests; read on as code


def _starts_jsx(text: str, at: int) -> bool:
    """Does the `<` at `at` open a JSX element: a tag name (or `>` of a fragment) after what
    starts an expression (`(`, `=>`, `? `, `&&`, `return`), not a comparison (`a < b`)?"""
    following = text[at + 1 : at + 2]
    if not (following.isalpha() or following == ">"):
        return False
    before = text[max(0, at - 12) : at].rstrip()
    return not before or before[-1] in _BEFORE_JSX or before.endswith("return")


class _Jsx:
    """The JSX elements of one expression, each read once: where each ends (-1: it does not end
    as JSX does, and the caller reads on as code), and how deep the reading is."""

    def __init__(self) -> None:
        self.ends: dict[int, int] = {}
        self.depth = 0

    def element_end(self, text: str, at: int) -> int:
        if at in self.ends:
            return self.ends[at]
        self.ends[at] = -1  # while it is read (an element inside itself is no element), or too deep
        if self.depth >= _DEEPEST:
            return -1
        self.depth += 1
        try:
            self.ends[at] = end = self._element_end(text, at)
        finally:
            self.depth -= 1
        return end

    def _element_end(self, text: str, at: int) -> int:
        i, n = at + 1, len(text)
        while i < n and (text[i].isalnum() or text[i] in "_.:-"):
            i += 1  # the tag's name (none for a fragment)
        while i < n:  # the attributes
            char = text[i]
            if char == "/" and text.startswith("/>", i):
                return i + 1
            if char == ">":
                break
            if char in "\"'":
                end = text.find(char, i + 1)
                if end < 0:
                    return -1
                i = end
            elif char == "{":
                i = closing(text, i, quotes="\"'`", comments=True, jsx=True, _read=self)
            elif char == "<":
                return -1
            i += 1
        i += 1
        while i < n:  # the children, up to the first closing tag: its own (a child's is read with the child)
            char = text[i]
            if char == "{":
                i = closing(text, i, quotes="\"'`", comments=True, jsx=True, _read=self)
            elif char == "<" and text.startswith("</", i):
                end = text.find(">", i)
                return end
            elif char == "<" and (text[i + 1 : i + 2].isalpha() or text[i + 1 : i + 2] == ">"):
                end = self.element_end(text, i)
                if end < 0:
                    return -1
                i = end
            i += 1
        return -1
