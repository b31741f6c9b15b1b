"""`--diff REF`: the lines added or changed since REF, from git, so that a pull request or a
pre-commit run reports only what it touches. Renamed files count by their new path; files git
does not track yet count whole."""

from __future__ import annotations

import os
import re
import subprocess

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
WHOLE = frozenset({0})  # every line of a file that is new to git


class DiffError(Exception):
    pass


def _git(args: list[str], cwd: str, failed: str = "") -> str:
    """git's output; when it fails, `failed` (what that means, in datamin's words) or git's own."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise DiffError(f"--diff needs git, which cannot be run: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        raise DiffError(failed or f"git {' '.join(args)}: {done.stderr.strip() or 'failed'}")
    return done.stdout


def changed_lines(ref: str, cwd: str = ".") -> dict[str, frozenset[int]]:
    """Absolute path -> the line numbers added or changed since `ref` (WHOLE for a new file)."""
    where = os.path.abspath(cwd)
    top = _git(
        ["rev-parse", "--show-toplevel"],
        cwd,
        f"--diff needs a git repository, and {where} is not in one; run datamin from the repository, "
        "or leave --diff out to check every file",
    ).strip()
    _git(
        ["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
        cwd,
        f"--diff: no commit or branch called {ref!r} in this repository "
        "(in a shallow CI clone, fetch it first: git fetch origin main)",
    )
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "-M", ref, "--"], top)
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            current = None if target == "/dev/null" else changed.setdefault(os.path.join(top, target[2:]), set())
        elif current is not None and line.startswith("@@"):
            match = _HUNK.match(line)
            if match:
                start, count = int(match.group(1)), int(match.group(2) or "1")
                current.update(range(start, start + count))
    result = {os.path.normpath(path): frozenset(lines) for path, lines in changed.items()}
    for path in _git(["ls-files", "--others", "--exclude-standard", "-z"], top).split("\0"):
        if path:
            result[os.path.normpath(os.path.join(top, path))] = WHOLE
    return result


def touches(changed: dict[str, frozenset[int]], path: str, line: int) -> bool:
    lines = changed.get(os.path.normpath(os.path.abspath(path)))
    return lines is not None and (lines is WHOLE or line in lines)
