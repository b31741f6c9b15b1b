"""Split SQL files into statements, as a stream, without parsing them.

Schema statements are collected whole (they are small) with their first line; data
statements (`INSERT`, `REPLACE`, `COPY ... FROM stdin`, `LOAD DATA`) are never collected:
their lines are handed to a callback as they are read and then forgotten, so a dump of any
size is read in bounded memory and at the speed of reading lines. The splitter knows quotes,
comments, PostgreSQL dollar quoting, MySQL `DELIMITER`, T-SQL `GO` batches and SQL*Plus
commands (`REM`, `PROMPT`, `SET`, a line holding only `/`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

# Statements whose values are data, not schema.
_DATA = re.compile(
    r"\s*(?:INSERT\b|REPLACE\s+INTO\b|REPLACE\b\s*(?:LOW_PRIORITY|DELAYED)?\s*INTO|COPY\b|LOAD\s+DATA\b|UPSERT\b|MERGE\b)",
    re.I,
)
_COPY_STDIN = re.compile(r"\s*COPY\b.*\bFROM\s+STDIN\b", re.I | re.S)
# One-line client commands with no terminator.
_CLIENT = re.compile(
    r"\s*(?:REM(?:ARK)?\b|PROMPT\b|SET\s+(?:DEFINE|ECHO|FEEDBACK|HEADING|LINESIZE|PAGESIZE|SERVEROUTPUT|SQLBLANKLINES|"
    r"TERMOUT|TIMING|TRIMSPOOL|VERIFY|SCAN|TAB|WRAP|ARRAYSIZE|LONG|NUMWIDTH|AUTOCOMMIT|COLSEP|SQLPROMPT)\b|SPOOL\b|"
    r"WHENEVER\b|CONNECT\b|CONN\b|DISCONNECT\b|EXIT\b|QUIT\b|SHOW\b|DESC(?:RIBE)?\b|@@?\S|\\\\\w|\\connect\b|\\set\b|"
    r"\\echo\b|\\i\b|\\restrict\b|\\unrestrict\b)",
    re.I,
)
_GO = re.compile(r"\s*GO(?:\s+\d+)?\s*;?\s*$", re.I)
# A line that starts another statement ends a data statement written without a delimiter
# (T-SQL needs none): `INSERT INTO t VALUES (1)` then `GO` or `CREATE TABLE`.
_NEXT = re.compile(
    r"\s*(?:GO\b|CREATE\b|ALTER\b|DROP\b|INSERT\b|UPDATE\b|DELETE\b|SET\b|USE\b|GRANT\b|PRINT\b|EXEC\b|"
    r"DECLARE\b|IF\b|BEGIN\b|COMMIT\b|COPY\b|LOCK\b|UNLOCK\b|TRUNCATE\b|REPLACE\b|COMMENT\b|/\s*$)",
    re.I,
)
# Where a migration file's down half starts: goose, dbmate, Play evolutions, MyBatis.
_DOWN = re.compile(r"\s*--\s*(?:\+goose\s+Down|migrate:down|!Downs|//@UNDO)\b", re.I)
_SLASH = re.compile(r"\s*/\s*$")
# A table statement that a script forgot to end: the next one starts on a line of its own.
_TABLE_STATEMENT = re.compile(
    r"\s*(?:CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:GLOBAL|LOCAL)\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\s+)?TABLE\b"
    r"|ALTER\s+TABLE\b|DROP\s+TABLE\b|CREATE\s+(?:UNIQUE\s+)?INDEX\b|COMMENT\s+ON\b)",
    re.I,
)
_DELIMITER = re.compile(r"\s*DELIMITER\s+(\S+)\s*$", re.I)
_QUOTES = r"""'|"|`|\[|\]|--|#|/\*|\*/"""
_EVENTS = re.compile(_QUOTES + r"|\$[A-Za-z_]\w*\$|\$\$|;")  # with PostgreSQL's dollar quoting


class Statement(NamedTuple):
    text: str
    line: int  # where it starts (1-based)
    kind: str  # "schema" or "other" (data statements are not collected)
    column: int = 0  # characters before it on its first line, when it does not start a line


DataLine = Callable[[int, str], None]  # (first line, text of one or more lines)
ROWS_PER_BATCH = 2048


