#!/usr/bin/env python3
"""SQL throughput and memory: datamin on schemas and dumps against a bare sqlglot parse.

    python bench/sql_throughput.py [--tables 5000] [--repeat 3] [--dump-mb 1024] [--skip-memory] [--keep DIR]

Generates a mysqldump-style schema of `--tables` CREATE TABLE statements (backticks, ENGINE=InnoDB,
AUTO_INCREMENT, KEY lines, 5 to 15 columns each, personal and not, COMMENT on some) and the same
tables as a pg_dump, then prints three measurements, each the best of `--repeat` alternating runs
(a busy moment of the machine hits every contender), with the median beside it:

1. DDL: `datamin.check.inventory([file], Options(jobs=1))` against bare sqlglot on the same file
   (reading it included): `sqlglot.parse(text, read="mysql")` of the whole text, and one reused
   dialect parsing statement by statement. The bar (1.5x) is against `sqlglot.parse`, as the issue
   words it; the ratio to the statement-by-statement variant is printed beside it, for information.
2. Data: datamin on the DDL alone against the same DDL followed by 50 times its size in data:
   extended INSERT lines of 200 KB to 1 MB (MySQL), COPY ... FROM stdin blocks (PostgreSQL).
   Both `inventory` and `check` with a minimal manifest (only `check` scans values for DM302).
   Bar: 2x.
3. Memory: a dump of about `--dump-mb` MB (DDL and INSERT data, written streaming) read by
   `python -m datamin inventory` and then `check` in a child process, whose peak RSS its parent
   (a small Python in between, see PEAK) reads from `getrusage(RUSAGE_CHILDREN)`. Bar: 300 MB.

A summary with PASS/FAIL against each bar ends the output; the exit status is 0 either way.
Figures are meant to be compared within one run, not across machines.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import IO, NamedTuple

import sqlglot
from sqlglot.dialects.dialect import Dialect

from datamin import check as stages
from datamin.manifest import Manifest, load_manifest

DDL_BAR = 1.5
DATA_BAR = 2.0
MEMORY_BAR_MB = 300
DATA_FACTOR = 50  # bytes of data per byte of DDL in the data files
MANIFEST = "version: 1\norganisation: {name: Bench, country: SG}\n"
MB = 1 << 20

Value = str | int | Decimal | date | datetime | bool | None

# -- realistic values ---------------------------------------------------------------------

FIRST = ["Wei Ming", "Siti", "Arjun", "Mei Ling", "Ahmad", "Priya", "John", "Nurul", "Kai", "Aisyah", "Li Na", "Rajesh"]
LAST = ["Tan", "Lim", "Ng", "O'Brien", "Kumar", "Wong", "Abdullah", "Lee", "D'Souza", "Chua", "Goh", "Rahman"]
DOMAINS = ["gmail.com", "yahoo.com.sg", "hotmail.com", "singnet.com.sg", "example.org", "outlook.com"]
STREETS = ["Ang Mo Kio Ave 3", "Tampines St 21", "Jurong West St 52", "Bedok North Rd", "Orchard Rd", "Toa Payoh Lor 1"]
WORDS = ["kopi", "teh", "kaya", "toast", "durian", "pandan", "laksa", "rendang", "satay", "cendol", "sambal", "roti"]
NOTES = [
    "Called customer; no answer",
    "Prefers SMS (not email)",
    "Said 'call back after 6pm'",
    'He said "ok" and hung up',
    "Address changed;\nnew unit #05-12 (lobby B)",
    "Refund issued (partial); see ticket #4411",
    "Line one\nLine two\nLine three",
    "VIP :) gave 10% discount, café voucher",
    "Export saved to C:\\exports\\2024\\ (ask IT)",
    "Do not call before 9am; works nights",
    "Tab\tseparated\tnote",
]
STATUSES = ["active", "pending", "closed", "suspended", "archived"]
NRIC_LETTERS = {"S": "JZIHGFEDCBA", "T": "JZIHGFEDCBA", "F": "XWUTRQPNMLK", "G": "XWUTRQPNMLK", "M": "XWUTRQPNJLK"}
TABLE_BASES = ["customers", "orders", "invoices", "members", "shipments", "tickets", "products", "audit_log", "leads"]


def _when(rng: random.Random) -> datetime:
    return datetime(2015, 1, 1) + timedelta(seconds=rng.randrange(10 * 365 * 86400))


def _nric(rng: random.Random) -> str:
    """NRIC-shaped; the check letter is drawn at random, so about one in eleven is valid."""
    prefix = rng.choice("STFGM")
    return f"{prefix}{rng.randrange(10**7):07d}{rng.choice(NRIC_LETTERS[prefix])}"


def _note(rng: random.Random) -> str | None:
    if rng.random() < 0.4:
        return None
    return rng.choice(["\n", " "]).join(rng.sample(NOTES, rng.randint(1, 3)))


VALUES: dict[str, Callable[[random.Random], Value]] = {
    "email": lambda r: (
        f"{r.choice(FIRST).split()[0].lower()}.{r.choice(LAST).lower()}{r.randrange(100)}@{r.choice(DOMAINS)}"
    ),
    "first_name": lambda r: r.choice(FIRST),
    "last_name": lambda r: r.choice(LAST),
    "full_name": lambda r: f"{r.choice(FIRST)} {r.choice(LAST)}",
    "dob": lambda r: date(1940, 1, 1) + timedelta(days=r.randrange(68 * 365)),
    "nric": _nric,
    "phone": lambda r: f"+65 {r.choice('689')}{r.randrange(1000):03d} {r.randrange(10000):04d}",
    "address_line1": lambda r: (
        f"Blk {r.randint(1, 999)} {r.choice(STREETS)} #{r.randint(1, 30):02d}-{r.randint(1, 999)}"
    ),
    "postal_code": lambda r: f"{r.randrange(10**6):06d}",
    "gender": lambda r: r.choice("MF"),
    "when": _when,
    "status": lambda r: r.choice(STATUSES),
    "amount": lambda r: Decimal(r.randrange(10**7)).scaleb(-2),
    "currency": lambda r: r.choice(["SGD", "MYR", "USD", "IDR"]),
    "notes": _note,
    "flag": lambda r: r.random() < 0.8,
    "sku": lambda r: f"SKU-{r.randint(10000, 99999)}-{r.choice('ABC')}",
    "quantity": lambda r: r.randint(1, 20),
    "title": lambda r: " ".join(r.choice(WORDS) for _ in range(r.randint(2, 5))).title(),
    "description": lambda r: " ".join(r.choice(WORDS) for _ in range(r.randint(8, 40))),
    "country": lambda r: r.choice(["SG", "MY", "ID", "TH", "PH"]),
    "ip": lambda r: ".".join(str(r.randrange(256)) for _ in range(4)),
    "order_ref": lambda r: f"ORD{r.randrange(10**8):08d}",
    "weight": lambda r: Decimal(r.randrange(10**5)).scaleb(-3),
}


class Column(NamedTuple):
    name: str
    mysql: str  # type and constraints as mysqldump writes them
    pg: str  # as pg_dump writes them
    kind: str  # which VALUES generator fills it
    comment: str = ""
    nulls: float = 0.0  # share of NULL values


ID = Column("id", "int NOT NULL AUTO_INCREMENT", "integer NOT NULL", "id")
COLUMNS = [
    Column("email", "varchar(255) NOT NULL", "character varying(255) NOT NULL", "email", "login email"),
    Column("first_name", "varchar(100) DEFAULT NULL", "character varying(100)", "first_name", "given name", 0.05),
    Column("last_name", "varchar(100) DEFAULT NULL", "character varying(100)", "last_name", "", 0.05),
    Column("full_name", "varchar(200) NOT NULL", "character varying(200) NOT NULL", "full_name", "as on NRIC"),
    Column("dob", "date DEFAULT NULL", "date", "dob", "date of birth", 0.1),
    Column("nric", "char(9) DEFAULT NULL", "character(9)", "nric", "NRIC/FIN number", 0.1),
    Column("phone", "varchar(32) DEFAULT NULL", "character varying(32)", "phone", "mobile (+65)", 0.1),
    Column("address_line1", "varchar(255) DEFAULT NULL", "character varying(255)", "address_line1", "", 0.1),
    Column("postal_code", "char(6) DEFAULT NULL", "character(6)", "postal_code", "", 0.1),
    Column("gender", "enum('M','F') DEFAULT NULL", "character varying(1)", "gender", "", 0.2),
    Column(
        "created_at",
        "datetime NOT NULL DEFAULT CURRENT_TIMESTAMP",
        "timestamp without time zone DEFAULT now() NOT NULL",
        "when",
    ),
    Column("updated_at", "datetime DEFAULT NULL", "timestamp with time zone", "when", "", 0.3),
    Column("last_login_at", "datetime DEFAULT NULL", "timestamp without time zone", "when", "", 0.3),
    Column("status", "varchar(20) NOT NULL DEFAULT 'active'", "character varying(20) NOT NULL", "status", "workflow"),
    Column(
        "amount", "decimal(10,2) NOT NULL DEFAULT '0.00'", "numeric(10,2) DEFAULT 0 NOT NULL", "amount", "in cents?"
    ),
    Column("currency", "char(3) NOT NULL DEFAULT 'SGD'", "character(3) NOT NULL", "currency"),
    Column("notes", "text", "text", "notes", "free text; may hold anything"),
    Column("is_active", "tinyint(1) NOT NULL DEFAULT '1'", "boolean DEFAULT true NOT NULL", "flag"),
    Column("sku", "varchar(64) NOT NULL", "character varying(64) NOT NULL", "sku", "stock keeping unit"),
    Column("quantity", "int NOT NULL DEFAULT '1'", "integer DEFAULT 1 NOT NULL", "quantity"),
    Column("title", "varchar(255) NOT NULL", "character varying(255) NOT NULL", "title"),
    Column("description", "text", "text", "description", "", 0.2),
    Column("country_code", "char(2) NOT NULL DEFAULT 'SG'", "character(2) NOT NULL", "country", "ISO 3166-1"),
    Column("ip_address", "varchar(45) DEFAULT NULL", "character varying(45)", "ip", "last seen from", 0.2),
    Column("order_ref", "varchar(32) NOT NULL", "character varying(32) NOT NULL", "order_ref"),
    Column("weight_kg", "decimal(8,3) DEFAULT NULL", "numeric(8,3)", "weight", "", 0.2),
]
INDEXED = ("email", "created_at", "status", "nric", "phone", "order_ref", "sku")


class Table(NamedTuple):
    name: str
    columns: list[Column]
    commented: frozenset[str]  # the columns written with their COMMENT


def tables(count: int, seed: int = 7) -> list[Table]:
    rng = random.Random(seed)
    found = []
    for number in range(1, count + 1):
        columns = [ID, *rng.sample(COLUMNS, rng.randint(4, 14))]
        commented = frozenset(c.name for c in columns if c.comment and rng.random() < 0.3)
        found.append(Table(f"{rng.choice(TABLE_BASES)}_{number:05d}", columns, commented))
    return found


# -- DDL ------------------------------------------------------------------------------------


def _quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n").replace("\r", "\\r") + "'"


def mysql_table(table: Table, rng: random.Random) -> str:
    lines = []
    for column in table.columns:
        comment = f" COMMENT {_quote(column.comment)}" if column.name in table.commented else ""
        lines.append(f"  `{column.name}` {column.mysql}{comment}")
    lines.append("  PRIMARY KEY (`id`)")
    names = [c.name for c in table.columns]
    if "email" in names:
        lines.append(f"  UNIQUE KEY `uk_{table.name}_email` (`email`)")
    for name in [n for n in names if n in INDEXED and n != "email"][:2]:
        lines.append(f"  KEY `idx_{table.name}_{name}` (`{name}`)")
    options = f"ENGINE=InnoDB AUTO_INCREMENT={rng.randint(1, 10**6)} DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci"
    if rng.random() < 0.1:
        options += f" COMMENT={_quote('migrated from legacy CRM')}"
    body = ",\n".join(lines)
    return (
        f"\n--\n-- Table structure for table `{table.name}`\n--\n\n"
        f"CREATE TABLE `{table.name}` (\n{body}\n) {options};\n"
    )


def pg_table(table: Table) -> str:
    body = ",\n".join(f"    {c.name} {c.pg}" for c in table.columns)
    text = (
        f"\n--\n-- Name: {table.name}; Type: TABLE; Schema: public; Owner: app\n--\n\n"
        f"CREATE TABLE public.{table.name} (\n{body}\n);\n\n\n"
        f"ALTER TABLE public.{table.name} OWNER TO app;\n"
    )
    for column in table.columns:
        if column.name in table.commented:
            comment = column.comment.replace("'", "''")
            text += f"\nCOMMENT ON COLUMN public.{table.name}.{column.name} IS '{comment}';\n"
    return text


def pg_constraints(table: Table) -> str:
    text = f"\nALTER TABLE ONLY public.{table.name}\n    ADD CONSTRAINT {table.name}_pkey PRIMARY KEY (id);\n"
    for name in [c.name for c in table.columns if c.name in INDEXED][:2]:
        text += f"\nCREATE INDEX idx_{table.name}_{name} ON public.{table.name} USING btree ({name});\n"
    return text


MYSQL_HEAD = (
    "-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost    Database: shop\n"
    "-- ------------------------------------------------------\n-- Server version\t8.0.36\n"
)
PG_HEAD = (
    "--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\nSET lock_timeout = 0;\n"
    "SET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\n"
    "SELECT pg_catalog.set_config('search_path', '', false);\nSET check_function_bodies = false;\n"
    "SET default_tablespace = '';\nSET default_table_access_method = heap;\n"
)


class Schema(NamedTuple):
    dialect: str  # "mysql" or "postgres"
    tables: list[Table]
    head: str
    ddl: list[str]  # one per table
    tail: str  # after the data (pg_dump's constraints and indexes)

    def size(self) -> int:
        return len(self.head.encode()) + sum(len(d.encode()) for d in self.ddl) + len(self.tail.encode())


def schema(dialect: str, count: int, seed: int = 7) -> Schema:
    rng = random.Random(seed)
    found = tables(count, seed)
    if dialect == "mysql":
        return Schema(dialect, found, MYSQL_HEAD, [mysql_table(t, rng) for t in found], "\n-- Dump completed\n")
    tail = "".join(pg_constraints(t) for t in found) + "\n--\n-- PostgreSQL database dump complete\n--\n"
    return Schema(dialect, found, PG_HEAD, [pg_table(t) for t in found], tail)


# -- data -----------------------------------------------------------------------------------


def _mysql_value(value: Value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, datetime):
        return f"'{value:%Y-%m-%d %H:%M:%S}'"
    if isinstance(value, date):
        return f"'{value:%Y-%m-%d}'"
    return _quote(str(value)).replace('"', '\\"')


def _copy_value(value: Value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M:%S}"
    text = str(value)
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


def _pool(table: Table, rng: random.Random, render: Callable[[Value], str], sep: str) -> list[tuple[str, int]]:
    """Rows of the table but its id, rendered, with their size in bytes: a dump is made by
    drawing from them, fast enough for a gigabyte."""
    rows = []
    for _ in range(128):
        values = [None if rng.random() < c.nulls else VALUES[c.kind](rng) for c in table.columns if c.kind != "id"]
        text = sep.join(render(v) for v in values)
        rows.append((text, len(text.encode())))
    return rows


def _inserts(out: IO[str], table: Table, budget: int, rng: random.Random) -> int:
    """Extended INSERT lines of 200 KB to 1 MB, as mysqldump writes them; the bytes written."""
    pool = _pool(table, rng, _mysql_value, ",")
    written, row_id = 0, 1
    out.write(f"\n--\n-- Dumping data for table `{table.name}`\n--\n\nLOCK TABLES `{table.name}` WRITE;\n")
    while written < budget:
        target = min(budget - written, rng.randint(200_000, 1_000_000))
        start = f"INSERT INTO `{table.name}` VALUES "
        rows, size = [], len(start) + 2
        while size < target:
            text, length = rng.choice(pool)
            row = f"({row_id},{text})"
            rows.append(row)
            size += length + len(row) - len(text) + 1
            row_id += 1
        out.write(start + ",".join(rows) + ";\n")
        written += size
    out.write("UNLOCK TABLES;\n")
    return written


def _copy(out: IO[str], table: Table, budget: int, rng: random.Random) -> int:
    """A COPY ... FROM stdin block as pg_dump writes it; the bytes written."""
    pool = _pool(table, rng, _copy_value, "\t")
    names = ", ".join(c.name for c in table.columns)
    out.write(f"\n--\n-- Data for Name: {table.name}; Type: TABLE DATA; Schema: public; Owner: app\n--\n\n")
    out.write(f"COPY public.{table.name} ({names}) FROM stdin;\n")
    written, row_id, chunk = 0, 1, []
    while written < budget:
        text, length = rng.choice(pool)
        row = f"{row_id}\t{text}\n"
        chunk.append(row)
        written += length + len(row) - len(text)
        row_id += 1
        if len(chunk) == 4096:
            out.write("".join(chunk))
            chunk = []
    out.write("".join(chunk) + "\\.\n\n")
    return written


def _plan(count: int, data_bytes: int, rng: random.Random) -> dict[int, int]:
    """Which tables get data, and how many bytes each: about 2 MB a table, as a few lines."""
    if data_bytes <= 0:
        return {}
    filled = max(1, min(count, round(data_bytes / (2 * MB))))
    return {index: data_bytes // filled for index in sorted(rng.sample(range(count), filled))}


def write_dump(path: Path, schema: Schema, data_bytes: int = 0, seed: int = 11) -> int:
    """Write the schema and `data_bytes` of data to `path`, streaming; the size of the file.
    MySQL: each table's data after its CREATE TABLE; PostgreSQL: all data after all tables."""
    rng = random.Random(seed)
    plan = _plan(len(schema.tables), data_bytes, rng)
    fill = _inserts if schema.dialect == "mysql" else _copy
    with open(path, "w", encoding="utf-8", newline="\n", buffering=MB) as out:
        out.write(schema.head)
        for index, (table, ddl) in enumerate(zip(schema.tables, schema.ddl, strict=True)):
            out.write(ddl)
            if schema.dialect == "mysql" and index in plan:
                fill(out, table, plan[index], rng)
        if schema.dialect != "mysql":
            for index, budget in plan.items():
                fill(out, schema.tables[index], budget, rng)
        out.write(schema.tail)
    return path.stat().st_size


