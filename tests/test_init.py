"""`datamin init` writes a starter manifest that fails `check` until a person fills it in."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner
from helpers import ROOT

from datamin.cli import cli

FILLED = {
    "name: TODO": "name: Kedai Kopi Lestari Pte Ltd",
    "country: TODO": "country: SG",
    "todo_purpose": "service",
    "description: TODO": "description: Run the shop and meet its legal duties",
    "use: TODO": "use: essential.legal_obligation",
    "lawful_basis: TODO": "lawful_basis: legal_obligation",
    "retention: TODO": "retention: P1Y",
    "justification: TODO": "justification: Required by the liquor licence and the lucky-draw permit",
}


def shop(tmp_path: Path) -> Path:
    folder = tmp_path / "shop"
    shutil.copytree(ROOT / "fixtures" / "demo-shop", folder)
    (folder / "datamin.yml").unlink()
    return folder


def test_init_then_filling_the_todos_passes_check(tmp_path: Path) -> None:
    folder = shop(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["init", str(folder)])
    assert result.exit_code == 0, result.output
    manifest = folder / "datamin.yml"
    text = manifest.read_text()
    for category in ("date_of_birth", "national_id", "password", "address", "email", "name", "phone"):
        assert f"- category: {category}" in text
    assert '"templates/pages/lucky-draw.html#entry[nric]"' in text

    unfilled = runner.invoke(cli, ["check", str(folder)])
    assert unfilled.exit_code == 2 and "still TODO" in unfilled.stderr

    for todo, value in FILLED.items():
        text = text.replace(todo, value)
    assert "TODO" not in text.split("data:")[1]
    manifest.write_text(text)
    filled = runner.invoke(cli, ["check", "--format", "json", str(folder)])
    assert filled.exit_code == 0, filled.output


def test_init_never_overwrites_without_force(tmp_path: Path) -> None:
    folder = shop(tmp_path)
    (folder / "datamin.yml").write_text("version: 1\n# mine\n")
    runner = CliRunner()
    refused = runner.invoke(cli, ["init", str(folder)])
    assert refused.exit_code == 2 and "--force" in refused.output
    assert (folder / "datamin.yml").read_text() == "version: 1\n# mine\n"
    assert runner.invoke(cli, ["init", "--force", str(folder)]).exit_code == 0
    assert "todo_purpose" in (folder / "datamin.yml").read_text()
    assert not list(folder.glob(".datamin.yml.*"))


def test_init_output_elsewhere_and_nothing_to_read(tmp_path: Path) -> None:
    folder = shop(tmp_path)
    target = tmp_path / "manifests" / "shop.yml"
    assert CliRunner().invoke(cli, ["init", "--output", str(target), str(folder)]).exit_code == 0
    assert target.exists() and not (folder / "datamin.yml").exists()
    assert CliRunner().invoke(cli, ["init", str(tmp_path / "missing")]).exit_code == 2


def test_schema_lists_every_category_and_use() -> None:
    import json

    result = CliRunner().invoke(cli, ["schema"])
    schema = json.loads(result.output)
    assert result.exit_code == 0 and schema["properties"]["version"] == {
        "const": 1,
        "description": "The manifest format version.",
    }
    assert {"national_id", "user.demographic.date_of_birth"} <= set(schema["$defs"]["category"]["enum"])
    assert "essential.service" in schema["$defs"]["use"]["enum"]


def test_init_from_code_then_check_sarif_and_fides(tmp_path: Path) -> None:
    """A Django clinic read from its models, forms and migrations: `init` declares what they
    declare (a model's field as `file#Model.field`), the filled manifest passes, SARIF and the
    Fides datasets name the models."""
    import json

    import yaml

    folder = tmp_path / "clinic"
    shutil.copytree(
        ROOT / "fixtures" / "code" / "django-clinic", folder, ignore=shutil.ignore_patterns("*.labels.json")
    )
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(folder)]).exit_code == 0
    manifest = folder / "datamin.yml"
    text = manifest.read_text()
    assert '"clinic/models.py#Person.nric"' in text and '"visits/migrations/0002_visit_notes.py#Visit.nric"' in text
    for todo, value in FILLED.items():
        text = text.replace(todo, value)
    manifest.write_text(text)
    filled = runner.invoke(cli, ["check", "--format", "sarif", str(folder)])
    assert filled.exit_code == 0, filled.output
    results = json.loads(filled.stdout)["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"DM400"}  # the email of staff and of patients, in two tables
    fides = yaml.safe_load(runner.invoke(cli, ["inventory", "--format", "fides", str(folder)]).stdout)
    collections = {c["name"] for dataset in fides["dataset"] for c in dataset["collections"]}
    assert {"Patient", "Person", "StaffUser", "Visit"} <= collections
