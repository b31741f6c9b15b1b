"""Lines and columns in a page: of an offset, and of the start tag lxml made an element from.

libxml2 records the line on which a start tag *ends* (its `>`). A report must point where the
tag starts, which for a component written over several lines is a few lines earlier. The
start tags of each name are found once, in order, with the line on which each one ends; the
elements lxml made, also in document order, are paired with them one by one.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

LINE_LIMIT = 65535  # libxml2's HTML parser reports no line number above this
_NEWLINE = re.compile("\n")
# The rest of a start tag after its name: attributes, quoted values holding any `>` (`:rules="[v =>
# !!v]"`), up to the closing `>`.
_REST_OF_TAG = re.compile(r"""(?:\s+[^\s=>/"'<]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?|\s*/)*\s*>""")
_TAG_WINDOW = 20_000  # a start tag longer than this is broken markup: its first `>` ends it


def _outside_quotes(text: str, start: int, end: int) -> bool:
    return text.count('"', start, end) % 2 == 0 and text.count("'", start, end) % 2 == 0


class LineIndex:
    """Line and column of an offset, counting newlines only as far as the questions reach."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.known = [(0, 1)]  # (offset, line) pairs already counted, sorted
        self.total = text.count("\n") + 1
        self.newlines: list[int] | None = None  # every newline's offset, when first needed

    def line_of(self, offset: int) -> int:
        index = bisect.bisect_right(self.known, (offset, self.total + 1)) - 1
        known_offset, known_line = self.known[index]
        line = known_line + self.text.count("\n", known_offset, offset)
        if offset - known_offset > 256:  # remember far points only: the list stays short
            self.known.insert(index + 1, (offset, line))
        return line

    def column_of(self, offset: int) -> int:
        return offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def span_of_lines(self, first: int, last: int) -> tuple[int, int]:
        """Offsets where line `first` starts and line `last` ends."""
        if self.newlines is None:
            self.newlines = [m.start() for m in _NEWLINE.finditer(self.text)]
        start = self.newlines[first - 2] + 1 if 2 <= first <= len(self.newlines) + 1 else 0
        end = self.newlines[last - 1] if 1 <= last <= len(self.newlines) else len(self.text)
        return start, end


class StartTags:
    """Where the elements of a parsed page start in its markup."""

    def __init__(self, markup: str, lines: LineIndex) -> None:
        self.markup = markup
        self.lines = lines
        self.tags: dict[str, list[tuple[int, int]]] = {}  # tag -> (offset of `<tag`, line of its `>`)
        self.cursor: dict[str, int] = {}  # tag -> the first opening not yet given to an element
        self.taken: set[int] = set()

    def position(self, element: Any, key: str | None = None) -> tuple[int, int]:
        """Line and column of the `<` of `element`'s start tag. `key`, the element's name or id,
        tells apart several tags that end on the same line."""
        tag = element.tag.lower()
        openings = self.tags.get(tag)
        if openings is None:
            openings = self.tags[tag] = self._openings(tag)
        end_line = element.sourceline or 1
        index = self.cursor.get(tag, 0)
        # Skip openings that end before this element's tag: libxml2 made no element of them (a
        # tag inside a script or an attribute value).
        while index < len(openings) and (
            openings[index][0] in self.taken or (end_line < LINE_LIMIT and openings[index][1] < end_line)
        ):
            index += 1
        self.cursor[tag] = index
        if index >= len(openings):
            return end_line, 1
        chosen = index
        if key:
            probe = index
            while probe < len(openings) and openings[probe][1] == openings[index][1]:
                at = openings[probe][0]
                if at not in self.taken and self._carries(at, key):
                    chosen = probe
                    break
                probe += 1
        at = openings[chosen][0]
        if end_line < LINE_LIMIT and self.lines.line_of(at) > end_line:
            return end_line, 1  # no opening fits: keep what libxml2 said
        self.taken.add(at)
        return self.lines.line_of(at), self.lines.column_of(at)

    def _openings(self, tag: str) -> list[tuple[int, int]]:
        pattern = re.compile(r"<" + re.escape(tag) + r"(?=[\s/>])", re.I)
        found = []
        markup = self.markup
        for match in pattern.finditer(markup):
            at = match.end()
            line = self.lines.line_of(match.start())
            close, newline = markup.find(">", at), markup.find("\n", at)
            if close >= 0 and (newline < 0 or close < newline) and _outside_quotes(markup, at, close):
                found.append((match.start(), line))  # most tags: on one line, their `>` outside quotes
                continue
            rest = _REST_OF_TAG.match(markup, at, min(len(markup), at + _TAG_WINDOW))
            close = rest.end() - 1 if rest else close
            found.append((match.start(), self.lines.line_of(close) if close >= 0 else line))
        return found

    def _carries(self, at: int, value: str) -> bool:
        """Does the tag opened at `at` hold this name or id (up to its end or the next tag)?"""
        end = self.markup.find(">", at + 1)
        following = self.markup.find("<", at + 1)
        if following >= 0 and (end < 0 or following < end):
            end = following
        return value in self.markup[at : end if end >= 0 else len(self.markup)]
