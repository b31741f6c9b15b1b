"""Baselines: adopt datamin on a codebase that already collects too much. `--write-baseline`
records today's findings by fingerprint; `--baseline` leaves them out, so that only new ones
are reported. Fingerprints follow a finding's content, not its line number (see
`fingerprint`), so a baseline survives lines added above a finding; entries that match nothing
any more (fixed, or changed) are counted as stale."""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from datamin.fingerprint import Lines, fingerprints, portable
from datamin.records import Finding

VERSION = 1


class BaselineError(Exception):
    pass


class Filtered(NamedTuple):
    findings: list[Finding]  # not in the baseline
    baselined: int  # findings the baseline left out
    stale: int  # baseline entries that matched no finding


def dump(findings: list[Finding]) -> str:
    prints = fingerprints(findings, Lines())
    entries = [
        {"fingerprint": p, "code": f.code, "path": portable(f.path), "line": f.line, "message": f.message}
        for f, p in zip(findings, prints, strict=True)
    ]
    return json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=1) + "\n"


def load(path: str) -> set[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            data: Any = json.load(handle)
    except OSError as exc:
        raise BaselineError(f"{path}: cannot be read: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}: not a datamin baseline: {exc.msg}") from exc
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a datamin baseline (write one with --write-baseline)")
    return {str(entry.get("fingerprint")) for entry in data["findings"] if isinstance(entry, dict)}


def apply(findings: list[Finding], known: set[str]) -> Filtered:
    prints = fingerprints(findings, Lines())
    kept = [f for f, p in zip(findings, prints, strict=True) if p not in known]
    matched = {p for p in prints if p in known}
    return Filtered(kept, len(findings) - len(kept), len(known - matched))
