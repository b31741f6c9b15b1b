"""The finding codes, read from `rules/codes.toml`: one place for their severity and docs."""

from __future__ import annotations

import os
import tomllib
from functools import cache
from typing import NamedTuple

from datamin.rules import FOLDER

SEVERITIES = ("error", "warning", "note")


class Code(NamedTuple):
    code: str
    severity: str
    title: str
    summary: str
    what: str
    why: str
    example: str
    instead: str


@cache
def load_codes() -> dict[str, Code]:
    with open(os.path.join(FOLDER, "codes.toml"), encoding="utf-8") as handle:
        text = handle.read()
    entries = tomllib.loads(text)["code"]
    return {e["code"]: Code(**e) for e in entries}
