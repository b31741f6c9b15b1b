"""The bar on the labelled fixtures: precision and recall of "is personal data" at least 0.95,
of the category at least 0.9 (bench/accuracy.py prints the figures per category)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from helpers import ROOT
from pytest import CaptureFixture

from datamin.check import Options, inventory


def load_bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_fixtures_reach_the_bar() -> None:
    bench = load_bench()
    documents = bench.fixture_documents(ROOT / "fixtures")
    assert len(documents) >= 12 and sum(len(labels) for _, labels in documents) >= 200
    result = inventory([str(ROOT / "fixtures" / "forms")], Options(jobs=1))
    tally = bench.score(documents, result.fields, ROOT)
    precision, recall, category_precision, category_recall = tally.figures()
    assert precision >= 0.95 and recall >= 0.95, tally.notes
    assert category_precision >= 0.9 and category_recall >= 0.9, tally.notes


def test_code_fixtures_reach_the_bar() -> None:
    """The Django clinic, the Flask shop and the FastAPI service, scanned whole: each field
    reported once, on the line of its name."""
    bench = load_bench()
    documents = bench.fixture_documents(ROOT / "fixtures", "code")
    assert len(documents) >= 12 and sum(len(labels) for _, labels in documents) >= 60
    result = inventory([str(ROOT / "fixtures" / "code")], Options(jobs=1))
    tally = bench.score(documents, result.fields, ROOT, within=0)
    precision, recall, category_precision, category_recall = tally.figures()
    assert precision >= 0.95 and recall >= 0.95, tally.notes
    assert category_precision >= 0.9 and category_recall >= 0.9, tally.notes


def test_sql_fixtures_reach_the_bar() -> None:
    bench = load_bench()
    schemas = bench.schema_documents(ROOT / "fixtures")
    assert len(schemas) >= 8 and sum(len(s.columns) for s in schemas) >= 500
    result = inventory([str(ROOT / "fixtures" / "sql")], Options(jobs=1))
    tally = bench.score_schemas(schemas, result.fields, ROOT)
    precision, recall, category_precision, category_recall = tally.figures()
    assert precision >= 0.95 and recall >= 0.95, tally.notes
    assert category_precision >= 0.9 and category_recall >= 0.9, tally.notes
    assert not [note for note in tally.notes if note.startswith("line ")], "findings must point at the labelled lines"


def test_sql_fixture_values_are_found_and_decoys_are_not() -> None:
    """DM302 on the data of the SQL fixtures: every real-looking value, no look-alike."""
    import tempfile
    from pathlib import Path

    from datamin.check import check
    from datamin.manifest import load_manifest

    bench = load_bench()
    schemas = bench.schema_documents(ROOT / "fixtures")
    with tempfile.TemporaryDirectory() as home:
        manifest = Path(home) / "datamin.yml"
        manifest.write_text("version: 1\norganisation: {name: Test, country: SG}\n", encoding="utf-8")
        result = check([str(ROOT / "fixtures" / "sql")], load_manifest(str(manifest)), Options(jobs=1))
    found, missed, extra = bench.score_values(schemas, result.findings, ROOT)
    assert found >= 15 and missed == 0 and extra == 0


def test_every_fixture_label_names_a_spec_category() -> None:
    from datamin.categories import load

    ids = set(load().categories) | {"none"}
    bench = load_bench()
    for path, labels in bench.fixture_documents(ROOT / "fixtures"):
        for label in labels:
            assert label["category"] in ids, (path, label)
    for schema in bench.schema_documents(ROOT / "fixtures"):
        for label in schema.columns:
            assert label["category"] in ids, label


def test_a_corpus_file_not_on_this_machine_is_left_out_not_missed(tmp_path: Path, capsys: CaptureFixture[str]) -> None:
    """A repository that could not be brought here leaves its files out of the figures (and the
    count says so); it is not scored as every one of its labels missed."""
    bench = load_bench()
    (tmp_path / "code").mkdir()
    (tmp_path / "code" / "here.prisma").write_text("model A {\n  email String\n}\n", encoding="utf-8")
    labels = {
        "forms": [],
        "code": [
            {"saved_as": "code/here.prisma", "fields": [{"line": 2, "name": "email", "category": "email"}]},
            {"saved_as": "code/gone.prisma", "fields": [{"line": 2, "name": "email", "category": "email"}]},
        ],
    }
    kept = bench._present(labels, tmp_path, "own tune")
    assert [d["saved_as"] for d in kept["code"]] == ["code/here.prisma"] and kept["forms"] == []
    assert "own tune: 1 of 2 code files are here" in capsys.readouterr().out


def test_a_sample_of_the_own_corpus_is_drawn_within_each_language_group() -> None:
    """`bench/corpus/sample.py`: the same seed draws the same repositories, each group's quota
    from that group's repositories only."""
    load_bench()  # the sampler reads the language groups from bench/accuracy.py
    spec = importlib.util.spec_from_file_location("sample", ROOT / "bench" / "corpus" / "sample.py")
    assert spec and spec.loader
    sample = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sample)
    entries = [{"repo": f"en/{i}", "human_language": "en"} for i in range(10)] + [
        {"repo": f"zh/{i}", "human_language": "zh-Hant" if i % 2 else "zh"} for i in range(6)
    ]
    drawn = sample.draw(entries, {"English": 3, "ms/zh/ta/ko": 4}, seed=7)
    assert drawn == sample.draw(entries, {"English": 3, "ms/zh/ta/ko": 4}, seed=7)
    assert [r.split("/")[0] for r in drawn] == ["en"] * 3 + ["zh"] * 4
    assert len(set(drawn)) == 7
    assert sample.quotas_of("English=2,th/id/ja/vi=1") == {"English": 2, "th/id/ja/vi": 1}
