"""A finding's identity across edits: what it is about and the text of its line, not the line's
number. Code scanning (SARIF `partialFingerprints`) and baselines use it, so a finding keeps its
identity when lines are added above it and loses it when its own line changes."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections import Counter
from collections.abc import Iterable

from datamin.records import Finding

VERSION = "datamin/v1"


class Lines:
    """The lines of the files findings point at, each file read once."""

    def __init__(self) -> None:
        self._files: dict[str, list[str]] = {}

    def text(self, path: str, line: int) -> str:
        lines = self._files.get(path)
        if lines is None and "://" in path:
            lines = self._files[path] = []  # a page of a live scan: its text is not kept
        if lines is None:
            try:
                with open(path, encoding="utf-8", errors="replace") as handle:
                    lines = handle.read().splitlines()
            except OSError:
                lines = []
            self._files[path] = lines
        return lines[line - 1] if 0 < line <= len(lines) else ""


def portable(path: str) -> str:
    """The path as it is written in a repository: relative, forward slashes."""
    if os.path.isabs(path):
        with contextlib.suppress(ValueError):  # another drive on Windows
            path = os.path.relpath(path)
    return path.replace(os.sep, "/")


def fingerprints(findings: Iterable[Finding], lines: Lines | None = None) -> list[str]:
    """One fingerprint per finding, in order. Findings that would share one (the same code on
    two identical lines of a file) are told apart by their order of occurrence."""
    lines = lines or Lines()
    seen: Counter[str] = Counter()
    out = []
    for finding in findings:
        content = " ".join(lines.text(finding.path, finding.line).split())
        parts = (
            finding.code,
            portable(finding.path),
            finding.category or "",
            finding.container or "",
            finding.field or "",
            content,
        )
        digest = hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]
        seen[digest] += 1
        out.append(digest if seen[digest] == 1 else f"{digest}:{seen[digest]}")
    return out
