"""Python files that declare data: recognised by what they import and define, parsed with
`ast` (never imported, never run), and read by the module of each framework they use."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator

from datamin.parse.code import pygql, pyschema
from datamin.parse.code.pyast import Module
from datamin.parse.sniff import Sniff
from datamin.records import Control, Parsed, ScanError

# What shows a framework may be used in a file: only such files are parsed (a repository's
# scripts and tests are not). One pass over the text; after parsing, the imports decide.
_FRAMEWORKS = Sniff(
    r"^\s*(?:from|import)\s+(?:django|alembic|sqlalchemy|flask_sqlalchemy|sqlmodel|wtforms|flask_wtf|pydantic|fastapi)\b"
    r"|\bmodels\.Model\b|\bforms\.(?:Model)?Form\b|\bdb\.Model\b|\bdb\.Column\(|^down_revision\b",
    (
        *("django", "alembic", "sqlalchemy", "sqlmodel", "wtforms", "flask_wtf", "pydantic", "fastapi"),
        *("models.Model", "forms.", "db.Model", "db.Column(", "down_revision"),
    ),
    re.M,
)
# ... or it holds a JSON Schema written as a dict, or GraphQL SDL in a string
SNIFF = Sniff.either(_FRAMEWORKS, pyschema.SNIFF, pygql.SNIFF)
# The readers a file's imports call for, by the first part of the module imported.
_BY_IMPORT = {
    "django": ("django",), "alembic": ("alembic",), "sqlalchemy": ("sqlalchemy",),
    "flask_sqlalchemy": ("sqlalchemy",), "sqlmodel": ("sqlalchemy", "pydantic"), "wtforms": ("forms",),
    "flask_wtf": ("forms",), "pydantic": ("pydantic",), "fastapi": ("pydantic",),
}  # fmt: skip


def _frameworks(module: Module) -> list[str]:
    """The frameworks a file imports (or, importing its models some other way, uses)."""
    used: dict[str, None] = {}
    for node in module.tree.body:
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names = [node.module]
        for name in names:
            used.update(dict.fromkeys(_BY_IMPORT.get(name.split(".", 1)[0], ())))
    if not used:  # `from . import models`, `from app import db`: what the code calls says
        text = "\n".join(module.lines)
        if "models.Model" in text or "forms.Form" in text or "forms.ModelForm" in text:
            used["django"] = None
        if "db.Model" in text or "db.Column(" in text:
            used["sqlalchemy"] = None
    return list(used)


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
    if not SNIFF.search(text):
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
    for name in _frameworks(module):
        for control in readers[name](module):
            controls.setdefault((control.line, control.column, control.name), control)  # read once
    if pyschema.SNIFF.search(text):
        for control in pyschema.fields(module):
            controls.setdefault((control.line, control.column, control.name), control)
    if pygql.SNIFF.search(text):
        for control in pygql.fields(path, text, module):
            controls.setdefault((control.line, control.column, control.name), control)
    return Parsed(sorted(controls.values(), key=lambda c: (c.line, c.column)), [])
