"""Reporters by format. A reporter is a module with one `report(report, out)` function."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, TextIO

from datamin.check import Result


class Report(NamedTuple):
    result: Result
    command: str  # "check" or "inventory"
    manifest: str | None = None  # the manifest's file name, for messages
    color: bool = False
    quiet: bool = False  # no summary line


Reporter = Callable[[Report, TextIO], None]


def reporters() -> dict[str, Reporter]:
    from datamin.report import csv, fides, github, html, json, markdown, sarif, text

    return {
        "text": text.report,
        "json": json.report,
        "csv": csv.report,
        "fides": fides.report,
        "sarif": sarif.report,
        "github": github.report,
        "markdown": markdown.report,
        "html": html.report,
    }
