#!/usr/bin/env python3
"""A longer fuzz run of the template reader, the SQL reader and the classifier than the test
suite does.

    python bench/fuzz.py [--minutes 5] [--seed 1] [--target all|html|sql]

Feeds random markup, template syntax, attribute soup and mixed scripts (the strategies of
tests/test_fuzz.py, with longer inputs) to `parse` and `classify` for every template suffix,
and random statements, truncated files, stray delimiters and binary noise (those of
tests/test_fuzz_sql.py) to the SQL reader in every dialect, and checks what must always hold:
no exception, no input taking more than 10 seconds, line numbers inside the file, lengths kept
by the neutraliser. Prints how many inputs were tried and the first failure, if any.
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_fuzz import PIECES, SUFFIXES
from test_fuzz_sql import PIECES as SQL_PIECES
from test_fuzz_sql import read as read_sql

from datamin.classify import classify, classify_all
from datamin.parse.markup.html import parse
from datamin.parse.markup.template import families_for, neutralise

ALPHABET = "<>/=\"' {}%#!?@*-$.:[]()\n\tabcdefxyz0123456789" + "生日이메일பெயர்é\u200b\ufeff"


def random_input(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 400)):
        if rng.random() < 0.7:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12))))
    text = "".join(parts)
    if rng.random() < 0.1:  # a truncated file
        text = text[: rng.randint(0, len(text))]
    return text


DIALECTS = ["", "mysql", "postgres", "tsql", "oracle", "sqlite", "snowflake", "bigquery"]
HANG_SECONDS = 10


def random_sql(rng: random.Random) -> bytes:
    parts = []
    for _ in range(rng.randint(0, 600)):
        if rng.random() < 0.8:
            parts.append(rng.choice(SQL_PIECES))
        else:
            parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12))))
    data = "".join(parts).encode("utf-8")
    if rng.random() < 0.1:  # a truncated file
        data = data[: rng.randint(0, len(data))]
    if rng.random() < 0.05:  # binary noise
        data += bytes(rng.randrange(256) for _ in range(rng.randint(1, 300)))
    return data


def check_sql(data: bytes, dialect: str) -> None:
    reader, values, lines = read_sql(data, dialect)
    controls = reader.schema.controls()
    for control in controls:
        assert 1 <= control.line <= lines and control.column >= 1, f"position {control.line}:{control.column}"
    assert all(1 <= n <= lines for n in values), "a data line outside the file"
    for field in classify_all(controls):
        assert 0.0 <= field.confidence <= 0.99


def _timeout(signum: int, frame: object) -> None:
    raise TimeoutError(f"an input took more than {HANG_SECONDS} s")


def check_one(text: str, suffix: str) -> None:
    neutral = neutralise(text, families_for("x" + suffix))
    assert len(neutral.markup) == len(text) == len(neutral.code), "neutraliser changed the length"
    assert neutral.markup.count("\n") == text.count("\n"), "neutraliser moved a line"
    lines = text.count("\n") + 1
    for control in parse("fuzz" + suffix, text).controls:
        assert 1 <= control.line <= lines and control.column >= 1, f"position {control.line}:{control.column}"
        field = classify(control)
        assert 0.0 <= field.confidence <= 0.99


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--target", choices=("all", "html", "sql"), default="all")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    tried = {"html": 0, "sql": 0}
    targets = ["html", "sql"] if args.target == "all" else [args.target]
    signal.signal(signal.SIGALRM, _timeout)
    while time.monotonic() < deadline:
        target = targets[sum(tried.values()) % len(targets)]
        if target == "html":
            text: str | bytes = random_input(rng)
            where = rng.choice(SUFFIXES)
        else:
            text = random_sql(rng)
            where = rng.choice(DIALECTS) or "generic"
        signal.alarm(HANG_SECONDS)
        try:
            check_one(text, where) if isinstance(text, str) else check_sql(text, "" if where == "generic" else where)
        except Exception:
            print(f"failure after {sum(tried.values())} inputs ({target}, {where}), input {text!r}")
            traceback.print_exc()
            return 1
        finally:
            signal.alarm(0)
        tried[target] += 1
    counts = ", ".join(f"{count} {target}" for target, count in tried.items() if target in targets)
    print(f"inputs tried: {counts} in {args.minutes:g} minutes (seed {args.seed}); no crash, no hang")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
