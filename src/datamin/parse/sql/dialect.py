"""Which SQL dialect a file is written in: as the user said, or guessed from its text.

The hints (backticks and `ENGINE=` for MySQL, `GO` for T-SQL, `SERIAL` for PostgreSQL...) are
data in `rules/sql.toml`. A guess reads only the head of a file: dumps are large, and their
schema comes first.
"""

from __future__ import annotations

import os
import re
import tomllib
from functools import cache
from typing import Any, NamedTuple

from datamin.rules import FOLDER

MAX_COUNT = 5  # occurrences of one hint that count: a dump full of backticks is not more MySQL
MIN_SCORE = 2  # below this the text says nothing: sqlglot's own dialect reads it


class Guess(NamedTuple):
    dialect: str  # a sqlglot dialect name; "" for sqlglot's own
    how: str  # "given", "configured for GLOB", "guessed (ENGINE=, backticks)" or "no hint"


@cache
def rules() -> dict[str, Any]:
    with open(os.path.join(FOLDER, "sql.toml"), "rb") as handle:
        return tomllib.load(handle)


def canonical(name: str) -> str | None:
    """The sqlglot dialect a user's name means (`postgresql`, `mssql`, `mariadb`), or None."""
    aliases: dict[str, str] = rules()["aliases"]
    return aliases.get(name.strip().lower())


@cache
def ignorable() -> re.Pattern[str]:
    words = sorted(rules()["ignorable"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")\b", re.I)


def blank_ignorable(text: str) -> str:
    """The statement with `ROWGUIDCOL` and the like replaced by spaces: same length, same lines."""
    return ignorable().sub(lambda m: re.sub(r"\S", " ", m.group()), text)


def known() -> list[str]:
    return sorted(rules()["aliases"])


@cache
def _hints() -> dict[str, list[tuple[re.Pattern[str], int, str]]]:
    return {
        dialect: [(re.compile(pattern, re.I | re.M), weight, label) for pattern, (weight, label) in table.items()]
        for dialect, table in rules()["hints"].items()
    }


def guess(head: str) -> Guess:
    """The dialect whose hints weigh most in `head`, with the hints that decided it."""
    best, best_score, best_reasons = "", 0, []
    for dialect, hints in _hints().items():
        score, reasons = 0, []
        for pattern, weight, label in hints:
            count = 0
            for _ in pattern.finditer(head):
                count += 1
                if count == MAX_COUNT:
                    break
            if count:
                score += weight * count
                reasons.append(label)
        if score > best_score:
            best, best_score, best_reasons = dialect, score, reasons
    if best_score < MIN_SCORE:
        return Guess("", "no dialect hint; read as generic SQL")
    return Guess(best, f"guessed from {', '.join(best_reasons[:3])}")
