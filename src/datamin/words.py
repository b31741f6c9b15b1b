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
# A word of another script against a Latin one: `IP地址` -> IP 地址.
_CAMEL = re.compile(
    r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])"
    r"|(?<=[A-Za-z0-9])(?=[^\x00-\x7f\W])|(?<=[^\x00-\x7f\W])(?=[A-Za-z0-9])"
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class Word(NamedTuple):
    text: str
    start: int
    end: int


class Text(NamedTuple):
    """Folded text and its words, with offsets into the folded text."""

    folded: str
    words: tuple[Word, ...]


def _latin_bases() -> dict[int, str]:
    """Accented Latin letters -> their base letters, case kept: `ọ` -> `o`, `Đ` -> `D`, `ß` -> `ss`."""
    table: dict[int, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        decomposed = unicodedata.normalize("NFD", chr(code))
        base, marks = decomposed[0], decomposed[1:]
        if base.isascii() and base.isalpha() and marks and all(unicodedata.category(m) == "Mn" for m in marks):
            table[code] = base
    table.update({ord(k): v for k, v in _UNDECOMPOSED.items()})
    return table


_UNDECOMPOSED = {
    "đ": "d", "Đ": "D", "ı": "i", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "ħ": "h", "Ħ": "H", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
}  # fmt: skip
_LATIN_BASES = _latin_bases()


def _unaccented(text: str) -> str:
    """NFKC-normalised (full-width letters become ASCII), Latin accents removed: Vietnamese,
    Malay and European labels read as the words developers write (`Họ và tên` -> `Ho va ten`)."""
    return unicodedata.normalize("NFKC", text).translate(_LATIN_BASES)


def fold(text: str) -> str:
    """Lower-case, NFKC-normalised text without Latin accents."""
    return _unaccented(text).lower()


@lru_cache(maxsize=1 << 16)  # a schema or a theme repeats the same names thousands of times
def tokens(text: str) -> Text:
    folded = _CAMEL.sub(" ", _unaccented(text)).lower()
    return Text(folded, tuple(Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)))


def split_words(text: str) -> list[str]:
    """`customer[date_of_birth]` -> ['customer', 'date', 'of', 'birth']."""
    return list(_split(text)) if text else []


@lru_cache(maxsize=1 << 16)
def _split(text: str) -> tuple[str, ...]:
    return tuple(w.text for w in tokens(text).words)


_NON_LATIN = re.compile("[^\x00-\u024f]")


def has_non_latin(text: str) -> bool:
    return not text.isascii() and _NON_LATIN.search(text) is not None
