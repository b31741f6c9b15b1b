"""The plain-DDL reader must give exactly what sqlglot gives, or decline.

Random statements from a grammar that reaches past what it accepts (keywords as names, other
types, expressions as defaults, comments, quoting of the wrong dialect) are read twice, with
and without it; the schemas must be the same column for column, line for line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datamin.parse.sql import fast as sqlfast
from datamin.parse.sql.dialect import Guess, rules
from datamin.parse.sql.read import Reader

NAMES = ["id", "nric", "email", "date_of_birth", "Full_Name", "order", "key", "status", "user", "date", "name"]
TYPES = [*rules()["fast_types"]["all"], "float", "real", "blob", "serial", "enum('a','b')", "int unsigned", "geometry"]
PARAMS = ["", "(9)", "(255)", "(10,2)", "(10, 2)", "(x)"]
CONSTRAINTS = [
    "", " NOT NULL", " NULL", " PRIMARY KEY", " UNIQUE", " DEFAULT NULL", " DEFAULT 0", " DEFAULT 'SG'",
    " DEFAULT now()", " AUTO_INCREMENT", " COMMENT 'as on NRIC'", " REFERENCES users(id)",
    " REFERENCES users (id) ON DELETE CASCADE", " CHECK (a > 0)", " -- note", " /* x */",
]  # fmt: skip


def quoted(name: str, quote: str) -> str:
    return f"{quote}{name}{quote}" if quote else name


@st.composite
def column(draw: Any) -> str:
    name = quoted(draw(st.sampled_from(NAMES)), draw(st.sampled_from(["", "", "`", '"'])))
    constraints = "".join(draw(st.lists(st.sampled_from(CONSTRAINTS), max_size=3)))
    return f"{name} {draw(st.sampled_from(TYPES))}{draw(st.sampled_from(PARAMS))}{constraints}"


@st.composite
def statement(draw: Any) -> str:
    table = draw(st.sampled_from(["customers", "public.members", "`shop`.`orders`", '"Users"', "order"]))
    kind = draw(st.sampled_from(["create", "create", "add", "drop", "rename", "drop table"]))
    if kind == "create":
        columns = draw(st.lists(column(), min_size=1, max_size=4))
        extras = draw(
            st.sampled_from(
                ["", ",\n  PRIMARY KEY (id)", ", UNIQUE KEY (email)", ", FOREIGN KEY (id) REFERENCES t(id)"]
            )
        )
        exists = draw(st.sampled_from(["", "IF NOT EXISTS "]))
        return f"CREATE TABLE {exists}{table} (\n  " + ",\n  ".join(columns) + extras + "\n);\n"
    if kind == "add":
        return f"ALTER TABLE {table} ADD {draw(st.sampled_from(['', 'COLUMN ']))}{draw(column())};\n"
    if kind == "drop":
        return f"ALTER TABLE {table} DROP COLUMN {draw(st.sampled_from(NAMES))};\n"
    if kind == "rename":
        return f"ALTER TABLE {table} RENAME COLUMN {draw(st.sampled_from(NAMES))} TO {draw(st.sampled_from(NAMES))};\n"
    return f"DROP TABLE IF EXISTS {table};\n"


def schema(tmp_path: Path, text: str, dialect: str, fast: bool) -> list[tuple[object, ...]]:
    path = tmp_path / "schema.sql"
    path.write_text(text, encoding="utf-8")
    reader = Reader("schema.sql")
    reader.plain_first = fast  # sqlglot is loaded in this process: without this, only sqlglot would read
    original = sqlfast.read
    if not fast:
        sqlfast.read = lambda *args, **kwargs: None  # type: ignore[assignment]
    try:
        reader.read(str(path), "schema.sql", Guess(dialect, "given"))
    finally:
        sqlfast.read = original  # type: ignore[assignment]
    return [(table.name, table.line, tuple(table.columns.values())) for table in reader.schema.tables.values()]


ACCEPTED: dict[str, int] = {}


@pytest.mark.parametrize("dialect", sqlfast.DIALECTS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(statement(), min_size=1, max_size=4))
def test_the_plain_reader_agrees_with_sqlglot(tmp_path: Path, dialect: str, statements: list[str]) -> None:
    text = "".join(statements)
    assert schema(tmp_path, text, dialect, fast=True) == schema(tmp_path, text, dialect, fast=False), text
    for piece in statements:
        if sqlfast.read(piece.strip(), dialect, "schema.sql", 1, 0) is not None:
            ACCEPTED[dialect] = ACCEPTED.get(dialect, 0) + 1


def test_the_plain_reader_is_used() -> None:
    """The grammar above reaches the plain reader, not only sqlglot (run after the test above)."""
    plain = "ALTER TABLE customers ADD COLUMN date_of_birth DATE NULL"
    assert sqlfast.read(plain, "postgres", "x.sql", 4, 0) == [
        sqlfast.Change("add", "customers", (sqlfast.Column("date_of_birth", "x.sql", 4, 34, "date"),), flag=False)
    ]
    assert sqlfast.read(plain + " -- why", "postgres", "x.sql", 4, 0) is None
    assert sqlfast.read(plain, "tsql", "x.sql", 4, 0) is None


@pytest.mark.parametrize("name", sorted(rules()["fast_types"]["all"]))
@pytest.mark.parametrize("dialect", sqlfast.DIALECTS)
def test_every_plain_type_is_named_as_sqlglot_names_it(tmp_path: Path, name: str, dialect: str) -> None:
    text = f"CREATE TABLE t (c {name}, d {name}(12));\n"
    assert schema(tmp_path, text, dialect, fast=True) == schema(tmp_path, text, dialect, fast=False)


def test_a_migration_of_plain_statements_does_not_import_sqlglot(tmp_path: Path) -> None:
    import subprocess
    import sys

    (tmp_path / "V1__add.sql").write_text("ALTER TABLE customers ADD COLUMN nric CHAR(9) NOT NULL;\n", encoding="utf-8")
    code = (
        "import sys; from datamin.check import inventory, Options; "
        f"r = inventory([{str(tmp_path)!r}], Options(jobs=1)); "
        "print(len(r.fields), 'sqlglot' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["1", "False"]
