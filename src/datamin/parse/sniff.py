"""Content tests that say which reader a file needs.

A regular expression of alternatives that share no first character is tried at every offset of
a file: a millisecond on a page of 30 KB, on every page of a site. Every alternative of a sniff
holds one of a few plain words, so a file holding none of them is turned away by substring
searches, and the expression runs only on the few files that may match.
"""

from __future__ import annotations

import re


class Sniff:
    """`pattern`, tried only on text that holds one of `words` (each alternative of the
    pattern must contain one of them)."""

    def __init__(self, pattern: str, words: tuple[str, ...], flags: int = 0) -> None:
        self.pattern = pattern
        self.words = tuple(w.lower() for w in words) if flags & re.I else words
        self.flags = flags
        self.regex = re.compile(pattern, flags)

    def search(self, text: str) -> re.Match[str] | None:
        haystack = text.lower() if self.flags & re.I else text
        if not any(word in haystack for word in self.words):
            return None
        return self.regex.search(text)

    @classmethod
    def either(cls, *sniffs: Sniff) -> Sniff:
        """A file any one of `sniffs` would read (all of the same flags)."""
        return cls(
            "|".join(f"(?:{s.pattern})" for s in sniffs),
            tuple(word for s in sniffs for word in s.words),
            sniffs[0].flags,
        )