# -- timing ---------------------------------------------------------------------------------


class Times(NamedTuple):
    best: float
    median: float
    result: object  # what the last run returned

    def __str__(self) -> str:
        return f"{self.best:7.2f} s  (median {self.median:.2f} s)"


def alternate(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, Times]:
    """Each run `repeat` times, taking turns, so that a busy moment hits all of them."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    results: dict[str, object] = {}
    for _ in range(repeat):
        for name, run in runs.items():
            gc.collect()
            start = time.perf_counter()
            results[name] = run()
            times[name].append(time.perf_counter() - start)
    return {name: Times(min(t), statistics.median(t), results[name]) for name, t in times.items()}


def bare_whole(path: Path, dialect: str) -> int:
    text = path.read_text(encoding="utf-8")
    return len(sqlglot.parse(text, read=dialect))


def bare_statements(path: Path, dialect: str) -> int:
    """What datamin does for each schema statement, less everything else: split on `;` at the
    end of a line (right for the generated DDL) and parse each piece with one reused dialect."""
    text = path.read_text(encoding="utf-8")
    reader = Dialect.get_or_raise(dialect)
    parsed = 0
    for piece in text.split(";\n"):
        if piece.strip():
            parsed += len(reader.parser().parse(reader.tokenize(piece), piece))
    return parsed


def run_inventory(path: Path) -> stages.Result:
    return stages.inventory([str(path)], stages.Options(jobs=1))


def run_check(path: Path, manifest: Manifest) -> stages.Result:
    return stages.check([str(path)], manifest, stages.Options(jobs=1))


def _ratio(label: str, ours: float, base: float, bar: float, verdicts: list[str]) -> None:
    ratio = ours / base
    verdict = "PASS" if ratio <= bar else "FAIL"
    print(f"  ratio {label}: {ratio:.2f}  (bar: at most {bar}x)")
    verdicts.append(f"{verdict}  {label}: {ratio:.2f} (at most {bar}x)")


def _speed(megabytes: float, seconds: float) -> str:
    """MB/s, when the time is above the noise of the runs it is the difference of."""
    return f"{megabytes / seconds:.0f} MB/s" if seconds > 0.05 else "too fast to tell"


def _sanity(label: str, result: object) -> None:
    """What the run found, to see that it read what it was timed on."""
    assert isinstance(result, stages.Result)
    tables_found = len({f.control.container for f in result.fields})
    dm302 = sum(1 for f in result.findings if f.code == "DM302")
    print(
        f"  ({label}: {len(result.fields)} personal fields in {tables_found} tables, {len(result.findings)} findings "
        f"of which {dm302} DM302, {len(result.errors)} errors)"
    )
    for error in result.errors[:3]:
        print(f"  ! {error.path}:{error.line}: {error.message}")


# -- the three measurements -----------------------------------------------------------------


def measure_ddl(folder: Path, count: int, repeat: int, verdicts: list[str]) -> None:
    ddl = schema("mysql", count)
    path = folder / "mysql-ddl.sql"
    size = write_dump(path, ddl)
    warm = folder / "warmup-ddl.sql"
    write_dump(warm, schema("mysql", 20))
    for warm_up in (bare_whole, bare_statements):  # imports, rules and caches, before the clock runs
        warm_up(warm, "mysql")
    run_inventory(warm)
    print(f"1. DDL: {count} CREATE TABLE statements, MySQL ({size / 1e6:.1f} MB)")
    times = alternate(
        {
            "whole": lambda: bare_whole(path, "mysql"),
            "statements": lambda: bare_statements(path, "mysql"),
            "datamin": lambda: run_inventory(path),
        },
        repeat,
    )
    print(f"  bare sqlglot.parse(text, read='mysql'):       {times['whole']}")
    print(f"  bare sqlglot, statement by statement:         {times['statements']}")
    print(f"  datamin inventory (in process, jobs=1):       {times['datamin']}")
    _ratio("DDL datamin / bare sqlglot.parse", times["datamin"].best, times["whole"].best, DDL_BAR, verdicts)
    stricter = times["datamin"].best / times["statements"].best
    print(f"  ratio DDL datamin / bare sqlglot statement by statement: {stricter:.2f}  (stricter; not the bar)")
    _sanity("datamin", times["datamin"].result)


def measure_data(folder: Path, count: int, repeat: int, manifest: Manifest, verdicts: list[str]) -> None:
    print(f"2. Data: the DDL followed by {DATA_FACTOR}x its size in data")
    measure_dump(folder, "mysql", "extended INSERT", count, repeat, manifest, verdicts)
    measure_dump(folder, "postgres", "COPY FROM stdin", count, repeat, manifest, verdicts)


def measure_dump(
    folder: Path, dialect: str, style: str, count: int, repeat: int, manifest: Manifest, verdicts: list[str]
) -> None:
    ddl = schema(dialect, count)
    ddl_only, with_data = folder / f"{dialect}-ddl.sql", folder / f"{dialect}-data.sql"
    size = write_dump(ddl_only, ddl)
    total = write_dump(with_data, ddl, DATA_FACTOR * ddl.size())
    warm = folder / f"warmup-{dialect}.sql"
    write_dump(warm, schema(dialect, 20), 200_000)
    run_inventory(warm)
    run_check(warm, manifest)
    print(f"  {dialect} ({style}): DDL {size / 1e6:.1f} MB, DDL + data {total / 1e6:.1f} MB")
    times = alternate(
        {
            "inventory ddl": lambda: run_inventory(ddl_only),
            "inventory data": lambda: run_inventory(with_data),
            "check ddl": lambda: run_check(ddl_only, manifest),
            "check data": lambda: run_check(with_data, manifest),
        },
        repeat,
    )
    print(f"  datamin inventory, DDL only:                  {times['inventory ddl']}")
    print(f"  datamin inventory, DDL + data:                {times['inventory data']}")
    print(f"  datamin check, DDL only:                      {times['check ddl']}")
    print(f"  datamin check, DDL + data (DM302 values):     {times['check data']}")
    data_mb = (total - size) / 1e6
    extra = times["inventory data"].best - times["inventory ddl"].best
    extra_check = times["check data"].best - times["check ddl"].best
    print(f"  the data alone: inventory {_speed(data_mb, extra)}, check {_speed(data_mb, extra_check)}")
    inventory, check = times["inventory data"].best, times["check data"].best
    _ratio(f"{dialect} inventory DDL + data / DDL", inventory, times["inventory ddl"].best, DATA_BAR, verdicts)
    _ratio(f"{dialect} check DDL + data / DDL", check, times["check ddl"].best, DATA_BAR, verdicts)
    _sanity("check, DDL + data", times["check data"].result)


class Child(NamedTuple):
    seconds: float
    peak_mb: float
    status: int


# The child's peak RSS is measured by a small Python in between: a process started straight from
# this one inherits its high-water mark (Linux keeps `ru_maxrss` across fork and exec), so
# `RUSAGE_CHILDREN` here would report this process's own peak, not datamin's.
PEAK = """import resource, subprocess, sys, time
start = time.perf_counter()
status = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, status)
"""


def child(command: list[str]) -> Child:
    """Run a command; its wall time and its peak RSS (`ru_maxrss` is in KB on Linux)."""
    ran = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True)
    if ran.stderr.strip():
        print("  ! " + ran.stderr.strip()[:600].replace("\n", "\n  ! "))
    seconds, peak, status = ran.stdout.split()
    return Child(float(seconds), int(peak) / 1024, int(status))


def measure_memory(folder: Path, count: int, dump_mb: int, manifest: Path, verdicts: list[str]) -> None:
    ddl = schema("mysql", count)
    path = folder / f"dump-{dump_mb}mb.sql"
    start = time.perf_counter()
    size = write_dump(path, ddl, dump_mb * MB - ddl.size())
    print(
        f"3. Memory: a {size / MB:.0f} MB MySQL dump ({count} tables; written in {time.perf_counter() - start:.0f} s)"
    )
    output = folder / "report.json"
    python = [sys.executable, "-m", "datamin"]
    common = ["--format", "json", "--output", str(output), "--force", "--jobs", "1", str(path)]
    for label, command in (
        ("inventory", [*python, "inventory", *common]),
        ("check", [*python, "check", "--manifest", str(manifest), *common]),
    ):
        ran = child(command)
        print(
            f"  python -m datamin {label}: peak RSS {ran.peak_mb:.0f} MB, {ran.seconds:.1f} s, "
            f"{size / MB / ran.seconds:.0f} MB/s (exit {ran.status}, report {output.stat().st_size / 1e6:.1f} MB)"
        )
        verdict = "PASS" if ran.peak_mb < MEMORY_BAR_MB else "FAIL"
        verdicts.append(
            f"{verdict}  memory {label} on {size / MB:.0f} MB: {ran.peak_mb:.0f} MB (under {MEMORY_BAR_MB} MB)"
        )


@contextmanager
def _folder(keep: Path | None) -> Iterator[Path]:
    """A temporary folder, deleted at the end; or the one given with --keep, kept."""
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
        return
    with tempfile.TemporaryDirectory(prefix="datamin-sql-") as name:
        yield Path(name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dump-mb", type=int, default=1024, help="size of the dump of the memory measurement")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    args = parser.parse_args(argv)
    with _folder(args.keep) as folder:
        manifest_path = folder / "datamin.yml"
        manifest_path.write_text(MANIFEST, encoding="utf-8")
        manifest = load_manifest(str(manifest_path))
        verdicts: list[str] = []
        print(f"sqlglot {sqlglot.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
        measure_ddl(folder, args.tables, args.repeat, verdicts)
        measure_data(folder, args.tables, args.repeat, manifest, verdicts)
        if not args.skip_memory:
            measure_memory(folder, args.tables, args.dump_mb, manifest_path, verdicts)
        print("summary:")
        for verdict in verdicts:
            print(f"  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
