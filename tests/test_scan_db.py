"""scan-db on a real SQLite database: columns as fields, values sampled in counts and masks only,
read-only, and no value or password in any output."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import ORDERS_MANIFEST, invoke

from datamin.check import scan_db

NRIC, OTHER_NRIC, CARD = "S7654321F", "S9812381D", "4532015112830366"


def clinic(folder: Path) -> Path:
    """A clinic's database, labelled: what a patient record holds, an appointment's free text
    with card numbers pasted in, a notes column with NRICs, a products table of no one."""
    path = folder / "clinic.db"
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        CREATE TABLE patients (id INTEGER PRIMARY KEY, full_name TEXT, nric TEXT, date_of_birth DATE,
                               email TEXT, phone TEXT, notes TEXT);
        CREATE TABLE appointments (id INTEGER PRIMARY KEY, patient_id INTEGER REFERENCES patients(id),
                                   starts_at TEXT, remarks TEXT, contact TEXT);
        CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT, title TEXT, price REAL);
        CREATE VIEW patient_emails AS SELECT id, email FROM patients;
        """
    )
    connection.executemany(
        "INSERT INTO patients VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                i,
                f"Person {i}",
                NRIC if i % 2 else OTHER_NRIC,
                f"1980-01-0{i % 9 + 1}",
                f"p{i}@example.sg",
                f"9123456{i % 10}",
                f"allergic to penicillin; old IC {NRIC}" if i % 3 == 0 else "ok",
            )
            for i in range(1, 21)
        ],
    )
    connection.executemany(
        "INSERT INTO appointments VALUES (?, ?, ?, ?, ?)",
        [
            (i, i, "2026-01-01", f"paid with card {CARD}" if i % 4 == 0 else "-", f"p{i}@example.sg")
            for i in range(1, 21)
        ],
    )
    connection.executemany(
        "INSERT INTO products VALUES (?, ?, ?, ?)", [(i, f"SKU{i}", f"Durian {i}", 9.9) for i in range(5)]
    )
    connection.commit()
    connection.close()
    return path


def test_columns_are_fields_and_values_say_what_a_column_holds(tmp_path: Path) -> None:
    result = scan_db(f"sqlite:///{clinic(tmp_path)}", None)
    found = {(f.control.container, f.control.name): f for f in result.fields}
    assert {key: f.category for key, f in found.items()} == {
        ("patients", "full_name"): "name", ("patients", "nric"): "national_id",
        ("patients", "date_of_birth"): "date_of_birth", ("patients", "email"): "email",
        ("patients", "phone"): "phone", ("patients", "notes"): "other_personal",
        ("appointments", "contact"): "email",  # only its values say so
        ("patient_emails", "email"): "email",
    }  # fmt: skip
    assert all(f.control.source == "db" and f.path == f"sqlite:///{tmp_path / 'clinic.db'}" for f in result.fields)
    assert "values: 20 of 20 sampled rows hold email addresses" in found[("appointments", "contact")].evidence
    assert "starts_at" not in {name for _, name in found}  # a date is not a date of birth
    codes = {(f.code, f.container, f.field) for f in result.findings}
    assert codes == {
        ("DM302", "patients", "notes"),  # NRICs pasted into free text
        ("DM302", "appointments", "remarks"),  # card numbers too
        ("DM400", "appointments", "contact"),  # a copy of the patients' emails; a view stores nothing
    }
    notes = next(f for f in result.findings if f.field == "notes")
    assert "6 of 20 sampled rows" in notes.message and "S****321F" in notes.message


def test_sample_zero_reads_the_catalog_only(tmp_path: Path) -> None:
    result = scan_db(f"sqlite:///{clinic(tmp_path)}", None, sample=0)
    assert not any(how == "values" for f in result.fields for how, _ in f.control.labels)
    assert [f for f in result.findings if f.code == "DM302"] == []
    assert ("appointments", "contact") not in {(f.control.container, f.control.name) for f in result.fields}


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github", "markdown", "html"])
def test_no_value_reaches_any_output_and_the_file_is_not_touched(tmp_path: Path, output_format: str) -> None:
    database = clinic(tmp_path)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    result = invoke(tmp_path, "scan-db", f"sqlite:///{database}", "--format", output_format)
    assert result.exit_code == 0, result.output  # warnings only: DM100 waits for a manifest
    for value in (NRIC, OTHER_NRIC, CARD, "p1@example.sg", "91234561", "penicillin"):
        assert value not in result.stdout and value not in result.stderr
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before
    assert not (tmp_path / "clinic.db-journal").exists() and not (tmp_path / "clinic.db-wal").exists()


