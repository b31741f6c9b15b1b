#!/usr/bin/env python3
"""Is every reader linear in its input? One page of N fields in the shapes real forms take, at
N and at 8N fields, timed in this process (parse and classify, no start-up):

    python bench/linear.py [--fields 5000] [--factor 8]

A linear reader takes about `factor` times as long on the larger page; the script prints the
ratio for each shape and flags any above twice the factor.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from datamin.categories import load
from datamin.classify import classify_all
from datamin.parse.markup.html import parse


def wrapped(n: int) -> tuple[str, str]:
    return "form.html", "<form>" + "".join(
        f'<label>Field {i} name <input name="f{i}"></label>\n' for i in range(n)
    ) + "</form>"


def labelled_for(n: int) -> tuple[str, str]:
    rows = "".join(
        f'<div><label for="f{i}">Date of birth {i}</label><input id="f{i}" name="f{i}"></div>\n' for i in range(n)
    )
    return "form.html", f"<form><h2>Medical history</h2>{rows}</form>"


def sections(n: int) -> tuple[str, str]:
    rows = "".join(
        f'<div class="card"><div class="card-header"><h4>Section {i}</h4></div><div class="card-body">'
        f'<p><strong>Question {i}</strong></p><input name="q{i}"></div></div>\n'
        for i in range(n)
    )
    return "form.html", f"<form><h2>Lifestyle</h2>{rows}</form>"


def radio_groups(n: int) -> tuple[str, str]:
    rows = "".join(
        f'<div role="radiogroup" aria-labelledby="q{i}"><span id="q{i}">Question {i}</span>'
        f'<input type="radio" name="r{i}" value="a"> A <input type="radio" name="r{i}" value="b"> B</div>\n'
        for i in range(n // 2)
    )
    return "form.html", f"<form>{rows}</form>"


def outside_forms(n: int) -> tuple[str, str]:
    forms = "".join(f'<form action="/f{i}"><input type="hidden" name="id" value="{i}"></form>\n' for i in range(n // 2))
    fields = "".join(f'<input name="email{i}" type="email">\n' for i in range(n // 2))
    return "page.html", forms + fields


def helpers(n: int) -> tuple[str, str]:
    rows = "".join(f"<p>{{{{ form.answer_{i} }}}}</p>\n{{{{ form.phone_{i}(class_='x') }}}}\n" for i in range(n // 2))
    return "form.html", f"<form>{rows}</form>"


def components(n: int) -> tuple[str, str]:
    rows = "".join(f'      <TextInput\n        name="f{i}"\n        label="Field {i}"\n      />\n' for i in range(n))
    return "Form.tsx", f"export const F = () => (\n  <form>\n{rows}  </form>\n);\n"


SHAPES: dict[str, Callable[[int], tuple[str, str]]] = {
    "fields wrapped in labels": wrapped,
    "<label for> beside each field": labelled_for,
    "a heading and a bold line per field": sections,
    "radio groups labelled by id": radio_groups,
    "forms and fields apart": outside_forms,
    "template helpers": helpers,
    "JSX components over several lines": components,
}


def seconds(path: str, text: str) -> float:
    start = time.perf_counter()
    parsed = parse(path, text)
    classify_all(parsed.controls, load(), parsed.place)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fields", type=int, default=5000)
    parser.add_argument("--factor", type=int, default=8)
    args = parser.parse_args(argv)
    load()
    worst = 0.0
    print(f"{'shape':38s} {args.fields:>7d} fields {args.fields * args.factor:>7d} fields  ratio")
    for name, shape in SHAPES.items():
        small = seconds(*shape(args.fields))
        large = seconds(*shape(args.fields * args.factor))
        ratio = large / small
        worst = max(worst, ratio)
        flag = "  NOT LINEAR" if ratio > 2 * args.factor else ""
        print(f"{name:38s} {small:12.2f} s {large:12.2f} s {ratio:6.1f}{flag}")
    print(f"worst ratio {worst:.1f} (linear: about {args.factor})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
