"""Real database servers for the scan-db tests, started in a temporary folder: PostgreSQL from
Debian's package (`initdb` and `pg_ctl`, a Unix socket, no network). A test that needs one skips,
and says why, when the server or its driver is not installed."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


@contextmanager
def postgres() -> Iterator[str]:
    """A PostgreSQL server of its own; yields the folder of its socket (user `datamin`, trusted)."""
    pytest.importorskip("psycopg", reason="scan-db's PostgreSQL driver (datamin[postgres]) is not installed")
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    initdb = found[-1] if found else shutil.which("initdb")
    if initdb is None:
        pytest.skip("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    bin_folder = os.path.dirname(initdb)
    folder = tempfile.mkdtemp(prefix="datamin-pg-")
    as_user: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root: as the package's own user
        if shutil.which("runuser") is None:
            pytest.skip("running as root without runuser: PostgreSQL cannot be started")
        shutil.chown(folder, "postgres", "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data = os.path.join(folder, "data")

    def run(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True, timeout=120)

    try:
        run(os.path.join(bin_folder, "initdb"), "-D", data, "-A", "trust", "-U", "datamin", "--no-sync")
        options = f"-k {folder} -c listen_addresses='' -F"
        run(os.path.join(bin_folder, "pg_ctl"), "-D", data, "-o", options, "-w", "-l", f"{folder}/log", "start")
    except (subprocess.SubprocessError, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"PostgreSQL could not be started here: {exc}")
    try:
        yield folder
    finally:
        subprocess.run(
            [*as_user, os.path.join(bin_folder, "pg_ctl"), "-D", data, "-m", "immediate", "stop"],
            capture_output=True,
            timeout=60,
        )
        shutil.rmtree(folder, ignore_errors=True)
