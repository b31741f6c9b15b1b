#!/usr/bin/env python3
"""Is every reader linear in its input? One file of N fields in the shapes real forms take (and
one of each kind of schema and code), at N and at 8N fields, timed in this process (parse and
classify, no start-up):

    python bench/linear.py [--fields 5000] [--factor 8]

A linear reader takes about `factor` times as long on the larger page; the script prints the
ratio for each shape and flags any above twice the factor.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from datamin.categories import load
from datamin.check import Options, inventory
from datamin.classify import classify_all
from datamin.discover import kind_of
from datamin.parse import PARSERS


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


def one_radio_group(n: int) -> tuple[str, str]:
    rows = "".join(f'<label><input type="radio" name="country" value="{i}"> Country {i}</label>\n' for i in range(n))
    return "form.html", f'<form method="post"><p>Where do you live?</p>{rows}</form>'


def sql_table(n: int) -> tuple[str, str]:
    return "schema.sql", "CREATE TABLE customers (\n  id int,\n" + ",\n".join(
        f"  email{i} varchar(100)" for i in range(n)
    ) + "\n);\n"


def django_model(n: int) -> tuple[str, str]:
    rows = "".join(f"    nric{i} = models.CharField('NRIC {i}', max_length=9)\n" for i in range(n))
    return "models.py", f"from django.db import models\n\n\nclass Patient(models.Model):\n{rows}"


def laravel_migration(n: int) -> tuple[str, str]:
    rows = "".join(f"            $table->string('email{i}')->nullable();\n" for i in range(n))
    return "2024_01_01_000000_create_users.php", (
        "<?php\nreturn new class extends Migration {\n    public function up(): void {\n"
        f"        Schema::create('users', function (Blueprint $table) {{\n{rows}        }});\n    }}\n}};\n"
    )


def prisma_model(n: int) -> tuple[str, str]:
    rows = "".join(f"  email{i} String? /// Email {i}\n" for i in range(n))
    return "schema.prisma", f"model User {{\n  id Int @id\n{rows}}}\n"


def openapi_schema(n: int) -> tuple[str, str]:
    rows = "".join(f"        phone{i}:\n          type: string\n          description: Phone {i}\n" for i in range(n))
    return "openapi.yaml", (
        "openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n"
        f"    User:\n      type: object\n      properties:\n{rows}"
    )


def graphql_type(n: int) -> tuple[str, str]:
    return "schema.graphql", "type User {\n" + "".join(f"  email{i}: String\n" for i in range(n)) + "}\n"


SHAPES: dict[str, Callable[[int], tuple[str, str]]] = {
    "fields wrapped in labels": wrapped,
    "<label for> beside each field": labelled_for,
    "a heading and a bold line per field": sections,
    "radio groups labelled by id": radio_groups,
    "forms and fields apart": outside_forms,
    "template helpers": helpers,
    "JSX components over several lines": components,
    "one radio group of N answers": one_radio_group,
    "SQL: a table of N columns": sql_table,
    "Django: a model of N fields": django_model,
    "Laravel: a migration of N columns": laravel_migration,
    "Prisma: a model of N fields": prisma_model,
    "OpenAPI: a schema of N properties": openapi_schema,
    "GraphQL: a type of N fields": graphql_type,
}


def seconds(path: str, text: str) -> float:
    kind = kind_of(path) or "html"
    if kind not in PARSERS:  # SQL is read from its file, streamed
        with tempfile.TemporaryDirectory() as folder:
            Path(folder, path).write_text(text, encoding="utf-8")
            start = time.perf_counter()
            inventory([str(Path(folder, path))], Options(jobs=1))
            return time.perf_counter() - start
    start = time.perf_counter()
    parsed = PARSERS[kind](path, text)
    classify_all(parsed.controls, load(), getattr(parsed, "place", None))
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
