"""Is there a notice at the point of collection: a privacy link, or words about privacy or
purpose? The words are data, in rules/notice.toml, in every language datamin reads."""

from __future__ import annotations

import os
import re
import tomllib
from functools import cache

from datamin.rules import FOLDER
from datamin.words import fold, has_non_latin


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    with open(os.path.join(FOLDER, "notice.toml"), "rb") as handle:
        data = tomllib.load(handle)

    def alternation(phrases: list[str]) -> re.Pattern[str]:
        # Literal first, no \b in front: the engine then skips to candidate letters quickly.
        parts = [re.escape(fold(p)).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)]
        return re.compile("|".join(parts))

    return alternation(data["words"]), alternation(data["links"])


def mentions_notice(text: str) -> bool:
    """Words about privacy or about what the data is for (whole words, in Latin scripts)."""
    if not text:
        return False
    folded = fold(text)
    for match in _patterns()[0].finditer(folded):
        start, end = match.span()
        if has_non_latin(match.group()) or (
            (start == 0 or not folded[start - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum())
        ):
            return True
    return False


def links_to_notice(address: str) -> bool:
    """A link to a privacy notice (`/pages/privacy`, `dasar-privasi.html`)."""
    return bool(address) and _patterns()[1].search(fold(address)) is not None


@cache
def marketing_words() -> frozenset[str]:
    with open(os.path.join(FOLDER, "notice.toml"), "rb") as handle:
        return frozenset(fold(w) for w in tomllib.load(handle)["marketing"])
