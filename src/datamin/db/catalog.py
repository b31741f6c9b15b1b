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
    """Every schema's tables and views, read with the inspector's bulk calls (a few catalog
    queries a schema, not a few a table: 2,000 tables read in seconds)."""
    from sqlalchemy import inspect
    from sqlalchemy.engine.reflection import ObjectKind
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
            kinds = ObjectKind.TABLE | ObjectKind.VIEW | ObjectKind.MATERIALIZED_VIEW
            columns = inspector.get_multi_columns(schema=namespace, kind=kinds)
            view_names = set(inspector.get_view_names(schema=namespace))
            comments = _multi(inspector.get_multi_table_comment, namespace, kinds)
            keys = _multi(inspector.get_multi_foreign_keys, namespace, ObjectKind.TABLE)
        except SQLAlchemyError as exc:
            errors.append(ScanError(shown, None, f"schema {namespace}: the catalog could not be read ({_short(exc)})"))
            continue
        for (_, table), listed in sorted(columns.items(), key=lambda item: item[0][1]):
            ordinal += 1
            is_view = table in view_names
            qualified = table if namespace is None else f"{namespace}.{table}"
            comment = (comments.get((namespace, table)) or {}).get("text") or ""
            references = tuple(fk["referred_table"] for fk in keys.get((namespace, table)) or ())
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
                for index, column in enumerate(listed, 1)
            ]
            schema.create(qualified, shown, ordinal, read, comment=str(comment), references=references)
            if is_view:
                views.add(qualified)
    return Catalog(schema, frozenset(views), errors)


def _multi(call: Any, namespace: str | None, kind: Any) -> dict[Any, Any]:
    """A bulk catalog read a database may not offer (SQLite keeps no comments): empty then."""
    try:
        return dict(call(schema=namespace, kind=kind))
    except NotImplementedError:
        return {}


def _short(exc: BaseException) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
