"""GitHub Actions workflow commands: one `::error file=...,line=...::message` per finding, which
GitHub shows as an annotation on the pull request's diff."""

from __future__ import annotations

from typing import TextIO

from datamin.fingerprint import portable
from datamin.report import Report

COMMANDS = {"error": "error", "warning": "warning", "note": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def report(report: Report, out: TextIO) -> None:
    for finding in report.result.findings:
        title = f"{finding.code} {finding.category}" if finding.category else finding.code
        where = f"file={_property(portable(finding.path))},line={finding.line},col={finding.column}"
        command = COMMANDS.get(finding.severity, "warning")
        print(f"::{command} {where},title={_property(title)}::{_data(finding.message)}", file=out)
    for error in report.result.errors:
        where = f"file={_property(portable(error.path))}" + (f",line={error.line}" if error.line else "")
        print(f"::warning {where},title=datamin could not read::{_data(error.message)}", file=out)
