"""What datamin keeps between runs, to start fast: the indexed rules and validated manifests.

Kept in `$DATAMIN_CACHE_DIR`, else `$XDG_CACHE_HOME/datamin`, else `~/.cache/datamin`; never
used with DATAMIN_NO_CACHE set. An entry is named by a hash of everything it was made from
(datamin's version, the rules files, the manifest's text), so a stale entry is never read. A
cache that cannot be read or written changes nothing but the time taken.
"""

from __future__ import annotations

import os
from functools import cache

from datamin.rules import FOLDER


def folder() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.environ.get("DATAMIN_CACHE_DIR") or os.path.join(base, "datamin")


@cache
def rules_fingerprint() -> str:
    """datamin's version, the size and time of every rules file and of the code that indexes
    them (an edited checkout keeps its version)."""
    import hashlib

    from datamin import __version__

    parts = [__version__]
    here = os.path.dirname(os.path.abspath(__file__))
    for name in ("categories.py", "words.py"):
        stat = os.stat(os.path.join(here, name))
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    for where in (FOLDER, os.path.join(FOLDER, "categories"), os.path.join(FOLDER, "languages")):
        for entry in sorted(os.scandir(where), key=lambda e: e.name):
            if entry.name.endswith((".toml", ".json")):
                stat = entry.stat()
                parts.append(f"{entry.path}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha1("\n".join(parts).encode()).hexdigest()[:16]


def key(*parts: str) -> str:
    import hashlib

    return hashlib.sha1("\0".join((rules_fingerprint(), *parts)).encode()).hexdigest()[:20]


def read(kind: str, name: str) -> object | None:
    if os.environ.get("DATAMIN_NO_CACHE"):
        return None
    import pickle

    try:
        with open(os.path.join(folder(), f"{kind}-{name}.pickle"), "rb") as handle:
            value: object = pickle.load(handle)
    except Exception:  # missing, unreadable or from another version: made again
        return None
    return value


def write(kind: str, name: str, value: object) -> None:
    if os.environ.get("DATAMIN_NO_CACHE"):
        return
    import pickle
    import tempfile

    where = folder()
    try:
        os.makedirs(where, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=where, prefix=f".{kind}-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, os.path.join(where, f"{kind}-{name}.pickle"))
    except OSError:
        pass  # a read-only home: datamin works the same, only slower to start
