"""Opening a database for scan-db: read-only, bounded, the password never shown."""

from __future__ import annotations

import os
import re
from typing import Any

PASSWORD_VARIABLE = "DATAMIN_DB_PASSWORD"
# The driver each kind of URL needs, and the extra that installs it.
_DRIVERS = {"postgresql": ("psycopg", "postgres"), "mysql": ("pymysql", "mysql"), "mariadb": ("pymysql", "mysql")}


class DatabaseError(Exception):
    """Why a database cannot be scanned, in a sentence that never holds its password."""


def parse(url: str) -> Any:
    """The SQLAlchemy URL, with the password from DATAMIN_DB_PASSWORD when the URL has none."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseError(
            "not a database URL; use sqlite:///shop.db, postgresql://user@host/db or mysql://user@host/db"
        ) from None
    backend = parsed.get_backend_name()
    if backend not in ("sqlite", *_DRIVERS):
        raise DatabaseError(f"{backend}:// is not a database scan-db reads (sqlite, postgresql, mysql, mariadb)")
    if parsed.password is None and os.environ.get(PASSWORD_VARIABLE):
        parsed = parsed.set(password=os.environ[PASSWORD_VARIABLE])
    if backend in _DRIVERS and "+" not in parsed.drivername:
        parsed = parsed.set(drivername=f"{backend}+{_DRIVERS[backend][0]}")
    return parsed


_PASSWORD_PARAMETER = re.compile(r"([?&]password=)[^&#]*", re.I)
_USER_AND_PASSWORD = re.compile(r"^([A-Za-z][\w+.-]*://[^:@/?#]*):[^@/?#]*@")


def shown(written: str) -> str:
    """The URL as the user wrote it, without its password: what output may show."""
    return _PASSWORD_PARAMETER.sub(r"\1***", _USER_AND_PASSWORD.sub(r"\1@", written.strip()))


def engine(url: Any, statement_timeout: float) -> Any:
    """An engine that can only read. SQLite is opened with mode=ro (the file is never created or
    written); PostgreSQL and MySQL get a read-only session with a statement timeout."""
    from sqlalchemy import create_engine, event

    backend = url.get_backend_name()
    if backend == "sqlite":
        path = url.database or ""
        if not path or path == ":memory:":
            raise DatabaseError("sqlite:/// needs the path of a database file")
        if not os.path.isfile(path):
            raise DatabaseError(f"no SQLite database at {path}")
        from urllib.parse import quote

        return create_engine(
            f"sqlite:///file:{quote(os.path.abspath(path))}?mode=ro&uri=true",
            connect_args={"timeout": statement_timeout},
        )
    module, extra = _DRIVERS[backend]
    try:
        __import__(module)
    except ImportError:
        raise DatabaseError(f"{backend}:// needs the {module} driver: pip install 'datamin[{extra}]'") from None
    made = create_engine(url, pool_pre_ping=False)
    milliseconds = int(statement_timeout * 1000)

    @event.listens_for(made, "connect")
    def read_only(connection: Any, _record: Any) -> None:
        cursor = connection.cursor()
        if backend == "postgresql":
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            cursor.execute(f"SET statement_timeout = {milliseconds}")
        else:
            cursor.execute("SET SESSION TRANSACTION READ ONLY")
            try:
                cursor.execute(f"SET SESSION MAX_EXECUTION_TIME = {milliseconds}")  # MySQL
            except Exception:  # the driver's own error class: MariaDB names it otherwise, in seconds
                cursor.execute(f"SET SESSION max_statement_time = {statement_timeout:g}")
        cursor.close()
        connection.commit()  # a SET inside a transaction that is rolled back would be undone

    return made
