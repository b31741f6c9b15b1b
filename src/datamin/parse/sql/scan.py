"""The tolerant reader: columns out of `CREATE TABLE` and `ALTER TABLE` text that sqlglot
cannot parse, and the few statements it reads only as commands (`RENAME TABLE`, T-SQL's
`sp_rename` and `sp_addextendedproperty`).

It reads what can be read honestly: a column list between balanced parentheses, split at the
commas outside quotes, comments and nested parentheses, each item a column unless it starts
with a constraint keyword. Everything it reads is marked as read by the tolerant reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from datamin.parse.schema import Column, Schema

_IDENT = r'(?:`[^`]+`|"[^"]+"|\[[^\]]+\]|[\w$#@]+)'
_NAME = rf"(?:{_IDENT}\s*\.\s*){{0,2}}{_IDENT}"
_CREATE = re.compile(
    r"CREATE\s+(?:OR\s+REPLACE\s+)?((?:(?:GLOBAL|LOCAL|TEMP|TEMPORARY|TRANSIENT|UNLOGGED|VOLATILE|EXTERNAL|VIRTUAL|"
    rf"MULTISET|SET|SHARDED|DUPLICATED|IMMUTABLE|BLOCKCHAIN|PRIVATE|HYBRID|ICEBERG|DYNAMIC)\s+)*)TABLE\s+"
    rf"(IF\s+NOT\s+EXISTS\s+)?({_NAME})\s*(\(|LIKE\s+({_NAME}))?",
    re.I,
)
_ALTER = re.compile(rf"ALTER\s+TABLE\s+(?:ONLY\s+)?(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?({_NAME})\s*", re.I)
_NOT_COLUMNS = frozenset(
    [
        "constraint",
        "primary",
        "key",
        "unique",
        "index",
        "foreign",
        "check",
        "fulltext",
        "spatial",
        "exclude",
        "period",
        "like",
        "partition",
        "clustered",
        "nonclustered",
    ]
)
_ACTION = re.compile(
    r"(ADD|DROP|RENAME|CHANGE|MODIFY|ALTER)\b\s*(?:(COLUMN)\b\s*)?(?:(IF\s+(?:NOT\s+)?EXISTS)\s+)?", re.I
)
_COMMENT = re.compile(r"\bCOMMENT\s*(?:=\s*)?'((?:[^']|'')*)'", re.I)
_DESCRIPTION = re.compile(r"\bdescription\s*=\s*(?:'((?:[^']|'')*)'|\"([^\"]*)\")", re.I)
_TYPE = re.compile(
    r"\s*[\[\"]?((?:[A-Za-z_][\w.]*)(?:\s+(?:PRECISION|VARYING|UNSIGNED|ZEROFILL|CHAR|BYTE))*)[\]\"]?\s*(\([^)]*\))?"
)
_QUOTED = re.compile(r"'((?:[^']|'')*)'")
_LEADING = re.compile(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/|#[^\n]*(?:\n|$))*", re.S)
_NEXT_STATEMENT = re.compile(
    r"\n\s*(?:END|ELSE|GO|IF|BEGIN|CREATE|ALTER|DROP|INSERT|UPDATE|DELETE|EXEC|EXECUTE|PRINT|SET|RETURN)\b", re.I
)
_RENAME_TABLE = re.compile(r"\s*RENAME\s+TABLES?\s+(.*)", re.I | re.S)
_RENAME_PAIR = re.compile(rf"({_NAME})\s+TO\s+({_NAME})", re.I)
_EXEC = re.compile(
    r"\s*EXEC(?:UTE)?\s+(?:\w+\.)?(?:\w+\.)?(sp_rename|sp_addextendedproperty|sp_updateextendedproperty)\b(.*)",
    re.I | re.S,
)
_ARGUMENT = re.compile(r"(?:@(\w+)\s*=\s*)?(?:N?'((?:[^']|'')*)'|([\w.\[\]]+))")

FALLBACK = "read by the tolerant reader"


def strip_leading_comments(text: str) -> str:
    match = _LEADING.match(text)
    return text[match.end() :] if match else text


def unquote(identifier: str) -> str:
    parts = re.findall(_IDENT, identifier)
    return ".".join(p[1:-1] if p[:1] in '`"[' else p for p in parts)


def read(schema: Schema, text: str, path: str, line: int) -> tuple[str, bool]:
    """Apply a CREATE or ALTER TABLE statement without sqlglot. Returns what was read, and
    whether the statement is about columns at all (`ENABLE ROW LEVEL SECURITY` is not)."""
    body = strip_leading_comments(text)
    offset = len(text) - len(body)
    create = _CREATE.match(body)
    if create:
        return _create(schema, create, text, offset, path, line)
    alter = _ALTER.match(body)
    if alter:
        return _alter(schema, unquote(alter.group(1)), text, offset + alter.end(), path, line)
    return "no columns read from it", False


def without_table_options(text: str) -> str:
    """A CREATE TABLE statement cut after its column list."""
    body = strip_leading_comments(text)
    create = _CREATE.match(body)
    if not create or not create.group(4):
        return text
    offset = len(text) - len(body)
    return text[: _closing(text, offset + create.end(4)) + 1]


def _read(count: int) -> str:
    return f"{count} column{'s' if count != 1 else ''} {FALLBACK}"


def _create(schema: Schema, create: re.Match[str], text: str, offset: int, path: str, line: int) -> tuple[str, bool]:
    if re.search(r"\bTEMP(?:ORARY)?\b", create.group(1) or "", re.I) or create.group(3).startswith("#"):
        return "a temporary table; nothing stored", False
    name = unquote(create.group(3))
    at_line, _ = _position(text, offset + create.start(3), line)
    if create.group(5):  # CREATE TABLE x LIKE y
        at_line, at_column = _position(text, offset + create.start(5), line)
        columns = schema.like(unquote(create.group(5)), path, at_line, at_column)
    elif create.group(4):
        columns = list(_columns(text, offset + create.end(4), path, line))
    else:
        return "no column list", False
    options = _TABLE_COMMENT.search(text, _closing(text, offset + create.end(4)) + 1) if create.group(4) else None
    comment = next((g for g in options.groups() if g), "").replace("''", "'") if options else ""
    schema.create(name, path, at_line, columns, if_not_exists=bool(create.group(2)), comment=comment)
    return _read(len(columns)), True


def _alter(schema: Schema, table: str, text: str, at: int, path: str, line: int) -> tuple[str, bool]:
    read = 0
    about_columns = False
    last = ""
    for raw_start, raw_item in _items(text, at, len(text)):
        item = raw_item.lstrip()
        start = raw_start + len(raw_item) - len(item)
        action = _ACTION.match(item)
        verb = action.group(1).upper() if action else ""
        rest_at = start + (action.end() if action else 0)
        rest = text[rest_at : start + len(item)]
        if not action and last == "ADD":  # T-SQL: ADD a int, b int
            verb, rest_at, rest = "ADD", start, item
        if verb == "ADD":
            stripped = rest.lstrip()
            if stripped.startswith("("):
                inner = rest_at + (len(rest) - len(stripped)) + 1
                for listed in _columns(text, inner, path, line):
                    schema.add(table, listed)
                    read += 1
            else:
                column = _column(text, rest_at, rest, path, line)
                if column:
                    schema.add(table, column, if_not_exists=bool(action and action.group(3)))
                    read += 1
        elif verb == "DROP":
            name = _first_identifier(rest)
            if name and ((action and action.group(2)) or name.lower() not in _NOT_COLUMNS):
                schema.drop_column(table, name)
            else:
                verb = "DROP CONSTRAINT"
        elif verb == "RENAME":
            rename = re.match(rf"\s*({_IDENT})\s+TO\s+({_IDENT})", rest, re.I)
            to_table = re.match(rf"\s*(?:TO|AS)\s+({_NAME})", rest, re.I)
            if action and action.group(2) and rename:
                at_line, at_column = _position(text, rest_at + rename.start(2), line)
                schema.rename_column(
                    table, unquote(rename.group(1)), unquote(rename.group(2)), path, at_line, at_column
                )
            elif to_table:
                schema.rename_table(table, unquote(to_table.group(1)))
                table = unquote(to_table.group(1))
        elif verb == "CHANGE":
            old = re.match(rf"\s*({_IDENT})\s+", rest)
            if old:
                column = _column(text, rest_at + old.end(), rest[old.end() :], path, line)
                if column:
                    schema.modify(table, column, unquote(old.group(1)))
                    read += 1
        elif verb in ("MODIFY", "ALTER"):
            stripped = rest.lstrip()
            if verb == "MODIFY" and stripped.startswith("("):
                inner = rest_at + (len(rest) - len(stripped)) + 1
                for listed in _columns(text, inner, path, line):
                    schema.modify(table, listed)
                    read += 1
            else:
                cleaned = re.sub(r"^(\s*" + _IDENT + r"\s+)(?:SET\s+DATA\s+)?TYPE\s+", r"\1", rest, flags=re.I)
                column = _column(text, rest_at, cleaned, path, line)
                if column and column.type and not re.match(r"(?:set|drop|add)\b", column.type, re.I):
                    schema.retype(table, column.name, column.type, column.length)
        if (verb in ("ADD", "CHANGE", "MODIFY") and read) or verb in ("DROP", "RENAME"):
            about_columns = True
        last = verb or last
    return _read(read), about_columns


def _columns(text: str, at: int, path: str, line: int) -> Iterator[Column]:
    """The columns of a parenthesised list that starts at `at` (just after its `(`)."""
    for start, item in _items(text, at, _closing(text, at)):
        column = _column(text, start, item, path, line)
        if column:
            yield column


def _column(text: str, start: int, item: str, path: str, line: int) -> Column | None:
    body = strip_leading_comments(item)
    name_at = start + len(item) - len(body)
    name = _first_identifier(body)
    if not name or (name.lower() in _NOT_COLUMNS and not body.startswith(('"', "`", "["))):
        return None
    after = body[len(re.match(_IDENT, body).group()) :]  # type: ignore[union-attr]
    match = _TYPE.match(after)
    type_ = ""
    length = None
    if match and match.group(1).upper() not in ("NOT", "NULL", "DEFAULT", "PRIMARY", "REFERENCES", "CONSTRAINT"):
        base = " ".join(match.group(1).lower().split())
        params = re.sub(r"\s+", "", match.group(2) or "")
        type_ = base + params
        digits = re.match(r"\((\d+)", params)
        length = int(digits.group(1)) if digits and "char" in base else None
    options: tuple[str, ...] = ()
    if type_.startswith(("enum(", "set(")):
        options = tuple(v.replace("''", "'") for v in _QUOTED.findall(match.group(2) or ""))  # type: ignore[union-attr]
        type_ = type_.split("(", 1)[0]
    comment = _COMMENT.search(after) or _DESCRIPTION.search(after)
    text_comment = next((g for g in comment.groups() if g), "").replace("''", "'") if comment else ""
    at_line, at_column = _position(text, name_at, line)
    return Column(unquote(name), path, at_line, at_column, type_, text_comment, options, length, fallback=True)


def _first_identifier(text: str) -> str:
    match = re.match(r"\s*(" + _IDENT + ")", text)
    return unquote(match.group(1)) if match else ""


def _items(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """The comma-separated items between `start` and `end`, outside quotes, comments and
    nested parentheses, each with the offset where it starts."""
    depth = 0
    item_start = start
    i = start
    while i < end:
        ch = text[i]
        if ch in "'\"`[":
            close = "]" if ch == "[" else ch
            j = text.find(close, i + 1)
            i = end if j < 0 else j + 1
            continue
        if text.startswith("--", i):
            j = text.find("\n", i)
            i = end if j < 0 else j + 1
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = end if j < 0 else j + 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            yield item_start, text[item_start:i]
            item_start = i + 1
        i += 1
    if text[item_start:end].strip():
        yield item_start, text[item_start:end]


def _closing(text: str, at: int) -> int:
    """Where the parenthesis opened just before `at` closes (or the end of the text)."""
    depth = 1
    i = at
    while i < len(text):
        ch = text[i]
        if ch in "'\"`":
            j = text.find(ch, i + 1)
            i = len(text) if j < 0 else j + 1
            continue
        if text.startswith("--", i):
            j = text.find("\n", i)
            i = len(text) if j < 0 else j + 1
            continue
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            i = len(text) if j < 0 else j + 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return len(text)


def in_string(text: str, at: int) -> bool:
    """Is `at` inside a quoted string (`EXECUTE 'CREATE TABLE ' || name`)? Counted roughly:
    quotes before it outside line comments."""
    before = re.sub(r"--[^\n]*", "", text[:at])
    return before.count("'") % 2 == 1


# A table's comment after its column list: MySQL `COMMENT='...'`, BigQuery `description="..."`.
_TABLE_COMMENT = re.compile(r"""\b(?:COMMENT\s*=?\s*'((?:[^']|'')*)'|description\s*=\s*["']([^"']*)["'])""", re.I)


def _position(text: str, at: int, line: int) -> tuple[int, int]:
    return line + text.count("\n", 0, at), at - (text.rfind("\n", 0, at) + 1) + 1


def statement_at(text: str, start: int) -> str:
    """A CREATE or ALTER TABLE statement inside a larger one (an IF block, a procedure):
    to the end of its column list, or to the next statement."""
    rest = text[start:]
    create = _CREATE.match(rest)
    if create and create.group(4):
        return rest[: _closing(rest, create.end(4)) + 1]
    end = _NEXT_STATEMENT.search(rest)
    cut = rest[: end.start()] if end else rest
    return cut.split(";", 1)[0]


def command(schema: Schema, text: str, path: str, line: int) -> bool:
    """`RENAME TABLE a TO b`, `EXEC sp_rename 't.a', 'b', 'COLUMN'`, and column descriptions
    given with `sp_addextendedproperty`. False when the command is none of these."""
    body = strip_leading_comments(text)
    rename = _RENAME_TABLE.match(body)
    if rename:
        for old, new in _RENAME_PAIR.findall(rename.group(1)):
            schema.rename_table(unquote(old), unquote(new))
        return True
    execute = _EXEC.match(body)
    if not execute:
        return False
    named: dict[str, str] = {}
    positional: list[str] = []
    for key, quoted, bare_value in _ARGUMENT.findall(execute.group(2)):
        value = quoted.replace("''", "'") if quoted or not bare_value else bare_value
        if key:
            named[key.lower()] = value
        else:
            positional.append(value)
    if execute.group(1).lower() == "sp_rename":
        args = [named.get("objname"), named.get("newname"), named.get("objtype")]
        args = [a or (positional[i] if i < len(positional) else "") for i, a in enumerate(args)]
        if (args[2] or "").upper() == "COLUMN" and "." in (args[0] or ""):
            table, old = unquote(args[0] or "").rsplit(".", 1)
            schema.rename_column(table, old, unquote(args[1] or ""), path, line, 1)
        elif not args[2]:
            schema.rename_table(unquote(args[0] or ""), unquote(args[1] or ""))
        return True
    keys = ["name", "value", "level0type", "level0name", "level1type", "level1name", "level2type", "level2name"]
    values = {k: named.get(k) or (positional[i] if i < len(positional) else "") for i, k in enumerate(keys)}
    described = values["name"].lower() == "ms_description"
    if described and values["level1type"].upper() == "TABLE" and not values["level2type"]:
        table = unquote(values["level1name"])
        if values["level0name"] and schema.find(f"{unquote(values['level0name'])}.{table}"):
            table = f"{unquote(values['level0name'])}.{table}"
        schema.table_comment(table, values["value"])
    if values["name"].lower() == "ms_description" and values["level2type"].upper() == "COLUMN":
        table = unquote(values["level1name"])
        if values["level0name"] and schema.find(f"{unquote(values['level0name'])}.{table}"):
            table = f"{unquote(values['level0name'])}.{table}"
        schema.comment(table, unquote(values["level2name"]), values["value"])
    return True
