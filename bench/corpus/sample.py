#!/usr/bin/env python3
"""Draw the repositories of the own corpus to bring to the machine when not all of them can be.

    python bench/corpus/sample.py check --forms English=140,ms/zh/ta/ko=85,th/id/ja/vi=25 --seed 26
    python bench/corpus/sample.py check --sql --code
    python bench/corpus/sample.py tune --forms English=140,ms/zh/ta/ko=100 --seed 2026

Prints `owner/name`, a line each. Form repositories are drawn at random within each language
group (the groups `bench/accuracy.py` reports), so a sample of the check part is scored as the
whole part would be, only with fewer files; the same seed and quotas draw the same sample.
`--sql` and `--code` add every repository of the part's schemas or code files.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from accuracy import LANGUAGE_GROUPS  # noqa: E402  (bench/ is not a package)

OTHER = "other"


def group_of(entry: dict[str, str]) -> str:
    return LANGUAGE_GROUPS.get(entry["human_language"].split("-")[0], OTHER)


def draw(entries: list[dict[str, str]], quotas: dict[str, int], seed: int) -> list[str]:
    """`quotas[group]` repositories of each group, in the order the quotas are given."""
    rng = random.Random(seed)
    drawn: list[str] = []
    for group, quota in quotas.items():
        repos = sorted({e["repo"] for e in entries if group_of(e) == group})
        rng.shuffle(repos)
        drawn += repos[:quota]
    return drawn


def quotas_of(text: str) -> dict[str, int]:
    quotas: dict[str, int] = {}
    for item in filter(None, text.split(",")):
        group, _, count = item.partition("=")
        if group not in {*LANGUAGE_GROUPS.values(), OTHER} or not count.isdigit():
            raise SystemExit(
                f"not a group=count: {item!r} (groups: {', '.join(sorted(set(LANGUAGE_GROUPS.values())))})"
            )
        quotas[group] = int(count)
    return quotas


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("part", choices=("tune", "check"))
    parser.add_argument("--forms", default="", help="group=count,... of form repositories to draw")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sql", action="store_true", help="every repository of the part's schemas")
    parser.add_argument("--code", action="store_true", help="every repository of the part's code files")
    args = parser.parse_args(argv)
    data = json.loads((HERE / f"{args.part}.json").read_text(encoding="utf-8"))
    repos = draw(data["forms"], quotas_of(args.forms), args.seed)
    for kind, wanted in (("sql", args.sql), ("code", args.code)):
        if wanted:
            repos += sorted({e["repo"] for e in data.get(kind, [])})
    for repo in dict.fromkeys(repos):
        print(repo)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
