"""DM302's first look by shape must find every value the full patterns find, and only those."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from datamin.findings import values

PATTERNS = (values._NRIC, values._CARD, values._MYKAD, values._RRN, values._MYKAD_BARE, values._RRN_BARE)
PIECES = st.sampled_from(
    ["S", "T", "F", "G", "M", "A", "Z", "x", "é", "0", "1", "4", "5", "9", "1234", "5678", "880617", " ", "-", "'",
     '"', "\t", "\n", ",", "(", "S8812345Z", "4539578763621486", "880617-08-5581", "8501151234565"]
)  # fmt: skip


def full_scan(text: str) -> set[tuple[int, str, re.Pattern[str]]]:
    return {(m.start(), m.group(), p) for p in PATTERNS for m in p.finditer(text)}


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_the_shapes_find_what_the_patterns_find(text: str) -> None:
    assert set(values._candidates(text)) == full_scan(text)


def test_values_are_reported_at_their_line_and_column() -> None:
    text = "a\nb S8812345Z, 'S1234567A'\n\t4539578763621486\n"
    found = {(f.line, f.column, f.category) for f in values.value_findings("x.sql", text)}
    assert found == {(2, 3, "national_id"), (3, 2, "financial_card")}  # S1234567A fails its check letter


def test_a_value_names_the_field_that_holds_it() -> None:
    text = (
        '<form>\n<input type="text"\n  name="nric" value="S1234567D">\n'
        '<script>const demo = { ic_no: "S1234567D" };</script>\n'
        "<?php $row = ['nric_no' => 'S1234567D']; ?>\n<p>S1234567D</p></form>\n"
    )
    found = [(f.line, f.field) for f in values.value_findings("x.html", text)]
    assert found == [(3, "nric"), (4, "ic_no"), (5, "nric_no"), (6, None)]


def test_a_value_in_a_dump_names_its_table_and_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from helpers import ORDERS_MANIFEST

    from datamin.check import Options, check
    from datamin.manifest import load_manifest

    (tmp_path / "datamin.yml").write_text(ORDERS_MANIFEST, encoding="utf-8")
    (tmp_path / "dump.sql").write_text(
        "CREATE TABLE customers (id int, name text, nric char(9));\n"
        "INSERT INTO customers (id, name, nric) VALUES (1, 'Tan, Ah (Kow)', 'S1234567D'),\n(2, 'Lim', 'S1234567D');\n"
        "COPY public.members (id, ic_no, card) FROM stdin;\n1\tS1234567D\t4539578763621486\n\\.\n",
        encoding="utf-8",
    )
    result = check([str(tmp_path / "dump.sql")], load_manifest(str(tmp_path / "datamin.yml")), Options(jobs=1))
    found = {(f.line, f.field, f.container, f.category) for f in result.findings if f.code == "DM302"}
    assert found == {
        (2, "nric", "customers", "national_id"),
        (3, "nric", "customers", "national_id"),
        (5, "ic_no", "public.members", "national_id"),
        (5, "card", "public.members", "financial_card"),
    }
