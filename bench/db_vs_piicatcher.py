#!/usr/bin/env python3
"""scan-db side by side with piicatcher on the same PostgreSQL database.

    pip install --no-deps piicatcher commonregex     # piicatcher's detectors, without its catalog
    python bench/db_vs_piicatcher.py [--url postgresql://...]   # default: a server of its own

A labelled database (a clinic, an HR schema and a shop; English and Malay names and comments,
free text with identifiers pasted in, and tables of no one) is loaded into PostgreSQL (with
`--url`, an empty database you give; else a server started in a temporary folder, as the tests
do). Then, on the same columns and the same sampled values (100 rows a column):

- datamin: `scan-db` (its catalog reading, classifier and value sampler);
- piicatcher: its own two detectors, from its package: `ColumnNameScanner` on each column's name
  (its metadata scan) and `RegexScanner` (CommonRegex) on each sampled value (its data scan); a
  column is personal when either finds anything, as its deep scan reports. Its third detector
  (spaCy's named entities) and its catalog library (dbcat) cannot be installed on Python 3.11
  (dbcat pins a snowflake connector and pyarrow 8, which have no wheels there), so they are
  stubbed out: the comparison is of the metadata and regex data scans.

Prints precision and recall of "is this column personal data?" for both, against the labels.
"""

from __future__ import annotations

import argparse
import enum
import sys
import types
from pathlib import Path

# (table, column, SQL type, comment, personal?) — labelled before either tool ran on them.
COLUMNS = [
    ("clinic.patients", "id", "serial PRIMARY KEY", "", False),
    ("clinic.patients", "nama_penuh", "text", "Nama penuh pesakit", True),
    ("clinic.patients", "no_kp", "varchar(14)", "No. kad pengenalan", True),
    ("clinic.patients", "tarikh_lahir", "date", "", True),
    ("clinic.patients", "jantina", "varchar(10)", "Jantina", True),
    ("clinic.patients", "bangsa", "varchar(20)", "Bangsa", True),
    ("clinic.patients", "agama", "varchar(20)", "", True),
    ("clinic.patients", "emel", "text", "", True),
    ("clinic.patients", "no_tel", "varchar(20)", "", True),
    ("clinic.patients", "alamat", "text", "Alamat rumah", True),
    ("clinic.patients", "alahan", "text", "Alahan ubat", True),
    ("clinic.patients", "catatan", "text", "", True),
    ("clinic.patients", "created_at", "timestamp", "", False),
    ("clinic.visits", "id", "serial PRIMARY KEY", "", False),
    ("clinic.visits", "patient_id", "int", "", False),
    ("clinic.visits", "diagnosis_code", "varchar(10)", "ICD-10 diagnosis", True),
    ("clinic.visits", "doctor_notes", "text", "", True),
    ("clinic.visits", "visit_date", "date", "", False),
    ("clinic.visits", "room", "varchar(10)", "", False),
    ("hr.employees", "id", "serial PRIMARY KEY", "", False),
    ("hr.employees", "full_name", "text", "", True),
    ("hr.employees", "nric", "varchar(9)", "", True),
    ("hr.employees", "salary", "numeric", "Monthly salary", True),
    ("hr.employees", "bank_account_no", "varchar(20)", "", True),
    ("hr.employees", "marital_status", "varchar(10)", "", True),
    ("hr.employees", "job_title", "text", "", True),
    ("hr.employees", "department_id", "int", "", False),
    ("hr.employees", "contact", "text", "", True),
    ("hr.departments", "id", "serial PRIMARY KEY", "", False),
    ("hr.departments", "name", "text", "", False),
    ("hr.departments", "cost_centre", "varchar(10)", "", False),
    ("shop.orders", "id", "serial PRIMARY KEY", "", False),
    ("shop.orders", "total", "numeric", "", False),
    ("shop.orders", "status", "varchar(20)", "", False),
    ("shop.orders", "delivery_postcode", "varchar(10)", "", True),
    ("shop.orders", "remarks", "text", "", True),
    ("shop.orders", "tracking_number", "varchar(30)", "", False),
    ("shop.products", "id", "serial PRIMARY KEY", "", False),
    ("shop.products", "name", "text", "", False),
    ("shop.products", "description", "text", "", False),
    ("shop.products", "sku", "varchar(20)", "", False),
    ("shop.products", "price", "numeric", "", False),
    ("shop.products", "shipping_country", "varchar(40)", "", False),
    ("shop.settings", "key", "text", "", False),
    ("shop.settings", "value", "text", "", False),
    ("shop.settings", "password_policy", "text", "", False),
]
ROWS = 50


def value(table: str, column: str, i: int) -> object:
    """Realistic values: identifiers that pass their checks but belong to no one."""
    samples = {
        "nama_penuh": f"Siti binti Ahmad {i}", "no_kp": "900101-14-5678", "jantina": "Perempuan",
        "bangsa": "Melayu", "agama": "Islam", "emel": f"siti{i}@contoh.my", "no_tel": f"+60 12-345 {6700 + i}",
        "alamat": f"{i} Jalan Ampang, Kuala Lumpur", "alahan": "Penisilin", "catatan": "IC lama S7654321F" if i % 5 == 0 else "-",
        "diagnosis_code": "J45.9", "doctor_notes": "Asthma, review in 2 weeks", "room": f"R{i}",
        "full_name": f"Tan Ah Kow {i}", "nric": "S7654321F", "bank_account_no": f"123-45678-{i:03d}",
        "marital_status": "Married", "job_title": "Clerk", "contact": f"tan{i}@example.sg",
        "name": f"Item {i}", "cost_centre": "CC10", "status": "paid", "delivery_postcode": "520123",
        "remarks": "card 4532015112830366" if i % 10 == 0 else "leave at door", "tracking_number": f"SG{i:09d}",
        "description": "Fresh durian from Pahang", "sku": f"DUR-{i}", "shipping_country": "Singapore",
        "key": f"setting_{i}", "value": "on", "password_policy": "min 12 characters",
    }  # fmt: skip
    return samples.get(column)


