#!/usr/bin/env python3
"""A longer fuzz run of the template reader and the classifier than the test suite does.

    python bench/fuzz.py [--minutes 5] [--seed 1]

Feeds random markup, template syntax, attribute soup and mixed scripts (the strategies of
tests/test_fuzz.py, with longer inputs) to `parse` and `classify` for every template suffix,
and checks what must always hold: no exception, line numbers inside the file, lengths kept by
the neutraliser. Prints how many inputs were tried and the first failure, if any.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from test_fuzz import PIECES, SUFFIXES

from datamin.classify import classify
from datamin.parse.html import parse
from datamin.parse.template import families_for, neutralise

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
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    tried = 0
    while time.monotonic() < deadline:
        text = random_input(rng)
        suffix = rng.choice(SUFFIXES)
        try:
            check_one(text, suffix)
        except Exception:
            print(f"failure after {tried} inputs, suffix {suffix}, input {text!r}")
            traceback.print_exc()
            return 1
        tried += 1
    print(f"inputs tried: {tried} in {args.minutes:g} minutes (seed {args.seed}); no crash, no hang")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
