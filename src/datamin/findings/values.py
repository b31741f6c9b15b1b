"""DM302: real-looking personal values written into templates and schemas.

A value is reported only when it passes the checks a real one passes: an NRIC/FIN with its
check letter, a card number with a card brand's prefix, length and Luhn digit, a MyKad with a
real date and place of birth, a Korean RRN with its check digit. Card numbers that payment
providers publish for testing are not personal data and are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from datamin.findings import finding
from datamin.records import Finding

_NRIC = re.compile(r"(?<![A-Za-z0-9])([STFGM])(\d{7})([A-Z])(?![A-Za-z0-9])")
_CARD = re.compile(r"(?<![\d-])(?:\d{4}[ -]){2,3}\d{1,7}(?![\d-])|(?<![\d-])\d{13,19}(?![\d-])")
_MYKAD = re.compile(r"(?<![\d-])\d{6}-\d{2}-\d{4}(?![\d-])")
_RRN = re.compile(r"(?<![\d-])\d{6}-\d{7}(?![\d-])")
# Without dashes only as a whole value: a quoted string or a tab-separated field of a data
# row, so that order numbers and timestamps in running text are left alone.
_MYKAD_BARE = re.compile(r"(?<=['\"\t])\d{12}(?=['\"\t\r\n])")
_RRN_BARE = re.compile(r"(?<=['\"\t])\d{13}(?=['\"\t\r\n])")
_WEIGHTS = (2, 7, 6, 5, 4, 3, 2)
_LETTERS = {"ST": "JZIHGFEDCBA", "FG": "XWUTRQPNMLK", "M": "XWUTRQPNJLK"}
_OFFSET = {"S": 0, "T": 4, "F": 0, "G": 4, "M": 3}
# Published test numbers of card brands and payment providers: not anyone's card.
_TEST_CARDS = frozenset(
    {
        "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "4222222222222",
        "5555555555554444", "5105105105105100", "5200828282828210", "2223003122003222", "378282246310005",
        "371449635398431", "378734493671000", "6011111111111117", "6011000990139424", "3530111333300000",
        "3566002020360505", "6200000000000005", "30569309025904", "38520000023237", "4000000000000002",
        "4000000000009995", "4000000000000077", "4000002500003155", "4000000000003220",
    }
)  # fmt: skip


def nric_valid(value: str) -> bool:
    """The community-known NRIC/FIN check letter (ICA has not published it)."""
    match = _NRIC.fullmatch(value)
    if not match:
        return False
    prefix, digits, letter = match.groups()
    total = sum(int(d) * w for d, w in zip(digits, _WEIGHTS, strict=True)) + _OFFSET[prefix]
    table = _LETTERS["ST"] if prefix in "ST" else _LETTERS["M"] if prefix == "M" else _LETTERS["FG"]
    return table[total % 11] == letter


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if i % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def card_valid(digits: str) -> bool:
    """A card brand's prefix and length, and the Luhn check digit."""
    n = len(digits)
    brand = (
        (digits[0] == "4" and n in (13, 16, 19))
        or (digits[:2] in ("51", "52", "53", "54", "55") and n == 16)
        or (2221 <= int(digits[:4]) <= 2720 and n == 16)
        or (digits[:2] in ("34", "37") and n == 15)
        or ((digits.startswith(("6011", "65")) or 644 <= int(digits[:3]) <= 649) and 16 <= n <= 19)
        or (3528 <= int(digits[:4]) <= 3589 and 16 <= n <= 19)
        or (digits[:2] == "62" and 16 <= n <= 19)
    )
    return brand and digits not in _TEST_CARDS and luhn_valid(digits)


_CANDIDATE = re.compile(r"\d{4}")  # every value checked here has four digits in a row


def might_hold_values(text: str) -> bool:
    """A cheap first look, for the lines of large dumps."""
    return _CANDIDATE.search(text) is not None


def value_findings(path: str, text: str) -> list[Finding]:
    return list(_values(path, text))


def _values(path: str, text: str) -> Iterator[Finding]:
    def where(at: int) -> tuple[int, int]:
        return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1

    for match in _NRIC.finditer(text):
        if nric_valid(match.group()):
            line, column = where(match.start())
            value = match.group()
            yield finding(
                "DM302", path, line, column,
                f"an NRIC/FIN with a valid check letter is written here ({value[0]}****{value[-4:]}); "
                "use an obviously fake value that fails the check (e.g. S0000000A)",
                "national_id",
            )  # fmt: skip
    for match in _CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 13 <= len(digits) <= 19 and card_valid(digits):
            line, column = where(match.start())
            yield finding(
                "DM302", path, line, column,
                f"a card number that passes the Luhn check is written here (ending {digits[-4:]}); use a provider's "
                "published test number or one that fails the check",
                "financial_card",
            )  # fmt: skip
    dashed = "-" in text and (_MYKAD.search(text) or _RRN.search(text))
    bare = _MYKAD_BARE.search(text) or _RRN_BARE.search(text)
    if dashed or bare:  # python-stdnum only once a candidate turns up: it is slow to import
        from stdnum.kr import rrn
        from stdnum.my import nric

        mykad = "a MyKad number with a real date and place of birth"
        korean = "a Korean resident registration number with a valid check digit"
        checks = [(_MYKAD, nric.is_valid, mykad), (_RRN, rrn.is_valid, korean)] if dashed else []
        if bare:
            checks += [(_MYKAD_BARE, nric.is_valid, mykad), (_RRN_BARE, rrn.is_valid, korean)]
        for pattern, check, label in checks:
            for match in pattern.finditer(text):
                if check(match.group()):
                    line, column = where(match.start())
                    yield finding(
                        "DM302", path, line, column,
                        f"{label} is written here (ending {match.group()[-4:]}); use an obviously fake value",
                        "national_id",
                    )  # fmt: skip
