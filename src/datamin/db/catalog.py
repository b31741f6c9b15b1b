"""A database's catalog as a schema: every table and view, its columns, types and comments and
the tables its foreign keys point at, through SQLAlchemy's inspector (catalog reads only).

A column has no line in a file: its `line` is its table's place in the catalog and its
`column` its own place in the table, so that a baseline or a code-scanning alert keeps finding
it while the database stays as it is.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from datamin.parse.schema import Column, Schema
from datamin.records import ScanError

# Schemas of the database's own machinery, never an application's data.
_SYSTEM = frozenset({"information_schema", "pg_catalog", "pg_toast", "mysql", "performance_schema", "sys"})


class Catalog(NamedTuple):
    schema: Schema
    views: frozenset[str]  # qualified names of the views among the tables
    errors: list[ScanError]


def read_catalog(engine: Any, shown: str) -> Catalog:
    from sqlalchemy import inspect
    from sqlalchemy.exc import SQLAlchemyError

    schema = Schema(shown, source="db", via="database catalog")
    views: set[str] = set()
    errors: list[ScanError] = []
    inspector = inspect(engine)
    sqlite = engine.dialect.name == "sqlite"
    names = [None] if sqlite else [s for s in inspector.get_schema_names() if s.lower() not in _SYSTEM]
    ordinal = 0
    for namespace in names:
        try:
            tables = [(t, False) for t in inspector.get_table_names(schema=namespace)]
            tables += [(v, True) for v in inspector.get_view_names(schema=namespace)]
        except SQLAlchemyError as exc:
            errors.append(ScanError(shown, None, f"schema {namespace}: the catalog could not be read ({_short(exc)})"))
            continue
        for table, is_view in tables:
            ordinal += 1
            qualified = table if namespace is None else f"{namespace}.{table}"
            try:
                columns = inspector.get_columns(table, schema=namespace)
                comment = _table_comment(inspector, table, namespace)
                references = tuple(
                    fk["referred_table"]
                    for fk in ([] if is_view else inspector.get_foreign_keys(table, schema=namespace))
                )
            except SQLAlchemyError as exc:
                errors.append(ScanError(shown, ordinal, f"table {qualified}: could not be read ({_short(exc)})"))
                continue
            read = [
                Column(
                    str(column["name"]),
                    shown,
                    ordinal,
                    index,
                    type=str(column["type"]).lower(),
                    comment=str(column.get("comment") or ""),
                    length=getattr(column["type"], "length", None),
                    tag="view column" if is_view else "column",
                )
                for index, column in enumerate(columns, 1)
            ]
            schema.create(qualified, shown, ordinal, read, comment=comment, references=references)
            if is_view:
                views.add(qualified)
    return Catalog(schema, frozenset(views), errors)


def _table_comment(inspector: Any, table: str, namespace: str | None) -> str:
    try:
        return str(inspector.get_table_comment(table, schema=namespace).get("text") or "")
    except NotImplementedError:  # SQLite keeps no comments
        return ""


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
