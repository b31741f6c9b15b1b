"""Split identifiers and label text into lower-case words.

Matching is done on words, never on substrings, so that `stage` is not `age` and `adobe`
is not `dob`. Phrases in scripts other than Latin (Chinese, Korean, Tamil, Thai...) are
matched as substrings, because those scripts run words together or attach particles to them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# camelCase and digit boundaries: dateOfBirth -> date Of Birth, address1 -> address 1,
# HTMLName -> HTML Name.
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class Word(NamedTuple):
    text: str
    start: int
    end: int


class Text(NamedTuple):
    """Folded text and its words, with offsets into the folded text."""

    folded: str
    words: tuple[Word, ...]


def fold(text: str) -> str:
    """Lower-case, NFKC-normalised text (full-width letters become ASCII)."""
    return unicodedata.normalize("NFKC", text).lower()


@lru_cache(maxsize=1 << 16)  # a schema or a theme repeats the same names thousands of times
def tokens(text: str) -> Text:
    folded = fold(_CAMEL.sub(" ", text))
    return Text(folded, tuple(Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)))


def split_words(text: str) -> list[str]:
    """`customer[date_of_birth]` -> ['customer', 'date', 'of', 'birth']."""
    return list(_split(text)) if text else []


@lru_cache(maxsize=1 << 16)
def _split(text: str) -> tuple[str, ...]:
    return tuple(w.text for w in tokens(text).words)


def has_non_latin(text: str) -> bool:
    return any(ord(ch) > 0x24F for ch in text)
