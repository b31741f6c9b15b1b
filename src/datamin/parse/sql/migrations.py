"""Which SQL files make up one schema, and in which order they apply.

A folder's migration files (Flyway `V2__add_dob.sql`, numbered `0003_x.sql`, timestamped
`20240101120000_x.sql`, golang-migrate `x.up.sql`, Diesel `2024-01-01-120000_x/up.sql`) are one
schema, applied in natural order (`V2` before `V10`); Flyway's repeatable `R__` files come after
the versioned ones. Down and undo migrations (`x.down.sql`, `down.sql`, `U2__x.sql`) are not
read: they are not the schema's history. A folder that keeps one set of migrations per database
(`x.postgres.up.sql` beside `x.mysql.up.sql`) holds one schema per dialect. Any other SQL file
(`schema.sql`, `mysql.sql` beside `postgres.sql`) is a schema of its own.
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
    return lower == "down.sql" or lower.endswith((".down.sql", "_down.sql", "-down.sql")) or bool(_UNDO.match(name))


def dialect_in_name(name: str) -> str:
    """`20210410_x.postgres.up.sql` -> `postgres`; "" when the name names no dialect."""
    from datamin.parse.sql.dialect import canonical

    for part in name.lower().split(".")[1:-1]:
        found = canonical(part)
        if found:
            return found
    return ""


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
    folders: dict[tuple[str, str], list[tuple[str, T]]] = {}
    alone: list[tuple[str, list[T]]] = []
    for path, item in files:
        name = os.path.basename(path)
        folder = os.path.dirname(path)
        if is_down(name):
            continue
        if name.lower() == "up.sql" and is_migration(os.path.basename(folder)):  # Diesel: one folder each
            name, folder = os.path.basename(folder), os.path.dirname(folder)
        if is_migration(name):
            folders.setdefault((folder, dialect_in_name(name)), []).append((name, item))
        else:
            alone.append((path, [item]))
    grouped = [
        (_store(folder, dialect), [item for _, item in sorted(members, key=lambda m: natural_key(m[0]))])
        for (folder, dialect), members in folders.items()
    ]
    return sorted(alone + grouped, key=lambda g: g[0])


def _store(folder: str, dialect: str) -> str:
    folder = folder or "."
    return f"{folder} ({dialect})" if dialect else folder
