"""The first hour with datamin: nothing passes silently, and every error says what to do."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from helpers import ORDERS_MANIFEST, invoke

SIGNUP = """<form id="signup" method="post" action="/signup">
  <p>We use your email to send your order. <a href="/privacy">Privacy notice</a></p>
  <input type="email" name="email">
  <input name="nric">
</form>
"""


def project(folder: Path, manifest: str | None = ORDERS_MANIFEST) -> Path:
    (folder / "templates").mkdir()
    (folder / "templates" / "signup.html").write_text(SIGNUP, encoding="utf-8")
    if manifest is not None:
        (folder / "datamin.yml").write_text(manifest, encoding="utf-8")
    else:
        (folder / ".git").mkdir()  # the top of a project: no manifest is looked for above it
    return folder


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# -- nothing passes silently -------------------------------------------------------------------


def test_an_unknown_code_in_select_is_an_error_with_a_did_you_mean(tmp_path: Path) -> None:
    project(tmp_path)
    result = invoke(tmp_path, "check", "--select", "DM1O3", ".")  # a letter O
    assert result.exit_code == 2
    assert "--select: unknown code or category 'DM1O3'; did you mean 'DM103'?" in result.stderr
    result = invoke(tmp_path, "check", "--ignore", "dob", ".")  # the word people type
    assert result.exit_code == 2 and "did you mean 'date_of_birth'?" in result.stderr
    assert invoke(tmp_path, "check", "--select", "DM1,national_id", "--ignore", "DM400", ".").exit_code == 1


def test_an_unknown_code_in_the_config_is_an_error_too(tmp_path: Path) -> None:
    project(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.datamin]\nignore = ["DM30O"]\n', encoding="utf-8")
    result = invoke(tmp_path, "check", ".")
    assert result.exit_code == 2
    assert "ignore in [tool.datamin]: unknown code or category 'DM30O'" in result.stderr


def test_a_misspelt_config_key_gets_a_did_you_mean(tmp_path: Path) -> None:
    project(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.datamin]\nfail_on = "warning"\n', encoding="utf-8")
    result = invoke(tmp_path, "check", ".")
    assert result.exit_code == 2
    assert "tool.datamin.fail_on: unknown key (did you mean 'fail-on'?)" in result.stderr


@pytest.mark.parametrize("command", ["check", "inventory", "init"])
def test_a_missing_path_is_said_first(tmp_path: Path, command: str) -> None:
    result = invoke(tmp_path, command, "no/such/path")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: no such file or folder: no/such/path"
    assert not (tmp_path / "datamin.yml").exists()


@pytest.mark.parametrize("command", ["check", "inventory"])
def test_a_url_given_for_a_path_points_at_the_live_scans(tmp_path: Path, command: str) -> None:
    result = invoke(tmp_path, command, "https://shop.example.sg")
    assert result.exit_code == 2
    assert "`datamin scan-url URL` reads a live site, `datamin scan-db URL` a live database" in result.stderr


@pytest.mark.parametrize("command", ["check", "inventory", "init"])
def test_a_folder_with_nothing_to_read_exits_2(tmp_path: Path, command: str) -> None:
    (tmp_path / "datamin.yml").write_text(ORDERS_MANIFEST, encoding="utf-8")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.txt").write_text("not a template", encoding="utf-8")
    result = invoke(tmp_path, command, "empty", *(["--manifest", "datamin.yml"] if command == "check" else []))
    assert result.exit_code == 2
    assert "nothing to scan in empty: no template, page, schema or code file that datamin reads" in result.stderr


def test_a_site_that_cannot_be_reached_is_nothing_scanned(tmp_path: Path) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = invoke(tmp_path, "scan-url", f"http://127.0.0.1:{port}/", "--timeout", "2", "--delay", "0")
    assert result.exit_code == 2
    assert f"nothing to scan at http://127.0.0.1:{port}/" in result.stderr


def test_the_checks_that_need_no_manifest_run_without_one(tmp_path: Path) -> None:
    project(tmp_path, manifest=None)
    (tmp_path / "templates" / "search.html").write_text(
        '<form action="/apply"><input name="nric"></form>\n', encoding="utf-8"
    )
    result = invoke(tmp_path, "check", "--format", "json", ".")
    assert result.exit_code == 2
    found = {(f["code"], f["field"]) for f in json.loads(result.stdout)["findings"]}
    assert ("DM300", "nric") in found  # a GET form with an NRIC, no manifest needed to see it
    assert not any(code.startswith("DM1") for code, _ in found)
    stderr = result.stderr.splitlines()
    assert stderr[0] == "no datamin.yml found; write one with `datamin init` or pass --manifest"
    assert "wait for a valid manifest" in stderr[-1]


def test_right_after_init_check_shows_the_todos_and_the_findings(tmp_path: Path) -> None:
    project(tmp_path, manifest=None)
    (tmp_path / "templates" / "promo.html").write_text(
        '<form method="post" action="/join"><input name="email">'
        '<label><input type="checkbox" name="marketing" checked> Send me offers</label></form>\n',
        encoding="utf-8",
    )
    assert invoke(tmp_path, "init", ".").exit_code == 0
    result = invoke(tmp_path, "check", ".")
    assert result.exit_code == 2
    assert "DM305" in result.stdout
    assert "TODO" in result.stderr and "wait for a valid manifest" in result.stderr
    assert invoke(tmp_path, "check", "--write-baseline", "b.json", ".").exit_code == 2
    assert not (tmp_path / "b.json").exists()  # a baseline of part of the checks would hide the rest


# -- every error says what to do -------------------------------------------------------------


def test_diff_errors_say_what_is_wrong(tmp_path: Path) -> None:
    project(tmp_path)
    result = invoke(tmp_path, "check", "--diff", "main", ".")
    assert result.exit_code == 2
    assert "--diff needs a git repository" in result.stderr and "git rev-parse" not in result.stderr
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    result = invoke(tmp_path, "check", "--diff", "nosuchref", ".")
    assert result.exit_code == 2
    assert "no commit or branch called 'nosuchref'" in result.stderr


def test_a_missing_manifest_file_is_named(tmp_path: Path) -> None:
    project(tmp_path)
    result = invoke(tmp_path, "check", "--manifest", "nope.yml", ".")
    assert result.exit_code == 2
    assert "no manifest at nope.yml; write one with `datamin init`" in result.stderr
    assert "Errno" not in result.stderr


@pytest.mark.parametrize(
    ("word", "category"), [("nric", "national_id"), ("ic", "national_id"), ("dob", "date_of_birth")]
)
def test_explain_knows_the_words_people_type(tmp_path: Path, word: str, category: str) -> None:
    result = invoke(tmp_path, "explain", word)
    assert result.exit_code == 0
    assert result.stdout.startswith(f"'{word}' is collected as {category}\n\n{category}: ")
    assert "Why it matters" in result.stdout


def test_output_files_say_what_was_written_and_honour_the_umask(tmp_path: Path) -> None:
    project(tmp_path)
    result = invoke(tmp_path, "check", "-o", "report.sarif", "--format", "sarif", ".")
    assert result.exit_code == 1
    assert result.stdout.startswith("wrote report.sarif: Found ")
    assert (tmp_path / "report.sarif").stat().st_mode & 0o777 == 0o666 & ~umask()
    (tmp_path / "datamin.yml").unlink()
    assert invoke(tmp_path, "init", ".").exit_code == 0
    assert (tmp_path / "datamin.yml").stat().st_mode & 0o777 == 0o666 & ~umask()
    os.chmod(tmp_path / "report.sarif", 0o640)  # a file replaced keeps its permissions
    assert invoke(tmp_path, "check", "-o", "report.sarif", "--force", ".").exit_code == 2  # the TODOs
    assert (tmp_path / "report.sarif").stat().st_mode & 0o777 == 0o640
    assert invoke(tmp_path, "check", "-q", "-o", "quiet.txt", ".").stdout == ""


def test_the_config_knows_every_manifest_key() -> None:
    from datamin.manifest import MANIFEST_KEYS, base_schema

    assert set(MANIFEST_KEYS) == set(base_schema()["properties"])


# -- linear in the input ------------------------------------------------------------------------


def test_a_huge_radio_group_shares_one_bounded_set_of_answers() -> None:
    from datamin.parse.markup.html import MAX_ANSWERS, parse

    rows = "".join(f'<label><input type="radio" name="g" value="{i}"> Answer {i}</label>\n' for i in range(1500))
    controls = parse("form.html", f'<form method="post">{rows}</form>').controls
    assert len(controls) == 1500
    assert len(controls[0].options) <= MAX_ANSWERS
    assert all(c.options is controls[0].options for c in controls)  # one tuple, not one per radio


def test_graphql_positions_come_from_a_line_index() -> None:
    from datamin.parse.code.api import parse_graphql

    text = (
        "type User {\n"
        + "".join(f"  email{i}: String\n" for i in range(3000))
        + "}\n\r\ntype B {\n  phone: String\n}\n"
    )
    controls = parse_graphql("schema.graphql", text).controls
    assert (controls[2999].name, controls[2999].line, controls[2999].column) == ("email2999", 3001, 3)
    assert (controls[-1].name, controls[-1].line, controls[-1].column, controls[-1].form.line) == (
        "phone",
        3005,
        3,
        3004,
    )