def test_the_database_is_opened_read_only(tmp_path: Path) -> None:
    from sqlalchemy import text

    from datamin.db.connect import engine, parse

    made = engine(parse(f"sqlite:///{clinic(tmp_path)}"), 5.0)
    with made.connect() as connection, pytest.raises(Exception, match=r"readonly|read-only|read only"):
        connection.execute(text("CREATE TABLE x (a int)"))
    made.dispose()


def test_against_a_manifest(tmp_path: Path) -> None:
    database = clinic(tmp_path)
    (tmp_path / "datamin.yml").write_text(ORDERS_MANIFEST, encoding="utf-8")
    result = invoke(tmp_path, "scan-db", f"sqlite:///{database}", "--format", "json")
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    undeclared = {(f["container"], f["field"]) for f in document["findings"] if f["code"] == "DM100"}
    assert ("patients", "nric") in undeclared and ("patients", "email") not in undeclared  # email is declared
    assert not any(f["code"] == "DM200" for f in document["findings"])  # a database is part of what is declared


def test_what_cannot_be_scanned_is_said_and_no_password_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = invoke(tmp_path, "scan-db", "sqlite:///no/such.db")
    assert result.exit_code == 2 and "no SQLite database at no/such.db" in result.stderr
    result = invoke(tmp_path, "scan-db", "oracle://u@h/db")
    assert result.exit_code == 2 and "is not a database scan-db reads" in result.stderr
    monkeypatch.setenv("DATAMIN_DB_PASSWORD", "s3cret-from-env")
    for url in ("postgresql://shop:s3cret-in-url@127.0.0.1:1/shop", "mysql://shop@127.0.0.1:1/shop"):
        result = invoke(tmp_path, "scan-db", url, "--format", "json")
        assert result.exit_code == 2
        assert "s3cret" not in result.stdout + result.stderr


# -- a real PostgreSQL ---------------------------------------------------------------------------

CLINIC_SQL = """
CREATE SCHEMA hr;
CREATE TABLE public.patients (id serial PRIMARY KEY, nama text, ic_no varchar(14), tarikh_lahir date,
                              emel text, notes text);
COMMENT ON TABLE public.patients IS 'Pesakit klinik';
COMMENT ON COLUMN public.patients.nama IS 'Nama penuh';
COMMENT ON COLUMN public.patients.ic_no IS 'Nombor kad pengenalan';
CREATE TABLE public.orders (id serial PRIMARY KEY, patient_id int REFERENCES public.patients(id), amount numeric,
                            memo text);
CREATE TABLE hr.staff (id serial PRIMARY KEY, full_name text, salary numeric, religion text);
CREATE TABLE public.products (id serial PRIMARY KEY, sku text, title text);
CREATE TABLE public.audit_secrets (id int, token text);
CREATE VIEW public.patient_names AS SELECT id, nama FROM public.patients;
CREATE ROLE auditor LOGIN;
GRANT USAGE ON SCHEMA public, hr TO auditor;
GRANT SELECT ON public.patients, public.orders, public.products, hr.staff, public.patient_names TO auditor;
"""


