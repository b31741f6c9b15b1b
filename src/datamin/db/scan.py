"""A live database scanned: its catalog read, its text columns sampled, its columns classified
like a schema's, and what the values show reported. Read-only throughout; bounded in rows and
in time; a table that cannot be read is an error entry and the rest goes on."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from datamin.db.connect import DatabaseError, engine, parse, shown
from datamin.records import Control, Finding, ScanError

if TYPE_CHECKING:
    from datamin.db.sample import Sample


class Scanned:
    """What a scan of a database found, before classification."""

    def __init__(self, where: str) -> None:
        self.where = where
        self.controls: list[Control] = []
        self.findings: list[Finding] = []
        self.errors: list[ScanError] = []
        self.notes: list[str] = []
        self.tables = 0
        self.read = False  # the catalog was read


def scan_database(url_text: str, sample: int, max_time: float, statement_timeout: float = 10.0) -> Scanned:
    from sqlalchemy.exc import SQLAlchemyError

    from datamin.db.catalog import read_catalog

    try:
        url = parse(url_text)
    except DatabaseError as exc:
        raise DatabaseError(str(exc)) from None
    where = shown(url_text)
    scanned = Scanned(where)
    secret = url.password or ""
    deadline = time.monotonic() + max_time
    try:
        made = engine(url, statement_timeout)
        catalog = read_catalog(made, where)
    except SQLAlchemyError as exc:
        scanned.errors.append(ScanError(where, None, _scrub(f"cannot be read: {_first_line(exc)}", secret)))
        return scanned
    scanned.read = True
    scanned.errors.extend(e._replace(message=_scrub(e.message, secret)) for e in catalog.errors)
    samples: dict[tuple[str, str], Sample] = {}
    if sample > 0:
        samples = _samples(made, catalog.schema, sample, deadline, scanned, secret)
    made.dispose()
    scanned.tables = len(catalog.schema.tables)
    for control in catalog.schema.controls():
        key = (control.container.lower(), control.name.lower())
        found = samples.get(key)
        if found is not None:
            control = control._replace(labels=(*control.labels, *_value_labels(found)))
            scanned.findings.extend(_inside(control, found))
        scanned.controls.append(control)
    return scanned


def _samples(
    made: Any, schema: Any, limit: int, deadline: float, scanned: Scanned, secret: str
) -> dict[tuple[str, str], Sample]:
    """One bounded `SELECT` of a table's text columns (no reflection: the catalog said which),
    at most `limit` rows; a table that cannot be read is an error and the next is read."""
    from sqlalchemy import column, select
    from sqlalchemy import table as table_clause
    from sqlalchemy.exc import SQLAlchemyError

    from datamin.db.sample import describe, is_text

    found: dict[tuple[str, str], Sample] = {}
    with made.connect() as connection:
        for table in schema.tables.values():
            texts = [c.name for c in table.columns.values() if is_text(c.type)]
            if not texts:
                continue
            if time.monotonic() >= deadline:
                scanned.notes.append(f"--max-time reached: the values of {table.name} and later tables not sampled")
                break
            namespace, _, name = table.name.rpartition(".")
            clause = table_clause(name, *(column(c) for c in texts), schema=namespace or None)
            try:
                rows = connection.execute(select(*clause.columns).limit(limit)).all()
            except SQLAlchemyError as exc:
                message = f"table {table.name}: values not sampled ({_first_line(exc)})"
                scanned.errors.append(ScanError(scanned.where, table.line, _scrub(message, secret)))
                connection.rollback()
                continue
            for index, name_of_column in enumerate(texts):
                values = (str(row[index]) for row in rows if row[index] is not None)
                found[(table.name.lower(), name_of_column.lower())] = describe(values)
    return found


def _value_labels(found: Sample) -> list[tuple[str, str]]:
    """A column most of whose values are one kind of personal value is that kind of column."""
    from datamin.db.sample import KINDS

    labels = []
    for category, n in found.whole.most_common():
        if found.rows and n * 10 >= found.rows * 3:  # three in ten or more
            labels.append(("values", f"{n} of {found.rows} sampled rows hold {KINDS[category]}"))
    return labels


def _inside(control: Control, found: Sample) -> list[Finding]:
    """DM302: identifiers written inside free text (a `notes` column holding NRICs, card numbers
    or email addresses)."""
    from datamin.db.sample import KINDS
    from datamin.findings import finding

    return [
        finding(
            "DM302",
            control.path,
            control.line,
            control.column,
            f'values: {n} of {found.rows} sampled rows of "{control.container}.{control.name}" hold {KINDS[category]} '
            f"inside other text (e.g. {found.masked[category]}); free text is no place for them",
            category,
            control.name,
            control.container,
        )
        for category, n in found.inside.most_common()
        if category in ("national_id", "financial_card", "email")  # a phone-like run of digits is too common
    ]


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.splitlines()[0][:200] if text else type(exc).__name__


def _scrub(text: str, secret: str) -> str:
    return text.replace(secret, "***") if secret else text
