from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from datamin.check import Options, Result, inventory

Scan = Callable[..., Result]


@pytest.fixture(autouse=True, scope="session")
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The tests keep datamin's cache to themselves, not the user's."""
    os.environ["DATAMIN_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture
def scan(tmp_path: Path) -> Scan:
    """Write files into a temporary tree and run the inventory on it."""

    def run(files: dict[str, str | bytes], **options: object) -> Result:
        for name, content in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return inventory([str(tmp_path)], Options(jobs=1, **options))  # type: ignore[arg-type]

    return run
