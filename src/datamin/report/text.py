"""Human-readable output: findings grouped by file, one line each, then a summary; for the
inventory, one line per field. Each line starts `path:line:col:` so editors can jump to it."""

from __future__ import annotations

from collections import Counter
from itertools import groupby
from typing import TextIO

import click

from datamin.report import Report

_SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "note": "blue"}


def report(report: Report, out: TextIO) -> None:
    result = report.result

    def style(text: str, **kwargs: object) -> str:
        return click.style(text, **kwargs) if report.color else text  # type: ignore[arg-type]

    if report.command == "inventory":
        for field in result.fields:
            control = field.control
            where = f"{control.path}:{control.line}:{control.column}"
            container = f" in {control.container}" if control.container else ""
            category = style(field.category or "", fg="cyan")
            print(
                f"{style(where, bold=True)}: {category} ({field.sensitivity}, {field.confidence:.2f}) "
                f'"{control.display_name}"{container}  [{"; ".join(field.evidence)}]',
                file=out,
            )
    else:
        for index, (_, group) in enumerate(groupby(result.findings, key=lambda f: f.path)):
            if index:
                print(file=out)
            for finding in group:
                where = f"{finding.path}:{finding.line}:{finding.column}"
                code = style(finding.code, fg=_SEVERITY_COLOURS.get(finding.severity, "white"), bold=True)
                category = f" [{finding.category}]" if finding.category else ""
                print(f"{style(where, bold=True)}: {code}{category} {finding.message}", file=out)
    if result.errors and (result.findings or result.fields):
        print(file=out)
    for error in result.errors:
        where = f"{error.path}:{error.line}" if error.line else error.path
        print(f"{style(where, bold=True)}: {style('error', fg='red')}: {error.message}", file=out)
    if not report.quiet:
        print(summary(report), file=out)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{key}: {n}" for key, n in sorted(counter.items()))


def summary(report: Report) -> str:
    """The one line that ends the text report: what was read and found."""
    result = report.result
    unit = {"scan-url": "page", "scan-db": "database"}.get(report.command, "file")
    files = f"{result.scanned} {unit}{'s' if result.scanned != 1 else ''}"
    errors = f", {len(result.errors)} could not be read" if result.errors else ""
    if report.command == "inventory":
        by_category = Counter(f.category or "" for f in result.fields)
        counts = _counts(by_category)
        return f"{len(result.fields)} personal-data fields in {files}{errors}" + (f" ({counts})" if counts else "")
    baseline = _baseline(report)
    if not result.findings:
        return f"No findings in {files}{errors}{baseline}."
    by_code = _counts(Counter(f.code for f in result.findings))
    by_category_text = _counts(Counter(f.category for f in result.findings if f.category))
    n = len(result.findings)
    categories = f"; by category {by_category_text}" if by_category_text else ""
    return f"Found {n} finding{'s' if n != 1 else ''} in {files}{errors} (by code {by_code}{categories}){baseline}."


def _baseline(report: Report) -> str:
    result = report.result
    parts = []
    if result.baselined:
        parts.append(f"{result.baselined} in the baseline")
    if result.stale:
        parts.append(f"{result.stale} baseline entr{'ies' if result.stale != 1 else 'y'} no longer found")
    return f"; {', '.join(parts)}" if parts else ""
