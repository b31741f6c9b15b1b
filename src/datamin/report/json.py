"""The stable, versioned JSON object of the SPEC; the inventory omits `findings`."""

from __future__ import annotations

import json
from typing import Any, TextIO

from datamin.records import Field, Finding, ScanError
from datamin.report import Report

VERSION = 1
# One encoder for every object (`json.dumps` with options makes a new one per call).
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def field_object(field: Field) -> dict[str, Any]:
    control = field.control
    return {
        "path": control.path,
        "line": control.line,
        "column": control.column,
        "source": control.source,
        "container": control.container,
        "name": control.display_name,
        "category": field.category,
        "sensitivity": field.sensitivity,
        "confidence": field.confidence,
        "evidence": list(field.evidence),
    }


def finding_object(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity,
        "path": finding.path,
        "line": finding.line,
        "column": finding.column,
        "category": finding.category,
        "field": finding.field,
        "container": finding.container,
        "message": finding.message,
    }


def error_object(error: ScanError) -> dict[str, Any]:
    return {"path": error.path, "line": error.line, "message": error.message}


def report(report: Report, out: TextIO) -> None:
    """One object per line: readable, diffable, and written by the json module's C encoder (an
    indented dump goes through its pure-Python one, ten times slower on a large inventory)."""
    result = report.result
    lists: list[tuple[str, list[dict[str, Any]]]] = [("fields", [field_object(f) for f in result.fields])]
    if report.command != "inventory":
        lists.append(("findings", [finding_object(f) for f in result.findings]))
    lists.append(("errors", [error_object(e) for e in result.errors]))
    if report.command == "scan-url":  # pages found but not fetched, and why
        lists.append(("skipped", [{"url": url, "reason": "disallowed by robots.txt"} for url in result.skipped]))
    out.write(f'{{"version": {VERSION}')
    for key, objects in lists:
        out.write(f',\n "{key}": [')
        out.write(",".join("\n  " + _ENCODE(o) for o in objects))
        out.write("\n ]" if objects else "]")
    out.write("}\n")
