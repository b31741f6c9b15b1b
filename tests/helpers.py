"""Small helpers shared by the tests."""

from __future__ import annotations

import os
from pathlib import Path

from click.testing import CliRunner, Result

from datamin.classify import classify_all
from datamin.parse.markup.html import parse
from datamin.records import Field

ROOT = Path(__file__).resolve().parent.parent
# A manifest that declares email for shipping orders: the tests add what they need.
ORDERS_MANIFEST = """version: 1
organisation: {name: Example Durian Pte Ltd, country: SG}
purposes:
  - id: orders
    description: Ship orders
    use: essential.service
    lawful_basis: contract
    retention: P2Y
data:
  - category: email
    purposes: [orders]
"""
SHARED = ROOT.parent / "shared"


def read_fields(name: str, text: str) -> list[Field]:
    """Every control in a template, classified (personal or not), in document order."""
    parsed = parse(name, text)
    return classify_all(parsed.controls, place=parsed.place)


def personal(name: str, text: str) -> set[tuple[int, str | None]]:
    """(line, category) of the personal-data fields datamin reports in one template."""
    return {(f.line, f.category) for f in read_fields(name, text) if f.category and f.confidence >= 0.5}


def listed(folder: Path, files: dict[str, str]) -> list[tuple[int, str, str | None]]:
    """The fields a scan of `files` (written under `folder`) reports: line, name, category."""
    from datamin.check import Options, inventory

    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return [(f.line, f.control.name, f.category) for f in inventory([str(folder)], Options(jobs=1)).fields]


def invoke(folder: Path, *args: str) -> Result:
    """The command line, run from `folder`, as a user would type it there."""
    from datamin.cli import cli

    old = os.getcwd()
    os.chdir(folder)
    try:
        return CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
