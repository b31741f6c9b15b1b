"""SARIF 2.1.0 for code scanning: every code as a rule with its help, every finding as a result
with a relative location under `%SRCROOT%` and a fingerprint that survives unrelated edits."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, TextIO

from datamin import __version__
from datamin.codes import Code, load_codes
from datamin.fingerprint import VERSION, Lines, fingerprints, portable
from datamin.records import Finding, ScanError
from datamin.report import Report

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "note": "note"}


def rule(code: Code) -> dict[str, Any]:
    markdown = f"{code.what}\n\n**Why it matters.** {code.why}\n\n**Example**\n\n```\n{code.example}\n```\n\n"
    markdown += f"**Instead**\n\n```\n{code.instead}\n```\n\nRun `datamin explain {code.code}` for more."
    return {
        "id": code.code,
        "name": "".join(part.capitalize() for part in code.title.split("-")),
        "shortDescription": {"text": code.summary},
        "fullDescription": {"text": code.what},
        "help": {"text": f"{code.what}\n\n{code.why}\n\nInstead: {code.instead}", "markdown": markdown},
        "defaultConfiguration": {"level": LEVELS[code.severity]},
        "properties": {"tags": ["privacy", "data-minimisation", code.title]},
    }


def _location(path: str, line: int, column: int) -> dict[str, Any]:
    relative = portable(path)
    if "://" in path:
        artifact: dict[str, Any] = {"uri": path}  # a page or a database of a live scan
    elif relative.startswith("../") or os.path.isabs(relative):
        artifact = {"uri": Path(os.path.abspath(path)).as_uri()}
    else:
        artifact = {"uri": relative, "uriBaseId": "%SRCROOT%"}
    region = {"startLine": max(1, line)}
    if column >= 1:
        region["startColumn"] = column
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def result(finding: Finding, index: int, fingerprint: str) -> dict[str, Any]:
    properties = {
        k: v
        for k, v in (("category", finding.category), ("field", finding.field), ("container", finding.container))
        if v
    }
    return {
        "ruleId": finding.code,
        "ruleIndex": index,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": finding.message},
        "locations": [_location(finding.path, finding.line, finding.column)],
        "partialFingerprints": {VERSION: fingerprint},
        "properties": properties,
    }


def _notification(error: ScanError) -> dict[str, Any]:
    notification: dict[str, Any] = {"level": "error", "message": {"text": error.message}}
    notification["locations"] = [_location(error.path, error.line or 1, 0)]
    return notification


def document(report: Report) -> dict[str, Any]:
    codes = load_codes()
    order = {code: i for i, code in enumerate(codes)}
    findings = report.result.findings
    prints = fingerprints(findings, Lines())
    root = Path(os.getcwd()).as_uri() + "/"
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "datamin",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule(code) for code in codes.values()],
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root}},
        "results": [result(f, order[f.code], p) for f, p in zip(findings, prints, strict=True)],
        "invocations": [
            {
                "executionSuccessful": not (report.result.scanned == 0 and report.result.errors),
                "toolExecutionNotifications": [_notification(e) for e in report.result.errors],
            }
        ],
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def report(report: Report, out: TextIO) -> None:
    json.dump(document(report), out, ensure_ascii=False, indent=1)
    out.write("\n")
