"""Pull requests and commits: SARIF, GitHub annotations, Markdown summaries, --diff, baselines
and inline suppressions."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import ORDERS_MANIFEST, SHARED

from datamin.cli import cli

MANIFEST = ORDERS_MANIFEST
SIGNUP = """<form id="signup" method="post" action="/signup">
  <p>We use your email to send your order. <a href="/privacy">Privacy notice</a></p>
  <input type="email" name="email">
  <input name="nric">
  <input name="dob" type="date">
</form>
"""


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def run(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    old = os.getcwd()
    if cwd is not None:
        os.chdir(cwd)
    try:
        result = CliRunner().invoke(cli, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def git(folder: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    done = subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True, env=env)
    return done.stdout


# -- output formats ----------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema_file = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_file.exists():
        pytest.skip("the SARIF schema is not on this machine")
    write(tmp_path, {"datamin.yml": MANIFEST, "templates/signup.html": SIGNUP})
    code, out = run("check", "--format", "sarif", ".", cwd=tmp_path)
    assert code == 1
    document = json.loads(out)
    jsonschema.validate(document, json.loads(schema_file.read_text(encoding="utf-8")))
    run_ = document["runs"][0]
    rules = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert rules[:4] == ["DM001", "DM100", "DM101", "DM102"] and "DM400" in rules
    results = {(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run_["results"]}
    assert results == {("DM100", 4), ("DM100", 5)}
    location = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "templates/signup.html", "uriBaseId": "%SRCROOT%"}
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    for result in run_["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]


def test_sarif_fingerprints_survive_unrelated_edits(tmp_path: Path) -> None:
    write(tmp_path, {"datamin.yml": MANIFEST, "templates/signup.html": SIGNUP})

    def fingerprints() -> dict[str, str]:
        document = json.loads(run("check", "--format", "sarif", ".", cwd=tmp_path)[1])
        return {
            r["properties"]["field"]: r["partialFingerprints"]["datamin/v1"] for r in document["runs"][0]["results"]
        }

    before = fingerprints()
    write(
        tmp_path,
        {
            "templates/signup.html": "<!-- a new banner -->\n<p>Sale!</p>\n"
            + SIGNUP.replace('name="dob"', 'name="dob" required')
        },
    )
    after = fingerprints()
    assert after["nric"] == before["nric"]  # moved down two lines: the same finding
    assert after["dob"] != before["dob"]  # its own line changed


def test_github_annotations_and_markdown_summary(tmp_path: Path) -> None:
    write(tmp_path, {"datamin.yml": MANIFEST, "templates/signup.html": SIGNUP})
    code, out = run("check", "--format", "github", ".", cwd=tmp_path)
    assert code == 1
    assert out.splitlines()[0] == (
        "::error file=templates/signup.html,line=4,col=3,title=DM100 national_id::"
        'field "nric" in form #signup is not declared in datamin.yml'
    )
    code, out = run("check", "--format", "markdown", ".", cwd=tmp_path)
    assert out.startswith("## datamin\n\n**2 findings** in 1 file: 2 errors.")
    assert "| 🔴 | `templates/signup.html:4` | `DM100` | `national_id` |" in out


# -- diff and baseline -------------------------------------------------------------------


def test_diff_reports_only_changed_lines(tmp_path: Path) -> None:
    write(tmp_path, {"datamin.yml": MANIFEST, "templates/signup.html": SIGNUP})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "base")
    changed = SIGNUP.replace("</form>", '  <input name="passport_no">\n</form>')
    write(tmp_path, {"templates/signup.html": changed, "templates/new.html": '<input name="religion">'})
    git(tmp_path, "mv", "templates/signup.html", "templates/register.html")
    code, out = run("check", "--format", "json", "--diff", "HEAD", ".", cwd=tmp_path)
    found = {(Path(f["path"]).name, f["line"], f["category"]) for f in json.loads(out)["findings"]}
    assert found == {("register.html", 6, "passport"), ("new.html", 1, "religion")}
    assert code == 1
    code, out = run("check", "--diff", "no-such-ref", ".", cwd=tmp_path)
    assert code == 2 and "no-such-ref" in out


def test_a_baseline_survives_line_shifts_and_counts_stale_entries(tmp_path: Path) -> None:
    write(tmp_path, {"datamin.yml": MANIFEST, "templates/signup.html": SIGNUP})
    code, out = run("check", "--write-baseline", "baseline.json", ".", cwd=tmp_path)
    assert code == 0  # the baseline was written: that is what was asked
    assert out.strip().splitlines() == [
        "wrote 2 findings to baseline.json; with --baseline baseline.json later runs report only new ones"
    ]
    recorded = json.loads((tmp_path / "baseline.json").read_text())
    assert {e["line"] for e in recorded["findings"]} == {4, 5}
    # the old findings move down a line; one is fixed; a new one appears
    edited = "<p>Hello</p>\n" + SIGNUP.replace('  <input name="dob" type="date">\n', "").replace(
        "</form>", '  <input name="religion">\n</form>'
    )
    write(tmp_path, {"templates/signup.html": edited})
    code, out = run("check", "--format", "json", "--baseline", "baseline.json", ".", cwd=tmp_path)
    assert [(f["line"], f["category"]) for f in json.loads(out)["findings"]] == [(6, "religion")]
    code, out = run("check", "--baseline", "baseline.json", ".", cwd=tmp_path)
    assert out.splitlines()[-1].endswith("; 1 in the baseline, 1 baseline entry no longer found.")
    code, out = run("check", "--write-baseline", "baseline.json", ".", cwd=tmp_path)
    assert code == 2 and "--force" in out
    (tmp_path / "broken.json").write_text("{")
    assert run("check", "--baseline", "broken.json", ".", cwd=tmp_path)[0] == 2


# -- inline suppressions -----------------------------------------------------------------


def test_inline_suppressions_in_templates(tmp_path: Path) -> None:
    page = """<form method="post" action="/claims">
  <p>Why we ask: <a href="/privacy">privacy notice</a></p>
  <input type="email" name="email">
  {# datamin: ignore[DM100] identity must be verified for the insurance claim, see DPIA-7 #}
  <input name="nric">
  <!-- datamin: ignore[national_id] -->
  <input name="passport_no">
  <!-- datamin: ignore[DM1] legal asked for it --> <input name="religion">
  <input name="dob">
</form>
"""
    write(tmp_path, {"datamin.yml": MANIFEST, "claim.jinja": page})
    _, out = run("check", "--format", "json", ".", cwd=tmp_path)
    document = json.loads(out)
    assert {(f["field"], f["code"]) for f in document["findings"]} == {
        ("passport_no", "DM100"),
        ("dob", "DM100"),
        (None, "DM001"),  # the suppression without a reason, which is not applied
    }
    assert [(f["line"], f["severity"]) for f in document["findings"] if f["code"] == "DM001"] == [(6, "warning")]
    assert document["errors"] == []  # the file was read
