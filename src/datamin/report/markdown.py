"""A Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the counts, then
each finding (the first hundred) as a table row."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from datamin.fingerprint import portable
from datamin.report import Report

SHOWN = 100
ICONS = {"error": "🔴", "warning": "🟡", "note": "🔵"}


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report(report: Report, out: TextIO) -> None:
    result = report.result
    findings = result.findings
    print("## datamin", file=out)
    print(file=out)
    unit = "page" if report.command == "scan-url" else "file"
    files = f"{result.scanned} {unit}{'s' if result.scanned != 1 else ''}"
    if not findings:
        print(
            f"No findings in {files}: every personal-data field is declared in {report.manifest or 'the manifest'}.",
            file=out,
        )
    else:
        severities = Counter(f.severity for f in findings)
        summary = ", ".join(f"{n} {severity}{'s' if n != 1 else ''}" for severity, n in sorted(severities.items()))
        print(f"**{len(findings)} finding{'s' if len(findings) != 1 else ''}** in {files}: {summary}.", file=out)
        print(file=out)
        print("| code | count |\n| --- | ---: |", file=out)
        for code, n in sorted(Counter(f.code for f in findings).items()):
            print(f"| `{code}` | {n} |", file=out)
        print(file=out)
        print("| | where | code | category | message |\n| --- | --- | --- | --- | --- |", file=out)
        for finding in findings[:SHOWN]:
            where = f"`{_cell(portable(finding.path))}:{finding.line}`"
            category = f"`{finding.category}`" if finding.category else ""
            icon = ICONS.get(finding.severity, "")
            print(f"| {icon} | {where} | `{finding.code}` | {category} | {_cell(finding.message)} |", file=out)
        if len(findings) > SHOWN:
            print(f"\n…and {len(findings) - SHOWN} more: see the full report.", file=out)
    if result.baselined or result.stale:
        left_out = f"{result.baselined} finding(s) left out by the baseline"
        print(f"\n{left_out}; {result.stale} baseline entr(ies) no longer found.", file=out)
    if result.errors:
        print(
            f"\n{len(result.errors)} file{'s' if len(result.errors) != 1 else ''} could not be read in full:", file=out
        )
        for error in result.errors[:SHOWN]:
            where = f"{portable(error.path)}:{error.line}" if error.line else portable(error.path)
            print(f"- `{_cell(where)}`: {_cell(error.message)}", file=out)