def load(url: str) -> None:
    from sqlalchemy import create_engine, text

    made = create_engine(url)
    tables: dict[str, list[tuple[str, str, str]]] = {}
    for table, column, kind, comment, _ in COLUMNS:
        tables.setdefault(table, []).append((column, kind, comment))
    with made.begin() as connection:
        for schema in sorted({t.split(".")[0] for t in tables}):
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        for table, columns in tables.items():
            connection.execute(text(f"CREATE TABLE {table} ({', '.join(f'{c} {k}' for c, k, _ in columns)})"))
            for column, _, comment in columns:
                if comment:
                    connection.execute(text(f"COMMENT ON COLUMN {table}.{column} IS '{comment}'"))
            filled = [c for c, k, _ in columns if "serial" not in k and value(table, c, 1) is not None]
            if filled:
                rows = [{c: value(table, c, i) for c in filled} for i in range(1, ROWS + 1)]
                names = ", ".join(filled)
                params = ", ".join(f":{c}" for c in filled)
                connection.execute(text(f"INSERT INTO {table} ({names}) VALUES ({params})"), rows)
    made.dispose()


def piicatcher_scanners() -> tuple[object, object]:
    """piicatcher's ColumnNameScanner and RegexScanner, its spaCy and dbcat imports stubbed."""
    models = types.ModuleType("dbcat.catalog.models")
    models.PiiTypes = enum.Enum(  # type: ignore[attr-defined]
        "PiiTypes",
        "NONE UNSUPPORTED PHONE EMAIL CREDIT_CARD ADDRESS PERSON LOCATION BIRTH_DATE GENDER "
        "NATIONALITY IP_ADDRESS SSN USER_NAME PASSWORD",
    )
    for name in ("CatColumn", "CatSchema", "CatTable"):
        setattr(models, name, object)
    catalog = types.ModuleType("dbcat.catalog")
    catalog.Catalog = object  # type: ignore[attr-defined]
    sys.modules.update({"spacy": types.ModuleType("spacy"), "dbcat": types.ModuleType("dbcat"),
                        "dbcat.catalog": catalog, "dbcat.catalog.models": models})  # fmt: skip
    from piicatcher.scanner import ColumnNameScanner, RegexScanner

    return ColumnNameScanner(), RegexScanner()


def score(found: set[tuple[str, str]]) -> tuple[float, float]:
    personal = {(t, c) for t, c, _, _, p in COLUMNS if p}
    tp = len(found & personal)
    return (tp / len(found) if found else 1.0), tp / len(personal)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a server of its own)")
    args = parser.parse_args(argv)
    try:
        names, values = piicatcher_scanners()
    except ImportError as exc:
        print(f"piicatcher is not installed ({exc}): pip install --no-deps piicatcher commonregex")
        return 2
    if args.url:
        return compare(args.url, names, values)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from databases import postgres  # the tests' own throwaway server

    with postgres() as folder:
        return compare(f"postgresql://datamin@/postgres?host={folder}", names, values)


def compare(url: str, names: object, values: object) -> int:
    from sqlalchemy import create_engine, text

    from datamin.check import scan_db

    load(url)
    result = scan_db(url, None, sample=100)
    ours = {(f.control.container, f.control.name) for f in result.fields}
    ours |= {(f.container, f.field) for f in result.findings if f.code == "DM302"}  # ids pasted into free text
    theirs = set()
    made = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with made.connect() as connection:
        for table, column, _, _, _ in COLUMNS:
            if names.scan(column):  # type: ignore[attr-defined]
                theirs.add((table, column))
                continue
            sampled = connection.execute(text(f"SELECT {column}::text FROM {table} LIMIT 100")).scalars()
            if any(v is not None and values.scan(v) for v in sampled):  # type: ignore[attr-defined]
                theirs.add((table, column))
    made.dispose()
    labelled = sum(1 for *_, p in COLUMNS if p)
    print(f"{len(COLUMNS)} columns, {labelled} of them personal, {ROWS} rows a table")
    for who, found in (("datamin scan-db", ours), ("piicatcher (column names + CommonRegex)", theirs)):
        precision, recall = score(found)
        print(f"  {who:42s} precision {precision:.3f}  recall {recall:.3f}  ({len(found)} columns reported)")
    # Its spaCy scanner, left out, could only add columns: at best every personal one it missed.
    personal = {(t, c) for t, c, _, _, p in COLUMNS if p}
    missed = len(personal - theirs)
    best = (len(theirs & personal) + missed) / (len(theirs) + missed)
    print(f"  piicatcher with its spaCy scanner could at best reach precision {best:.3f} (recall 1.000)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
