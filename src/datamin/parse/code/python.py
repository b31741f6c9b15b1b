"""Python files that declare data: recognised by what they import and define, parsed with
`ast` (never imported, never run), and read by the module of each framework they use."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator

from datamin.parse.code.pyast import Module
from datamin.records import Control, Parsed, ScanError

# What shows a framework is used in a file: read only then (a repository's scripts and tests
# are not parsed at all).
_FRAMEWORKS: dict[str, re.Pattern[str]] = {
    "django": re.compile(r"^\s*(?:from|import)\s+django\b|\bmodels\.Model\b|\bforms\.(?:Model)?Form\b", re.M),
    "alembic": re.compile(r"^\s*(?:from|import)\s+alembic\b|^down_revision\b", re.M),
    "sqlalchemy": re.compile(
        r"^\s*(?:from|import)\s+(?:sqlalchemy|flask_sqlalchemy|sqlmodel)\b|\bdb\.Model\b|\bdb\.Column\(", re.M
    ),
    "forms": re.compile(r"^\s*(?:from|import)\s+(?:wtforms|flask_wtf)\b", re.M),
    "pydantic": re.compile(r"^\s*(?:from|import)\s+(?:pydantic|fastapi|sqlmodel)\b", re.M),
}
SNIFF = re.compile("|".join(f"(?:{p.pattern})" for p in _FRAMEWORKS.values()), re.M)

Reader = Callable[[Module], Iterator[Control]]


def _readers() -> dict[str, Reader]:
    from datamin.parse.code import django, pydantic, sqlalchemy, wtforms

    return {
        "django": django.fields,
        "sqlalchemy": sqlalchemy.fields,
        "alembic": sqlalchemy.fields,  # an Alembic file that is not a revision (env.py) may hold tables
        "forms": wtforms.fields,
        "pydantic": pydantic.fields,
    }


def module_of(path: str, text: str) -> tuple[Module | None, ScanError | None]:
    """The parsed file, or why it could not be parsed."""
    try:
        tree = ast.parse(text, filename=path)
    except SyntaxError as exc:
        return None, ScanError(path, exc.lineno, f"Python syntax error: {exc.msg}; not read")
    except (ValueError, RecursionError, MemoryError) as exc:
        return None, ScanError(path, None, f"could not be parsed as Python ({exc}); not read")
    return Module(path, text.splitlines(), tree), None


def parse(path: str, text: str, *, notices: bool = False) -> Parsed:
    """The fields a Python file declares, by each framework it uses."""
    used = [name for name, pattern in _FRAMEWORKS.items() if pattern.search(text)]
    if not used:
        return Parsed([], [])
    module, problem = module_of(path, text)
    if module is None:
        return Parsed([], [problem] if problem else [])
    from datamin.parse.code import migrations  # only for files that declare data

    migration = migrations.recognise(module)
    if migration is not None:  # read on its own: what it adds (a folder of them: see check.py)
        return Parsed(migrations.controls([migration], path), [])
    readers = _readers()
    controls: dict[tuple[int, int, str], Control] = {}
    for name in used:
        for control in readers[name](module):
            controls.setdefault((control.line, control.column, control.name), control)  # read once
    return Parsed(sorted(controls.values(), key=lambda c: (c.line, c.column)), [])
