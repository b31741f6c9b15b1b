"""`datamin init`: a starter manifest written from the inventory.

One declaration per category found, `where` entries for high-sensitivity fields, and TODO
placeholders for every purpose, basis, retention and justification: `datamin check` fails
until a person has filled them in. datamin never justifies anything by itself.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence

from datamin.categories import load
from datamin.check import Result
from datamin.findings.declarations import as_in_manifest
from datamin.records import Field

PURPOSE = "todo_purpose"


def starter_manifest(result: Result, base: str, paths: Sequence[str]) -> str:
    lexicon = load()
    by_category: dict[str, list[Field]] = defaultdict(list)
    for field in result.fields:
        if field.category:
            by_category[field.category].append(field)
    order = sorted(by_category, key=lambda c: (("high", "medium", "low").index(lexicon.categories[c].sensitivity), c))
    lines = [
        "# datamin.yml: what this project collects, why, on what basis and for how long.",
        f"# Written by `datamin init` from the fields found in {', '.join(paths)}. Replace every TODO:",
        "# `datamin check` fails until a person has. `datamin explain CATEGORY` says what a category",
        "# covers; `datamin schema` gives editors the whole format.",
        "version: 1",
        "",
        "organisation:",
        "  name: TODO               # who collects the data",
        "  country: TODO            # ISO 3166 code, e.g. SG; recipients elsewhere need a transfer_safeguard",
        "  domains: []              # our own sites: forms posting there send nothing to a third party",
        "",
        "# Why the data is collected. Split the placeholder into one purpose per reason, each with a",
        "# fideslang data use (`datamin schema` lists them), a lawful basis and a retention period.",
        "purposes:",
        f"  - id: {PURPOSE}          # TODO: a short name, e.g. order_fulfilment",
        "    description: TODO      # what the purpose is, in a sentence",
        "    use: TODO              # a fideslang data use, e.g. essential.service",
        "    lawful_basis: TODO     # consent | contract | legal_obligation | legitimate_interests |",
        "                           # vital_interests | public_task",
        "    retention: TODO        # an ISO 8601 duration, e.g. P2Y",
        "",
        "# Third parties the data is sent to (payment providers, mailing services...):",
        "#   - domain: checkout.example.com",
        f"#     purpose: {PURPOSE}",
        "#     country: US",
        "#     transfer_safeguard: contractual clauses in the processor agreement",
        "recipients: []",
        "",
        "# What is collected: one declaration per category found. Remove what you should not collect.",
        "data:",
    ]
    if not order:
        lines[-1] = "data: []"
    for category in order:
        fields = by_category[category]
        rule = lexicon.categories[category]
        first = fields[0]
        example = as_in_manifest(first, base)
        found = f"{len(fields)} field{'s' if len(fields) != 1 else ''}, e.g. {example}:{first.line}"
        lines.append(f"  - category: {category}    # {rule.title}: {found}")
        lines.append(f"    purposes: [{PURPOSE}]")
        if rule.sensitivity == "high":
            lines.append("    justification: TODO   # high sensitivity: say why it is needed, or stop collecting it")
            lines.append("    where:                 # the fields this declaration covers (path glob#field glob)")
            entries = dict.fromkeys(_where(f, base) for f in fields)
            lines.extend(f"      - {json.dumps(entry, ensure_ascii=False)}" for entry in entries)
    return "\n".join(lines) + "\n"


def _where(field: Field, base: str) -> str:
    relative = as_in_manifest(field, base)
    control = field.control
    name = control.name or control.ident or (control.bindings[0] if control.bindings else "")
    if control.is_column:
        name = f"{control.container}.{control.name}"  # a column is matched as table.column
    name = "".join("?" if ch in "*?" else ch for ch in name)
    return f"{relative}#{name}" if name else relative
