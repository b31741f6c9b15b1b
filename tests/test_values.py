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