def statements(
    lines: Iterable[str],
    on_data: DataLine | None = None,
    *,
    hash_comments: bool = False,
    on_directive: DataLine | None = None,
) -> Iterator[Statement]:
    """The schema (and other) statements of a file; data lines go to `on_data(line, text)`,
    and lines outside data that mention `datamin:` to `on_directive(line, text)`.
    `hash_comments`: `#` starts a comment (MySQL)."""
    delimiter = ";"
    buffer: list[str] = []
    start = 0
    state = _State(hash_comments)
    data = False  # inside a data statement
    copy = False  # inside the rows of COPY ... FROM stdin
    rows: list[str] = []  # COPY rows not yet handed to on_data, from line rows_start
    rows_start = 0
    data_quote = False  # inside a quoted value that runs on to the next line
    number = 0
    line_start = True
    for line in lines:  # a very long line may come in pieces: only a piece after a newline counts
        if line_start:
            number += 1
        line_start = line.endswith("\n")
        if copy:
            if line.rstrip("\r\n") == "\\.":
                copy = False
                if rows and on_data:
                    on_data(rows_start, "".join(rows))
                rows = []
            elif on_data:
                if not rows:
                    rows_start = number
                rows.append(line)  # COPY rows are short and many: handed on in batches
                if len(rows) == ROWS_PER_BATCH:
                    on_data(rows_start, "".join(rows))
                    rows = []
            continue
        if data and not data_quote and _NEXT.match(line):
            data = False  # the data statement had no delimiter; this line starts the next one
        if data:
            if on_data:
                on_data(number, line)
            data_quote, ended = _data_line(line, data_quote, delimiter)
            data = not ended
            continue
        if not buffer and _DOWN.match(line):
            break  # what follows undoes the migration: it is not the schema's history
        if on_directive is not None and "datamin:" in line:
            on_directive(number, line)
        if not buffer:
            stripped = line.strip()
            if not stripped or stripped.startswith("--") or (hash_comments and stripped.startswith("#")):
                continue
            if _CLIENT.match(line) or _GO.match(line) or _SLASH.match(line):
                continue
            change = _DELIMITER.match(line)
            if change:
                delimiter = change.group(1)
                continue
            if _DATA.match(line):
                if on_data:
                    on_data(number, line)
                if _COPY_STDIN.match(line) and line.rstrip().endswith(";"):
                    copy = True
                else:
                    data_quote, ended = _data_line(line, False, delimiter)
                    data = not ended
                continue
            start = number
        elif not state.open() and (_GO.match(line) or _SLASH.match(line)):
            yield _statement("".join(buffer), start, delimiter)  # a batch or a PL/SQL block ends here
            buffer = []
            continue
        elif (
            not state.open()
            and line[:1].isalpha()
            and _NEXT.match(line)
            and _TABLE_STATEMENT.match(_strip_comments(buffer[0]))
            and _balanced("".join(buffer))
        ):
            # `CREATE TABLE a (...)` and then, at the start of a line, `CREATE TABLE b (...)` with
            # no `;` between them
            yield _statement("".join(buffer), start, delimiter)
            buffer = []
            state = _State(hash_comments)
            start = number
        rest = line
        while True:
            end = state.feed(rest, delimiter)
            if end < 0:
                buffer.append(rest)
                break
            buffer.append(rest[: end + len(delimiter)])
            yield _statement("".join(buffer), start, delimiter)
            buffer = []
            state = _State(hash_comments)
            rest = rest[end + len(delimiter) :]
            if not rest.strip() or rest.lstrip().startswith("--"):
                break
            start = number
    if rows and on_data:
        on_data(rows_start, "".join(rows))  # a COPY block the file does not end
    if "".join(buffer).strip():
        yield _statement("".join(buffer), start, delimiter)


def _statement(text: str, line: int, delimiter: str) -> Statement:
    # A statement starts on its first line with something on it, and ends before its delimiter.
    stripped = text.lstrip("\r\n")
    line += text.count("\n", 0, len(text) - len(stripped))
    stripped = stripped.rstrip()
    if stripped.endswith(delimiter):
        stripped = stripped[: -len(delimiter)]
    return Statement(stripped, line, "schema" if _SCHEMA.match(_strip_comments(stripped)) else "other")


_SCHEMA = re.compile(
    r"\s*(?:CREATE\b|ALTER\s+TABLE\b|RENAME\s+TABLE\b|DROP\s+TABLE\b|COMMENT\s+ON\b|LABEL\s+ON\b|IF\b|BEGIN\b"
    r"|EXEC(?:UTE)?\s+(?:\w+\.)*sp_(?:addextendedproperty|updateextendedproperty|rename)\b)",
    re.I,
)
_LEADING_COMMENTS = re.compile(r"(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/|#[^\n]*(?:\n|$))*", re.S)


def _strip_comments(text: str) -> str:
    return text[_LEADING_COMMENTS.match(text).end() :]  # type: ignore[union-attr]


def _balanced(text: str) -> bool:
    return text.count("(") == text.count(")")


def _data_line(line: str, quoted: bool, delimiter: str) -> tuple[bool, bool]:
    """Is a quoted value still open after this line, and does the data statement end on it?
    Counted with string operations, not a character loop: dumps are large."""
    plain = line.replace("\\\\", "").replace("\\'", "")
    if plain.count("'") % 2:
        quoted = not quoted
    return quoted, not quoted and line.rstrip().endswith(delimiter)


class _State:
    """Where a statement stands inside quotes and comments, fed line by line."""

    def __init__(self, hash_comments: bool) -> None:
        self.quote = ""  # ', ", `, ], a dollar tag, or "*/" inside a block comment
        self.hash_comments = hash_comments

    def open(self) -> bool:
        return bool(self.quote)

    def feed(self, line: str, delimiter: str) -> int:
        """The offset in `line` where the statement ends (outside quotes and comments), or -1.
        The state is left as it stands at that point (or at the end of the line)."""
        at = 0
        events = _EVENTS if delimiter == ";" else _events(delimiter)
        while True:
            if self.quote:  # only its closing mark matters: found without the regex
                close = line.find(self.quote, at)
                if close < 0:
                    return -1
                at = close + len(self.quote)
                self.quote = ""
            match = events.search(line, at)
            if match is None:
                return -1
            token, at = match.group(), match.end()
            if token == delimiter:
                return match.start()
            if token in ("'", '"', "`"):
                self.quote = token
            elif token == "[":
                self.quote = "]"
            elif token == "/*":
                self.quote = "*/"
            elif token.startswith("$"):
                self.quote = token
            elif token == "--" or (token == "#" and self.hash_comments):
                return -1


@lru_cache(maxsize=8)
def _events(delimiter: str) -> re.Pattern[str]:
    """A MySQL `DELIMITER $$` block knows no dollar quoting: `$$` ends its statements."""
    return re.compile(_QUOTES + "|" + re.escape(delimiter))
