#!/usr/bin/env python3
"""Bring the files of datamin's own corpus onto this machine (they are never committed).

    python bench/corpus/rebuild.py MAPPING.tsv OUT_DIR    # MAPPING: `owner/name<TAB>GIT_DIR` lines
    python bench/corpus/rebuild.py --check OUT_DIR        # only verify what is in OUT_DIR

Each entry of tune.json and check.json names a public repository, a path, a commit and the
file's git blob id; the file is written to OUT_DIR/<saved_as> from a clone or snapshot of its
repository and checked against the blob id.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def entries() -> list[dict[str, str]]:
    found: list[dict[str, str]] = []
    for part in ("tune.json", "check.json"):
        data = json.loads((HERE / part).read_text(encoding="utf-8"))
        found += data["forms"] + data["sql"] + data.get("code", [])
    return found


def blob_of(path: Path) -> str:
    if not path.exists():
        return "missing"
    return subprocess.run(["git", "hash-object", str(path)], capture_output=True, text=True).stdout.strip()


def check(out: Path) -> int:
    bad = [e["saved_as"] for e in entries() if blob_of(out / e["saved_as"]) != e["blob"]]
    for saved_as in bad:
        print(f"{saved_as}: missing or different")
    print(f"checked {out}: {len(bad)} of {len(entries())} files missing or different")
    return 1 if bad else 0


def rebuild(mapping_file: Path, out: Path) -> int:
    mapping = {}
    for line in mapping_file.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            repo, git_dir = line.split("\t", 1)
            mapping[repo.lower()] = git_dir
    for entry in entries():
        git_dir = mapping.get(entry["repo"].lower())
        if git_dir is None:
            continue
        shown = subprocess.run(
            ["git", "--git-dir", git_dir, "show", f"{entry['commit']}:{entry['path']}"], capture_output=True
        )
        if shown.returncode == 0:
            target = out / entry["saved_as"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(shown.stdout)
    return check(out)


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--check":
        return check(Path(argv[1]))
    if len(argv) == 2:
        return rebuild(Path(argv[0]), Path(argv[1]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
