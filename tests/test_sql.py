"""SQL schemas: every dialect, migrations in order, drops and renames, broken statements."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ORDERS_MANIFEST

from datamin.check import Options, Result, check, inventory
from datamin.manifest import load_manifest
from datamin.parse.sql.dialect import guess
from datamin.parse.sql.split import statements

Columns = set[tuple[str, int, str, str, str | None]]


def columns(result: Result) -> Columns:
    """(file, line, table, column, category) of every personal column."""
    return {(Path(f.path).name, f.line, f.control.container, f.control.name, f.category) for f in result.fields}


def named(result: Result) -> dict[str, str | None]:
    return {f"{f.control.container}.{f.control.name}": f.category for f in result.fields}


# -- the statement splitter --------------------------------------------------------------


def test_statements_split_outside_quotes_comments_and_dollar_bodies() -> None:
    text = """-- a comment; not a statement
CREATE TABLE a (note varchar(10) DEFAULT 'x;y', b int); /* ; */
CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;
CREATE TABLE "c;d" (e int);
"""
    found = [(s.line, s.kind, s.text.split("(")[0].strip()) for s in statements(text.splitlines(keepends=True))]
    assert found == [
        (2, "schema", "CREATE TABLE a"),
        (2, "schema", "/* ; */\nCREATE FUNCTION f"),
        (4, "schema", 'CREATE TABLE "c;d"'),
    ]


def test_table_statements_a_script_forgot_to_end() -> None:
    """Scripts written for a GUI client often leave out the `;`: a table statement on a line of
    its own starts the next statement; inside a procedure's body it does not."""
    text = """CREATE TABLE a (
    id INT
) COMMENT = 'a'

CREATE TABLE b (id INT)
ALTER TABLE b ADD COLUMN email VARCHAR(100)
CREATE PROCEDURE p() BEGIN
CREATE TABLE tmp (x int);
END;
"""
    found = [(s.line, s.text.split("(")[0].strip()) for s in statements(text.splitlines(keepends=True))]
    assert found == [
        (1, "CREATE TABLE a"),
        (5, "CREATE TABLE b"),
        (6, "ALTER TABLE b ADD COLUMN email VARCHAR"),
        (7, "CREATE PROCEDURE p"),
        (9, "END"),
    ]


def test_data_statements_go_to_the_callback_and_are_never_collected() -> None:
    text = """CREATE TABLE t (a text);
INSERT INTO t VALUES ('it''s; fine'),
('a
multi-line; value');
COPY t (a) FROM stdin;
S1234567D\tx;y
\\.
LOAD DATA INFILE 'x.csv' INTO TABLE t;
CREATE TABLE u (b text);
"""
    data: list[int] = []
    found = [(s.line, s.text) for s in statements(text.splitlines(keepends=True), lambda n, _: data.append(n))]
    assert found == [(1, "CREATE TABLE t (a text)"), (9, "CREATE TABLE u (b text)")]
    assert data == [2, 3, 4, 5, 6, 8]


def test_client_commands_batches_and_delimiters() -> None:
    text = """PROMPT Creating tables
REM a remark
SET DEFINE OFF
CREATE TABLE a (x int)
/
CREATE TABLE b (y int)
GO
DELIMITER $$
CREATE PROCEDURE p() BEGIN SELECT 1; END$$
DELIMITER ;
CREATE TABLE c (z int);
"""
    found = [(s.line, s.text.split("(")[0].strip()) for s in statements(text.splitlines(keepends=True))]
    assert found == [(4, "CREATE TABLE a"), (6, "CREATE TABLE b"), (9, "CREATE PROCEDURE p"), (11, "CREATE TABLE c")]


def test_a_line_read_in_pieces_keeps_the_line_numbers() -> None:
    pieces = ["INSERT INTO t VALUES ('", "x" * 10, "');\n", "CREATE TABLE t (a int);\n"]
    assert [s.line for s in statements(pieces)] == [2]


# -- dialects ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dialect"),
    [
        ("CREATE TABLE `t` (`a` int) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb4;", "mysql"),
        ("CREATE TABLE t (id BIGSERIAL, j JSONB);\nALTER TABLE ONLY t OWNER TO app;", "postgres"),
        ("CREATE TABLE [dbo].[T] ([A] NVARCHAR(10))\nGO\n", "tsql"),
        ("CREATE TABLE t (a VARCHAR2(10), b NUMBER(10))\n/\n", "oracle"),
        ("CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT) WITHOUT ROWID;", "sqlite"),
        ("CREATE OR REPLACE TABLE t (a VARIANT, b TIMESTAMP_NTZ);", "snowflake"),
        ("CREATE TABLE `p.d.t` (a STRING, b INT64) OPTIONS(description='x');", "bigquery"),
        ("CREATE TABLE t (a int);", ""),
    ],
)
def test_the_dialect_is_guessed_from_the_text(text: str, dialect: str) -> None:
    assert guess(text).dialect == dialect


