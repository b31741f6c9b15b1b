#!/usr/bin/env python3
"""Precision and recall of datamin's inventory, per category and overall.

    python bench/accuracy.py                         # the labelled fixtures in fixtures/
    python bench/accuracy.py --corpus CORPUS_DIR     # also the public development corpus
    python bench/accuracy.py --verbose               # every miss and false positive

Fixtures: every `X.labels.json` beside a template `X` lists its fields with the category each
must get (or `none`). The development corpus (../shared/corpus/labels.json) lists real public
templates; its README says how to bring the files to CORPUS_DIR (they are never committed).

A reported field pairs with the nearest labelled field in the same file within 3 lines,
preferring the same name (as the corpus's own score.py does). Labels noted `borderline` or
`indirect:` and the category `company` count neither way; `other_personal` accepts any category.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from datamin.check import Options, inventory
from datamin.records import Field
from datamin.words import split_words

ROOT = Path(__file__).resolve().parent.parent
SHARED_LABELS = ROOT.parent / "shared" / "corpus" / "labels.json"


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0  # true positives with the right category
    # per category: labelled, found with the right category, reported with that category
    labelled: Counter[str] = field(default_factory=Counter)
    hit: Counter[str] = field(default_factory=Counter)
    reported: Counter[str] = field(default_factory=Counter)
    reported_right: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def figures(self) -> tuple[float, float, float, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        category_precision = self.right / (self.tp + self.fp) if self.tp + self.fp else 1.0
        category_recall = self.right / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return precision, recall, category_precision, category_recall


def neutral(label: dict[str, str]) -> bool:
    note = label.get("note") or ""
    return label["category"] == "company" or "borderline" in note or note.startswith(("indirect:", "in-script:"))


def same_category(reported: str | None, labelled: str) -> bool:
    return labelled == "other_personal" or reported == labelled or (reported == "employment" and labelled == "company")


def score_file(path: str, labels: list[dict[str, str]], got: list[Field], tally: Tally) -> None:
    pairs = []
    for li, label in enumerate(labels):
        for ri, reported in enumerate(got):
            distance = abs(reported.line - int(label["line"]))
            if distance <= 3:
                name = reported.control.display_name
                rank = (
                    0
                    if name == label["name"]
                    else (1 if set(split_words(name)) & set(split_words(label["name"])) else 2)
                )
                pairs.append((rank, distance, li, ri))
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, li, ri in sorted(pairs):
        if li not in matched and ri not in used:
            matched[li] = ri
            used.add(ri)
    for li, label in enumerate(labels):
        if neutral(label):
            continue
        reported = got[matched[li]] if li in matched else None
        where = f"{path}:{label['line']} {label['name']}"
        if label["category"] == "none":
            if reported is not None:
                tally.fp += 1
                tally.reported[reported.category or ""] += 1
                tally.notes.append(f"false positive {where} -> {reported.category} [{'; '.join(reported.evidence)}]")
            continue
        tally.labelled[label["category"]] += 1
        if reported is None:
            tally.fn += 1
            tally.notes.append(f"miss {where} ({label['category']})")
            continue
        tally.tp += 1
        tally.reported[reported.category or ""] += 1
        if same_category(reported.category, label["category"]):
            tally.right += 1
            tally.hit[label["category"]] += 1
            tally.reported_right[reported.category or ""] += 1
        else:
            tally.notes.append(
                f"category {where}: {reported.category} for {label['category']} [{'; '.join(reported.evidence)}]"
            )
    for ri, reported in enumerate(got):
        if ri not in used:
            tally.fp += 1
            tally.reported[reported.category or ""] += 1
            tally.notes.append(
                f"false positive {path}:{reported.line} {reported.control.display_name} -> {reported.category}"
                f" (no labelled field there) [{'; '.join(reported.evidence)}]"
            )


def score(documents: Iterable[tuple[str, list[dict[str, str]]]], fields: list[Field], base: Path) -> Tally:
    by_path: dict[str, list[Field]] = {}
    for f in fields:
        by_path.setdefault(os.path.normpath(os.path.relpath(Path(f.path).absolute(), base)), []).append(f)
    tally = Tally()
    for path, labels in documents:
        score_file(path, labels, by_path.get(os.path.normpath(path), []), tally)
    return tally


def fixture_documents(folder: Path) -> list[tuple[str, list[dict[str, str]]]]:
    documents = []
    for labels in sorted(folder.rglob("*.labels.json")):
        template = labels.with_name(labels.name[: -len(".labels.json")])
        documents.append((os.path.relpath(template, ROOT), json.loads(labels.read_text(encoding="utf-8"))["fields"]))
    return documents


def print_tally(title: str, tally: Tally, verbose: bool) -> None:
    if verbose:
        for note in tally.notes:
            print("   ", note)
    precision, recall, category_precision, category_recall = tally.figures()
    print(
        f"{title}: personal data precision={precision:.3f} recall={recall:.3f} (tp={tally.tp} fp={tally.fp} fn={tally.fn})"
    )
    print(f"{'':{len(title)}}  category     precision={category_precision:.3f} recall={category_recall:.3f}")
    print(f"    {'category':20s} {'labelled':>8s} {'recall':>7s} {'reported':>8s} {'precision':>9s}")
    for category in sorted(set(tally.labelled) | set(tally.reported) - {""}):
        labelled, reported = tally.labelled[category], tally.reported[category]
        recall_c = f"{tally.hit[category] / labelled:.2f}" if labelled else "-"
        precision_c = f"{tally.reported_right[category] / reported:.2f}" if reported else "-"
        print(f"    {category:20s} {labelled:8d} {recall_c:>7s} {reported:8d} {precision_c:>9s}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixtures", type=Path, default=ROOT / "fixtures")
    parser.add_argument("--corpus", type=Path, help="folder the development corpus was rebuilt into")
    parser.add_argument("--labels", type=Path, default=SHARED_LABELS, help="the corpus labels.json")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)

    documents = fixture_documents(args.fixtures)
    result = inventory([str(args.fixtures)], Options(jobs=1))
    print_tally("fixtures (forms)", score(documents, result.fields, ROOT), args.verbose)

    if args.corpus:
        if not args.labels.exists():
            print(f"corpus labels not found at {args.labels}", file=sys.stderr)
            return 2
        labels = json.loads(args.labels.read_text(encoding="utf-8"))
        corpus = args.corpus.resolve()
        result = inventory([str(corpus / "forms")], Options(jobs=1))
        forms = [(d["saved_as"], d["fields"]) for d in labels["forms"]]
        print_tally("corpus (forms)", score(forms, result.fields, corpus), args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
