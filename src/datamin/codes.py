"""The finding codes, read from `rules/codes.toml`: one place for their severity and docs."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

SEVERITIES = ("error", "warning", "note")


@dataclass(frozen=True)
class Code:
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
    text = resources.files("datamin.rules").joinpath("codes.toml").read_text(encoding="utf-8")
    entries = tomllib.loads(text)["code"]
    return {e["code"]: Code(**e) for e in entries}
