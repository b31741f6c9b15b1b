"""Real database servers for the scan-db tests, started in a temporary folder from Debian's
packages, on a Unix socket with no network: PostgreSQL (`initdb` and `pg_ctl`) and MariaDB
(`mariadb-install-db` and `mariadbd`). A test that needs one skips, and says why, when the server
or its driver is not installed."""

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


@contextmanager
def mariadb() -> Iterator[str]:
    """A MariaDB server of its own; yields the path of its socket (user `root`, no password)."""
    pytest.importorskip("pymysql", reason="scan-db's MySQL/MariaDB driver (datamin[mysql]) is not installed")
    install, server = shutil.which("mariadb-install-db"), shutil.which("mariadbd") or "/usr/sbin/mariadbd"
    if install is None or not os.path.exists(server):
        pytest.skip("MariaDB is not installed (Debian: apt-get install mariadb-server)")
    folder = tempfile.mkdtemp(prefix="datamin-maria-")
    user = "mysql" if os.geteuid() == 0 else ""
    if user:
        shutil.chown(folder, user, user)
    data, socket_path = os.path.join(folder, "data"), os.path.join(folder, "sock")
    as_user = ["runuser", "-u", user, "--"] if user else []
    try:
        subprocess.run(
            [install, "--no-defaults", f"--datadir={data}", *([f"--user={user}"] if user else []),
             "--auth-root-authentication-method=normal", "--skip-test-db"],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        process = subprocess.Popen(
            [*as_user, server, "--no-defaults", f"--datadir={data}", f"--socket={socket_path}", "--skip-networking",
             f"--pid-file={folder}/pid", f"--log-error={folder}/err"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    except (subprocess.SubprocessError, OSError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"MariaDB could not be started here: {exc}")
    import time

    for _ in range(100):  # up to 10 s for the socket
        if os.path.exists(socket_path):
            break
        time.sleep(0.1)
    try:
        yield socket_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(folder, ignore_errors=True)
