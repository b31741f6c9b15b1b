"""Bad input: a clear error entry where something could not be read, and the scan goes on."""

from __future__ import annotations

from pathlib import Path

from datamin.check import Result


def found(result: Result) -> set[tuple[str, int, str | None]]:
    return {(Path(f.path).name, f.line, f.category) for f in result.fields}


def test_invalid_utf8_is_reported_with_its_line_and_the_rest_is_read(scan) -> None:  # type: ignore[no-untyped-def]
    page = b'<form>\n<label>Email <input name="a"></label>\n<p>caf\xe9</p>\n<label>\xe7\x94\x9f\xe6\x97\xa5 <input name="b"></label></form>'
    result = scan({"page.html": page})
    assert found(result) == {("page.html", 2, "email"), ("page.html", 4, "date_of_birth")}
    assert [(e.line, e.message) for e in result.errors] == [(3, "invalid UTF-8 byte 0xe9; replaced")]


def test_legacy_encodings_are_detected(scan) -> None:  # type: ignore[no-untyped-def]
    japanese = '<html><head><meta charset="shift_jis"></head><body><form>\n<label>メールアドレス <input name="m"></label>\n<label>生年月日 <input name="d"></label></form></body></html>'
    chinese = '<html><head><meta charset="gbk"></head><body><form>\n<label>身份证号码 <input name="i"></label>\n<label>手机号码 <input name="p"></label></form></body></html>'
    western = '<html><body><form>\n<label>Customer’s e-mail address <input name="c"></label>\n<p>Café crème</p></form></body></html>'
    result = scan(
        {"ja.html": japanese.encode("shift_jis"), "zh.html": chinese.encode("gbk"), "fr.html": western.encode("cp1252")}
    )
    assert found(result) == {
        ("ja.html", 2, "email"),
        ("ja.html", 3, "date_of_birth"),
        ("zh.html", 2, "national_id"),
        ("zh.html", 3, "phone"),
        ("fr.html", 2, "email"),
    }
    assert result.errors == []


def test_legacy_encodings_a_template_does_not_declare(scan) -> None:  # type: ignore[no-untyped-def]
    """A JSP or PHP fragment saved in GBK or EUC-KR, with no charset anywhere: the encoding is
    guessed from the bytes (charset-normalizer, a dependency), not read as Windows-1252."""
    chinese = (
        '<form>\n<label>身份证号码 <input name="i"></label>\n<label>手机号码 <input name="p"></label>\n'
        "<p>请填写您的真实信息，我们将严格保密您的个人资料。</p></form>"
    )
    korean = (
        '<form>\n<label>주민등록번호 <input name="j"></label>\n<label>휴대폰 <input name="h"></label>\n'
        "<p>회원 가입을 위하여 아래의 정보를 정확하게 입력하여 주시기 바랍니다.</p></form>"
    )
    result = scan({"join.jsp": chinese.encode("gbk"), "join.php": korean.encode("euc-kr")})
    assert found(result) == {
        ("join.jsp", 2, "national_id"),
        ("join.jsp", 3, "phone"),
        ("join.php", 2, "national_id"),
        ("join.php", 3, "phone"),
    }


def test_a_50_mb_page(scan) -> None:  # type: ignore[no-untyped-def]
    filler = "<p>Kaya toast, soft-boiled eggs and kopi. " * 4 + "</p>\n"
    lines = 50 * 1024 * 1024 // len(filler)
    page = "<html><body>\n" + filler * lines + '<form><input name="email">\n<input name="nric"></form></body></html>\n'
    result = scan({"big.html": page})
    assert found(result) == {("big.html", lines + 2, "email"), ("big.html", lines + 3, "national_id")}


def test_10000_levels_of_nesting(scan) -> None:  # type: ignore[no-untyped-def]
    page = (
        "<form>"
        + "<div>" * 10_000
        + "<label>Date of birth <input name='x'></label>"
        + "</div>" * 10_000
        + "\n<input name='email'></form>"
    )
    result = scan({"deep.html": page})
    assert found(result) == {("deep.html", 1, "date_of_birth"), ("deep.html", 2, "email")}
    assert [e.message for e in result.errors] == [
        "markup nested more than 2048 levels deep; read without its layout tags"
    ]


def test_unclosed_and_broken_markup(scan) -> None:  # type: ignore[no-untyped-def]
    page = "<form action=/x\n<table><tr><td>Email<td><input name=email\n<tr><td>Phone<td><input type=tel name=ph></form><</div>>>\n<select name=gender><option>Male<option>Female"
    result = scan({"broken.html": page})
    assert found(result) == {("broken.html", 2, "email"), ("broken.html", 3, "phone"), ("broken.html", 4, "gender")}


def test_template_syntax_inside_attribute_values(scan) -> None:  # type: ignore[no-untyped-def]
    page = (
        '<input name="{{ f.name }}" value="{% if x > 1 %}">\n'
        '<input type="email" name="<?php echo $k; ?>" <?php if ($a > $b) { echo "checked"; } ?>>\n'
        "<input name=\"customer[{{ 'x.dob' | t }}]\" {% if a %}required{% endif %}>"
    )
    result = scan({"attrs.php": page, "attrs.liquid": page})
    assert ("attrs.php", 2, "email") in found(result)
    assert ("attrs.liquid", 3, "date_of_birth") in found(result)


def test_empty_and_odd_files(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan(
        {
            "empty.html": "",
            "blank.html": "   \n\n",
            "bom.html": b"\xef\xbb\xbf",
            "utf16.html": "<input name='email'>".encode("utf-16"),
        }
    )
    assert found(result) == {("utf16.html", 1, "email")}
    assert result.errors == [] and result.scanned == 4


def test_unreadable_file_is_an_error_and_nothing_readable_is_exit_2(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from datamin.cli import cli

    (tmp_path / "logo.html").write_bytes(b"GIF89a\0\0\0")
    result = CliRunner().invoke(cli, ["inventory", str(tmp_path)])
    assert result.exit_code == 2 and "binary file; skipped" in result.output


def test_an_unterminated_component_on_the_first_line(scan) -> None:  # type: ignore[no-untyped-def]
    result = scan({"x.aspx": "<x-text-input name=<form>"})
    assert result.errors == [] and result.scanned == 1
