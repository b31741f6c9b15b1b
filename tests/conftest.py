from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from datamin.check import Options, Result, inventory

Scan = Callable[..., Result]


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
