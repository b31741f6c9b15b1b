"""Lines and columns in a page: of an offset, and of the start tag lxml made an element from.

libxml2 records the line on which a start tag *ends* (its `>`). A report must point where the
tag starts, which for a component written over several lines is a few lines earlier. The
start tags of each name are found once, in order, with the line on which each one ends; the
elements lxml made, also in document order, are paired with them one by one.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
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
    """Where the elements of a parsed page start in its markup. The tags most asked about
    (`expected`) are found in one pass over the markup; any other the first time it is asked."""

    def __init__(self, markup: str, lines: LineIndex, expected: tuple[str, ...] = ()) -> None:
        self.markup = markup
        self.lines = lines
        self.expected = expected
        # tag -> (offset of `<tag`, line of that `<`, line of its `>`), in order
        self.tags: dict[str, list[tuple[int, int, int]]] = {}
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
        limited = end_line >= LINE_LIMIT
        index = self.cursor.get(tag, 0)
        taken = self.taken
        # Skip openings that end before this element's tag: libxml2 made no element of them (a
        # tag inside a script or an attribute value).
        count = len(openings)
        while index < count and (openings[index][0] in taken or (not limited and openings[index][2] < end_line)):
            index += 1
        self.cursor[tag] = index
        if index >= count:
            return end_line, 1
        chosen = index
        if key and index + 1 < count and openings[index + 1][2] == openings[index][2]:  # several end here
            probe = index
            while probe < count and openings[probe][2] == openings[index][2]:
                at = openings[probe][0]
                if at not in taken and self._carries(at, key):
                    chosen = probe
                    break
                probe += 1
        at, line, _ = openings[chosen]
        if not limited and line > end_line:
            return end_line, 1  # no opening fits: keep what libxml2 said
        taken.add(at)
        return line, self.lines.column_of(at)

    def _openings(self, tag: str) -> list[tuple[int, int, int]]:
        if tag not in self.expected:
            return self._find((tag,))[tag]
        self.tags.update(self._find(self.expected))
        return self.tags[tag]

    def _find(self, tags: tuple[str, ...]) -> dict[str, list[tuple[int, int, int]]]:
        """The openings of each of `tags`, in one pass."""
        markup = self.markup
        found: dict[str, list[tuple[int, int, int]]] = {tag: [] for tag in tags}
        line, counted = 1, 0  # lines are counted forward from one opening to the next
        for match in _openers(tags).finditer(markup):
            start = match.start()
            line += markup.count("\n", counted, start)
            counted = start
            at = match.end()
            openings = found[match.group(1).lower()]
            close, newline = markup.find(">", at), markup.find("\n", at)
            if close >= 0 and (newline < 0 or close < newline) and _outside_quotes(markup, at, close):
                openings.append((start, line, line))  # most tags: on one line, their `>` outside quotes
                continue
            rest = _REST_OF_TAG.match(markup, at, min(len(markup), at + _TAG_WINDOW))
            close = rest.end() - 1 if rest else close
            openings.append((start, line, line + markup.count("\n", start, close) if close >= 0 else line))
        return found

    def _carries(self, at: int, value: str) -> bool:
        """Does the tag opened at `at` hold this name or id (up to its end or the next tag)?"""
        end = self.markup.find(">", at + 1)
        following = self.markup.find("<", at + 1)
        if following >= 0 and (end < 0 or following < end):
            end = following
        return value in self.markup[at : end if end >= 0 else len(self.markup)]


@lru_cache(maxsize=256)
def _openers(tags: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"<(" + "|".join(re.escape(tag) for tag in tags) + r")(?=[\s/>])", re.I)
