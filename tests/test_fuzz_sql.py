"""Random statements, truncated files, stray delimiters and binary noise through the SQL reader:
never a crash, positions always inside the file."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datamin.classify import classify_all
from datamin.parse.sql.read import Reader

PIECES = [
    "CREATE TABLE ", "CREATE TABLE IF NOT EXISTS ", "CREATE OR REPLACE TABLE ", "CREATE TEMPORARY TABLE ",
    "ALTER TABLE ", " ADD COLUMN ", " ADD (", " DROP COLUMN ", " RENAME COLUMN ", " TO ", " CHANGE ", " MODIFY ",
    " ALTER COLUMN ", " TYPE ", "DROP TABLE ", "RENAME TABLE ", "COMMENT ON COLUMN ", " IS ", "INSERT INTO ",
    " VALUES ", "COPY t (a) FROM stdin;\n", "\\.\n", "LOAD DATA INFILE 'x' INTO TABLE t", "DELIMITER $$\n",
    "DELIMITER ;\n", "$$", "$body$", "GO\n", "/\n", "PROMPT x\n", "REM y\n", "SET DEFINE OFF\n", "BEGIN ", " END",
    "IF NOT EXISTS (SELECT 1) ", "EXEC sp_rename 't.a', 'b', 'COLUMN'", "EXEC sys.sp_addextendedproperty ",
    "@name=N'MS_Description', @value=N'x', @level1name=N't', @level2type=N'COLUMN', @level2name=N'a'",
    "`t`", '"t"', "[t]", "t", "public.t", "(", ")", ",", ";", "'", "''", '"', "`", "[", "]", "--", "/*", "*/", "#",
    "email varchar(255)", " dob DATE", " nric CHAR(9)", " ic_no CHAR(12) COMMENT '身份证'", " gender ENUM('M','F')",
    " PRIMARY KEY (id)", " CONSTRAINT c ", " LIKE ", " OPTIONS(description='x')", " STRUCT<email STRING>",
    " ENGINE=InnoDB", " TEXTIMAGE_ON [PRIMARY]", " -- datamin: ignore[DM100] reason\n", "-- datamin: ignore[DM1]\n",
    "S8812345Z", "4111111111111112", "880617-08-5581", "\n", " ", "\t", "\x00", "\ufffd", "é", "주민등록번호",
]  # fmt: skip

statements = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=10)), max_size=80).map("".join)
noise = st.binary(max_size=200)


def read(data: bytes, dialect: str = "") -> tuple[Reader, list[int], int]:
    from datamin.parse.sql.dialect import Guess

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.sql"
        path.write_bytes(data)
        reader = Reader("fuzz.sql")
        reader.plain_first = len(data) % 2 == 0  # half the inputs meet the plain reader first
        values: list[int] = []
        result = reader.read(
            str(path), "fuzz.sql", Guess(dialect, "test") if dialect else None, lambda n, _: values.append(n)
        )
    lines = data.count(b"\n") + 1
    for error in result.errors:
        assert error.line is None or 1 <= error.line <= lines, error
    return reader, values, lines


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=statements,
    dialect=st.sampled_from(["", "mysql", "postgres", "tsql", "oracle", "sqlite", "snowflake", "bigquery"]),
)
def test_random_statements_never_crash(text: str, dialect: str) -> None:
    data = text.encode("utf-8", errors="replace")
    reader, values, lines = read(data, dialect)
    controls = reader.schema.controls()
    for control in controls:
        assert 1 <= control.line <= lines and control.column >= 1, control
    assert all(1 <= n <= lines for n in values)
    classify_all(controls)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=statements, cut=st.integers(min_value=0, max_value=400), junk=noise)
def test_truncated_files_and_binary_noise(text: str, cut: int, junk: bytes) -> None:
    data = text.encode("utf-8")[:cut] + junk
    reader, _, lines = read(data)
    for control in reader.schema.controls():
        assert 1 <= control.line <= lines
