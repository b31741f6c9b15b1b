"""Which SQL files make up one schema, and in which order they apply.

A folder's migration files (Flyway `V2__add_dob.sql`, numbered `0003_x.sql`, timestamped
`20240101120000_x.sql`, golang-migrate `x.up.sql`) are one schema, applied in natural order
(`V2` before `V10`); Flyway's repeatable `R__` files come after the versioned ones. Down and
undo migrations (`x.down.sql`, `U2__x.sql`) are not read: they are not the schema's history.
Any other SQL file (`schema.sql`, `mysql.sql` beside `postgres.sql`) is a schema of its own.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import TypeVar

_VERSIONED = re.compile(r"(?:V\d|\d|R__)", re.I)
_UNDO = re.compile(r"U\d[\w.]*__", re.I)
_DIGITS = re.compile(r"(\d+)")

T = TypeVar("T")


def is_down(name: str) -> bool:
    lower = name.lower()
    return lower.endswith((".down.sql", "_down.sql", "-down.sql")) or bool(_UNDO.match(name))


def is_migration(name: str) -> bool:
    return bool(_VERSIONED.match(name)) or name.lower().endswith(".up.sql")


def natural_key(name: str) -> tuple[object, ...]:
    """`V2__b.sql` before `V10__a.sql`; repeatable `R__` migrations last."""
    repeatable = name.upper().startswith("R__")
    parts = tuple((0, int(p), "") if p.isdigit() else (1, 0, p.lower()) for p in _DIGITS.split(name) if p)
    return (repeatable, parts)


def schemas(files: Sequence[tuple[str, T]]) -> list[tuple[str, list[T]]]:
    """Group `(path, item)` pairs into schemas: `(store, items in order)`. The store is the
    folder for a group of migrations, the file itself otherwise."""
    folders: dict[str, list[tuple[str, T]]] = {}
    alone: list[tuple[str, list[T]]] = []
    for path, item in files:
        name = os.path.basename(path)
        if is_down(name):
            continue
        if is_migration(name):
            folders.setdefault(os.path.dirname(path), []).append((name, item))
        else:
            alone.append((path, [item]))
    grouped = [
        (folder or ".", [item for _, item in sorted(members, key=lambda m: natural_key(m[0]))])
        for folder, members in folders.items()
    ]
    return sorted(alone + grouped, key=lambda g: g[0])
