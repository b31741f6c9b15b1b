"""DM302: real-looking personal values written into templates and schemas.

A value is reported only when it passes the checks a real one passes: an NRIC/FIN with its
check letter, a card number with a card brand's prefix, length and Luhn digit, a MyKad with a
real date and place of birth, a Korean RRN with its check digit. Card numbers that payment
providers publish for testing are not personal data and are not reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from datamin.findings import finding
from datamin.findings.holders import holder
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


# A first look that costs next to nothing on a dump of any size: in a copy of the text where
# every digit is 0, every letter that can start an NRIC/FIN is S and every other capital is A,
# each kind of value has a fixed shape that `bytes.find` locates. The exact patterns above then
# run only around what it found.
_SHAPES = bytes.maketrans(
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    b"0" * 10 + bytes(ord("S") if chr(c) in "STFGM" else ord("A") for c in range(ord("A"), ord("Z") + 1)),
)
# Each shape, and the patterns that read what it finds (None: an NRIC/FIN, whose shape is the
# whole test but for its check letter and the characters around it).
_NEEDLES: tuple[tuple[bytes, tuple[re.Pattern[str], ...] | None], ...] = (
    (b"S0000000", None),
    (b"0" * 12, (_CARD, _MYKAD_BARE, _RRN_BARE)),  # without separators
    (b"0000 0000 0", (_CARD,)), (b"0000-0000-0", (_CARD,)), (b"0000 0000-0", (_CARD,)), (b"0000-0000 0", (_CARD,)),
    (b"000000-00-0000", (_MYKAD,)),
    (b"000000-0000000", (_RRN,)),
)  # fmt: skip
_RUN = re.compile(rb"S?[0 \-]*")
_CATEGORIES = {
    _NRIC: "national_id", _MYKAD: "national_id", _MYKAD_BARE: "national_id", _RRN: "national_id",
    _RRN_BARE: "national_id", _CARD: "financial_card",
}  # fmt: skip
_CAPITALS = (b"A", b"S")


def _candidates(text: str, skip: frozenset[str] = frozenset()) -> list[tuple[int, str, re.Pattern[str]]]:
    """(offset, value, the pattern it matched) for every value-shaped string, in order; none
    of the categories in `skip`."""
    shapes = text.encode("ascii", "replace").translate(_SHAPES)  # one byte per character: offsets agree
    found: dict[tuple[int, int], tuple[int, str, re.Pattern[str]]] = {}
    for needle, wanted in _NEEDLES:
        patterns = wanted if wanted is None else tuple(p for p in wanted if _CATEGORIES[p] not in skip)
        if (patterns is None and "national_id" in skip) or patterns == ():
            continue
        at = shapes.find(needle)
        while at >= 0:
            end = _RUN.match(shapes, at).end()  # type: ignore[union-attr]
            if patterns is None:
                if (
                    end == at + 8
                    and shapes[end : end + 1] in _CAPITALS
                    and not shapes[at - 1 : at].isalnum()
                    and not shapes[end + 1 : end + 2].isalnum()
                ):
                    found[(at, id(_NRIC))] = (at, text[at : at + 9], _NRIC)
            else:
                lo, hi = max(0, at - 1), min(len(text), end + 2)  # with the characters the patterns look around
                for pattern in patterns:
                    for match in pattern.finditer(text, lo, hi):
                        found[(match.start(), id(pattern))] = (match.start(), match.group(), pattern)
            at = shapes.find(needle, end)
    return sorted(found.values(), key=lambda m: m[0])


Holder = Callable[[str, int], tuple[str | None, str | None]]  # (text, offset) -> (field, container)


def in_markup(text: str, at: int) -> tuple[str | None, str | None]:
    """The field of a page, template or script that holds the value at `at`."""
    return holder(text, at), None


def value_findings(
    path: str, text: str, skip: frozenset[str] = frozenset(), holder_of: Holder = in_markup
) -> list[Finding]:
    """DM302 on the real-looking values in `text`; none of the categories in `skip`. Each
    finding names the field that holds the value, where `holder_of` can tell."""
    matches = _candidates(text, skip)
    if not matches:
        return []
    found = []
    line, line_start, counted = 1, 0, 0
    for at, value, pattern in matches:
        label = _label(pattern, value)
        if label is None:
            continue
        line += text.count("\n", counted, at)  # the matches are in order: count each stretch once
        line_start = text.rfind("\n", 0, at) + 1
        counted = at
        field, container = holder_of(text, at)
        found.append(finding("DM302", path, line, at - line_start + 1, label[0], label[1], field, container))
    return found


def _label(pattern: re.Pattern[str], value: str) -> tuple[str, str] | None:
    """The message and category of a real-looking value, or None."""
    if pattern is _NRIC:
        if nric_valid(value):
            return (
                f"an NRIC/FIN with a valid check letter is written here ({value[0]}****{value[-4:]}); "
                "use an obviously fake value that fails the check (e.g. S0000000A)",
                "national_id",
            )
        return None
    if pattern is _CARD:
        digits = re.sub(r"\D", "", value)
        if 13 <= len(digits) <= 19 and card_valid(digits):
            return (
                f"a card number that passes the Luhn check is written here (ending {digits[-4:]}); use a provider's "
                "published test number or one that fails the check",
                "financial_card",
            )
        return None
    # python-stdnum only once a candidate turns up: it is slow to import
    if pattern in (_MYKAD, _MYKAD_BARE):
        from stdnum.my import nric

        if nric.is_valid(value):
            return f"a MyKad number with a real date and place of birth is written here (ending {value[-4:]}); " \
                "use an obviously fake value", "national_id"  # fmt: skip
        return None
    from stdnum.kr import rrn

    if rrn.is_valid(value):
        return f"a Korean resident registration number with a valid check digit is written here (ending " \
            f"{value[-4:]}); use an obviously fake value", "national_id"  # fmt: skip
    return None


def real_values(text: str) -> list[tuple[str, str]]:
    """(category, value) of each real-looking value in `text`: what a value sampled from a
    database column holds. A value on its own stands as a quoted one would (a bare MyKad)."""
    found = []
    for _, value, pattern in _candidates(f"'{text}'"):
        label = _label(pattern, value)
        if label is not None:
            found.append((label[1], value))
    return found
