#!/usr/bin/env python3
"""Start-up: `datamin check` on one small file against `python -c "import lxml.html"`.

    python bench/startup.py [--runs 15]

Both run with the same interpreter, each `--runs` times; the best wall time of each and their
ratio are printed. Heavy imports (sqlglot, multiprocessing, pathspec, bs4) must stay lazy.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def best(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="datamin-startup-"))
    try:
        page = folder / "signup.html"
        page.write_text('<form method="post"><label>Email <input type="email" name="email"></label></form>\n')
        manifest = folder / "datamin.yml"
        manifest.write_text("version: 1\ndata:\n  - category: email\n")
        datamin = shutil.which("datamin") or str(Path(sys.executable).with_name("datamin"))
        baseline = best([sys.executable, "-c", "import lxml.html"], args.runs)
        ours = best([datamin, "check", str(page), "--manifest", str(manifest)], args.runs)
        print(f'python -c "import lxml.html":       {baseline * 1000:.0f} ms')
        print(f"datamin check (one small file):   {ours * 1000:.0f} ms")
        print(f"ratio: {ours / baseline:.2f}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
