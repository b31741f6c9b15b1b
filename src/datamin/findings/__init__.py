"""Findings: where the code and the manifest disagree, and what the code does with the data.

- `declarations`: the fields against the manifest's declarations (DM100, DM103, DM200) and
  the declarations against the policy (DM101, DM102);
- `forms`: how each form collects (DM300 by GET or HTTP, DM301 to an undeclared recipient,
  DM304 with no notice, DM305 pre-ticked consent);
- `values`: real-looking personal values written into the code (DM302);
- `transfers`: recipients abroad with no safeguard (DM306);
- `sprawl`: direct identifiers copied from table to table (DM400).
"""

from __future__ import annotations

from datamin.codes import load_codes
from datamin.records import Finding


def finding(
    code: str,
    path: str,
    line: int,
    column: int,
    message: str,
    category: str | None = None,
    field: str | None = None,
    container: str | None = None,
) -> Finding:
    return Finding(code, load_codes()[code].severity, path, line, column, message, category, field, container)


def readable_container(container: str) -> str:
    """`form#checkout` reads as `form #checkout` in a sentence."""
    return container.replace("form#", "form #", 1) if container.startswith("form#") else container
