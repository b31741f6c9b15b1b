#!/usr/bin/env python3
"""Validating and matching a large manifest: 1,000 declarations with 10,000 `where` entries.

    python bench/manifest.py [--declarations 1000] [--where 10] [--fields 5000]

Writes the manifest to a temporary folder, then times (best of 3) loading and validating it,
and matching a generated inventory against it: DM100 and DM103 per field, DM101/DM102 per
declaration, DM200 staleness. The bar: under a second together.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from datamin.categories import load
from datamin.findings.declarations import Coverage, declaration_findings, field_findings, stale_findings
from datamin.manifest import load_manifest
from datamin.records import Control, Field, Form


def write_manifest(folder: Path, declarations: int, where: int, rng: random.Random) -> Path:
    ids = sorted(load().categories)
    lines = ["version: 1", "organisation:", "  name: Bench Pte Ltd", "  country: SG", "purposes:"]
    for p in range(20):
        lines += [
            f"  - id: purpose_{p}",
            "    use: essential.service",
            "    lawful_basis: legal_obligation",
            "    retention: P2Y",
        ]
    lines.append("data:")
    for d in range(declarations):
        lines += [
            f"  - category: {ids[d % len(ids)]}",
            f"    purposes: [purpose_{d % 20}, purpose_{(d + 7) % 20}]",
            "    justification: Required by the regulator.",
            "    where:",
        ]
        lines += [f'      - "site/section-{rng.randrange(100)}/**/*.html#field_{d}_{w}*"' for w in range(where)]
    path = folder / "datamin.yml"
    path.write_text("\n".join(lines) + "\n")
    return path


def inventory(folder: Path, count: int, rng: random.Random) -> list[Field]:
    lexicon = load()
    ids = sorted(lexicon.categories)
    fields = []
    for n in range(count):
        category = ids[n % len(ids)]
        declaration = rng.randrange(1000)
        path = str(folder / "site" / f"section-{rng.randrange(100)}" / "pages" / f"page-{n % 300}.html")
        control = Control(
            path, n % 200 + 1, 5, "html", "input", f"field_{declaration}_{rng.randrange(10)}_x",
            form=Form(1, "form#f"),
        )  # fmt: skip
        fields.append(Field(control, category, lexicon.categories[category].sensitivity, 0.9, ("name",)))
    return fields


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--declarations", type=int, default=1000)
    parser.add_argument("--where", type=int, default=10, help="where entries per declaration")
    parser.add_argument("--fields", type=int, default=5000)
    args = parser.parse_args(argv)
    rng = random.Random(3)
    lexicon = load()
    with tempfile.TemporaryDirectory(prefix="datamin-manifest-") as name:
        folder = Path(name)
        path = write_manifest(folder, args.declarations, args.where, rng)
        fields = inventory(folder, args.fields, rng)
        loading, matching = [], []
        for _ in range(3):
            start = time.perf_counter()
            manifest = load_manifest(str(path))
            loading.append(time.perf_counter() - start)
            start = time.perf_counter()
            coverage = Coverage(manifest, fields)
            findings = field_findings(fields, coverage)
            findings += declaration_findings(manifest, lexicon, "datamin.yml")
            findings += stale_findings(coverage, "datamin.yml")
            matching.append(time.perf_counter() - start)
        entries = sum(len(d.where) for d in manifest.declarations)
        print(
            f"manifest: {len(manifest.declarations)} declarations, {entries} where entries ({path.stat().st_size / 1e6:.1f} MB)"
        )
        print(f"inventory: {len(fields)} fields; {len(findings)} findings")
        print(f"load and validate: {min(loading):.3f} s")
        print(f"match:             {min(matching):.3f} s")
        print(f"together:          {min(loading) + min(matching):.3f} s (bar: under 1 s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
