"""Which field holds a value written into a file: the `name` of the tag it sits in
(`<input name="nric" value="S1234567D">`), the key before it (`nric: "S1234567D"`,
`'ic_no' => '...'`), or in a dump's data the column of the row it is in (`INSERT INTO customers
(id, nric) VALUES (1, 'S1234567D')`, a tab-separated `COPY` row). Read from the text around the
value, never by parsing the whole file: DM302 runs on gigabytes of data.
"""

from __future__ import annotations

import re

_TAG_OPEN = re.compile(r"<([A-Za-z][\w:.-]*)")
_TAG_NAME = re.compile(r"""\b(?:name|id|formControlName|v-model|path|property)\s*=\s*["']([^"']+)["']""")
# `nric: "`, `"nric": "`, `'ic_no' => '`, `nric = "`, `data-nric="`: the key right before the value.
_KEY_BEFORE = re.compile(r"""["']?([A-Za-z_][\w.\-\[\]]*)["']?\s*(?:=>|:|=)\s*["'`]?\s*$""")
_LOOK_BACK = 2000  # characters before a value searched for its tag or key
_HEAD = re.compile(
    r"(?:INSERT\s+(?:IGNORE\s+)?INTO|COPY)\s+([`\"\[\]\w.]+)\s*\(([^()]*)\)\s*(?:VALUES\b|FROM\s+stdin)", re.I
)


def holder(text: str, at: int) -> str | None:
    """The field holding the value that starts at offset `at` of a page, template or script."""
    start = max(0, at - _LOOK_BACK)
    before = text[start:at]
    opened = before.rfind("<")
    if opened >= 0 and before.rfind(">") < opened and _TAG_OPEN.match(before, opened):
        end = text.find(">", at)
        tag = text[start + opened : end if end >= 0 else at]
        named = _TAG_NAME.search(tag)
        if named:
            return named.group(1)
    line = before[before.rfind("\n") + 1 :]
    key = _KEY_BEFORE.search(line)
    if key and key.group(1).lower() not in ("value", "placeholder", "content", "default", "href", "src", "title"):
        return key.group(1)
    return None


def statement_head(text: str, before: int) -> tuple[str, list[str], bool] | None:
    """The last INSERT or COPY before offset `before`, when it names its columns: (table,
    columns, whether it is a COPY). Found with `rfind`: the text may be a batch of data rows."""
    at = max(text.rfind(word, 0, before) for word in ("INSERT", "insert", "Insert", "COPY", "copy"))
    if at < 0:
        return None
    found = _HEAD.match(text, at)
    if found is None:
        return None
    copy = found.group(0).upper().startswith("COPY")
    return found.group(1).strip('`"[]'), [c.strip().strip('`"[]') for c in found.group(2).split(",")], copy


def column_in_row(line: str, offset: int, columns: list[str], *, copy: bool) -> str | None:
    """The column of the value at `offset` of one data line: its place in a tab-separated COPY
    row, or in the parenthesised tuple of an INSERT's VALUES."""
    if copy:
        index = line.count("\t", 0, offset)
        return columns[index] if index < len(columns) else None
    values = re.search(r"\bVALUES\b", line[:offset], re.I)
    index, quote, depth = 0, "", 0
    for ch in line[values.end() if values else 0 : offset]:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch == "(":
            depth += 1
            if depth == 1:
                index = 0  # the next row of an extended INSERT
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 1:
            index += 1
    return columns[index] if index < len(columns) else None
