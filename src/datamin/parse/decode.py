"""Turn a file's bytes into text, whatever its encoding, and say when that took a guess."""

from __future__ import annotations

import codecs
from typing import NamedTuple

# A UTF-8 file with a few bad bytes is still UTF-8: replace them rather than re-read the whole
# file in a legacy encoding, which would garble every Chinese or Tamil label in it.
_MOSTLY_UTF8 = 0.001


class Decoded(NamedTuple):
    text: str
    encoding: str
    problem: str | None = None  # what could not be read, for an `errors` entry
    problem_line: int | None = None


def decode(data: bytes) -> Decoded:
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    line = data.count(b"\n", 0, first_bad) + 1
    replaced = data.decode("utf-8", errors="replace")
    if replaced.count("\ufffd") <= max(1, len(data) * _MOSTLY_UTF8):
        return Decoded(replaced, "utf-8", f"invalid UTF-8 byte 0x{data[first_bad]:02x}; replaced", line)
    from bs4.dammit import UnicodeDammit  # only for files that are not UTF-8: keep start-up fast

    dammit = UnicodeDammit(data, is_html=True)
    if dammit.unicode_markup is None:
        return Decoded(replaced, "utf-8", "unknown text encoding; undecodable bytes replaced", line)
    return Decoded(dammit.unicode_markup, dammit.original_encoding or "unknown")
