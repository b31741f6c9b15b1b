"""`check --fix`: DM305 and DM300 fixed in the template as written, nothing else touched."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import Result
from helpers import ORDERS_MANIFEST, invoke

PAGE = (
    "{% extends 'base.html' %}\r\n"
    '<form action="{{ url_for(\'apply\') }}" class="x">\r\n'
    '  <label for="nric">NRIC</label> <input id="nric" name="nric">\r\n'
    '  <label><input type="checkbox" name="newsletter" value="1" checked> Send me promotions</label>\r\n'
    '  <label><input type="checkbox" name="terms" checked> I agree to the terms</label>\r\n'
    '  <p>{{ _("Why we ask") }} <a href="/privacy">Privacy notice</a></p>\r\n'
    "</form>\r\n"
    '<form method="GET" action="/find"><input name="passport_no"> <a href="/privacy">Privacy</a></form>\r\n'
    '<form method="{{ m }}" action="/x"><input name="nric2"> <a href="/privacy">Privacy</a></form>\r\n'
)
FIXED = (
    PAGE.replace('<form action="', '<form method="post" action="', 1)
    .replace('value="1" checked>', 'value="1">')
    .replace('method="GET"', 'method="post"')
)


def project(folder: Path) -> Path:
    (folder / "datamin.yml").write_text(ORDERS_MANIFEST, encoding="utf-8")
    (folder / "templates").mkdir()
    (folder / "templates" / "apply.html.j2").write_bytes(PAGE.encode())
    (folder / "templates" / "apply.haml").write_text(
        "%form{action: '/h'}\n  %input{name: 'nric'}\n  %a{href: '/privacy'} Privacy\n", encoding="utf-8"
    )
    return folder


def found(result: Result) -> set[tuple[str, str, int]]:
    return {(Path(f["path"]).name, f["code"], f["line"]) for f in json.loads(result.stdout)["findings"]}


def test_fix_unticks_consent_and_makes_get_forms_post_and_nothing_else(tmp_path: Path) -> None:
    project(tmp_path)
    before = found(invoke(tmp_path, "check", "--format", "json", "--select", "DM300,DM305", "."))
    assert ("apply.html.j2", "DM305", 4) in before and ("apply.html.j2", "DM300", 8) in before
    result = invoke(tmp_path, "check", "--fix", "--format", "json", "--select", "DM300,DM305", ".")
    page = tmp_path / "templates" / "apply.html.j2"
    assert page.read_bytes() == FIXED.encode()  # byte for byte elsewhere: CRLF, template syntax, the terms box
    assert "fixed 3 findings in 1 file" in result.stderr
    assert "apply.haml:2:3: DM300 not fixed: read through a conversion; fix it by hand" in result.stderr
    assert found(result) == {("apply.haml", "DM300", 2)}  # what is left, read again after the fix


def test_fix_dry_run_prints_a_diff_and_changes_nothing(tmp_path: Path) -> None:
    project(tmp_path)
    result = invoke(tmp_path, "check", "--fix", "--dry-run", ".")
    assert (tmp_path / "templates" / "apply.html.j2").read_bytes() == PAGE.encode()
    assert "--- a/templates/apply.html.j2\n+++ b/templates/apply.html.j2\n" in result.stdout
    assert '-<form method="GET" action="/find">' in result.stdout
    assert '+<form method="post" action="/find">' in result.stdout
    assert "would fix 3 findings in 1 file" in result.stderr


def test_a_method_written_by_template_code_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "datamin.yml").write_text(ORDERS_MANIFEST, encoding="utf-8")
    text = '<form method="{{ how }}" action="/a"><input name="nric"><a href="/privacy">Privacy</a></form>\n'
    text += '<form method=get action="/b"><input name="dob" type="date"><a href="/privacy">Privacy</a></form>\n'
    (tmp_path / "a.html").write_text(text, encoding="utf-8")
    result = invoke(tmp_path, "check", "--fix", "--select", "DM300", ".")
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == text.replace("method=get", "method=post")
    assert "fixed 1 finding in 1 file" in result.stderr


def test_dry_run_needs_fix(tmp_path: Path) -> None:
    project(tmp_path)
    result = invoke(tmp_path, "check", "--dry-run", ".")
    assert result.exit_code == 2 and "--dry-run previews --fix" in result.stderr