@pytest.fixture(scope="module")
def clinic_server() -> Iterator[str]:
    from databases import postgres

    with postgres() as socket_folder:
        import psycopg

        with psycopg.connect(host=socket_folder, user="datamin", dbname="postgres", autocommit=True) as connection:
            connection.execute(CLINIC_SQL)
            for i in range(1, 31):
                connection.execute(
                    "INSERT INTO public.patients (nama, ic_no, tarikh_lahir, emel, notes) VALUES (%s, %s, %s, %s, %s)",
                    (f"Pesakit {i}", "900101-14-5678", "1990-01-01", f"p{i}@contoh.my",
                     f"IC lama {NRIC}" if i % 5 == 0 else "baik"),
                )  # fmt: skip
                connection.execute(
                    "INSERT INTO public.orders (patient_id, amount, memo) VALUES (%s, 10, %s)",
                    (i, f"paid by card {CARD}" if i % 10 == 0 else "cash"),
                )
            connection.execute("INSERT INTO public.audit_secrets VALUES (1, 'x')")
        yield socket_folder


def test_postgresql_columns_comments_values_and_a_denied_table(clinic_server: str) -> None:
    url = f"postgresql://auditor@/postgres?host={clinic_server}"
    result = scan_db(url, None)
    found = {(f.control.container, f.control.name): f.category for f in result.fields}
    assert found == {
        ("public.patients", "nama"): "name",
        ("public.patients", "ic_no"): "national_id",
        ("public.patients", "tarikh_lahir"): "date_of_birth",
        ("public.patients", "emel"): "email",
        ("public.patients", "notes"): "other_personal",
        ("hr.staff", "full_name"): "name",
        ("hr.staff", "salary"): "income",
        ("hr.staff", "religion"): "religion",
    }  # not the view patient_names.nama: a bare name beside nothing else is weak
    dm302 = {(f.container, f.field, f.category) for f in result.findings if f.code == "DM302"}
    assert dm302 == {("public.patients", "notes", "national_id"), ("public.orders", "memo", "financial_card")}
    denied = [e for e in result.errors if "audit_secrets" in e.message]
    assert len(denied) == 1 and "values not sampled" in denied[0].message  # the rest was read
    assert all(f.path == url for f in result.fields)


