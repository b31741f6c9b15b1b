"""Random markup, template syntax, attribute soup and mixed scripts: never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datamin.classify import classify
from datamin.parse.markup.html import parse
from datamin.parse.markup.template import FAMILIES_BY_SUFFIX, neutralise

PIECES = [
    "<form>", "</form>", "<input", "<select>", "</select>", "<option>", "<textarea>", "</textarea>", "<label for=a>",
    "</label>", ">", "/>", "<", '"', "'", "=", " name=", " id=a", " type=hidden", " type=radio", " value=",
    " autocomplete=bday", " aria-labelledby=a", " placeholder=", "{{", "}}", "{%", "%}", "{#", "#}", "<?php", "?>",
    "<%=", "<%", "%>", "{*", "*}", "@*", "*@", "{{!--", "--}}", "<!--", "-->", "{", "}", "{...register(", ")",
    "\n", " ", "Email", "NRIC", "生日", "이메일", "பெயர்", "Tarikh Lahir", "dob", "&amp;", "&#0;", "\x00", "\ufffd",
    "<x-text-input", "<TextField", "v-model=", "formControlName=", "f.text_field :dob", "form.email", "<script>",
    "</script>", "<style>", "<![CDATA[", "]]>", "<table><tr><td>", "role=option", "role=radiogroup",
]  # fmt: skip
SUFFIXES = sorted(FAMILIES_BY_SUFFIX)

markup = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=markup, suffix=st.sampled_from(SUFFIXES))
def test_neutralise_keeps_length_and_lines(text: str, suffix: str) -> None:
    from datamin.parse.markup.template import families_for

    neutral = neutralise(text, families_for("x" + suffix))
    assert len(neutral.markup) == len(text) == len(neutral.code)
    assert neutral.markup.count("\n") == text.count("\n")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=markup, suffix=st.sampled_from(SUFFIXES))
def test_parse_and_classify_never_crash(text: str, suffix: str) -> None:
    parsed = parse("fuzz" + suffix, text)
    lines = text.count("\n") + 1
    for control in parsed.controls:
        assert 1 <= control.line <= lines
        assert control.column >= 1
        field = classify(control)
        assert 0.0 <= field.confidence <= 0.99
        assert (field.category is None) == (field.confidence == 0.0) == (field.evidence == ())


haml = st.lists(
    st.one_of(
        st.sampled_from(["%input{name: 'x'}", "  ", "\n", "-# c", "= f.text_field :dob", "%p(a='b')", ".row"]),
        st.text(max_size=8),
    ),
    max_size=40,
).map("".join)


@given(text=haml)
def test_haml_renders_line_for_line(text: str) -> None:
    from datamin.parse.markup.haml import to_markup

    assert to_markup(text).count("\n") == text.count("\n")


pug = st.lists(
    st.one_of(
        st.sampled_from(
            [
                "input(name='x', value=user.email)",
                "  ",
                "\n",
                "//- c",
                "input(",
                ")",
                "if x",
                "+mixin('a')",
                "p.",
                "| t",
            ]
        ),
        st.text(max_size=8),
    ),
    max_size=40,
).map("".join)


@given(text=pug)
def test_pug_renders_line_for_line(text: str) -> None:
    from datamin.parse.markup.haml import pug_to_markup

    assert pug_to_markup(text).count("\n") == text.count("\n")
    parse("fuzz.pug", text)
