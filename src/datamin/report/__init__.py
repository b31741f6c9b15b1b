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


FORMATS = ("text", "json", "csv", "fides", "sarif", "github", "markdown", "html")


def reporter(name: str) -> Reporter:
    """The reporter of one format; only its module is imported (start-up time counts)."""
    from importlib import import_module

    if name not in FORMATS:
        raise KeyError(name)
    report: Reporter = import_module(f"datamin.report.{name}").report
    return report


def reporters() -> dict[str, Reporter]:
    return {name: reporter(name) for name in FORMATS}
