#!/usr/bin/env python3
"""Precision and recall of datamin's inventory, per category and overall.

    python bench/accuracy.py                         # the labelled fixtures in fixtures/
    python bench/accuracy.py --corpus CORPUS_DIR     # also the public development corpus
    python bench/accuracy.py --own OWN_DIR           # also datamin's own corpus (bench/corpus)
    python bench/accuracy.py --verbose               # every miss and false positive of the tune parts

Fixtures: every `X.labels.json` beside a template `X` lists its fields with the category each
must get (or `none`); beside a SQL file `X.sql` it lists every column (`columns`) and the
real-looking values its data holds (`values`, DM302) and the look-alikes that must not be
reported (`decoys`). A folder of migrations has one `schema.labels.json` for its final schema:
each column with the `file` and `line` a finding must point at, and the columns `dropped` on
the way.

Two corpora of real public templates and schemas that nobody here wrote, each in two parts: the
shared development corpus (../shared/corpus: labels.json to tune on, check.json to quote; its
README says how to bring the files to CORPUS_DIR) and datamin's own (bench/corpus: tune.json,
check.json; bench/corpus/README.md says how to bring the files to OWN_DIR). The files are never
committed. Misses and false positives are printed for the tune parts only (--verbose); a check
part prints its figures and nothing that could be tuned on. The own corpus's figures are also
given per language group: English; Malay, Chinese, Tamil, Korean; Thai, Indonesian, Japanese,
Vietnamese.

A reported field pairs with the nearest labelled field in the same file within 3 lines,
preferring the same name (as the corpus's own score.py does); a column pairs by file, table
and name. Labels noted `borderline` or `indirect:` and the category `company` count neither
way; `other_personal` accepts any category.
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
from typing import Any, NamedTuple

from datamin.check import Options, inventory
from datamin.records import Field, Finding
from datamin.words import split_words

ROOT = Path(__file__).resolve().parent.parent
SHARED_LABELS = ROOT.parent / "shared" / "corpus" / "labels.json"
OWN = ROOT / "bench" / "corpus"


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

    def record(self, category: str, reported: Field | None, where: str) -> None:
        """One labelled field or column and what was reported for it."""
        if category == "none":
            if reported is not None:
                self.fp += 1
                self.reported[reported.category or ""] += 1
                self.notes.append(f"false positive {where} -> {reported.category} [{'; '.join(reported.evidence)}]")
            return
        self.labelled[category] += 1
        if reported is None:
            self.fn += 1
            self.notes.append(f"miss {where} ({category})")
            return
        self.tp += 1
        self.reported[reported.category or ""] += 1
        if same_category(reported.category, category):
            self.right += 1
            self.hit[category] += 1
            self.reported_right[reported.category or ""] += 1
        else:
            self.notes.append(f"category {where}: {reported.category} for {category} [{'; '.join(reported.evidence)}]")

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


def score_file(path: str, labels: list[dict[str, str]], got: list[Field], tally: Tally, within: int = 3) -> None:
    pairs = []
    for li, label in enumerate(labels):
        for ri, reported in enumerate(got):
            distance = abs(reported.line - int(label["line"]))
            if distance <= within:
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
        tally.record(
            label["category"], got[matched[li]] if li in matched else None, f"{path}:{label['line']} {label['name']}"
        )
    for ri, reported in enumerate(got):
        if ri not in used:
            tally.fp += 1
            tally.reported[reported.category or ""] += 1
            tally.notes.append(
                f"false positive {path}:{reported.line} {reported.control.display_name} -> {reported.category}"
                f" (no labelled field there) [{'; '.join(reported.evidence)}]"
            )


def score(
    documents: Iterable[tuple[str, list[dict[str, str]]]], fields: list[Field], base: Path, within: int = 3
) -> Tally:
    """Pair reported fields with labelled ones (within `within` lines: a form's field; a field
    declared in code is labelled on the line of its name)."""
    by_path: dict[str, list[Field]] = {}
    for f in fields:
        by_path.setdefault(os.path.normpath(os.path.relpath(Path(f.path).absolute(), base)), []).append(f)
    tally = Tally()
    for path, labels in documents:
        score_file(path, labels, by_path.get(os.path.normpath(path), []), tally, within)
    return tally


def fixture_documents(folder: Path, kind: str = "forms") -> list[tuple[str, list[dict[str, str]]]]:
    """The labelled templates (`kind` "code": the labelled Python files of fixtures/code; SQL
    labels are read by `schema_documents`)."""
    documents = []
    for labels in sorted(folder.rglob("*.labels.json")):
        data = json.loads(labels.read_text(encoding="utf-8"))
        if "fields" in data and ("kind" in data) == (kind == "code"):
            template = labels.with_name(labels.name[: -len(".labels.json")])
            documents.append((os.path.relpath(template, ROOT), data["fields"]))
    return documents


class Schema(NamedTuple):
    """The labels of one SQL file or folder of migrations, with paths relative to ROOT."""

    columns: list[dict[str, str]]  # each with "path": the file a finding must point at
    dropped: list[dict[str, str]]
    values: list[dict[str, str]]  # each with "path"
    decoys: list[dict[str, str]]
    tables: set[str] | None = None  # only these tables are labelled (the corpus)


def schema_documents(folder: Path) -> list[Schema]:
    schemas = []
    for labels in sorted(folder.rglob("*.labels.json")):
        data = json.loads(labels.read_text(encoding="utf-8"))
        if "columns" not in data:
            continue
        single = labels.name != "schema.labels.json"
        default = os.path.relpath(labels.with_name(labels.name[: -len(".labels.json")]), ROOT)

        def where(entry: dict[str, str], labels: Path = labels, single: bool = single, default: str = default) -> str:
            return default if single else os.path.relpath(labels.parent / entry["file"], ROOT)

        columns = [{**c, "path": where(c)} for c in data["columns"]]
        values = [{**v, "path": where(v)} for v in data.get("values", [])]
        decoys = [{**v, "path": where(v)} for v in data.get("decoys", [])]
        schemas.append(Schema(columns, data.get("dropped", []), values, decoys))
    return schemas


def _bare(name: str) -> str:
    return name.strip('`"[] ').lower().rsplit(".", 1)[-1].strip('`"[] ')


def score_schemas(schemas: Iterable[Schema], fields: list[Field], base: Path) -> Tally:
    """Columns pair by file, table and name; a finding must point at the labelled line."""
    reported: dict[tuple[str, str, str], Field] = {}
    for f in fields:
        if f.control.source == "sql":
            path = os.path.normpath(os.path.relpath(Path(f.path).absolute(), base))
            reported[(path, _bare(f.control.container), f.control.name.lower())] = f
    tally = Tally()
    claimed: set[tuple[str, str, str]] = set()
    for schema in schemas:
        paths = {os.path.normpath(c["path"]) for c in schema.columns}
        for label in schema.columns:
            key = (os.path.normpath(label["path"]), _bare(label["table"]), label["column"].lower())
            claimed.add(key)
            got = reported.get(key)
            where = f"{label['path']}:{label['line']} {label['table']}.{label['column']}"
            if neutral(label):
                continue
            if got is not None and label["category"] != "none" and got.line != int(label["line"]):
                tally.notes.append(f"line {where}: reported at line {got.line}")
            tally.record(label["category"], got, where)
        for key, got in reported.items():
            if key[0] in paths and key not in claimed and (schema.tables is None or key[1] in schema.tables):
                dropped = any(_bare(d["table"]) == key[1] and d["column"].lower() == key[2] for d in schema.dropped)
                tally.fp += 1
                tally.reported[got.category or ""] += 1
                what = "a dropped column" if dropped else "no labelled column"
                tally.notes.append(f"false positive {key[0]}:{got.line} {key[1]}.{key[2]} -> {got.category} ({what})")
    return tally


def score_values(schemas: Iterable[Schema], findings: list[Finding], base: Path) -> tuple[int, int, int]:
    """DM302 on the labelled values: (found, missed, reported decoys or unlabelled values)."""
    reported = {
        (os.path.normpath(os.path.relpath(Path(f.path).absolute(), base)), f.line)
        for f in findings
        if f.code == "DM302"
    }
    expected: Counter[tuple[str, int]] = Counter()
    for schema in schemas:
        for value in schema.values:
            expected[(os.path.normpath(value["path"]), int(value["line"]))] += 1
    found_lines = set(expected) & reported
    found = sum(expected[k] for k in found_lines)
    missed = sum(expected.values()) - found
    extra = len(reported - set(expected))
    return found, missed, extra


def print_tally(title: str, tally: Tally, verbose: bool) -> Tally:
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
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fixtures", type=Path, default=ROOT / "fixtures")
    parser.add_argument("--corpus", type=Path, help="folder the shared development corpus was rebuilt into")
    parser.add_argument("--labels", type=Path, default=SHARED_LABELS, help="the shared corpus's tune part")
    parser.add_argument("--own", type=Path, help="folder datamin's own corpus (bench/corpus) was rebuilt into")
    parser.add_argument("--verbose", "-v", action="store_true", help="every miss and false positive of the tune parts")
    args = parser.parse_args(argv)

    summary: list[tuple[str, Tally]] = []
    documents = fixture_documents(args.fixtures)
    result = inventory([str(args.fixtures)], Options(jobs=1))
    summary.append(
        ("fixtures: forms", print_tally("fixtures (forms)", score(documents, result.fields, ROOT), args.verbose))
    )
    code = fixture_documents(args.fixtures, "code")
    if code:
        fields = inventory([str(args.fixtures / "code")], Options(jobs=1)).fields
        summary.append(
            ("fixtures: code", print_tally("fixtures (code)", score(code, fields, ROOT, within=0), args.verbose))
        )
    schemas = schema_documents(args.fixtures)
    summary.append(
        ("fixtures: sql", print_tally("fixtures (sql)", score_schemas(schemas, result.fields, ROOT), args.verbose))
    )
    print_values(schemas, args.fixtures)

    if args.corpus:
        if not args.labels.exists():
            print(f"corpus labels not found at {args.labels}", file=sys.stderr)
            return 2
        parts = [("shared tune", args.labels, True), ("shared check", args.labels.with_name("check.json"), False)]
        summary += score_corpus(args.corpus, parts, args.verbose)
    if args.own:
        parts = [("own tune", OWN / "tune.json", True), ("own check", OWN / "check.json", False)]
        summary += score_corpus(args.own, parts, args.verbose, by_language=True)

    print()
    print(f"{'set':34s} {'precision':>9s} {'recall':>7s} {'category':>8s} {'tp':>5s} {'fp':>4s} {'fn':>4s}")
    for title, tally in summary:
        precision, recall, _, _ = tally.figures()
        category = tally.right / tally.tp if tally.tp else 1.0
        print(f"{title:34s} {precision:9.3f} {recall:7.3f} {category:8.3f} {tally.tp:5d} {tally.fp:4d} {tally.fn:4d}")
    return 0


CODE_FAMILIES = {
    "Python": ("django", "sqlalchemy", "sqlmodel", "alembic", "wtforms", "pydantic", "fastapi"),
    "Ruby": ("rails",),
    "PHP": ("laravel", "doctrine", "symfony"),
    "JS/TS": ("prisma", "typeorm", "mikroorm", "sequelize", "mongoose", "zod", "yup"),
    "API schemas": ("openapi", "jsonschema", "graphql"),
}
LANGUAGE_GROUPS = {
    "en": "English",
    **dict.fromkeys(("ms", "zh", "ta", "ko"), "ms/zh/ta/ko"),
    **dict.fromkeys(("th", "id", "ja", "vi"), "th/id/ja/vi"),
}


def score_corpus(
    folder: Path, parts: list[tuple[str, Path, bool]], verbose: bool, *, by_language: bool = False
) -> list[tuple[str, Tally]]:
    """Score each part of a corpus rebuilt into `folder`. Only a tune part's misses are ever
    printed: a check part gives its figures, and nothing that could be tuned on."""
    corpus = folder.resolve()
    forms_result = inventory([str(corpus / "forms")], Options(jobs=1))
    # The form templates are labelled for what they render; a validation schema written in the
    # same file (a Yup schema in a React form) is code, which the code parts score.
    forms_result = forms_result._replace(fields=[f for f in forms_result.fields if f.control.source == "html"])
    sql_result = inventory([str(corpus / "sql")], Options(jobs=1)) if (corpus / "sql").is_dir() else None
    # Code is labelled file by file, from what each file declares: each is read on its own (a
    # scan leaves out a migration's field that a model in the same scan declares).
    code_fields = (
        [
            f
            for path in sorted(p for p in (corpus / "code").rglob("*") if p.is_file())
            for f in inventory([str(path)], Options(jobs=1)).fields
        ]
        if (corpus / "code").is_dir()
        else None
    )
    summary = []
    for title, labels_path, tune in parts:
        if not labels_path.exists():
            print(f"{title}: {labels_path} not found; skipped")
            continue
        labels = _present(json.loads(labels_path.read_text(encoding="utf-8")), corpus, title)
        show = verbose and tune
        groups: dict[str, list[tuple[str, list[dict[str, str]]]]] = {"": []}
        for d in labels["forms"]:
            groups[""].append((d["saved_as"], d["fields"]))
            if by_language:
                groups.setdefault(LANGUAGE_GROUPS.get(d["human_language"].split("-")[0], "other"), []).append(
                    (d["saved_as"], d["fields"])
                )
        for group, documents in groups.items():
            if not documents:
                continue
            name = f"{title}: forms" + (f", {group}" if group else "")
            tally = score(documents, forms_result.fields, corpus)
            summary.append((name, tally if group or not show else print_tally(name, tally, show)))
        if sql_result is not None and labels["sql"]:
            corpus_schemas = [
                Schema(
                    [{**c, "path": d["saved_as"], "line": c.get("line", 0)} for c in d["columns"]],
                    [],
                    [],
                    [],
                    {_bare(t) for t in d["labeled_tables"]} if d.get("labeled_tables") else None,
                )
                for d in labels["sql"]
            ]
            tally = score_schemas(corpus_schemas, sql_result.fields, corpus)
            summary.append((f"{title}: sql", print_tally(f"{title} (sql)", tally, show) if show else tally))
        if code_fields is not None and labels.get("code"):
            documents = [(d["saved_as"], d["fields"]) for d in labels["code"]]
            tally = score(documents, code_fields, corpus, within=0)  # labelled on the line of its name
            summary.append((f"{title}: code", print_tally(f"{title} (code)", tally, show) if show else tally))
            for family, kinds in CODE_FAMILIES.items():
                chosen = [(d["saved_as"], d["fields"]) for d in labels["code"] if d["kind"].startswith(kinds)]
                if chosen:
                    summary.append((f"{title}: code, {family}", score(chosen, code_fields, corpus, within=0)))
    return summary


def _present(labels: dict[str, Any], corpus: Path, title: str) -> dict[str, Any]:
    """The documents of a part whose files are in `corpus`: one that is not (its repository could
    not be brought to this machine) is left out, not counted as missed, and the count is said."""
    kept: dict[str, Any] = {}
    for kind, documents in labels.items():
        kept[kind] = [d for d in documents if (corpus / d["saved_as"]).is_file()]
        if len(kept[kind]) < len(documents):
            print(f"{title}: {len(kept[kind])} of {len(documents)} {kind} files are here; only those are scored")
    return kept


def print_values(schemas: list[Schema], folder: Path) -> None:
    """DM302 needs a manifest: check the SQL fixtures against an empty one."""
    import tempfile

    from datamin.check import check
    from datamin.manifest import load_manifest

    with tempfile.TemporaryDirectory() as home:
        manifest = Path(home) / "datamin.yml"
        manifest.write_text("version: 1\norganisation: {name: Bench, country: SG}\n", encoding="utf-8")
        result = check([str(folder / "sql")], load_manifest(str(manifest)), Options(jobs=1))
    found, missed, extra = score_values(schemas, result.findings, ROOT)
    print(f"fixtures (sql values, DM302): found={found} missed={missed} false alarms={extra}")


if __name__ == "__main__":
    raise SystemExit(main())