def test_the_guess_is_shown_in_verbose_notes(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan({"db/schema.sql": "CREATE TABLE `users` (`email` varchar(255)) ENGINE=InnoDB;\n"})
    assert result.notes == (f"{result.fields[0].path}: SQL dialect mysql (guessed from backticks, ENGINE=)",)


def test_a_given_dialect_wins_over_the_guess(tmp_path: Path) -> None:
    (tmp_path / "x.sql").write_text("CREATE TABLE t (email varchar(255));\n", encoding="utf-8")
    result = inventory([str(tmp_path)], Options(jobs=1, dialect="tsql"))
    assert result.notes[0].endswith("SQL dialect tsql (given with --dialect)")


def test_dialects_configured_per_path_glob(tmp_path: Path) -> None:
    legacy = tmp_path / "db" / "legacy"
    legacy.mkdir(parents=True)
    (legacy / "a.sql").write_text("CREATE TABLE t (email varchar(255));\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.datamin]\ndialects = {"db/legacy/**" = "mssql"}\n')
    from datamin.manifest import load_config

    config = load_config(str(tmp_path))
    result = inventory([str(tmp_path)], Options(jobs=1, dialects=config.dialects))
    assert result.notes[0].endswith("SQL dialect tsql (configured in [tool.datamin] dialects)")


def test_an_unknown_configured_dialect_is_a_config_error(tmp_path: Path) -> None:
    from datamin.manifest import ConfigError, load_config

    (tmp_path / "pyproject.toml").write_text('[tool.datamin]\ndialect = "cobol"\n')
    with pytest.raises(ConfigError, match="unknown SQL dialect 'cobol'"):
        load_config(str(tmp_path))


MYSQL = """-- MySQL dump
/*!40101 SET NAMES utf8mb4 */;
DROP TABLE IF EXISTS `customers`;
CREATE TABLE IF NOT EXISTS `shop`.`customers` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(191) NOT NULL,
  `dob` date DEFAULT NULL COMMENT 'Date of birth',
  `ic_no` char(12) DEFAULT NULL,
  `gender` enum('M','F') DEFAULT NULL,
  `email_verified` tinyint(1) NOT NULL DEFAULT '0',
  `address_id` int unsigned DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_email` (`email`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
PARTITION BY HASH (`id`) PARTITIONS 4;
CREATE TABLE `customers_archive` LIKE `customers`;
"""

POSTGRES = """SET search_path = public;
CREATE TABLE public.patients (
    id bigserial PRIMARY KEY,
    full_name text NOT NULL,
    nric character varying(9),
    allergies jsonb,
    last_ip inet,
    created_at timestamp with time zone DEFAULT now()
);
COMMENT ON COLUMN public.patients.nric IS 'NRIC/FIN';
COPY public.patients (id, full_name) FROM stdin;
1\tTan Ah Kow
\\.
ALTER TABLE ONLY public.patients ADD CONSTRAINT patients_nric_key UNIQUE (nric);
"""

SQLITE = """PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE students (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  birthday TEXT,
  guardian_phone TEXT
);
INSERT INTO students VALUES(1,'Siti','2012-05-01','+6591234567');
COMMIT;
"""

TSQL = """SET ANSI_NULLS ON
GO
IF NOT EXISTS (SELECT * FROM sys.objects WHERE name = N'Employees')
BEGIN
CREATE TABLE [dbo].[Employees](
	[EmployeeID] [int] IDENTITY(1,1) NOT NULL,
	[LastName] [nvarchar](20) NOT NULL,
	[BirthDate] [datetime] NULL,
	[HomePhone] [nvarchar](24) NULL,
 CONSTRAINT [PK_Employees] PRIMARY KEY CLUSTERED ([EmployeeID] ASC)
) ON [PRIMARY] TEXTIMAGE_ON [PRIMARY]
END
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Religion of the employee' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'Employees', @level2type=N'COLUMN',@level2name=N'Faith'
GO
ALTER TABLE [dbo].[Employees] ADD [Faith] [nvarchar](30) NULL
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'Religion of the employee' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'Employees', @level2type=N'COLUMN',@level2name=N'Faith'
GO
"""

ORACLE = """REM KYC schema
PROMPT Creating CUSTOMERS
SET DEFINE OFF
CREATE TABLE customers (
  customer_id NUMBER(10) NOT NULL,
  passport_no VARCHAR2(20 CHAR),
  date_of_birth DATE
) TABLESPACE users PCTFREE 10;
/
CREATE OR REPLACE TRIGGER customers_bi BEFORE INSERT ON customers FOR EACH ROW
BEGIN
  SELECT customers_seq.NEXTVAL INTO :NEW.customer_id FROM dual;
END;
/
ALTER TABLE customers ADD (nationality VARCHAR2(3), marital_status VARCHAR2(10));
"""

SNOWFLAKE = """USE WAREHOUSE analytics_wh;
CREATE OR REPLACE TABLE CRM.PUBLIC.CONTACTS (
	CONTACT_ID NUMBER(38,0) NOT NULL AUTOINCREMENT,
	FIRST_NAME VARCHAR(16777216),
	EMAIL VARCHAR(16777216) COMMENT 'work email',
	CREATED_AT TIMESTAMP_NTZ(9)
);
ALTER TABLE CRM.PUBLIC.CONTACTS MODIFY COLUMN EMAIL SET MASKING POLICY pii_mask;
"""

BIGQUERY = """CREATE TABLE `acme.analytics.users` (
  user_id STRING NOT NULL,
  profile STRUCT<email STRING, phone STRING>,
  geo_country STRING,
  signup_date DATE
)
PARTITION BY signup_date
OPTIONS(description='one row per user');
"""


def test_mysql(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan({"mysql.sql": MYSQL})
    assert columns(result) == {
        ("mysql.sql", 6, "shop.customers", "email", "email"),
        ("mysql.sql", 7, "shop.customers", "dob", "date_of_birth"),
        ("mysql.sql", 8, "shop.customers", "ic_no", "national_id"),
        ("mysql.sql", 9, "shop.customers", "gender", "gender"),
        # LIKE copies the columns: they are found where the copy is made
        ("mysql.sql", 16, "customers_archive", "email", "email"),
        ("mysql.sql", 16, "customers_archive", "dob", "date_of_birth"),
        ("mysql.sql", 16, "customers_archive", "ic_no", "national_id"),
        ("mysql.sql", 16, "customers_archive", "gender", "gender"),
    }
    assert result.errors == []
    dob = next(f for f in result.fields if f.control.name == "dob")
    assert dob.evidence == ("column: dob", "comment: Date of birth", "type: date")
    assert dob.control.column == 3


def test_postgres(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan({"pg.sql": POSTGRES})
    assert named(result) == {
        "public.patients.full_name": "name",
        "public.patients.nric": "national_id",
        "public.patients.allergies": "health",
        "public.patients.last_ip": "ip_address",
    }
    nric = next(f for f in result.fields if f.control.name == "nric")
    assert "comment: NRIC/FIN" in nric.evidence and nric.line == 5
    assert result.errors == []


def test_sqlite(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan({"school.sql": SQLITE})
    assert named(result) == {
        "students.name": "name",
        "students.birthday": "date_of_birth",
        "students.guardian_phone": "phone",
    }


def test_tsql_with_go_batches_if_blocks_and_extended_properties(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan({"hr.sql": TSQL})
    assert columns(result) == {
        ("hr.sql", 7, "dbo.Employees", "LastName", "name"),
        ("hr.sql", 8, "dbo.Employees", "BirthDate", "date_of_birth"),
        ("hr.sql", 9, "dbo.Employees", "HomePhone", "phone"),
        ("hr.sql", 16, "dbo.Employees", "Faith", "religion"),
    }
    faith = next(f for f in result.fields if f.control.name == "Faith")
    assert "comment: Religion of the employee" in faith.evidence
    assert result.errors == []


def test_oracle_with_sqlplus_lines(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan({"kyc.sql": ORACLE})
    assert columns(result) == {
        ("kyc.sql", 6, "customers", "passport_no", "passport"),
        ("kyc.sql", 7, "customers", "date_of_birth", "date_of_birth"),
        ("kyc.sql", 15, "customers", "nationality", "nationality"),
        ("kyc.sql", 15, "customers", "marital_status", "marital_status"),
    }
    assert result.errors == []


def test_snowflake(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan({"crm.sql": SNOWFLAKE})
    assert named(result) == {"CRM.PUBLIC.CONTACTS.FIRST_NAME": "name", "CRM.PUBLIC.CONTACTS.EMAIL": "email"}


def test_bigquery_with_options_and_struct_fields(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan({"bq.sql": BIGQUERY})
    assert named(result) == {
        "acme.analytics.users.profile.email": "email",
        "acme.analytics.users.profile.phone": "phone",
    }
    assert result.errors == []


# -- schema changes ----------------------------------------------------------------------


def test_alter_table_add_drop_rename_change_modify(scan) -> None:  # type: ignore[no-untyped-def]
    text = """CREATE TABLE members (id int, fax varchar(20), nric char(9), full_name varchar(100), note text);
ALTER TABLE members ADD COLUMN dob date, DROP COLUMN fax;
ALTER TABLE members CHANGE COLUMN nric national_id char(9);
ALTER TABLE members RENAME COLUMN full_name TO display_name;
ALTER TABLE members MODIFY COLUMN note text COMMENT 'Allergies and medical conditions';
RENAME TABLE members TO member;
"""
    result = scan({"m.sql": text})
    assert columns(result) == {
        ("m.sql", 2, "member", "dob", "date_of_birth"),
        ("m.sql", 3, "member", "national_id", "national_id"),  # where its current name is written
        ("m.sql", 4, "member", "display_name", "name"),
        ("m.sql", 1, "member", "note", "health"),  # a MODIFY keeps the line that added it
    }


def test_drop_table_and_temporary_tables(scan) -> None:  # type: ignore[no-untyped-def]
    text = """CREATE TABLE old_customers (email varchar(255));
DROP TABLE IF EXISTS old_customers, other;
CREATE TEMPORARY TABLE scratch (email varchar(255));
CREATE TABLE #staging (email nvarchar(255));
CREATE TABLE report AS SELECT email FROM customers;
"""
    assert scan({"d.sql": text}).fields == []


def test_create_table_if_not_exists_keeps_the_first_definition(scan) -> None:  # type: ignore[no-untyped-def]
    text = "CREATE TABLE t (email varchar(255));\nCREATE TABLE IF NOT EXISTS t (phone varchar(20));\n"
    assert named(scan({"t.sql": text})) == {"t.email": "email"}


def test_alter_of_a_table_the_file_does_not_create(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan({"0042_add_passport.sql": "ALTER TABLE users ADD COLUMN passport_no varchar(20);\n"})
    assert columns(result) == {("0042_add_passport.sql", 1, "users", "passport_no", "passport")}


def test_sp_rename(scan) -> None:  # type: ignore[no-untyped-def]
    text = "CREATE TABLE t (x nvarchar(9))\nGO\nEXEC sp_rename 't.x', 'nric', 'COLUMN'\nGO\n"
    assert named(scan({"r.sql": text})) == {"t.nric": "national_id"}


# -- migrations --------------------------------------------------------------------------


def test_migrations_apply_in_natural_order(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan(
        {
            "db/migration/V1__init.sql": "CREATE TABLE member (id int, fax varchar(20)) ENGINE=InnoDB;\n",
            "db/migration/V2__add_dob.sql": "ALTER TABLE member ADD COLUMN dob date;\n",
            "db/migration/V10__drop_fax_and_dob.sql": "ALTER TABLE member DROP COLUMN fax;\nALTER TABLE member DROP dob;\n",
            "db/migration/V11__add_phone.sql": "ALTER TABLE member ADD COLUMN phone varchar(20);\n",
        }
    )
    # as text V10 sorts before V2: the drop would come first and dob would survive
    assert columns(result) == {("V11__add_phone.sql", 1, "member", "phone", "phone")}
    assert "SQL dialect mysql (as the other migrations of its folder)" in result.notes[1]


def test_golang_migrate_down_files_are_not_read(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan(
        {
            "migrations/000001_users.up.sql": "CREATE TABLE users (id serial, email text);\n",
            "migrations/000001_users.down.sql": "DROP TABLE users;\n",
            "migrations/000002_dob.up.sql": "ALTER TABLE users ADD COLUMN date_of_birth date;\n",
            "migrations/000002_dob.down.sql": "ALTER TABLE users DROP COLUMN date_of_birth;\n",
        }
    )
    assert columns(result) == {
        ("000001_users.up.sql", 1, "users", "email", "email"),
        ("000002_dob.up.sql", 1, "users", "date_of_birth", "date_of_birth"),
    }
    assert result.scanned == 2


def test_files_that_are_not_migrations_are_schemas_of_their_own(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan(
        {
            "sql/mysql.sql": "CREATE TABLE users (email varchar(255)) ENGINE=InnoDB;\n",
            "sql/postgres.sql": "CREATE TABLE users (phone text);\n",
        }
    )
    assert {(Path(f.path).name, f.control.name) for f in result.fields} == {
        ("mysql.sql", "email"),
        ("postgres.sql", "phone"),
    }


# -- broken input ------------------------------------------------------------------------


def test_a_broken_statement_is_an_error_and_the_tables_around_it_are_read(scan) -> None:  # type: ignore[no-untyped-def]
    text = """CREATE TABLE a (email varchar(255));
CREATE TABLE b (phone varchar(20), dob date ??? WITH SOMETHING sqlglot cannot read, x int);
CREATE TABLE c (passport_no varchar(20));
"""
    result = scan({"broken.sql": text})
    assert named(result) == {
        "a.email": "email",
        "b.phone": "phone",
        "b.dob": "date_of_birth",
        "c.passport_no": "passport",
    }
    assert [(e.line, e.message.split(" (")[0]) for e in result.errors] == [(2, "sqlglot cannot parse this statement")]
    assert "3 columns read by the tolerant reader" in result.errors[0].message
    phone = next(f for f in result.fields if f.control.name == "phone")
    assert phone.evidence[-1] == "read by the tolerant reader: sqlglot could not parse the statement"


def test_statements_that_are_not_tables_never_hide_tables(scan) -> None:  # type: ignore[no-untyped-def]
    text = """CREATE FUNCTION weird() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN ... $f$;
GRANT ALL ON ALL TABLES IN SCHEMA public TO app;
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY p ON users USING (true);
CREATE TABLE users (email citext);
"""
    result = scan({"s.sql": text})
    assert named(result) == {"users.email": "email"}
    assert result.errors == []


def test_unterminated_and_binary_files(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan(
        {"cut.sql": "CREATE TABLE t (email varchar(255), 'unterminated", "blob.sql": b"\x00\x01SQLite format 3\x00"}
    )
    assert named(result) == {"t.email": "email"}
    assert {(Path(e.path).name, e.message) for e in result.errors if "binary" in e.message} == {
        ("blob.sql", "binary file; skipped")
    }


def test_encodings(scan) -> None:  # type: ignore[no-untyped-def]
    text = "CREATE TABLE t (\n  jumin_no CHAR(14) COMMENT '주민등록번호',\n  nm VARCHAR(50) COMMENT '성명'\n);\n"
    result = scan({"utf16.sql": "\ufeff".encode("utf-16-le") + text.encode("utf-16-le")})
    assert named(result) == {"t.jumin_no": "national_id", "t.nm": "name"}
    legacy = "CREATE TABLE c (\n  address VARCHAR(80) COMMENT 'Adresse de facturation, numéro et rue'\n);\n"
    latin = scan({"latin.sql": legacy.encode("cp1252")})
    assert ("latin.sql", 2, "c", "address", "address") in columns(latin)
    assert [(Path(e.path).name, e.line, e.message) for e in latin.errors] == [
        ("latin.sql", 2, "invalid UTF-8 byte 0xe9; replaced")
    ]


def test_a_huge_single_line_insert(scan) -> None:  # type: ignore[no-untyped-def]
    rows = ",".join(f"({i},'user{i}@example.com','x;y')" for i in range(150_000))
    text = f"CREATE TABLE a (id int, email varchar(255), note text);\nINSERT INTO a VALUES {rows};\nCREATE TABLE b (phone varchar(20));\n"
    assert len(text) > 4_000_000
    result = scan({"dump.sql": text})
    assert columns(result) == {("dump.sql", 1, "a", "email", "email"), ("dump.sql", 3, "b", "phone", "phone")}


# -- against a manifest ------------------------------------------------------------------

MANIFEST = ORDERS_MANIFEST.replace("purposes:\n", "identity_tables: [customers]\npurposes:\n", 1) + (
    "  - category: phone\n    purposes: [orders]\n"
)


def run_check(tmp_path: Path, files: dict[str, str], manifest: str = MANIFEST) -> Result:
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    (tmp_path / "datamin.yml").write_text(manifest, encoding="utf-8")
    return check([str(tmp_path)], load_manifest(str(tmp_path / "datamin.yml")), Options(jobs=1), full_scan=True)


def codes(result: Result) -> set[tuple[str, int, str | None, str | None]]:
    return {(f.code, f.line, f.container, f.field) for f in result.findings}


def test_identifier_sprawl(tmp_path: Path) -> None:
    schema = """CREATE TABLE customers (id int, email varchar(255), phone varchar(20));
CREATE TABLE orders (id int, customer_id int, email varchar(255));
CREATE TABLE newsletter (id int, email varchar(255), phone varchar(20));
CREATE TABLE couriers (id int, phone varchar(20));
"""
    result = run_check(tmp_path, {"db/schema.sql": schema})
    sprawl = sorted((f.line, f.container, f.field, f.message) for f in result.findings if f.code == "DM400")
    assert [(line, table, column) for line, table, column, _ in sprawl] == [
        (2, "orders", "email"),
        (3, "newsletter", "email"),
        (3, "newsletter", "phone"),
        (4, "couriers", "phone"),
    ]
    assert "also stored in customers, newsletter" in sprawl[0][3] and "internal id" in sprawl[0][3]


def test_identifier_sprawl_without_identity_tables(tmp_path: Path) -> None:
    schema = """CREATE TABLE accounts (id int, email varchar(255), phone varchar(20), nric char(9));
CREATE TABLE orders (id int, email varchar(255));
"""
    manifest = MANIFEST.replace("identity_tables: [customers]\n", "")
    result = run_check(tmp_path, {"schema.sql": schema}, manifest)
    assert {(f.line, f.container) for f in result.findings if f.code == "DM400"} == {(2, "orders")}


def test_between_equal_tables_the_record_of_people_is_the_identity_table(tmp_path: Path) -> None:
    schema = """CREATE TABLE newsletter_subscribers (id int, email varchar(255));
CREATE TABLE users (id int, email varchar(255));
"""
    manifest = MANIFEST.replace("identity_tables: [customers]\n", "")
    result = run_check(tmp_path, {"schema.sql": schema}, manifest)
    sprawl = [f for f in result.findings if f.code == "DM400"]
    assert [(f.line, f.container) for f in sprawl] == [(1, "newsletter_subscribers")]
    assert "keep it in the identity table (users, which holds the most; name yours with `identity_tables`" in (
        sprawl[0].message
    )


def test_inline_suppressions_need_a_reason(tmp_path: Path) -> None:
    schema = """CREATE TABLE customers (
  id int,
  -- datamin: ignore[DM100] checked by compliance, ticket PRIV-12
  dob date,
  nric char(9),
  -- datamin: ignore[DM100]
  passport_no varchar(20)
);
-- datamin: ignore[DM100,DM400] the payments processor's own table, see DPA
CREATE TABLE processor_cards (card_no varchar(19), email varchar(255));
"""
    result = run_check(tmp_path, {"schema.sql": schema})
    assert {(f.code, f.field) for f in result.findings if f.code in ("DM100", "DM400")} == {
        ("DM100", "nric"),
        ("DM100", "passport_no"),
    }
    assert [(f.line, f.code) for f in result.findings if f.code == "DM001"] == [(6, "DM001")]
    assert result.errors == []


def test_where_entries_match_table_dot_column(tmp_path: Path) -> None:
    manifest = (
        MANIFEST
        + """  - category: date_of_birth
    purposes: [orders]
    justification: Liquor licensing
    where: ["db/*.sql#customers.birth_*"]
"""
    )
    schema = "CREATE TABLE public.customers (birth_date date);\nCREATE TABLE leads (birth_date date);\n"
    result = run_check(tmp_path, {"db/schema.sql": schema}, manifest)
    assert {(f.code, f.container) for f in result.findings if f.category == "date_of_birth"} == {("DM100", "leads")}


def test_real_values_in_data_are_reported_only_by_check(tmp_path: Path) -> None:
    dump = """CREATE TABLE customers (id int, email varchar(255), phone varchar(20));
INSERT INTO customers VALUES (1,'a@example.com','S8812345Z note'),(2,'b@example.com','S1234567A');
COPY customers (id, email, phone) FROM stdin;
3\tc@example.com\t880617-08-5581
\\.
"""
    result = run_check(tmp_path, {"dump.sql": dump})
    values = sorted((f.line, f.column, f.category) for f in result.findings if f.code == "DM302")
    assert values == [(2, 50, "national_id"), (4, 17, "national_id")]  # S1234567A fails its check letter
    assert inventory([str(tmp_path / "dump.sql")], Options(jobs=1)).findings == []


def test_values_in_long_copy_blocks_keep_their_lines(tmp_path: Path) -> None:
    """COPY rows are scanned in batches; each value still points at its own line and column."""
    from datamin.parse.sql.split import ROWS_PER_BATCH

    rows = [f"{i}\tcustomer {i}\tS0000000A" for i in range(ROWS_PER_BATCH + 10)]
    rows[ROWS_PER_BATCH + 3] = f"{ROWS_PER_BATCH + 3}\tlate\tS8812345Z"  # in the second batch
    dump = "\n".join(
        [
            "CREATE TABLE members (id int, name text, nric text);",
            "COPY members (id, name, nric) FROM stdin;",
            *rows,
            "\\.",
            "CREATE INDEX members_nric ON members (nric);",
            "COPY members (id, name, nric) FROM stdin;",
            "1\tx\tS8812345Z",
            "\\.",
            "",
        ]
    )
    result = run_check(tmp_path, {"dump.sql": dump})
    values = sorted((f.line, f.column) for f in result.findings if f.code == "DM302")
    late = 3 + ROWS_PER_BATCH + 3
    assert values == [(late, len(f"{ROWS_PER_BATCH + 3}\tlate\t") + 1), (late + 10, 5)]


def test_a_dump_full_of_real_values_lists_the_first_and_counts_the_rest(tmp_path: Path) -> None:
    """Real customer data holds a value in every row: the findings (and the memory) stay bounded."""
    from datamin.check import _ValueScanner
    from datamin.findings.values import nric_valid

    def real(n: int) -> str:
        digits = f"{8800000 + n:07d}"
        return next(f"S{digits}{letter}" for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if nric_valid(f"S{digits}{letter}"))

    count = _ValueScanner.LISTED + 50
    rows = [f"{i}\t{real(i)}" for i in range(count)]
    dump = (
        "CREATE TABLE members (id int, nric text);\nCOPY members (id, nric) FROM stdin;\n" + "\n".join(rows) + "\n\\.\n"
    )
    result = run_check(tmp_path, {"dump.sql": dump})
    values = [f for f in result.findings if f.code == "DM302"]
    assert [f.line for f in values] == [*range(3, 3 + _ValueScanner.LISTED), 3 + _ValueScanner.LISTED]
    assert "more real-looking national_id values follow" in values[-1].message and "(50 in" in values[-1].message


# -- the Fides dataset -------------------------------------------------------------------


def test_inventory_as_a_fides_dataset(tmp_path: Path) -> None:
    import yaml
    from click.testing import CliRunner

    from datamin.cli import cli

    (tmp_path / "schema.sql").write_text(MYSQL, encoding="utf-8")
    (tmp_path / "page.html").write_text('<form><input name="email"></form>', encoding="utf-8")
    output = CliRunner().invoke(cli, ["inventory", "--format", "fides", str(tmp_path)]).output
    datasets = yaml.safe_load(output)["dataset"]
    assert [d["fides_key"] for d in datasets] == [datasets[0]["name"].replace("/", "_").strip("_")]
    collections = {
        c["name"]: {f["name"]: f["data_categories"] for f in c["fields"]} for c in datasets[0]["collections"]
    }
    assert collections["shop.customers"] == {
        "email": ["user.contact.email"],
        "dob": ["user.demographic.date_of_birth"],
        "ic_no": ["user.government_id.national_identification_number"],
        "gender": ["user.demographic.gender"],
    }


# -- what real schemas taught us ---------------------------------------------------------


def test_a_tsql_insert_without_a_delimiter_ends_at_the_next_statement(scan) -> None:  # type: ignore[no-untyped-def]
    text = """INSERT INTO S (A) VALUES(29,'x')
GO
CREATE TABLE [dbo].[Customers] ([CustomerID] nchar (5) NOT NULL, [ContactName] nvarchar (30) NULL, [Phone] nvarchar (24) NULL)
GO
INSERT INTO [dbo].[Customers] VALUES ('ALFKI', 'Maria Anders', '030-0074321')
CREATE TABLE [dbo].[Employees] ([HomePhone] nvarchar (24) NULL)
"""
    assert named(scan({"nw.sql": text})) == {
        "dbo.Customers.ContactName": "name",
        "dbo.Customers.Phone": "phone",
        "dbo.Employees.HomePhone": "phone",
    }


def test_the_down_half_of_a_migration_file_is_not_read(scan) -> None:  # type: ignore[no-untyped-def]
    text = """-- +goose Up
CREATE TABLE targets (id integer primary key, email varchar(255), first_name varchar(255));
-- +goose Down
DROP TABLE targets;
"""
    assert named(scan({"20160118194630_init.sql": text})) == {"targets.email": "email", "targets.first_name": "name"}


def test_diesel_and_per_dialect_migration_folders(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan(
        {
            "diesel/2020-01-01-000000_users/up.sql": "CREATE TABLE users (id TEXT, email TEXT, fax TEXT);",
            "diesel/2020-01-01-000000_users/down.sql": "DROP TABLE users;",
            "diesel/2021-06-01-000000_drop_fax/up.sql": "ALTER TABLE users DROP COLUMN fax;",
            "kratos/20210101_init.postgres.up.sql": "CREATE TABLE identities (id UUID, traits_email TEXT);",
            "kratos/20210101_init.mysql.up.sql": "CREATE TABLE identities (id CHAR(36), traits_email VARCHAR(255));",
        }
    )
    assert {(f.control.form.store.rsplit("/", 1)[-1], f.control.name) for f in result.fields if f.control.form} == {
        ("diesel", "email"),
        ("kratos (mysql)", "traits_email"),
        ("kratos (postgres)", "traits_email"),
    }
    assert any(note.endswith("SQL dialect postgres (named in the file name)") for note in result.notes)


def test_user_defined_and_interval_types(scan) -> None:  # type: ignore[no-untyped-def]
    text = """CREATE TABLE [Person].[Person] ([FirstName] [Name] NOT NULL, [Phone] [Phone] NULL, [Node] [hierarchyid]);
CREATE TABLE contracts (customer_email email_domain, warranty INTERVAL YEAR TO MONTH, grace interval day to second);
"""
    result = scan({"udt.sql": text})
    assert named(result) == {
        "Person.Person.FirstName": "name",
        "Person.Person.Phone": "phone",
        "contracts.customer_email": "email",
    }
    assert result.errors == []


def test_references_and_abbreviations_in_column_names(scan) -> None:  # type: ignore[no-untyped-def]
    text = """CREATE TABLE sessions (nid CHAR(36), identity_id CHAR(36), id_address_delivery INT, address_id INT,
  gender_id INT, email_id VARCHAR(100), recovery_address_id CHAR(36), email_new_token VARCHAR(64), state VARCHAR(20));
"""
    assert named(scan({"refs.sql": text})) == {"sessions.gender_id": "gender", "sessions.email_id": "email"}


def test_a_key_to_a_person_is_not_their_number(scan) -> None:  # type: ignore[no-untyped-def]
    """`student_id INT` points at a row of students; a `student_id VARCHAR` holds the number
    a school gave the student."""
    text = """CREATE TABLE enrolments (id INT, student_id INT REFERENCES students(id), member_id BIGINT, course_id INT);
CREATE TABLE applicants (id INT, student_id VARCHAR(20), policy_number VARCHAR(30), full_name VARCHAR(100));
"""
    assert named(scan({"keys.sql": text})) == {
        "applicants.student_id": "other_personal",
        "applicants.policy_number": "other_personal",
        "applicants.full_name": "name",
    }


def test_a_states_needs_an_address_beside_it(scan) -> None:  # type: ignore[no-untyped-def]
    text = """CREATE TABLE orders (id int, email varchar(255), current_state varchar(20));
CREATE TABLE addresses (id int, customer_id int, city varchar(60), state varchar(60));
"""
    assert named(scan({"s.sql": text})) == {
        "orders.email": "email",
        "addresses.city": "address",
        "addresses.state": "address",
    }


def test_tables_about_things_people_and_organisations(scan) -> None:  # type: ignore[no-untyped-def]
    text = """CREATE TABLE sys_dept (dept_id int, dept_name varchar(30), leader varchar(20), phone varchar(11), email varchar(50));
CREATE TABLE sys_post (post_id int, post_code varchar(64), post_name varchar(50));
CREATE TABLE stores (id int, name varchar(64), phone varchar(16), latitude decimal(13,8), longitude decimal(13,8));
CREATE TABLE accounts (id int, name varchar(100), industry varchar(40), annual_revenue numeric, billing_city varchar(40));
CREATE TABLE patient_data (id int, fname varchar(255), industry varchar(40), email varchar(255));
CREATE TABLE bank_accounts (account_id int, customer_id int, account_no varchar(20));
CREATE TABLE userCollection (id string, name string, emailAddress string);
"""
    assert named(scan({"t.sql": text})) == {
        "patient_data.fname": "name",
        "patient_data.email": "email",
        "bank_accounts.account_no": "financial_account",
        "userCollection.name": "name",
        "userCollection.emailAddress": "email",
    }


def test_options_sqlglot_cannot_read_are_not_errors(scan) -> None:  # type: ignore[no-untyped-def]
    text = """CREATE TABLE [Person].[EmailAddress] (
    [EmailAddress] nvarchar(50) NULL,
    [rowguid] uniqueidentifier ROWGUIDCOL NOT NULL CONSTRAINT [DF_rowguid] DEFAULT (NEWID())
) ON [PRIMARY];
GO
CREATE OR REPLACE PROCEDURE clone() RETURNS string LANGUAGE javascript AS
$$ var sql = 'CREATE OR REPLACE TABLE ' + name + ' CLONE x'; $$;
"""
    result = scan({"aw.sql": text})
    assert named(result) == {"Person.EmailAddress.EmailAddress": "email"}
    assert result.errors == []


def test_identifier_sprawl_across_many_tables_stays_readable(tmp_path: Path) -> None:
    from datamin.findings.sprawl import MOST_NAMED

    count = MOST_NAMED + 5
    schema = "".join(f"CREATE TABLE t{i:02d} (id int, email varchar(255));\n" for i in range(count))
    result = run_check(tmp_path, {"schema.sql": schema})
    sprawl = [f for f in result.findings if f.code == "DM400"]
    assert len({f.container for f in sprawl}) == count  # the test manifest names customers its identity table
    assert all(f"and {count - 1 - MOST_NAMED} more tables" in f.message for f in sprawl)


def test_db2_labels_name_the_columns_as_comments_do(tmp_path: Path) -> None:
    (tmp_path / "employee.sql").write_text(
        """CREATE TABLE HRDATA.EMPLOYEE (
  EMID INTEGER NOT NULL,
  EMSUR CHAR(20) NOT NULL DEFAULT '',
  EMDOB DATE DEFAULT NULL,
  EMGRD CHAR(8) NOT NULL DEFAULT ''
);
LABEL ON COLUMN HRDATA.EMPLOYEE
( EMID IS 'Employee            ID',
  EMSUR IS 'Surname              ',
  EMDOB IS 'Date                Of                  Birth',
  EMGRD IS 'Grid                Reference' );
LABEL ON TABLE HRDATA.EMPLOYEE IS 'Employees';
LABEL ON COLUMN HRDATA.EMPLOYEE.EMGRD TEXT IS 'Grid reference of the site';
""",
        encoding="utf-8",
    )
    assert named(inventory([str(tmp_path)], Options(jobs=1))) == {
        "HRDATA.EMPLOYEE.EMSUR": "name",
        "HRDATA.EMPLOYEE.EMDOB": "date_of_birth",
    }
