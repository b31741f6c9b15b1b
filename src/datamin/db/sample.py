"""What a text column's values are, from a bounded sample: counts and masks, never a value.

At most N rows of a table's text columns are read, in one read-only `SELECT` with a limit. Each value is
tested for what it may be: an NRIC/FIN with a valid check letter, a MyKad with a real date and
place of birth, a Korean RRN with a valid check digit, a card number that passes Luhn, an email
address, a phone number, a date of birth. Only how many values are of each kind leaves this
module, with one masked example (`S****567D`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, NamedTuple

# What a value alone may be, in the words a finding uses.
KINDS = {
    "national_id": "national identity numbers",
    "financial_card": "card numbers",
    "email": "email addresses",
    "phone": "phone numbers",
    "date_of_birth": "dates of birth",
}
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[ -]?)?(?:\(?\d{2,4}\)?[ -]?)?\d{3,4}[ -]?\d{4}(?!\w)")
# A date is a date of birth only where the text says so: "DOB 1990-05-17", "born 17/05/1990".
_BIRTH_DATE = re.compile(
    r"(?:\bdob|d\.o\.b\.?|\bborn|\bbirth(?:day|date)?|date of birth)\W{0,4}(?:on\s+)?"
    r"((?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d\d)",
    re.I,
)
_TEXT_TYPES = ("char", "text", "clob", "string", "varchar", "json")


class Sample(NamedTuple):
    rows: int  # values read (not null)
    whole: Counter[str]  # category -> values that are one such value, whole
    inside: Counter[str]  # category -> values that hold one inside other text
    masked: dict[str, str]  # category -> one masked example


def is_text(type_name: str) -> bool:
    return any(word in type_name.lower() for word in _TEXT_TYPES)


def describe(values: Any) -> Sample:
    from datamin.findings.values import real_values

    rows = 0
    whole: Counter[str] = Counter()
    inside: Counter[str] = Counter()
    masked: dict[str, str] = {}
    for value in values:
        rows += 1
        text = value.strip()
        found = real_values(text)  # (category, the matched value) of a real-looking id or card
        for category, matched in found:
            (whole if matched == text else inside)[category] += 1
            masked.setdefault(category, mask(matched))
        if found:
            continue
        for category, pattern in (("email", _EMAIL), ("date_of_birth", _BIRTH_DATE), ("phone", _PHONE)):
            match = pattern.search(text)
            if match is None:
                continue
            value = match.group(match.lastindex or 0)
            (whole if value == text else inside)[category] += 1
            masked.setdefault(category, mask(value))
            break
    return Sample(rows, whole, inside, masked)


def mask(value: str) -> str:
    """`S1234567D` -> `S****567D`: the first character and at most the last four, less than half."""
    if len(value) <= 4:
        return "*" * len(value)
    keep = max(1, min(4, (len(value) - 1) // 2))
    return value[0] + "****" + value[-keep:]
