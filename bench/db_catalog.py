#!/usr/bin/env python3
"""How long scan-db takes on a large catalog: 2,000 tables of 20 columns (a tenth of them a
person's), in SQLite, or in a database you point it at.

    python bench/db_catalog.py [--tables 2000] [--columns 20] [--rows 100] [--url URL]

Builds the tables (with `--url`, in that database; it must be empty and writable), then times,
in this process: the bare bulk reflection of every column (SQLAlchemy's inspector), scan-db
with `--sample 0` (the catalog only), and scan-db with `--sample 100`. The bar: the catalog scan
of 2,000 tables under 10 s; sampling bounded by `--max-time`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

PERSONAL = ["full_name", "email", "mobile", "nric", "date_of_birth"]


def build(url: str, tables: int, columns: int, rows: int) -> None:
    from sqlalchemy import create_engine, text

    made = create_engine(url)
    with made.begin() as connection:
        for t in range(tables):
            names = [PERSONAL[c] if t % 10 == 0 and c < len(PERSONAL) else f"attribute_{c}" for c in range(columns)]
            body = ", ".join(f"{n} VARCHAR(100)" for n in names)
            connection.execute(text(f"CREATE TABLE t{t:05d} (id INTEGER PRIMARY KEY, {body})"))
            if rows:
                values = ", ".join(f":{n}" for n in names)
                connection.execute(
                    text(f"INSERT INTO t{t:05d} (id, {', '.join(names)}) VALUES (:id, {values})"),
                    [{"id": r, **{n: f"value {r}" for n in names}} for r in range(rows)],
                )
    made.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", type=int, default=2000)
    parser.add_argument("--columns", type=int, default=20)
    parser.add_argument("--rows", type=int, default=20, help="rows of each table (what --sample reads)")
    parser.add_argument("--url", help="an empty database to build in (default: a temporary SQLite file)")
    args = parser.parse_args(argv)
    from sqlalchemy import create_engine, inspect

    from datamin.check import scan_db

    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'large.db'}"
        start = time.perf_counter()
        build(url, args.tables, args.columns, args.rows)
        print(f"{args.tables:,} tables of {args.columns + 1} columns built in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        made = create_engine(url)
        reflected = inspect(made).get_multi_columns()
        made.dispose()
        bare = time.perf_counter() - start
        print(f"  bare bulk reflection ({len(reflected):,} tables):   {bare:6.2f} s")
        start = time.perf_counter()
        catalog = scan_db(url, None, sample=0)
        only = time.perf_counter() - start
        print(f"  scan-db --sample 0 ({len(catalog.fields):,} fields): {only:6.2f} s  ({only / bare:.1f} x bare)")
        start = time.perf_counter()
        sampled = scan_db(url, None, sample=100, max_time=300)
        print(f"  scan-db --sample 100 ({len(sampled.fields):,} fields): {time.perf_counter() - start:6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