def test_postgresql_sessions_are_read_only_and_the_password_stays_hidden(
    clinic_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import text

    from datamin.db.connect import engine, parse

    made = engine(parse(f"postgresql://datamin@/postgres?host={clinic_server}"), 5.0)
    with made.connect() as connection, pytest.raises(Exception, match="read-only transaction"):
        connection.execute(text("CREATE TABLE public.x (a int)"))
    made.dispose()
    monkeypatch.setenv("DATAMIN_DB_PASSWORD", "s3cret-from-env")
    for output_format in ("json", "sarif", "html", "text"):
        result = invoke(
            tmp_path, "scan-db", f"postgresql://auditor@/postgres?host={clinic_server}", "--format", output_format
        )
        assert result.exit_code in (0, 1), result.stderr
        everything = result.stdout + result.stderr
        assert "s3cret" not in everything and NRIC not in everything and CARD not in everything
        assert "p1@contoh.my" not in everything


def test_init_from_a_database_writes_declarations_its_where_entries_match(tmp_path: Path) -> None:
    database = clinic(tmp_path)
    (tmp_path / ".git").mkdir()
    url = f"sqlite:///{database}"
    assert invoke(tmp_path, "init", url).exit_code == 0
    written = (tmp_path / "datamin.yml").read_text(encoding="utf-8")
    assert f'- "{url}#patients.nric"' in written
    filled = (
        written.replace("name: TODO ", "name: Clinic ").replace("country: TODO ", "country: SG ")
        .replace("description: TODO ", "description: Care ").replace("use: TODO ", "use: essential.service ")
        .replace("lawful_basis: TODO ", "lawful_basis: contract ").replace("retention: TODO ", "retention: P2Y ")
        .replace("justification: TODO ", "justification: Needed for care ").replace("todo_purpose", "care")
    )  # fmt: skip
    (tmp_path / "datamin.yml").write_text(filled, encoding="utf-8")
    result = invoke(tmp_path, "scan-db", url, "--format", "json")
    assert not [f for f in json.loads(result.stdout)["findings"] if f["code"] == "DM100"], result.stdout


# -- a real MariaDB ------------------------------------------------------------------------------

SHOP_SQL = [
    "CREATE DATABASE shop",
    """CREATE TABLE shop.customers (id INT PRIMARY KEY AUTO_INCREMENT, nama VARCHAR(100) COMMENT 'Nama pelanggan',
       no_kp VARCHAR(14) COMMENT 'No. kad pengenalan', telefon VARCHAR(20), emel VARCHAR(100), catatan TEXT)
       COMMENT 'Pelanggan kedai'""",
    "CREATE TABLE shop.orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2), nota TEXT)",
    "CREATE TABLE shop.supplier_secrets (id INT, api_key VARCHAR(64))",
    "CREATE USER 'auditor'@'localhost'",
    "GRANT SELECT ON shop.customers TO 'auditor'@'localhost'",
    "GRANT SELECT ON shop.orders TO 'auditor'@'localhost'",
]


@pytest.fixture(scope="module")
def shop_server() -> Iterator[str]:
    from databases import mariadb

    with mariadb() as socket_path:
        import pymysql

        connection = pymysql.connect(unix_socket=socket_path, user="root", autocommit=True)
        with connection.cursor() as cursor:
            for statement in SHOP_SQL:
                cursor.execute(statement)
            for i in range(1, 31):
                cursor.execute(
                    "INSERT INTO shop.customers (nama, no_kp, telefon, emel, catatan) VALUES (%s, %s, %s, %s, %s)",
                    (f"Pelanggan {i}", "900101-14-5678", f"+60 12-345 67{i:02d}", f"c{i}@kedai.my",
                     f"kad {CARD}" if i % 6 == 0 else "-"),
                )  # fmt: skip
                cursor.execute(
                    "INSERT INTO shop.orders VALUES (%s, %s, 10, %s)", (i, i, f"IC {NRIC}" if i % 10 == 0 else "-")
                )
        connection.close()
        yield socket_path


@pytest.mark.parametrize("scheme", ["mysql", "mariadb"])
def test_mariadb_columns_comments_values_and_read_only(shop_server: str, scheme: str) -> None:
    from sqlalchemy import text

    from datamin.db.connect import engine, parse

    url = f"{scheme}://auditor@localhost/shop?unix_socket={shop_server}"
    result = scan_db(url, None)
    found = {(f.control.container, f.control.name): f.category for f in result.fields}
    assert found == {
        ("shop.customers", "nama"): "name", ("shop.customers", "no_kp"): "national_id",
        ("shop.customers", "telefon"): "phone", ("shop.customers", "emel"): "email",
        ("shop.customers", "catatan"): "other_personal",
    }  # fmt: skip
    dm302 = {(f.container, f.field, f.category) for f in result.findings if f.code == "DM302"}
    assert dm302 == {("shop.customers", "catatan", "financial_card"), ("shop.orders", "nota", "national_id")}
    made = engine(parse(f"mysql://root@localhost/shop?unix_socket={shop_server}"), 5.0)
    with made.connect() as connection, pytest.raises(Exception, match=r"READ ONLY"):
        connection.execute(text("CREATE TABLE shop.x (a int)"))
    made.dispose()


def test_emails_pasted_into_free_text_are_dm302_and_phone_like_digits_are_not(tmp_path: Path) -> None:
    path = tmp_path / "helpdesk.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE tickets (id INTEGER PRIMARY KEY, body TEXT)")
    connection.executemany(
        "INSERT INTO tickets (body) VALUES (?)",
        [
            (f"please reply to mei.ling{i}@example.sg" if i % 3 == 0 else f"order 8123 4567 item {i}",)
            for i in range(30)
        ],
    )
    connection.commit()
    connection.close()
    found = [(f.code, f.field, f.category) for f in scan_db(f"sqlite:///{path}", None).findings]
    assert found == [("DM302", "body", "email")]
    assert "mei.ling" not in " ".join(f.message for f in scan_db(f"sqlite:///{path}", None).findings)


def test_the_reports_name_the_database_as_it_is(tmp_path: Path) -> None:
    url = f"sqlite:///{clinic(tmp_path)}"
    sarif = json.loads(invoke(tmp_path, "scan-db", url, "--format", "sarif").stdout)
    location = sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": url}  # an absolute URI: no %SRCROOT%
    html = invoke(tmp_path, "scan-db", url, "--format", "html").stdout
    assert "<h2>Tables</h2>" in html and url in html
