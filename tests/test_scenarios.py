"""Scenario trees: each folder under tests/scenarios holds templates and a manifest, and an
expected.txt with what `datamin check` must give there, exactly:

    args PATH...            what to check, from inside the folder (default: the folder, a full scan)
    exit N                  the exit code
    PATH:LINE CODE [cat]    a finding (the set of findings must be exactly these)
    error MESSAGE           a line the check prints on its error stream (exactly these, in order,
                            then the line that says which checks wait for a valid manifest)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from datamin.cli import cli

WAITING = (
    "the checks against the manifest's declarations (DM100, DM101, DM102, DM103, DM200 and DM306) wait for a "
    "valid manifest; the findings above need none"
)
SCENARIOS = sorted(p for p in (Path(__file__).parent / "scenarios").iterdir() if p.is_dir())


def expectations(folder: Path) -> tuple[list[str], int, set[tuple[str, int, str, str | None]], list[str]]:
    args, code, findings, errors = ["."], 0, set(), []
    for line in (folder / "expected.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, _, rest = line.partition(" ")
        if word == "args":
            args = rest.split()
        elif word == "exit":
            code = int(rest)
        elif word == "error":
            errors.append(rest)
        else:
            where, _, category = rest.partition(" ")
            path, _, number = word.rpartition(":")
            findings.add((path, int(number), where, category.strip("[]") or None))
    return args, code, findings, errors


@pytest.mark.parametrize("folder", SCENARIOS, ids=[f.name for f in SCENARIOS])
def test_scenario(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args, code, expected, errors = expectations(folder)
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(cli, ["check", "--format", "json", *args])
    assert result.exit_code == code, result.output + result.stderr
    if errors:  # the manifest's problems, then what waits for it; the other checks still run
        assert result.stderr.splitlines() == [*errors, WAITING]
    document = json.loads(result.stdout)
    found = {(f["path"], f["line"], f["code"], f["category"]) for f in document["findings"]}
    assert found == expected
    assert document["errors"] == []


def test_there_are_enough_scenarios_for_every_code() -> None:
    assert len(SCENARIOS) >= 30
    codes = set()
    broken = 0
    for folder in SCENARIOS:
        _, _, findings, errors = expectations(folder)
        codes |= {c for _, _, c, _ in findings}
        broken += bool(errors)
    assert codes >= {"DM100", "DM101", "DM102", "DM103", "DM200", "DM300", "DM301", "DM302", "DM304", "DM305", "DM306"}
    assert broken >= 10
