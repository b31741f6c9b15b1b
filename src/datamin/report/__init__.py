"""Reporters by format. A reporter is a module with one `report(report, out)` function."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from datamin.check import Result


@dataclass(frozen=True)
class Report:
    result: Result
    command: str  # "check" or "inventory"
    manifest: str | None = None  # the manifest's file name, for messages
    color: bool = False
    quiet: bool = False  # no summary line


Reporter = Callable[[Report, TextIO], None]


def reporters() -> dict[str, Reporter]:
    from datamin.report import json, text

    return {"text": text.report, "json": json.report}
